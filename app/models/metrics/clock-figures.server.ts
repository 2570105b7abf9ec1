// The clock-based figures of the metrics report: attainment, response-time medians and p90, breaches now and the
// promise-kept rate, per metric and per Monday-UTC week, in set-based SQL over the materialised SlaClock rows. Each
// metric is one statement that the SlaClock(metric, startedAt, …) index answers on its own (an index-only scan), so
// the statements run side by side and none sorts or re-reads another metric's clocks.
import { Prisma } from "~/generated/prisma/client";
import { SLA_METRICS, type MetricsFilters, type SlaMetricName } from "~/domain/metrics/report";
import { prisma } from "~/utils/db.server";
import type { Actor } from "../scope.server";
import {
  CLOCK_MET,
  PROMISE_METRICS,
  clockBreached,
  clockInWindow,
  clockOverdueAt,
  clocksInView,
  jobCondition,
  seesEveryJob,
  floatMinutesBetween,
  medianAndP90,
  promiseShown,
  querySorting,
} from "./sql.server";

export type ClockFigureRow = {
  metric: SlaMetricName;
  /** YYYY-MM-DD of the week's Monday; null on the row for the whole window. */
  week: string | null;
  met: number;
  breached: number;
  count: number;
  /** Whole window, and weekly for first response (the only metric whose weekly median is shown); else null. */
  median: number | null;
  p90: number | null;
  /** Regular-update and stage-decision dates shown and decided (see promiseShown): kept in time, and all of them. */
  kept: number;
  shown: number;
};

const WEEK = Prisma.sql`date_trunc('week', c."startedAt")`;
const PROMISING: readonly SlaMetricName[] = ["periodic_update", "stage_decision"];

/** Per metric and Monday-UTC week, and per metric for the whole window (week null). */
export async function clockFigures(actor: Actor, filters: MetricsFilters, end: Date): Promise<ClockFigureRow[]> {
  const perMetric = await Promise.all(SLA_METRICS.map((metric) => metricFigures(actor, filters, end, metric)));
  return perMetric.flat();
}

/**
 * One metric's figures from one read of its clocks in the window: counted per week (a hash aggregate, with the
 * stopped clocks' minutes gathered per week), then summed for the whole window, whose median and p90 come from the
 * weeks' minutes together — the same values percentile_cont would sort reading the clocks directly.
 */
async function metricFigures(
  actor: Actor,
  filters: MetricsFilters,
  end: Date,
  metric: SlaMetricName,
): Promise<ClockFigureRow[]> {
  const clocks = clocksInView(actor, filters);
  const stopped = Prisma.sql`c.state = 'stopped'`;
  const promise = Prisma.sql`${PROMISE_METRICS} AND ${promiseShown(end)}`;
  const promiseCounts = PROMISING.includes(metric)
    ? Prisma.sql`(count(*) FILTER (WHERE ${promise} AND ${CLOCK_MET}))::int AS kept,
                 (count(*) FILTER (WHERE ${promise} AND (${CLOCK_MET} OR ${clockBreached(end)})))::int AS shown`
    : Prisma.sql`0 AS kept, 0 AS shown`;
  const percentilesOf = (minutes: Prisma.Sql) =>
    Prisma.sql`(SELECT ${medianAndP90(Prisma.sql`m`)} FROM ${minutes} AS m)`;
  const rows = await querySorting<Omit<ClockFigureRow, "median" | "p90"> & { percentiles: number[] | null }>(Prisma.sql`
    WITH weeks AS (
      SELECT ${WEEK} AS week, (count(*) FILTER (WHERE ${CLOCK_MET}))::int AS met,
             (count(*) FILTER (WHERE ${clockBreached(end)}))::int AS breached,
             (count(*) FILTER (WHERE ${stopped}))::int AS count,
             array_agg(${floatMinutesBetween(Prisma.sql`c."startedAt"`, Prisma.sql`c."stoppedAt"`)}) FILTER (WHERE ${stopped}) AS minutes,
             ${promiseCounts}
        FROM ${clocks.from}
       WHERE c.metric = ${metric}::"SlaMetric" AND ${clockInWindow(filters)} AND ${clocks.where}
       GROUP BY ${WEEK}
    )
    SELECT ${metric}::text AS metric, to_char(week, 'YYYY-MM-DD') AS week, met, breached, count, kept, shown,
           ${metric === "first_response" ? percentilesOf(Prisma.sql`unnest(minutes)`) : Prisma.sql`NULL::float8[]`} AS percentiles
      FROM weeks
    UNION ALL
    SELECT ${metric}::text, NULL, coalesce(sum(met), 0)::int, coalesce(sum(breached), 0)::int,
           coalesce(sum(count), 0)::int, coalesce(sum(kept), 0)::int, coalesce(sum(shown), 0)::int,
           ${percentilesOf(Prisma.sql`weeks, unnest(weeks.minutes)`)}
      FROM weeks`);
  return rows.map(({ percentiles, ...row }) => ({
    ...row,
    median: percentiles?.[0] ?? null,
    p90: percentiles?.[1] ?? null,
  }));
}

/** Clocks overdue and unfinished at the window's end, per metric, whenever they started. */
export async function breachedNowByMetric(
  actor: Actor,
  filters: MetricsFilters,
  end: Date,
  now: Date,
): Promise<Map<SlaMetricName, number>> {
  // Overdue clocks are few and the SlaClock(state, dueAt, metric, jobId, …) index finds and counts them on its own:
  // they are picked first and only then narrowed to the jobs in view.
  const inView = seesEveryJob(actor, filters)
    ? Prisma.sql`overdue c`
    : Prisma.sql`overdue c JOIN "Job" j ON j.id = c."jobId" WHERE ${jobCondition(actor, filters)}`;
  const rows = await prisma.$queryRaw<{ metric: SlaMetricName; count: number }[]>`
    WITH overdue AS MATERIALIZED (
      SELECT c.metric, c."jobId" FROM "SlaClock" c WHERE ${clockOverdueAt(end, now)}
    )
    SELECT c.metric::text AS metric, count(*)::int AS count FROM ${inView} GROUP BY c.metric`;
  return new Map(rows.map((row) => [row.metric, row.count]));
}
