import { expect, test } from "vitest";
import { humaneSendTime, reminderWindow } from "./humane-timing";

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

const window = (startsAt: string, bookedAt: string | null, timeZone: string) => {
  const found = reminderWindow({ startsAt: at(startsAt), bookedAt: bookedAt ? at(bookedAt) : null, timeZone });
  return found && [found.from.toISOString(), found.until.toISOString()];
};

test("an interview's reminder comes the day before, 09:00–18:00 on the candidate's clock", () => {
  // Tuesday 8 December 14:00 in Berlin, booked a week ahead: Monday 09:00–18:00 Berlin time.
  expect(window("2026-12-08T13:00:00Z", "2026-12-01T10:00:00Z", "Europe/Berlin")).toEqual([
    "2026-12-07T08:00:00.000Z",
    "2026-12-07T17:00:00.000Z",
  ]);
  // The same instant for a candidate in Kolkata (18:30 on Tuesday): Monday 09:00–18:00 in Kolkata.
  expect(window("2026-12-08T13:00:00Z", "2026-12-01T10:00:00Z", "Asia/Kolkata")).toEqual([
    "2026-12-07T03:30:00.000Z",
    "2026-12-07T12:30:00.000Z",
  ]);
  // An interview at 08:00 on Monday: Sunday's daytime, whatever the weekday.
  expect(window("2026-12-07T07:00:00Z", null, "Europe/Berlin")).toEqual([
    "2026-12-06T08:00:00.000Z",
    "2026-12-06T17:00:00.000Z",
  ]);
});

test("the day before across the change to winter time is still 09:00–18:00 on the wall clock", () => {
  // Monday 26 October 10:00 in Berlin (CET); the day before, Sunday 25 October, begins in summer time.
  expect(window("2026-10-26T09:00:00Z", "2026-10-01T10:00:00Z", "Europe/Berlin")).toEqual([
    "2026-10-25T08:00:00.000Z",
    "2026-10-25T17:00:00.000Z",
  ]);
  // Sunday 29 March 2026 (the change to summer time) as the day before: 09:00 CEST is 07:00 UTC.
  expect(window("2026-03-30T08:00:00Z", "2026-03-01T10:00:00Z", "Europe/Berlin")).toEqual([
    "2026-03-29T07:00:00.000Z",
    "2026-03-29T16:00:00.000Z",
  ]);
});

test("booked late: the rest of the day before, else the interview's own daytime two hours ahead, else none", () => {
  // Booked Monday 10:00 Berlin for Tuesday 14:00: from six hours after booking to Monday 18:00.
  expect(window("2026-12-08T13:00:00Z", "2026-12-07T09:00:00Z", "Europe/Berlin")).toEqual([
    "2026-12-07T15:00:00.000Z",
    "2026-12-07T17:00:00.000Z",
  ]);
  // Booked Monday 16:00 for Tuesday 15:00: Monday is over; Tuesday 09:00–13:00, two hours before the start.
  expect(window("2026-12-08T14:00:00Z", "2026-12-07T15:00:00Z", "Europe/Berlin")).toEqual([
    "2026-12-08T08:00:00.000Z",
    "2026-12-08T12:00:00.000Z",
  ]);
  // Booked Monday 17:00 for Tuesday 10:00: no daytime slot two hours ahead and six after booking; no reminder at night.
  expect(window("2026-12-08T09:00:00Z", "2026-12-07T16:00:00Z", "Europe/Berlin")).toBeNull();
  // Booked at 09:00 for 11:00 the same day: none.
  expect(window("2026-12-08T10:00:00Z", "2026-12-08T08:00:00Z", "Europe/Berlin")).toBeNull();
});
