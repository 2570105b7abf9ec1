// The clock-based figures of the metrics report: attainment, response-time medians and p90, breaches now and the
// promise-kept rate, each per metric and per Monday-UTC week, in set-based SQL over the materialised SlaClock rows.
import { Prisma } from "~/generated/prisma/client";
import type { MetricsFilters, SlaMetricName } from "~/domain/metrics/report";
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
  median: number | null;
  p90: number | null;
};

const WEEK = Prisma.sql`date_trunc('week', c."startedAt")`;
/** The week's Monday as YYYY-MM-DD, or null on the row of a grouping set without the week. Grouping by the timestamp
 * and formatting only the result rows keeps to_char and text sorting out of the per-clock work. */
const WEEK_LABEL = Prisma.sql`CASE WHEN GROUPING(${WEEK}) = 1 THEN NULL ELSE to_char(${WEEK}, 'YYYY-MM-DD') END`;

/** Per metric (week null), and per week for first response (the only metric the weekly series shows): met, breached,
 * and the minutes of the stopped clocks. The window's clocks are read twice by index rather than materialised once:
 * writing and re-reading 280,000 rows of a 90-day window cost more than the second (first-response only) read. */
export async function clockFigures(actor: Actor, filters: MetricsFilters, end: Date): Promise<ClockFigureRow[]> {
  const clocks = clocksInView(actor, filters);
  const figures = Prisma.sql`(count(*) FILTER (WHERE met))::int AS met, (count(*) FILTER (WHERE breached))::int AS breached,
           (count(*) FILTER (WHERE stopped))::int AS count,
           ${medianAndP90(Prisma.sql`minutes`, Prisma.sql`stopped`)} AS percentiles`;
  const rows = await querySorting<Omit<ClockFigureRow, "median" | "p90"> & { percentiles: number[] | null }>(Prisma.sql`
    WITH window_clocks AS NOT MATERIALIZED (
      SELECT c.metric, c."startedAt", ${CLOCK_MET} AS met, ${clockBreached(end)} AS breached,
             c.state = 'stopped' AS stopped, ${floatMinutesBetween(Prisma.sql`c."startedAt"`, Prisma.sql`c."stoppedAt"`)} AS minutes
        FROM ${clocks.from}
       WHERE ${clockInWindow(filters)} AND ${clocks.where}
    )
    SELECT metric::text AS metric, NULL AS week, ${figures} FROM window_clocks GROUP BY metric
    UNION ALL
    SELECT metric::text, to_char(date_trunc('week', "startedAt"), 'YYYY-MM-DD'), ${figures}
      FROM window_clocks WHERE metric = 'first_response' GROUP BY metric, date_trunc('week', "startedAt")`);
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
  // Overdue clocks are few and the SlaClock(state, dueAt) index finds them: they are picked first and only then
  // narrowed to the jobs in view (left to itself the planner probed every clock of every application in view).
  const inView = seesEveryJob(actor, filters)
    ? Prisma.sql`overdue c`
    : Prisma.sql`overdue c JOIN "Application" a ON a.id = c."applicationId" JOIN "Job" j ON j.id = a."jobId"
                  WHERE ${jobCondition(actor, filters)}`;
  const rows = await prisma.$queryRaw<{ metric: SlaMetricName; count: number }[]>`
    WITH overdue AS MATERIALIZED (
      SELECT c.metric, c."applicationId" FROM "SlaClock" c WHERE ${clockOverdueAt(end, now)}
    )
    SELECT c.metric::text AS metric, count(*)::int AS count FROM ${inView} GROUP BY c.metric`;
  return new Map(rows.map((row) => [row.metric, row.count]));
}

export type PromiseRow = { week: string | null; kept: number; shown: number };

/** "Hear back by" dates (regular-update and stage-decision due dates) shown to the candidate while the clock ran and
 * decided by the window's end: kept when the clock stopped in time. Per week and for the whole window (week null). */
export function promiseFigures(actor: Actor, filters: MetricsFilters, end: Date): Promise<PromiseRow[]> {
  const clocks = clocksInView(actor, filters);
  return querySorting<PromiseRow>(Prisma.sql`
    SELECT ${WEEK_LABEL} AS week, (count(*) FILTER (WHERE ${CLOCK_MET}))::int AS kept,
           count(*)::int AS shown
      FROM ${clocks.from}
     WHERE ${clockInWindow(filters)} AND ${PROMISE_METRICS} AND ${clocks.where}
       AND (${CLOCK_MET} OR ${clockBreached(end)}) AND ${promiseShown(filters, end)}
     GROUP BY ROLLUP (${WEEK})`);
}
