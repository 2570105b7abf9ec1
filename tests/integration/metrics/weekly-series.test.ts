// The key figures' weekly trends in one statement, against the hand-worked dataset (dataset.ts): eight Monday-UTC
// weeks up to the window's end, each counting what started (or applied, or was rejected) in it, as the report does.
import { beforeAll, expect, test } from "vitest";
import type { MetricsFilters } from "~/domain/metrics/report";
import { loadMetricsReport } from "~/models/metrics/report.server";
import { weeklySeries } from "~/models/metrics/weekly-series.server";
import { at, buildDataset } from "./dataset";

let data: Awaited<ReturnType<typeof buildDataset>>;

const NOW = at("2026-04-01T00:00:00Z");
const WINDOW: MetricsFilters = { from: at("2026-03-02T00:00:00Z"), to: at("2026-03-16T00:00:00Z") };
const EMPTY_WEEK = {
  applications: 0,
  firstResponseMedianMinutes: null,
  firstResponseMet: 0,
  firstResponseBreached: 0,
  nextResponseMet: 0,
  nextResponseBreached: 0,
  promisesKept: 0,
  promisesShown: 0,
  rejected: 0,
  told: 0,
};

beforeAll(async () => {
  data = await buildDataset();
});

test("eight weeks ending with the window's last week, with every figure of the window's two weeks", async () => {
  const series = await weeklySeries(data.users.admin, WINDOW, NOW);
  expect(series.map((point) => point.week)).toEqual([
    "2026-01-19",
    "2026-01-26",
    "2026-02-02",
    "2026-02-09",
    "2026-02-16",
    "2026-02-23",
    "2026-03-02",
    "2026-03-09",
  ]);
  // Applications 1, 2 and 4; first responses after 30 min (met) and 180 min (late); 3 of 4 promises kept;
  // application 2 rejected and told.
  expect(series[6]).toMatchObject({
    applications: 3,
    firstResponseMedianMinutes: 105,
    firstResponseMet: 1,
    firstResponseBreached: 1,
    promisesKept: 3,
    promisesShown: 4,
    rejected: 1,
    told: 1,
  });
  // Applications 3 and 5: 30 min (met); application 3's still running past due (late); 2 of 4 promises kept (with
  // the first week's, the report's 5 of 8); application 5 never told.
  expect(series[7]).toMatchObject({
    applications: 2,
    firstResponseMedianMinutes: 30,
    firstResponseMet: 1,
    firstResponseBreached: 1,
    promisesKept: 2,
    promisesShown: 4,
    rejected: 1,
    told: 0,
  });
  // Application 6 applied on 20 Feb, before the window: the trend still shows its week.
  expect(series[4]!.applications).toBe(1);
  expect(series.slice(0, 4)).toEqual(series.slice(0, 4).map((point) => ({ ...EMPTY_WEEK, week: point.week })));
});

test("the weeks inside the window agree with the report's own weekly figures and totals", async () => {
  const [series, report] = await Promise.all([
    weeklySeries(data.users.admin, WINDOW, NOW),
    loadMetricsReport(data.users.admin, WINDOW, NOW),
  ]);
  const inside = series.slice(6);
  expect(inside.map((point) => point.applications)).toEqual(report.weekly.map((week) => week.applications));
  expect(inside.map((point) => point.firstResponseMedianMinutes)).toEqual(
    report.weekly.map((week) => week.firstResponseMedianMinutes),
  );
  expect(inside.map((point) => point.promisesKept / point.promisesShown)).toEqual(
    report.weekly.map((week) => week.promiseKeptRate),
  );
  const sum = (pick: (point: (typeof series)[number]) => number) => inside.reduce((total, p) => total + pick(p), 0);
  expect({ met: sum((p) => p.nextResponseMet), breached: sum((p) => p.nextResponseBreached) }).toEqual({
    met: report.sla.next_response.met,
    breached: report.sla.next_response.breached,
  });
  expect({ told: sum((p) => p.told), rejected: sum((p) => p.rejected) }).toEqual({
    told: report.closureRate.told,
    rejected: report.closureRate.rejected,
  });
});

test("scope and filters narrow the weeks: another manager's job and an empty job show nothing", async () => {
  const empty = await weeklySeries(data.users.admin, { ...WINDOW, jobId: data.jobs.jobEmpty.id }, NOW);
  expect(empty).toHaveLength(8);
  expect(empty).toEqual(empty.map((point) => ({ ...EMPTY_WEEK, week: point.week })));
  const managerB = await weeklySeries(data.users.managerB, WINDOW, NOW);
  const jobB = await weeklySeries(data.users.admin, { ...WINDOW, jobId: data.jobs.jobB.id }, NOW);
  expect(managerB).toEqual(jobB);
  expect(managerB[6]!.applications).toBe(1);
});
