import { expect, test } from "vitest";
import { loggedPath, requestLine, requestLogged } from "./request-log.server";

test("a logged path has no query string and no secret", () => {
  expect(loggedPath("/jobs/j1?q=jane%40example.com")).toBe("/jobs/j1");
  expect(loggedPath("/s/AbCdEfGhIjKlMnOpQrStUvWxYz012345")).toBe("/s/:token");
  expect(loggedPath("/s/AbCdEfGhIjKlMnOpQrStUvWxYz012345/withdraw?x=1")).toBe("/s/:token/withdraw");
  expect(loggedPath("/join/secret-value")).toBe("/join/:secret");
  expect(loggedPath(`/${"x".repeat(300)}`)).toHaveLength(201);
});

test("health checks, assets and the development server's files get no line", () => {
  for (const path of ["/healthz", "/readyz", "/assets/root-abc.js", "/favicon.svg", "/@vite/client", "/app/root.tsx"]) {
    expect(requestLogged(path), path).toBe(false);
  }
  for (const path of ["/", "/jobs", "/s/:token", "/api/v1/jobs", "/healthz/x", "/applications/a1"]) {
    expect(requestLogged(path), path).toBe(true);
  }
});

test("a request's line: method, path, status, duration; aborted when the client left first", () => {
  const base = { method: "GET", url: "/jobs?x=1", status: 200, startedAt: 1000, endedAt: 1012.345, finished: true };
  expect(requestLine(base)).toEqual({ method: "GET", path: "/jobs", status: 200, ms: 12.3 });
  expect(requestLine({ ...base, finished: false })).toMatchObject({ aborted: true });
});
