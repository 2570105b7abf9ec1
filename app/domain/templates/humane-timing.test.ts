import { expect, test } from "vitest";
import { humaneSendTime } from "./humane-timing";

const at = (iso: string) => new Date(iso);
const longAgo = at("2026-01-05T09:00:00Z");

test.each([
  // [now (UTC), candidate zone, expected send time (UTC), why]
  ["2026-03-03T10:00:00Z", "Europe/Berlin", "2026-03-03T10:10:00Z", "Tuesday 11:00 in Berlin: after the undo window"],
  ["2026-03-06T15:30:00Z", "Europe/Berlin", "2026-03-09T08:00:00Z", "Friday 16:30 in Berlin: Monday 09:00"],
  ["2026-03-05T17:00:00Z", "Europe/Berlin", "2026-03-09T08:00:00Z", "Thursday 18:00: not Friday, Monday 09:00"],
  ["2026-03-03T05:00:00Z", "America/New_York", "2026-03-03T14:00:00Z", "Tuesday 00:00 in New York: 09:00 there"],
  ["2026-03-27T08:00:00Z", "Europe/Berlin", "2026-03-30T07:00:00Z", "Friday; Monday after the spring change: CEST"],
  ["2026-03-03T02:00:00Z", "Asia/Kolkata", "2026-03-03T03:30:00Z", "Tuesday 07:30 in Kolkata: 09:00 IST"],
])("%s for a candidate in %s → %s (%s)", (now, timeZone, expected) => {
  expect(humaneSendTime({ now: at(now), appliedAt: longAgo, timeZone }).toISOString()).toBe(at(expected).toISOString());
});

test("never within the minimum delay after applying, then the next humane hour", () => {
  const appliedAt = at("2026-03-03T10:00:00Z"); // Tuesday 11:00 in Berlin
  const now = at("2026-03-03T10:05:00Z");
  expect(humaneSendTime({ now, appliedAt, timeZone: "Europe/Berlin" }).toISOString()).toBe("2026-03-04T10:00:00.000Z");
  expect(humaneSendTime({ now, appliedAt, timeZone: "Europe/Berlin", minimumDelayMinutes: 0 }).toISOString()).toBe(
    "2026-03-03T10:15:00.000Z",
  );
});

test("bad news waits out the undo window even inside the hours, and the window can push it to the next day", () => {
  const thursdayLate = at("2026-03-05T15:55:00Z"); // Thursday 16:55 in Berlin: 17:05 would be outside the hours
  expect(humaneSendTime({ now: thursdayLate, appliedAt: longAgo, timeZone: "Europe/Berlin" }).toISOString()).toBe(
    "2026-03-09T08:00:00.000Z",
  );
});

test("a team's own hours apply, and an unknown zone counts as UTC", () => {
  const hours = [{ day: "fri" as const, open: "10:00", close: "12:00" }];
  const now = at("2026-03-02T09:00:00Z");
  expect(humaneSendTime({ now, appliedAt: longAgo, timeZone: "Mars/Olympus", hours }).toISOString()).toBe(
    "2026-03-06T10:00:00.000Z",
  );
});
