import { expect, test } from "vitest";
import { rejectCrossSiteMutation, routedPath } from "./csrf.server";

const base = { method: "POST", url: "/jobs/new", host: "app.example.com", origin: undefined, referer: undefined };

test("reads are never refused", () => {
  expect(rejectCrossSiteMutation({ ...base, method: "GET", origin: "https://evil.example" })).toBeNull();
});

test("a same-origin form post is accepted", () => {
  expect(rejectCrossSiteMutation({ ...base, origin: "https://app.example.com" })).toBeNull();
  expect(rejectCrossSiteMutation({ ...base, referer: "https://app.example.com/jobs" })).toBeNull();
});

test("a post from another site is refused", () => {
  expect(rejectCrossSiteMutation({ ...base, origin: "https://evil.example" })).toMatch(/another site/);
  expect(rejectCrossSiteMutation({ ...base, origin: "https://app.example.com.evil.example" })).toMatch(/another site/);
});

test("a post without Origin or Referer is refused", () => {
  expect(rejectCrossSiteMutation(base)).toMatch(/without an Origin/);
});

test("the bearer-token API is exempt", () => {
  expect(rejectCrossSiteMutation({ ...base, url: "/api/v1/jobs", origin: "https://evil.example" })).toBeNull();
});

test("the CLI's secret-authenticated endpoint is exempt, other paths that merely look alike are not", () => {
  expect(rejectCrossSiteMutation({ ...base, url: "/internal/cli/tokens" })).toBeNull();
  expect(rejectCrossSiteMutation({ ...base, url: "/internal/clinic" })).toMatch(/without an Origin/);
});

test("candidates' cookie-less pages are exempt (their no-referrer forms post with Origin: null); staff pages are not", () => {
  expect(rejectCrossSiteMutation({ ...base, url: "/s/abc/ask", origin: "null" })).toBeNull();
  expect(rejectCrossSiteMutation({ ...base, url: "/settings/users", origin: "null" })).toMatch(/unknown page/);
});

test("a foreign origin is refused on candidates' pages too", () => {
  expect(rejectCrossSiteMutation({ ...base, url: "/s/abc/ask", origin: "https://evil.example" })).toMatch(
    /another site/,
  );
  expect(rejectCrossSiteMutation({ ...base, url: "/s/abc/ask" })).toBeNull();
});

test("the decision is made on the path the router runs, not on the path as sent", () => {
  expect(routedPath("/s/../applications/abc?x=1")).toBe("/applications/abc");
  expect(routedPath("/s/%2e%2e/applications/abc")).toBe("/applications/abc");
  expect(rejectCrossSiteMutation({ ...base, url: "/s/../applications/abc" })).toMatch(/without an Origin/);
  expect(rejectCrossSiteMutation({ ...base, url: "/s/%2E%2E/applications/abc", origin: "null" })).toMatch(
    /unknown page/,
  );
  expect(rejectCrossSiteMutation({ ...base, url: "/api/../settings/users" })).toMatch(/without an Origin/);
});

test("with PUBLIC_URL set, only its host is trusted, whatever Host a proxy passes on", () => {
  const behindProxy = { ...base, host: "internal:8080", origin: "https://app.example.com" };
  expect(rejectCrossSiteMutation(behindProxy, "https://app.example.com")).toBeNull();
  expect(
    rejectCrossSiteMutation({ ...behindProxy, origin: "http://internal:8080" }, "https://app.example.com"),
  ).toMatch(/another site/);
});
