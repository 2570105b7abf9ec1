// The charts' geometry and text alternatives, with hand-computed positions.
import { expect, test } from "vitest";
import type { WeeklyPoint } from "~/domain/metrics/report";
import {
  formatMinutes,
  formatPercent,
  funnelRows,
  sparseTicks,
  summariseFunnel,
  summariseSeries,
  valueDomainMax,
  weekLabel,
  weeklyBars,
  weeklyLine,
  type ChartBox,
} from "./chart-data";

// Inner area 100 × 50: easy numbers.
const BOX: ChartBox = { width: 130, height: 70, margin: { top: 10, right: 10, bottom: 10, left: 20 } };

test("bars: four weeks share the width with 25 % padding, heights scale from zero to a nice maximum", () => {
  const { bars } = weeklyBars(
    [
      { key: "w1", value: 10 },
      { key: "w2", value: 5 },
      { key: "w3", value: 0 },
      { key: "w4", value: 8 },
    ],
    BOX,
  );
  // Band scale: step = 100 / (4 + 0.25) … with padding 0.25 inner and outer: step = 100 / (4 - 0.25 + 0.5).
  const step = 100 / 4.25;
  expect(bars.map((bar) => bar.key)).toEqual(["w1", "w2", "w3", "w4"]);
  expect(bars[0]!.x).toBeCloseTo(step * 0.25, 2);
  expect(bars[1]!.x).toBeCloseTo(step * 1.25, 2);
  expect(bars[0]!.width).toBeCloseTo(step * 0.75, 2);
  // Domain 0–10: 10 fills the height, 5 half of it, 0 nothing.
  expect(bars.map((bar) => [bar.y, bar.height])).toEqual([
    [0, 50],
    [25, 25],
    [50, 0],
    [10, 40],
  ]);
});

test("the value axis is never 0–0 and rounds up to a nice number", () => {
  expect(valueDomainMax([])).toBe(1);
  expect(valueDomainMax([0, 0, null])).toBe(1);
  expect(valueDomainMax([7, null, 23])).toBe(25);
  expect(valueDomainMax([101])).toBe(120);
  expect(valueDomainMax([0.4], 0.1)).toBeCloseTo(0.4, 9);
  const { bars } = weeklyBars([{ key: "only", value: 0 }], BOX);
  expect(bars[0]).toMatchObject({ y: 50, height: 0 });
});

test("a line breaks where a week has no value, and points sit in the middle of each week", () => {
  const { segments, points } = weeklyLine(
    [
      { key: "w1", value: 1 },
      { key: "w2", value: 0.5 },
      { key: "w3", value: null },
      { key: "w4", value: 0 },
    ],
    BOX,
    1,
  );
  const step = 100 / 4.25;
  const middle = (index: number) => step * (0.25 + index) + (step * 0.75) / 2;
  expect(segments.map((segment) => segment.map((point) => point.key))).toEqual([["w1", "w2"], ["w4"]]);
  expect(points.map((point) => point.y)).toEqual([0, 25, 50]);
  expect(points[0]!.x).toBeCloseTo(middle(0), 2);
  expect(points[2]!.x).toBeCloseTo(middle(3), 2);
  // A value above the axis' top is drawn at the top rather than outside the chart.
  expect(weeklyLine([{ key: "w1", value: 2 }], BOX, 1).points[0]!.y).toBe(0);
  expect(weeklyLine([{ key: "w1", value: null }], BOX, 1).segments).toEqual([]);
});

test("funnel rows follow the pipeline order, widths relative to the widest stage, shares of the first", () => {
  const box: ChartBox = { width: 300, height: 100, margin: { top: 0, right: 50, bottom: 0, left: 50 } };
  const { rows } = funnelRows(
    [
      { stageName: "Interview", stageKind: "interview", position: 2, reached: 10 },
      { stageName: "Applied", stageKind: "applied", position: 0, reached: 40 },
      { stageName: "Screen", stageKind: "screen", position: 1, reached: 20 },
      { stageName: "Offer", stageKind: "offer", position: 3, reached: 0 },
    ],
    box,
  );
  expect(rows.map((row) => [row.stageName, row.reached, row.width, row.share])).toEqual([
    ["Applied", 40, 200, 1],
    ["Screen", 20, 100, 0.5],
    ["Interview", 10, 50, 0.25],
    ["Offer", 0, 0, 0],
  ]);
  // Four bands over 100 px with 20 % padding: step = 100 / (4 - 0.2 + 0.4).
  const step = 100 / 4.2;
  expect(rows[1]!.y).toBeCloseTo(step * 1.2, 2);
  expect(rows[1]!.height).toBeCloseTo(step * 0.8, 2);
  const empty = funnelRows([{ stageName: "Applied", stageKind: "applied", position: 0, reached: 0 }], box);
  expect(empty.rows[0]).toMatchObject({ width: 0, share: null });
});

test("week labels, sparse ticks and number formats", () => {
  expect(weekLabel("2026-03-02T00:00:00.000Z")).toBe("2 Mar");
  // Midnight UTC on a Monday is still that Monday, whatever the process time zone.
  expect(weekLabel("2026-01-05T00:00:00.000Z")).toBe("5 Jan");
  const weeks = Array.from({ length: 13 }, (_, index) => index);
  expect(sparseTicks(weeks, 5)).toEqual([0, 3, 6, 9, 12]);
  expect(sparseTicks([0, 1, 2], 5)).toEqual([0, 1, 2]);
  expect(
    sparseTicks(
      Array.from({ length: 8 }, (_, index) => index),
      3,
    ),
  ).toEqual([0, 4, 7]);
  expect(formatMinutes(null)).toBe("no data");
  expect(formatMinutes(44.6)).toBe("45 min");
  expect(formatMinutes(90)).toBe("1.5 h");
  expect(formatMinutes(120)).toBe("2 h");
  expect(formatMinutes(3 * 24 * 60 + 144)).toBe("3.1 days");
  expect(formatPercent(0.875)).toBe("88%");
  expect(formatPercent(null)).toBe("no data");
});

function week(weekStart: string, applications: number, median: number | null): WeeklyPoint {
  return {
    weekStart,
    applications,
    firstResponseMedianMinutes: median,
    firstResponseAttainment: null,
    promiseKeptRate: null,
  };
}

test("text alternatives name the span, first and last values and the extremes", () => {
  const weekly = [
    week("2026-03-02T00:00:00.000Z", 4, null),
    week("2026-03-09T00:00:00.000Z", 9, 30),
    week("2026-03-16T00:00:00.000Z", 2, 180),
    week("2026-03-23T00:00:00.000Z", 6, 90),
  ];
  expect(
    summariseSeries(weekly, {
      label: "Applications",
      values: weekly.map((point) => point.applications),
      format: (value) => String(value),
    }),
  ).toBe(
    "Applications, weeks of 2 Mar to 23 Mar: 4 in the week of 2 Mar, 6 in the week of 23 Mar; " +
      "highest 9 (9 Mar), lowest 2 (16 Mar).",
  );
  expect(
    summariseSeries(weekly, {
      label: "Median",
      values: weekly.map((point) => point.firstResponseMedianMinutes),
      format: formatMinutes,
    }),
  ).toBe(
    "Median, weeks of 2 Mar to 23 Mar: 30 min in the week of 9 Mar, 1.5 h in the week of 23 Mar; highest 3 h (16 Mar), lowest 30 min (9 Mar).",
  );
  expect(summariseSeries([], { label: "Median", values: [], format: formatMinutes })).toBe(
    "Median: no weeks in this period.",
  );
  expect(summariseSeries(weekly.slice(0, 1), { label: "Median", values: [null], format: formatMinutes })).toBe(
    "Median, weeks of 2 Mar to 2 Mar: no data.",
  );
  expect(
    summariseFunnel([
      { stageName: "Screen", stageKind: "screen", position: 1, reached: 15 },
      { stageName: "Applied", stageKind: "applied", position: 0, reached: 60 },
    ]),
  ).toBe("Stage funnel, applications that reached each stage: Applied 60, Screen 15 (25%).");
  expect(summariseFunnel([])).toBe("Stage funnel: no stages.");
});
