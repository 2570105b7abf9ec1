import { expect, test } from "vitest";
import { instantToZonedLocal, isLocalDateTime, wholeDaysBetween, zonedLocalToInstant } from "./local-time";

test("a wall-clock time becomes the right instant in winter and summer", () => {
  expect(zonedLocalToInstant("2026-01-15T09:30", "Europe/Berlin")).toEqual(new Date("2026-01-15T08:30:00Z"));
  expect(zonedLocalToInstant("2026-07-01T09:30", "Europe/Berlin")).toEqual(new Date("2026-07-01T07:30:00Z"));
  expect(zonedLocalToInstant("2026-07-01T09:30", "America/New_York")).toEqual(new Date("2026-07-01T13:30:00Z"));
  expect(zonedLocalToInstant("2026-07-01T09:30", "Asia/Kolkata")).toEqual(new Date("2026-07-01T04:00:00Z"));
  expect(zonedLocalToInstant("2026-07-01T09:30", "UTC")).toEqual(new Date("2026-07-01T09:30:00Z"));
});

test("DST changes: a skipped time moves forward, a repeated time takes its first occurrence", () => {
  // Berlin springs forward at 02:00 on 29 March 2026: 02:30 does not exist and is read as 03:30 CEST.
  expect(zonedLocalToInstant("2026-03-29T02:30", "Europe/Berlin")).toEqual(new Date("2026-03-29T01:30:00Z"));
  // Berlin falls back at 03:00 on 25 October 2026: 02:30 happens twice; the first is still CEST.
  expect(zonedLocalToInstant("2026-10-25T02:30", "Europe/Berlin")).toEqual(new Date("2026-10-25T00:30:00Z"));
});

test("an instant shown as a datetime-local value in a zone", () => {
  expect(instantToZonedLocal(new Date("2026-07-01T07:30:00Z"), "Europe/Berlin")).toBe("2026-07-01T09:30");
  expect(instantToZonedLocal(new Date("2026-01-01T00:15:00Z"), "America/Los_Angeles")).toBe("2025-12-31T16:15");
});

test("only real local date-times are accepted", () => {
  expect(isLocalDateTime("2026-02-28T23:59")).toBe(true);
  expect(isLocalDateTime("2026-02-30T10:00")).toBe(false);
  expect(isLocalDateTime("2026-02-10T24:00")).toBe(false);
  expect(isLocalDateTime("2026-02-10 10:00")).toBe(false);
  expect(isLocalDateTime("yesterday")).toBe(false);
  expect(() => zonedLocalToInstant("yesterday", "UTC")).toThrow(RangeError);
});

test("whole days waiting round down and never go negative", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  expect(wholeDaysBetween(new Date("2026-05-10T01:00:00Z"), now)).toBe(0);
  expect(wholeDaysBetween(new Date("2026-05-07T12:00:00Z"), now)).toBe(3);
  expect(wholeDaysBetween(new Date("2026-05-11T12:00:00Z"), now)).toBe(0);
});
