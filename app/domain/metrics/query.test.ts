import { expect, test } from "vitest";
import { filtersFromQuery, metricsQuerySchema } from "./query";

const issues = (query: Record<string, string>) => {
  const result = metricsQuerySchema.safeParse(query);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

test("dates and date-times parse as UTC instants; filters pass through", () => {
  const query = metricsQuerySchema.parse({ from: "2026-03-01", to: "2026-04-01T12:00:00+02:00", jobId: " j1 " });
  expect(query.from).toEqual(new Date("2026-03-01T00:00:00Z"));
  expect(query.to).toEqual(new Date("2026-04-01T10:00:00Z"));
  expect(filtersFromQuery(query)).toEqual({ from: query.from, to: query.to, jobId: "j1" });
});

test("missing, malformed and impossible dates are refused by name", () => {
  expect(issues({ to: "2026-03-01" })).toEqual(["from: from is required."]);
  expect(issues({ from: "yesterday", to: "2026-03-01" })[0]).toMatch(/^from: from must be an ISO 8601/);
  expect(issues({ from: "2026-02-31", to: "2026-03-05" })[0]).toMatch(/^from: /);
  expect(issues({ from: "2026-03-01T25:00:00Z", to: "2026-03-05" })[0]).toMatch(/^from: /);
});

test("from must come before to, and the window spans at most two years", () => {
  expect(issues({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["to: to must be after from."]);
  expect(issues({ from: "2026-03-02", to: "2026-03-01" })).toEqual(["to: to must be after from."]);
  expect(issues({ from: "2024-03-01", to: "2026-03-01" })).toEqual([]);
  expect(issues({ from: "2024-03-01", to: "2026-03-01T00:00:00.001Z" })[0]).toMatch(/^to: The window may span/);
  expect(issues({ from: "2026-03-01", to: "2026-04-01", jobId: "" })).toEqual(["jobId: jobId must not be empty."]);
});
