import { expect, test } from "vitest";
import { EnvError, parseEnv } from "./env.server";

test("defaults give an embedded, zero-configuration start", () => {
  const env = parseEnv({});
  expect(env.PORT).toBe(3000);
  expect(env.DATABASE_URL).toBeUndefined();
  expect(env.HEARBACK_DATA_DIR).toBe("./data");
  expect(env.HEARBACK_DEMO).toBe(true);
});

test("HEARBACK_DEMO=0 turns the demo off", () => {
  expect(parseEnv({ HEARBACK_DEMO: "0" }).HEARBACK_DEMO).toBe(false);
  expect(parseEnv({ HEARBACK_DEMO: "false" }).HEARBACK_DEMO).toBe(false);
});

test("daily backups are on unless HEARBACK_BACKUPS=off; a misspelt value is refused", () => {
  expect(parseEnv({}).HEARBACK_BACKUPS).toBe(true);
  expect(parseEnv({ HEARBACK_BACKUPS: "off" }).HEARBACK_BACKUPS).toBe(false);
  expect(() => parseEnv({ HEARBACK_BACKUPS: "of" })).toThrow(/HEARBACK_BACKUPS/);
});

test("empty strings count as unset", () => {
  expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
});

test("a bad variable is named in the error", () => {
  expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
  expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql:\/\//);
  expect(() => parseEnv({ PUBLIC_URL: "not a url" })).toThrow(/PUBLIC_URL/);
  expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
});

test("several bad variables are all reported", () => {
  try {
    parseEnv({ PORT: "0", SMTP_URL: "http://mail" });
    expect.unreachable();
  } catch (error) {
    expect((error as Error).message).toMatch(/PORT/);
    expect((error as Error).message).toMatch(/SMTP_URL/);
  }
});

test("LOG_LEVEL is info unless set to one of pino's levels", () => {
  expect(parseEnv({}).LOG_LEVEL).toBe("info");
  expect(parseEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
  expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL: must be one of/);
});
