import { expect, test } from "vitest";
import { theirTime, theirTimeLabel } from "./their-time";

const NINE_BERLIN_WINTER = new Date("2026-12-01T08:00:00Z");

test("the candidate's wall-clock time when it reads differently from the viewer's", () => {
  const their = theirTime(NINE_BERLIN_WINTER, "Europe/London", "Europe/Berlin");
  expect(their).toEqual({ text: "09:00", night: false });
  expect(theirTimeLabel(their!)).toBe("09:00 their time");
});

test("night for the candidate is flagged, from 22:00 until before 07:00", () => {
  // 02:00 in Kolkata is 20:30 the day before in UTC.
  const night = theirTime(new Date("2026-12-01T20:30:00Z"), "UTC", "Asia/Kolkata");
  expect(night).toEqual({ text: "Wed 02:00", night: true });
  expect(theirTimeLabel(night!)).toBe("Wed 02:00 their time, at night");
  expect(theirTime(new Date("2026-12-01T21:00:00Z"), "UTC", "Europe/Berlin")).toEqual({ text: "22:00", night: true });
  expect(theirTime(new Date("2026-12-01T05:59:00Z"), "UTC", "Europe/Berlin")).toEqual({ text: "06:59", night: true });
  expect(theirTime(new Date("2026-12-01T06:00:00Z"), "UTC", "Europe/Berlin")).toEqual({ text: "07:00", night: false });
  expect(theirTime(new Date("2026-12-01T20:59:00Z"), "UTC", "Europe/Berlin")).toEqual({ text: "21:59", night: false });
});

test("summer time is taken into account", () => {
  expect(theirTime(new Date("2026-07-01T07:00:00Z"), "UTC", "Europe/Berlin")).toEqual({ text: "09:00", night: false });
  expect(theirTime(new Date("2026-07-01T13:00:00Z"), "Europe/Berlin", "America/New_York")).toEqual({
    text: "09:00",
    night: false,
  });
});

test("nothing is added when the candidate's clock shows what the viewer's does", () => {
  expect(theirTime(NINE_BERLIN_WINTER, "Europe/Berlin", "Europe/Berlin")).toBeNull();
  expect(theirTime(NINE_BERLIN_WINTER, "Europe/Paris", "Europe/Berlin")).toBeNull();
  expect(theirTime(NINE_BERLIN_WINTER, "Europe/Berlin", null)).toBeNull();
  expect(theirTime(NINE_BERLIN_WINTER, "Europe/Berlin", undefined)).toBeNull();
  expect(theirTime(NINE_BERLIN_WINTER, "Europe/Berlin", "Not/AZone")).toBeNull();
  expect(theirTime(new Date("nonsense"), "Europe/Berlin", "Asia/Tokyo")).toBeNull();
});
