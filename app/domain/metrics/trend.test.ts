import { expect, test } from "vitest";
import { trendBars, trendSummary, trendWeeks, weekDay } from "./trend";

const at = (iso: string) => new Date(iso);

test("eight Monday-UTC weeks ending with the week of the window's last instant", () => {
  // The window ends (exclusive) at midnight starting Monday 7 Dec: its last instant is Sunday 6 Dec.
  expect(trendWeeks(at("2026-12-07T00:00:00Z"), at("2026-12-20T00:00:00Z"))).toEqual([
    "2026-10-12",
    "2026-10-19",
    "2026-10-26",
    "2026-11-02",
    "2026-11-09",
    "2026-11-16",
    "2026-11-23",
    "2026-11-30",
  ]);
});

test("a window reaching into the future ends now; a Sunday late evening in UTC is still that week", () => {
  const weeks = trendWeeks(at("2027-01-01T00:00:00Z"), at("2026-12-06T23:59:00Z"), 3);
  expect(weeks).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
  // Monday 00:00 UTC belongs to the new week.
  expect(trendWeeks(at("2027-01-01T00:00:00Z"), at("2026-12-07T00:00:01Z"), 1)).toEqual(["2026-12-07"]);
});

test("weeks cross a year end without gaps", () => {
  expect(trendWeeks(at("2027-01-06T00:00:00Z"), at("2027-02-01T00:00:00Z"), 3)).toEqual([
    "2026-12-21",
    "2026-12-28",
    "2027-01-04",
  ]);
});

test("the text alternative reads every week, oldest first, and says which weeks have no data", () => {
  expect(trendSummary([720, 600, null, 45], (minutes) => `${minutes} min`)).toBe(
    "Last 4 weeks, oldest first: 720 min, 600 min, no data, 45 min",
  );
  expect(weekDay("2026-11-30")).toBe("30 Nov");
});

test("bars scale from zero to the largest value, or to a given top such as 100%", () => {
  const bars = trendBars([10, 5, 0, null], { width: 80, height: 20 });
  expect(bars.map((bar) => bar.height)).toEqual([20, 10, 1, 1]);
  expect(bars.map((bar) => bar.y)).toEqual([0, 10, 19, 19]);
  expect(bars.map((bar) => bar.empty)).toEqual([false, false, false, true]);
  expect(bars.map((bar) => bar.x)).toEqual([1, 21, 41, 61]);
  expect(bars[0]!.width).toBe(18);
  expect(trendBars([0.5, 1], { width: 20, height: 20 }, 1).map((bar) => bar.height)).toEqual([10, 20]);
});

test("all weeks empty or zero draw flat markers, never NaN", () => {
  const bars = trendBars([null, 0], { width: 20, height: 10 });
  expect(bars.map((bar) => bar.height)).toEqual([1, 1]);
  expect(JSON.stringify(bars)).not.toMatch(/NaN|Infinity/);
});
