// The metrics report (definitions in docs/metrics.md): every figure of the dashboard, the CSV exports,
// the weekly digest and GET /api/v1/metrics, from a handful of SQL aggregates run side by side.
import { netPromoterScore, ratio, weeksOverlapping, windowEnd } from "~/domain/metrics/figures";
import type { MetricsFilters, MetricsReport, SlaMetricFigures } from "~/domain/metrics/report";
import { perSlaMetric, type SlaMetric } from "~/domain/sla/types";
import type { Actor } from "../scope.server";
import { breachedNowByMetric, clockFigures, promiseFigures, type ClockFigureRow } from "./clock-figures.server";
import { decisionsOwed, silentCount, surveyFigures } from "./people-figures.server";
import { applicationCounts, closedFigures, funnel, timeInStage } from "./pipeline-figures.server";

function metricFigures(metric: SlaMetric, row: ClockFigureRow | undefined, breachedNow: number): SlaMetricFigures {
  const met = row?.met ?? 0;
  const breached = row?.breached ?? 0;
  return {
    metric,
    met,
    breached,
    attainment: ratio(met, met + breached),
    count: row?.count ?? 0,
    medianMinutes: row?.median ?? null,
    p90Minutes: row?.p90 ?? null,
    breachedNow,
  };
}

export async function loadMetricsReport(
  actor: Actor,
  filters: MetricsFilters,
  now: Date = new Date(),
): Promise<MetricsReport> {
  const end = windowEnd(filters.to, now);
  const [clocks, breachedNow, promises, counts, steps, stages, closed, owed, silent, survey] = await Promise.all([
    clockFigures(actor, filters, end),
    breachedNowByMetric(actor, filters, end, now),
    promiseFigures(actor, filters, end),
    applicationCounts(actor, filters),
    funnel(actor, filters),
    timeInStage(actor, filters, now),
    closedFigures(actor, filters),
    decisionsOwed(actor, filters, now),
    silentCount(actor, filters, now),
    surveyFigures(actor, filters),
  ]);

  const whole = new Map(clocks.filter((row) => row.week === null).map((row) => [row.metric, row]));
  const weeklyFirstResponse = new Map(
    clocks.filter((row) => row.week !== null && row.metric === "first_response").map((row) => [row.week, row]),
  );
  const weeklyPromises = new Map(promises.filter((row) => row.week !== null).map((row) => [row.week, row]));
  const weeklyApplications = new Map(counts.filter((row) => row.week !== null).map((row) => [row.week, row]));
  const promised = promises.find((row) => row.week === null) ?? { kept: 0, shown: 0 };

  return {
    filters,
    applications: counts.find((row) => row.week === null)?.applications ?? 0,
    sla: perSlaMetric((metric) => metricFigures(metric, whole.get(metric), breachedNow.get(metric) ?? 0)),
    silentCandidates: silent,
    timeInStage: stages,
    decisionsOwed: owed,
    closureRate: { told: closed.told, rejected: closed.rejected, rate: ratio(closed.told, closed.rejected) },
    promiseKept: { kept: promised.kept, shown: promised.shown, rate: ratio(promised.kept, promised.shown) },
    timeToHire: { count: closed.hired, medianMinutes: closed.hireMedian, p90Minutes: closed.hireP90 },
    candidateNps: {
      score: netPromoterScore(survey.promoters, survey.detractors, survey.responses),
      responses: survey.responses,
      promoters: survey.promoters,
      detractors: survey.detractors,
    },
    friction: {
      per100: survey.responses > 0 ? (survey.tags * 100) / survey.responses : null,
      responses: survey.responses,
      byTag: survey.byTag,
    },
    weekly: weeksOverlapping(filters.from, filters.to).map((weekStart) => {
      const firstResponse = weeklyFirstResponse.get(weekStart);
      const promise = weeklyPromises.get(weekStart);
      return {
        weekStart: `${weekStart}T00:00:00.000Z`,
        applications: weeklyApplications.get(weekStart)?.applications ?? 0,
        firstResponseMedianMinutes: firstResponse?.median ?? null,
        firstResponseAttainment: ratio(
          firstResponse?.met ?? 0,
          (firstResponse?.met ?? 0) + (firstResponse?.breached ?? 0),
        ),
        promiseKeptRate: ratio(promise?.kept ?? 0, promise?.shown ?? 0),
      };
    }),
    funnel: steps,
  };
}
