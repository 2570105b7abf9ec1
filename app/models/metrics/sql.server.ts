// SQL fragments every metrics query shares, so the report's figures and the drill-downs behind them apply exactly the
// same rules (scope, filters, what "met" and "breached" mean). Aliases: a = Application, j = Job, c = SlaClock.
import { Prisma } from "~/generated/prisma/client";
import type { MetricsFilters } from "~/domain/metrics/report";
import { prisma } from "~/platform/db.server";
import type { Actor } from "../scope.server";
import { PROMISE_METRIC_LIST } from "../sla/clocks.server";

/** Runs a statement that sorts or hashes a whole window (percentiles, window functions, semi-joins) with enough memory
 * to stay in RAM — the default 4 MB spills a 90-day window of 100,000 applications to disk — without JIT, whose
 * compilation costs more than it saves on statements of this size, and without parallel workers: the report sends
 * its statements side by side already, and workers competing with them for the cores made it slower (p50 of the
 * 100,000-application benchmark 480 → 440 ms). Only this transaction gets these settings. */
export async function querySorting<Row>(query: Prisma.Sql): Promise<Row[]> {
  const [, rows] = await prisma.$transaction([prisma.$executeRaw(SORTING_SETTINGS), prisma.$queryRaw<Row[]>(query)]);
  return rows;
}

/** The settings of querySorting, for this transaction only (the benchmark explains statements with them too). */
export const SORTING_SETTINGS = Prisma.sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true),
                                                  set_config('max_parallel_workers_per_gather', '0', true)`;

/** Raw results carry instants as ISO text: the PGlite adapter would read timestamps in the process's time zone. */
export const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

/** An instant as a parameter comparable with the timestamp(3) columns (which hold UTC). */
export function ts(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString()}::timestamp(3)`;
}

/** The jobs the actor may see and the filters chose, as a condition on `j` (hiring managers: their own jobs;
 * interviewers: none — the dashboard is not theirs). */
export function jobCondition(actor: Actor, filters: MetricsFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (actor.role === "interviewer") conditions.push(Prisma.sql`FALSE`);
  if (actor.role === "hiring_manager") conditions.push(Prisma.sql`j."hiringManagerId" = ${actor.id}`);
  if (filters.jobId) conditions.push(Prisma.sql`j.id = ${filters.jobId}`);
  if (filters.department) conditions.push(Prisma.sql`j.department = ${filters.department}`);
  if (filters.recruiterId) conditions.push(Prisma.sql`j."recruiterId" = ${filters.recruiterId}`);
  if (filters.hiringManagerId) conditions.push(Prisma.sql`j."hiringManagerId" = ${filters.hiringManagerId}`);
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** No scope and no filter narrows the jobs: queries may then skip joining Application and Job altogether. */
export function seesEveryJob(actor: Actor, filters: MetricsFilters): boolean {
  const narrowed = filters.jobId || filters.department || filters.recruiterId || filters.hiringManagerId;
  return (actor.role === "admin" || actor.role === "recruiter") && !narrowed;
}

/** SlaClock `c` with the job it belongs to, restricted to the jobs in view (no join when all are). */
export function clocksInView(actor: Actor, filters: MetricsFilters): { from: Prisma.Sql; where: Prisma.Sql } {
  if (seesEveryJob(actor, filters)) return { from: Prisma.sql`"SlaClock" c`, where: Prisma.sql`TRUE` };
  return { from: Prisma.sql`"SlaClock" c JOIN "Job" j ON j.id = c."jobId"`, where: jobCondition(actor, filters) };
}

/** A clock counted in the window: started in [from, to) and not cancelled. */
export function clockInWindow(filters: MetricsFilters): Prisma.Sql {
  return Prisma.sql`c."startedAt" >= ${ts(filters.from)} AND c."startedAt" < ${ts(filters.to)} AND c.state <> 'cancelled'`;
}

/** Met: stopped in time. */
export const CLOCK_MET = Prisma.sql`(c.state = 'stopped' AND NOT c.breached)`;

/** Breached: stopped late, paused after it was already late, or still running past its due date at `end`. */
export function clockBreached(end: Date): Prisma.Sql {
  return Prisma.sql`((c.state IN ('stopped', 'paused') AND c.breached) OR (c.state = 'running' AND c."dueAt" < ${ts(end)}))`;
}

/** Clocks overdue at `end` and not finished by then, whenever they started ("breaches now"). When `end` is now only
 * running clocks qualify, which the SlaClock(state, dueAt) index finds directly. */
export function clockOverdueAt(end: Date, now: Date): Prisma.Sql {
  if (end.getTime() >= now.getTime()) return Prisma.sql`(c.state = 'running' AND c."dueAt" < ${ts(end)})`;
  return Prisma.sql`(c.state IN ('running', 'stopped', 'cancelled') AND c."dueAt" < ${ts(end)}
                     AND c."startedAt" < ${ts(end)} AND (c."stoppedAt" IS NULL OR c."stoppedAt" > ${ts(end)}))`;
}

/** Wall-clock minutes between two timestamp expressions. */
export function minutesBetween(start: Prisma.Sql, end: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(extract(epoch from (${end} - ${start})) / 60)::float8`;
}

export const CLOCK_MINUTES = minutesBetween(Prisma.sql`c."startedAt"`, Prisma.sql`c."stoppedAt"`);

/** Minutes between two timestamp expressions in float8 arithmetic (date_part), for the per-row values of a whole
 * window's sort: minutesBetween's numeric arithmetic cost more than the sort itself. The two can differ in the last
 * bit of a float8 (one more rounding), far below the minute. */
export function floatMinutesBetween(start: Prisma.Sql, end: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(date_part('epoch', ${end} - ${start}) / 60)`;
}

/** Median and p90 of `minutes` as a float8[2] (null without rows), from one sort. */
export function medianAndP90(minutes: Prisma.Sql, filter: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${minutes}) FILTER (WHERE ${filter})`;
}

/** A "hear back by" date was shown while the clock ran and before the window's end: the candidate looked at their
 * status page or got an email (recorded on the clock as it happens: app/domain/sla/promise-shown.ts). */
export function promiseShown(end: Date): Prisma.Sql {
  return Prisma.sql`c."promiseShownAt" < coalesce(c."stoppedAt", ${ts(end)})`;
}

export const PROMISE_METRICS = Prisma.sql`c.metric IN (${PROMISE_METRIC_LIST}) AND c."dueAt" IS NOT NULL`;

/** A closed application `a` whose candidate was *not* told the outcome (outcomeToldAt, materialised as emails and
 * decisions are written: outcome-told.server.ts). */
export const CANDIDATE_NOT_TOLD = Prisma.sql`a."outcomeToldAt" IS NULL`;

const DEFAULT_PERIODIC_MINUTES = Prisma.sql`SELECT (t->>'minutes')::int FROM "SlaPolicy" p,
  jsonb_array_elements(p.targets) t WHERE p."isDefault" AND t->>'metric' = 'periodic_update' LIMIT 1`;

/** The last email the candidate got on application `a`, or when they applied. */
export const LAST_HEARD = Prisma.sql`coalesce((SELECT max(e."occurredAt") FROM "Event" e WHERE e."applicationId" = a.id
                                       AND e.type = 'message_out' AND e.visibility = 'candidate'), a."appliedAt")`;

/**
 * The ids of the applications silent at `now`: active, with their regular-update clock running past due (it restarts
 * with every email the candidate gets, so it measures the silence in the target's own hours). Where a policy sets no
 * such clock, an application is silent when its last email (or application) is older than the default policy's
 * regular-update target in wall-clock minutes; that branch only runs while some policy lacks the target.
 */
export function silentApplicationIds(now: Date): Prisma.Sql {
  return Prisma.sql`SELECT c."applicationId" FROM "SlaClock" c
                     WHERE c.state = 'running' AND c."dueAt" < ${ts(now)} AND c.metric = 'periodic_update'
                    UNION
                    SELECT a.id FROM "Application" a
                     WHERE EXISTS (SELECT 1 FROM "SlaPolicy" p
                                    WHERE NOT p.targets @> '[{"metric": "periodic_update"}]'::jsonb)
                       AND a.status = 'active'
                       AND NOT EXISTS (SELECT 1 FROM "SlaClock" c
                                        WHERE c."applicationId" = a.id AND c.metric = 'periodic_update')
                       AND ${LAST_HEARD} < ${ts(now)} - make_interval(mins => (${DEFAULT_PERIODIC_MINUTES}))`;
}
