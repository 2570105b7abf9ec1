// The clock-based figures of the metrics report: attainment, response-time medians and p90, breaches now and the
// promise-kept rate, per metric and per Monday-UTC week, in set-based SQL over the materialised SlaClock rows. Each
// metric is one statement that the SlaClock(metric, startedAt, …) index answers on its own (an index-only scan), so
// the statements run side by side and none sorts another metric's clocks.
import { Prisma } from "~/generated/prisma/client";
import type { MetricsFilters } from "~/domain/metrics/report";
import { SLA_METRICS, type SlaMetric } from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
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
  metric: SlaMetric;
  /** YYYY-MM-DD of the week's Monday; null on the row for the whole window. */
  week: string | null;
  met: number;
  breached: number;
  count: number;
  median: number | null;
  p90: number | null;
};

const WEEK = Prisma.sql`date_trunc('week', c."startedAt")`;
/** The week's Monday as YYYY-MM-DD, or null on the row of a grouping set without the week. Grouping by the timestamp
 * and formatting only the result rows keeps to_char and text sorting out of the per-clock work. */
const WEEK_LABEL = Prisma.sql`CASE WHEN GROUPING(${WEEK}) = 1 THEN NULL ELSE to_char(${WEEK}, 'YYYY-MM-DD') END`;

/** Per metric met, breached, and the minutes of the stopped clocks (week null), and per week for first response (the
 * only metric the weekly series shows). */
export async function clockFigures(actor: Actor, filters: MetricsFilters, end: Date): Promise<ClockFigureRow[]> {
  const perMetric = await Promise.all(SLA_METRICS.map((metric) => metricClockFigures(actor, filters, end, metric)));
  return perMetric.flat();
}

/** One metric's rows of clockFigures (the public kept-promise record reads first responses alone). */
export async function metricClockFigures(
  actor: Actor,
  filters: MetricsFilters,
  end: Date,
  metric: SlaMetric,
): Promise<ClockFigureRow[]> {
  const clocks = clocksInView(actor, filters);
  const weekly = metric === "first_response";
  const stopped = Prisma.sql`c.state = 'stopped'`;
  const rows = await querySorting<Omit<ClockFigureRow, "median" | "p90"> & { percentiles: number[] | null }>(Prisma.sql`
    SELECT ${metric}::text AS metric, ${weekly ? WEEK_LABEL : Prisma.sql`NULL`} AS week,
           (count(*) FILTER (WHERE ${CLOCK_MET}))::int AS met,
           (count(*) FILTER (WHERE ${clockBreached(end)}))::int AS breached,
           (count(*) FILTER (WHERE ${stopped}))::int AS count,
           ${medianAndP90(floatMinutesBetween(Prisma.sql`c."startedAt"`, Prisma.sql`c."stoppedAt"`), stopped)} AS percentiles
      FROM ${clocks.from}
     WHERE c.metric = ${metric}::"SlaMetric" AND ${clockInWindow(filters)} AND ${clocks.where}
     ${weekly ? Prisma.sql`GROUP BY ROLLUP (${WEEK})` : Prisma.empty}`);
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
): Promise<Map<SlaMetric, number>> {
  // Overdue clocks are few and the SlaClock(state, dueAt, metric, jobId, …) index finds and counts them on its own:
  // they are picked first and only then narrowed to the jobs in view.
  const inView = seesEveryJob(actor, filters)
    ? Prisma.sql`overdue c`
    : Prisma.sql`overdue c JOIN "Job" j ON j.id = c."jobId" WHERE ${jobCondition(actor, filters)}`;
  const rows = await prisma.$queryRaw<{ metric: SlaMetric; count: number }[]>`
    WITH overdue AS MATERIALIZED (
      SELECT c.metric, c."jobId" FROM "SlaClock" c WHERE ${clockOverdueAt(end, now)}
    )
    SELECT c.metric::text AS metric, count(*)::int AS count FROM ${inView} GROUP BY c.metric`;
  return new Map(rows.map((row) => [row.metric, row.count]));
}

export type PromiseRow = { week: string | null; kept: number; shown: number };

/** "Hear back by" dates (regular-update and stage-decision due dates) shown to the candidate while the clock ran and
 * decided by the window's end: kept when the clock stopped in time. Per week, and for the whole window (week null) as
 * their sum: every clock of the window started in one of its weeks. */
export async function promiseFigures(actor: Actor, filters: MetricsFilters, end: Date): Promise<PromiseRow[]> {
  const clocks = clocksInView(actor, filters);
  const weeks = await querySorting<PromiseRow>(Prisma.sql`
    SELECT to_char(${WEEK}, 'YYYY-MM-DD') AS week, (count(*) FILTER (WHERE ${CLOCK_MET}))::int AS kept,
           count(*)::int AS shown
      FROM ${clocks.from}
     WHERE ${PROMISE_METRICS} AND ${clockInWindow(filters)} AND ${clocks.where}
       AND (${CLOCK_MET} OR ${clockBreached(end)}) AND ${promiseShown(end)}
     GROUP BY ${WEEK}`);
  const whole = weeks.reduce((sum, row) => ({ ...sum, kept: sum.kept + row.kept, shown: sum.shown + row.shown }), {
    week: null,
    kept: 0,
    shown: 0,
  });
  return [...weeks, whole];
}
