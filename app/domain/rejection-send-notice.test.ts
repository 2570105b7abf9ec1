import { expect, test } from "vitest";
import { rejectionSendNotice } from "./rejection-send-notice";

const now = new Date("2026-12-05T22:00:00Z");

test("names the candidate's local time and zone, then the viewer's time on the same day", () => {
  expect(
    rejectionSendNotice({
      scheduledFor: new Date("2026-12-07T08:00:00Z"),
      candidateTimeZone: "Europe/Berlin",
      viewerTimeZone: "Europe/London",
      now,
    }),
  ).toBe("The rejection email goes Mon 7 Dec, 09:00 in their time (Europe/Berlin) — 08:00 yours.");
});

test("names the viewer's day too when it is another day for them", () => {
  expect(
    rejectionSendNotice({
      scheduledFor: new Date("2026-12-07T00:00:00Z"),
      candidateTimeZone: "Asia/Tokyo",
      viewerTimeZone: "America/New_York",
      now,
    }),
  ).toBe("The rejection email goes Mon 7 Dec, 09:00 in their time (Asia/Tokyo) — Sun 6 Dec, 19:00 yours.");
});

test("says so when both clocks read the same, and adds the year when it is not this year's", () => {
  expect(
    rejectionSendNotice({
      scheduledFor: new Date("2027-01-04T09:00:00Z"),
      candidateTimeZone: "Africa/Abidjan",
      viewerTimeZone: "UTC",
      now,
    }),
  ).toBe("The rejection email goes Mon 4 Jan 2027, 09:00 in their time (Africa/Abidjan), the same as yours.");
});

test("an unknown zone reads as UTC instead of failing", () => {
  expect(
    rejectionSendNotice({
      scheduledFor: new Date("2026-12-07T09:30:00Z"),
      candidateTimeZone: "Mars/Olympus",
      viewerTimeZone: "Europe/Berlin",
      now,
    }),
  ).toBe("The rejection email goes Mon 7 Dec, 09:30 in their time (UTC) — 10:30 yours.");
});
