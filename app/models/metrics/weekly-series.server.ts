// The key figures' weekly trends (docs/metrics.md): for the last eight Monday-UTC weeks up to the window's end, the
// first-response median and attainment, replies on time, "hear back by" dates kept, rejected candidates told and
// applications — one statement, with the report's own definitions (./sql.server.ts). A week counts the clocks that
// started in it, the applications that applied in it and the rejections closed in it; verdicts on clocks still
// running are judged at the window's end, as the report judges them.
import { Prisma } from "~/generated/prisma/client";
import { windowEnd } from "~/domain/metrics/figures";
import type { MetricsFilters } from "~/domain/metrics/report";
import { trendWeeks, TREND_WEEKS } from "~/domain/metrics/trend";
import type { Actor } from "../scope.server";
import {
  CLOCK_MET,
  PROMISE_METRICS,
  clockBreached,
  clocksInView,
  floatMinutesBetween,
  jobCondition,
  promiseShown,
  querySorting,
  ts,
} from "./sql.server";

export type WeeklySeriesPoint = {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  week: string;
  applications: number;
  firstResponseMedianMinutes: number | null;
  firstResponseMet: number;
  firstResponseBreached: number;
  nextResponseMet: number;
  nextResponseBreached: number;
  promisesKept: number;
  promisesShown: number;
  rejected: number;
  told: number;
};

type Row = Omit<WeeklySeriesPoint, "week"> & { week: string };

export async function weeklySeries(
  actor: Actor,
  filters: MetricsFilters,
  now: Date = new Date(),
  count: number = TREND_WEEKS,
): Promise<WeeklySeriesPoint[]> {
  const weeks = trendWeeks(filters.to, now, count);
  const end = windowEnd(filters.to, now);
  const first = new Date(`${weeks[0]}T00:00:00.000Z`);
  const stop = filters.to;
  const clocks = clocksInView(actor, filters);
  const week = (column: Prisma.Sql) => Prisma.sql`to_char(date_trunc('week', ${column}), 'YYYY-MM-DD')`;
  const met = (metric: string) =>
    Prisma.sql`(count(*) FILTER (WHERE c.metric = ${metric}::"SlaMetric" AND ${CLOCK_MET}))::int`;
  const breached = (metric: string) =>
    Prisma.sql`(count(*) FILTER (WHERE c.metric = ${metric}::"SlaMetric" AND ${clockBreached(end)}))::int`;
  const rows = await querySorting<Row>(Prisma.sql`
    WITH clock_weeks AS (
      SELECT date_trunc('week', c."startedAt") AS monday,
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${floatMinutesBetween(Prisma.sql`c."startedAt"`, Prisma.sql`c."stoppedAt"`)})
               FILTER (WHERE c.metric = 'first_response' AND c.state = 'stopped'))::float8 AS "firstResponseMedianMinutes",
             ${met("first_response")} AS "firstResponseMet",
             ${breached("first_response")} AS "firstResponseBreached",
             ${met("next_response")} AS "nextResponseMet",
             ${breached("next_response")} AS "nextResponseBreached",
             (count(*) FILTER (WHERE ${PROMISE_METRICS} AND ${CLOCK_MET} AND ${promiseShown(end)}))::int AS "promisesKept",
             (count(*) FILTER (WHERE ${PROMISE_METRICS} AND (${CLOCK_MET} OR ${clockBreached(end)})
                                 AND ${promiseShown(end)}))::int AS "promisesShown"
        FROM ${clocks.from}
       WHERE c."startedAt" >= ${ts(first)} AND c."startedAt" < ${ts(stop)} AND c.state <> 'cancelled'
         AND ${clocks.where}
       GROUP BY 1
    ), applied AS (
      SELECT date_trunc('week', a."appliedAt") AS monday, count(*)::int AS applications
        FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
       WHERE a."appliedAt" >= ${ts(first)} AND a."appliedAt" < ${ts(stop)} AND ${jobCondition(actor, filters)}
       GROUP BY 1
    ), closed AS (
      SELECT date_trunc('week', a."closedAt") AS monday, count(*)::int AS rejected,
             (count(*) FILTER (WHERE a."outcomeToldAt" IS NOT NULL))::int AS told
        FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
       WHERE a."closedAt" >= ${ts(first)} AND a."closedAt" < ${ts(stop)} AND a.status = 'rejected'
         AND ${jobCondition(actor, filters)}
       GROUP BY 1
    )
    SELECT ${week(Prisma.sql`w.monday`)} AS week,
           coalesce(ap.applications, 0) AS applications,
           cw."firstResponseMedianMinutes",
           coalesce(cw."firstResponseMet", 0) AS "firstResponseMet",
           coalesce(cw."firstResponseBreached", 0) AS "firstResponseBreached",
           coalesce(cw."nextResponseMet", 0) AS "nextResponseMet",
           coalesce(cw."nextResponseBreached", 0) AS "nextResponseBreached",
           coalesce(cw."promisesKept", 0) AS "promisesKept",
           coalesce(cw."promisesShown", 0) AS "promisesShown",
           coalesce(cl.rejected, 0) AS rejected,
           coalesce(cl.told, 0) AS told
      FROM generate_series(${ts(first)}, ${ts(new Date(`${weeks.at(-1)}T00:00:00.000Z`))}, interval '1 week') AS w(monday)
      LEFT JOIN clock_weeks cw ON cw.monday = w.monday
      LEFT JOIN applied ap ON ap.monday = w.monday
      LEFT JOIN closed cl ON cl.monday = w.monday
     ORDER BY w.monday`);
  return rows;
}
