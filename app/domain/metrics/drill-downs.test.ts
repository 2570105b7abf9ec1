import { expect, test } from "vitest";
import { DRILL_DOWNS, drillDownSlug, parseDrillDown } from "./drill-downs";

test("a late-clock drill-down is named after its metric in URLs, and the name reads back as the same drill-down", () => {
  expect(drillDownSlug({ kind: "breached", metric: "first_response" })).toBe("first_response_breached");
  expect(parseDrillDown("closure_breached")).toEqual({ kind: "breached", metric: "closure" });
  expect(drillDownSlug({ kind: "breached_now" })).toBe("breached_now");
  expect(parseDrillDown("breached_now")).toEqual({ kind: "breached_now" });
});

test("every drill-down survives the round trip through its URL name, and the names are distinct", () => {
  const slugs = DRILL_DOWNS.map(drillDownSlug);
  expect(new Set(slugs).size).toBe(DRILL_DOWNS.length);
  for (const drillDown of DRILL_DOWNS) expect(parseDrillDown(drillDownSlug(drillDown))).toEqual(drillDown);
});

test("names of no figure are not drill-downs", () => {
  for (const slug of ["", "everything", "breached", "unknown_breached", "first_response", "silent_breached"]) {
    expect(parseDrillDown(slug), slug).toBeNull();
  }
});
