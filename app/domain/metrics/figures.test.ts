import { expect, test } from "vitest";
import { formatDay, formatDuration, mondayUtc, netPromoterScore, ratio, weeksOverlapping, windowEnd } from "./figures";

test("ratio is null for 0/0 and exact otherwise", () => {
  expect(ratio(0, 0)).toBeNull();
  expect(ratio(0, 4)).toBe(0);
  expect(ratio(3, 4)).toBe(0.75);
});

test("NPS is % promoters minus % detractors, null without responses", () => {
  expect(netPromoterScore(0, 0, 0)).toBeNull();
  expect(netPromoterScore(2, 1, 4)).toBe(25);
  expect(netPromoterScore(0, 3, 3)).toBe(-100);
  expect(netPromoterScore(1, 1, 5)).toBe(0);
});

test("the window ends at `to` or now, whichever is earlier", () => {
  const now = new Date("2026-03-10T00:00:00Z");
  expect(windowEnd(new Date("2026-03-01T00:00:00Z"), now)).toEqual(new Date("2026-03-01T00:00:00Z"));
  expect(windowEnd(new Date("2026-04-01T00:00:00Z"), now)).toEqual(now);
});

test("weeks start on Monday 00:00 UTC and cover the window", () => {
  expect(mondayUtc(new Date("2026-03-01T23:59:00Z"))).toEqual(new Date("2026-02-23T00:00:00Z")); // a Sunday
  expect(mondayUtc(new Date("2026-03-02T00:00:00Z"))).toEqual(new Date("2026-03-02T00:00:00Z"));
  expect(weeksOverlapping(new Date("2026-03-01T12:00:00Z"), new Date("2026-03-09T00:00:00Z"))).toEqual([
    "2026-02-23",
    "2026-03-02",
  ]);
  expect(weeksOverlapping(new Date("2026-03-01T12:00:00Z"), new Date("2026-03-09T00:00:01Z"))).toHaveLength(3);
});

test("durations and days read as people say them", () => {
  expect(formatDuration(0)).toBe("0 min");
  expect(formatDuration(59.9)).toBe("59 min");
  expect(formatDuration(200)).toBe("3 h 20 min");
  expect(formatDuration(120)).toBe("2 h");
  expect(formatDuration(3 * 1440 + 4 * 60 + 5)).toBe("3 d 4 h");
  expect(formatDuration(2 * 1440)).toBe("2 d");
  const now = new Date("2026-11-20T00:00:00Z");
  expect(formatDay(new Date("2026-12-02T08:00:00Z"), now)).toBe("2 Dec");
  expect(formatDay(new Date("2027-01-05T08:00:00Z"), now)).toBe("5 Jan 2027");
});
