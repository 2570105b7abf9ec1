// `npx hearback token …` run as a real process, on its own data folder (or the test's PostgreSQL database).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-cli-"));

async function hearback(...args: string[]) {
  const env = { ...process.env, HEARBACK_DATA_DIR: dataDir, NODE_ENV: "production" as const };
  try {
    const { stdout, stderr } = await run("node", ["bin/hearback.mjs", ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test("token create prints the token alone on the last line, and it is stored hashed", async () => {
  const { code, stdout, stderr } = await hearback("token", "create", "--name", "ci pipeline");
  expect(code).toBe(0);
  const lastLine = stdout.trimEnd().split("\n").at(-1)!;
  expect(lastLine).toMatch(/^hb_[A-Za-z0-9_-]{40,}$/);
  expect(stderr).toMatch(/will not be shown again/);

  const listed = await hearback("token", "list");
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain("ci pipeline");
  expect(listed.stdout).toContain(lastLine.slice(0, 11));
  expect(listed.stdout).not.toContain(lastLine);
});

test("a revoked token is shown as revoked", async () => {
  const created = await hearback("token", "create", "--name", "short-lived");
  const listed = await hearback("token", "list");
  const row = listed.stdout.split("\n").find((line) => line.includes("short-lived"))!;
  const tokenId = row.split(/\s+/)[0]!;
  expect(created.code).toBe(0);
  const revoked = await hearback("token", "revoke", tokenId);
  expect(revoked.code).toBe(0);
  const after = await hearback("token", "list");
  expect(after.stdout.split("\n").find((line) => line.includes("short-lived"))).toMatch(/revoked/);
});

test("mistakes get a clear message and a non-zero exit", async () => {
  const missingName = await hearback("token", "create");
  expect(missingName.code).toBe(2);
  expect(missingName.stderr).toMatch(/needs a name/);
  const unknown = await hearback("tokens", "make");
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown command/);
  const revokeUnknown = await hearback("token", "revoke", "no-such-id");
  expect(revokeUnknown.code).not.toBe(0);
  expect(revokeUnknown.stderr).toMatch(/No API token has the id no-such-id/);
  const help = await hearback("--help");
  expect(help.stdout).toMatch(/token create --name <name>/);
});
