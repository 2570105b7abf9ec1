import { expect, test } from "vitest";
import { guessDateOrder, readDate } from "./dates";
import type { DateOrder } from "./types";

const BERLIN = { dateOrder: "mdy" as DateOrder, timeZone: "Europe/Berlin" };

function iso(text: string, options = BERLIN): string | null {
  const date = readDate(text, options);
  return date instanceof Date ? date.toISOString() : date;
}

test("a date alone is noon in the workspace's zone", () => {
  expect(iso("2026-12-31")).toBe("2026-12-31T11:00:00.000Z");
  expect(iso("2026-07-31")).toBe("2026-07-31T10:00:00.000Z");
  expect(iso("2026-12-31", { dateOrder: "mdy", timeZone: "America/Los_Angeles" })).toBe("2026-12-31T20:00:00.000Z");
});

test("ISO dates with a time, with and without an offset", () => {
  expect(iso("2026-12-31T14:05")).toBe("2026-12-31T13:05:00.000Z");
  expect(iso("2026-12-31 14:05:00")).toBe("2026-12-31T13:05:00.000Z");
  expect(iso("2026-12-31T14:05:00Z")).toBe("2026-12-31T14:05:00.000Z");
  expect(iso("2026-12-31T14:05:00.123Z")).toBe("2026-12-31T14:05:00.000Z");
  expect(iso("2026-12-31T14:05:00+02:00")).toBe("2026-12-31T12:05:00.000Z");
  expect(iso("2026-12-31T14:05-0500")).toBe("2026-12-31T19:05:00.000Z");
});

test("dots are always day first, and two-digit years are this century", () => {
  expect(iso("31.12.2026")).toBe("2026-12-31T11:00:00.000Z");
  expect(iso("31.12.26")).toBe("2026-12-31T11:00:00.000Z");
  expect(iso("03.04.2026")).toBe("2026-04-03T10:00:00.000Z");
  expect(iso("3.4.2026 14:05")).toBe("2026-04-03T12:05:00.000Z");
});

test("slashes follow the date order unless a number above 12 tells", () => {
  expect(iso("12/31/2026")).toBe("2026-12-31T11:00:00.000Z");
  expect(iso("31/12/2026")).toBe("2026-12-31T11:00:00.000Z");
  expect(iso("3/4/2026")).toBe("2026-03-04T11:00:00.000Z");
  expect(iso("3/4/2026", { ...BERLIN, dateOrder: "dmy" })).toBe("2026-04-03T10:00:00.000Z");
  expect(iso("12-31-2026")).toBe("2026-12-31T11:00:00.000Z");
  expect(iso("2026/12/31")).toBe("2026-12-31T11:00:00.000Z");
});

test("month names, English and German, with a 24-hour or 12-hour time", () => {
  for (const text of ["31-Dec-2026", "Dec 31, 2026", "December 31, 2026", "31 December 2026", "31. Dezember 2026"]) {
    expect(iso(text), text).toBe("2026-12-31T11:00:00.000Z");
  }
  expect(iso("Dec 31, 2026 2:05 PM")).toBe("2026-12-31T13:05:00.000Z");
  expect(iso("31 Dec 2026 14:05")).toBe("2026-12-31T13:05:00.000Z");
  expect(iso("12/31/2026 12:30 am")).toBe("2026-12-30T23:30:00.000Z");
  expect(iso("Sept 14, 2026")).toBe("2026-09-14T10:00:00.000Z");
});

test("Excel serial numbers, only five digits in a plausible range", () => {
  expect(iso("46387")).toBe("2026-12-31T11:00:00.000Z");
  expect(iso("46387.75")).toBe("2026-12-31T17:00:00.000Z");
  expect(iso("12345")).toBe("unreadable");
  expect(iso("4638")).toBe("unreadable");
});

test("an empty cell is null; anything else unreadable", () => {
  expect(readDate("  ", BERLIN)).toBeNull();
  for (const text of [
    "32/13/2026",
    "2026-02-30",
    "31.09.2026",
    "Sept 2026",
    "next Tuesday",
    "2026-12-31T25:00",
    "13:05 PM",
  ]) {
    expect(readDate(text, BERLIN), text).toBe("unreadable");
  }
  expect(readDate("Dec 31, 2026 13:05 PM", BERLIN)).toBe("unreadable");
});

test("a wall-clock time skipped by a DST change is read as the time after it", () => {
  expect(iso("2026-03-29T02:30")).toBe("2026-03-29T01:30:00.000Z");
});

test("guessDateOrder looks for a number above 12 and for dots", () => {
  expect(guessDateOrder(["03/04/2026", "13/04/2026"])).toBe("dmy");
  expect(guessDateOrder(["03/04/2026", "04/13/2026 2:05 PM"])).toBe("mdy");
  expect(guessDateOrder(["03.04.2026"])).toBe("dmy");
  expect(guessDateOrder(["03/04/2026", "2026-12-31", ""])).toBeNull();
  expect(guessDateOrder(["13/04/2026", "04/13/2026"])).toBeNull();
  expect(guessDateOrder([])).toBeNull();
});
