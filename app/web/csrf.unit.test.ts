import { expect, test } from "vitest";
import { rejectCrossSiteMutation } from "./csrf.server";

const base = { method: "POST", path: "/jobs/new", host: "app.example.com", origin: undefined, referer: undefined };

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
  expect(rejectCrossSiteMutation({ ...base, path: "/api/v1/jobs", origin: "https://evil.example" })).toBeNull();
});

test("the CLI's secret-authenticated endpoint is exempt, other paths that merely look alike are not", () => {
  expect(rejectCrossSiteMutation({ ...base, path: "/internal/cli/tokens" })).toBeNull();
  expect(rejectCrossSiteMutation({ ...base, path: "/internal/clinic" })).toMatch(/without an Origin/);
});

test("candidates' cookie-less pages are exempt (their no-referrer forms post with Origin: null); staff pages are not", () => {
  expect(rejectCrossSiteMutation({ ...base, path: "/s/abc/ask", origin: "null" })).toBeNull();
  expect(rejectCrossSiteMutation({ ...base, path: "/settings/users", origin: "null" })).toMatch(/unknown page/);
});
