// The key figures' small trends (docs/metrics.md): the last eight Monday-to-Sunday weeks in UTC up to the window's end,
// their weekly values, a text alternative that reads every value, and the geometry of the small bars the page draws.
// Pure; the weekly values come from one SQL statement (app/models/metrics/weekly-series.server.ts).
import { mondayUtc, windowEnd } from "./figures";

export const TREND_WEEKS = 8;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The Mondays (YYYY-MM-DD, UTC) of the `count` weeks ending with the week that holds the window's last instant
 * (its end, or now when the window reaches into the future), oldest first. */
export function trendWeeks(to: Date, now: Date, count: number = TREND_WEEKS): string[] {
  const end = windowEnd(to, now);
  const last = mondayUtc(new Date(end.getTime() - 1));
  return Array.from({ length: count }, (_, index) =>
    new Date(last.getTime() - (count - 1 - index) * WEEK_MS).toISOString().slice(0, 10),
  );
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-30" → "30 Nov". */
export function weekDay(week: string): string {
  const [, month, day] = week.split("-").map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]}`;
}

/** The text alternative of a trend: "last 8 weeks (weeks from Monday, UTC), oldest first: 12 h, 10 h, no data, …". */
export function trendSummary(values: (number | null)[], format: (value: number) => string): string {
  const words = values.map((value) => (value === null ? "no data" : format(value)));
  return `Last ${values.length} weeks, oldest first: ${words.join(", ")}`;
}

export type TrendBar = { x: number; y: number; width: number; height: number; empty: boolean };

/**
 * Bars for a trend drawn in a `width` × `height` box: one per week, scaled from zero to the largest value (or to
 * `max` when given, such as 1 for rates). A week without data gets a flat marker on the baseline, so a gap never
 * reads as zero without the text saying so. Coordinates are rounded to tenths to keep the markup small.
 */
export function trendBars(values: (number | null)[], box: { width: number; height: number }, max?: number): TrendBar[] {
  const top = max ?? Math.max(0, ...values.map((value) => value ?? 0));
  const slot = box.width / Math.max(1, values.length);
  const gap = Math.min(2, slot / 4);
  const round = (value: number) => Math.round(value * 10) / 10;
  return values.map((value, index) => {
    const empty = value === null;
    const scaled = empty || top <= 0 ? 0 : Math.min(1, Math.max(0, value / top)) * box.height;
    // Zero still shows a hairline, so the bar exists; the text alternative gives the exact value.
    const height = empty ? 1 : Math.max(1, scaled);
    return {
      x: round(index * slot + gap / 2),
      y: round(box.height - height),
      width: round(slot - gap),
      height: round(height),
      empty,
    };
  });
}
