// The pure half of the dashboard's charts: report figures in, positions, ticks and plain-language summaries out.
// Kept apart from the SVG so the numbers can be unit-tested; the components only draw what this computes.
import { scaleBand, scaleLinear } from "@visx/scale";
import { formatPercent as formatShare } from "~/domain/metrics/importance";
import type { FunnelStep, WeeklyPoint } from "~/domain/metrics/report";

export type ChartBox = {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
};

export type Bar = { key: string; value: number; x: number; y: number; width: number; height: number };
export type LinePoint = { key: string; value: number; x: number; y: number };

export function innerSize(box: ChartBox) {
  return {
    width: box.width - box.margin.left - box.margin.right,
    height: box.height - box.margin.top - box.margin.bottom,
  };
}

/** "2 Mar" for a week starting on that Monday (weeks are UTC, like the report). */
export function weekLabel(weekStart: string): string {
  const date = new Date(weekStart);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** At most `max` evenly spread labels, always the first and the last, so narrow axes stay legible. */
export function sparseTicks<T>(values: readonly T[], max: number): T[] {
  if (values.length <= max) return [...values];
  const indexes = new Set(
    Array.from({ length: max }, (_, index) => Math.round((index * (values.length - 1)) / (max - 1))),
  );
  return [...indexes].map((index) => values[index]!);
}

/** About how many value ticks an axis shows; the axis top is rounded to suit them. */
export const VALUE_TICKS = 4;

/** The top of a value axis: never 0 (an empty chart still has an axis), rounded up to a "nice" number. */
export function valueDomainMax(values: readonly (number | null)[], minimum = 1): number {
  const max = Math.max(minimum, ...values.filter((value): value is number => value !== null));
  return scaleLinear({ domain: [0, max], nice: VALUE_TICKS }).domain()[1]!;
}

/** Positions to the hundredth of a unit: exact enough for a screen, and short in the SVG. */
function px(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One vertical bar per week (keyed by its start), heights on a linear scale from 0. */
export function weeklyBars(points: readonly { key: string; value: number }[], box: ChartBox) {
  const inner = innerSize(box);
  const x = scaleBand({ domain: points.map((point) => point.key), range: [0, inner.width], padding: 0.25 });
  const y = scaleLinear({ domain: [0, valueDomainMax(points.map((point) => point.value))], range: [inner.height, 0] });
  const bars: Bar[] = points.map((point) => {
    const top = y(point.value);
    return {
      key: point.key,
      value: point.value,
      x: px(x(point.key) ?? 0),
      y: px(top),
      width: px(x.bandwidth()),
      height: px(inner.height - top),
    };
  });
  return { x, y, bars };
}

/**
 * A line over the weeks; null values break it (a week without data is a gap, not a zero). Points sit in the middle
 * of each week's band so a line chart lines up with a bar chart above it.
 */
export function weeklyLine(points: readonly { key: string; value: number | null }[], box: ChartBox, domainMax: number) {
  const inner = innerSize(box);
  const x = scaleBand({ domain: points.map((point) => point.key), range: [0, inner.width], padding: 0.25 });
  const y = scaleLinear({ domain: [0, domainMax], range: [inner.height, 0] });
  const segments: LinePoint[][] = [];
  let current: LinePoint[] = [];
  for (const point of points) {
    if (point.value === null) {
      if (current.length) segments.push(current);
      current = [];
      continue;
    }
    current.push({
      key: point.key,
      value: point.value,
      x: px((x(point.key) ?? 0) + x.bandwidth() / 2),
      y: px(y(Math.min(point.value, domainMax))),
    });
  }
  if (current.length) segments.push(current);
  return { x, y, segments, points: segments.flat() };
}

export type FunnelRow = {
  stageName: string;
  reached: number;
  /** Share of the first step, 0–1 (null when nobody reached the first step). */
  share: number | null;
  y: number;
  width: number;
  height: number;
};

/** Horizontal bars, one row per stage in pipeline order, widths relative to the widest step. */
export function funnelRows(steps: readonly FunnelStep[], box: ChartBox) {
  const inner = innerSize(box);
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const y = scaleBand({ domain: ordered.map((_, index) => index), range: [0, inner.height], padding: 0.2 });
  const x = scaleLinear({ domain: [0, Math.max(1, ...ordered.map((step) => step.reached))], range: [0, inner.width] });
  const first = ordered[0]?.reached ?? 0;
  const rows: FunnelRow[] = ordered.map((step, index) => ({
    stageName: step.stageName,
    reached: step.reached,
    share: first > 0 ? step.reached / first : null,
    y: px(y(index) ?? 0),
    width: px(x(step.reached)),
    height: px(y.bandwidth()),
  }));
  return { rows };
}

export function formatPercent(fraction: number | null): string {
  return fraction === null ? "no data" : formatShare(fraction);
}

/** Minutes as people read them: "45 min", "3.5 h", "2.1 days". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "no data";
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${roundTo(minutes / 60, 1)} h`;
  return `${roundTo(minutes / (24 * 60), 1)} days`;
}

function roundTo(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.0$/, "");
}

type WeeklySeries = {
  label: string;
  values: (number | null)[];
  format: (value: number | null) => string;
};

/** The text alternative of a weekly chart: its span, first and last value, and its highest and lowest week. */
export function summariseSeries(weekly: readonly WeeklyPoint[], series: WeeklySeries): string {
  if (weekly.length === 0) return `${series.label}: no weeks in this period.`;
  const known = series.values
    .map((value, index) => ({ value, week: weekLabel(weekly[index]!.weekStart) }))
    .filter((entry): entry is { value: number; week: string } => entry.value !== null);
  const span = `${weekLabel(weekly[0]!.weekStart)} to ${weekLabel(weekly[weekly.length - 1]!.weekStart)}`;
  if (known.length === 0) return `${series.label}, weeks of ${span}: no data.`;
  const highest = known.reduce((best, entry) => (entry.value > best.value ? entry : best));
  const lowest = known.reduce((best, entry) => (entry.value < best.value ? entry : best));
  const first = known[0]!;
  const last = known[known.length - 1]!;
  return (
    `${series.label}, weeks of ${span}: ${series.format(first.value)} in the week of ${first.week}, ` +
    `${series.format(last.value)} in the week of ${last.week}; highest ${series.format(highest.value)} ` +
    `(${highest.week}), lowest ${series.format(lowest.value)} (${lowest.week}).`
  );
}

export function summariseFunnel(steps: readonly FunnelStep[]): string {
  if (steps.length === 0) return "Stage funnel: no stages.";
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const first = ordered[0]!.reached;
  const parts = ordered.map((step, index) =>
    index === 0 || first === 0
      ? `${step.stageName} ${step.reached}`
      : `${step.stageName} ${step.reached} (${formatPercent(step.reached / first)})`,
  );
  return `Stage funnel, applications that reached each stage: ${parts.join(", ")}.`;
}
