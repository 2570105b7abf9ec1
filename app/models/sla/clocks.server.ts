// Materialised SLA clocks: computes applications' clock instances from their event logs with the policy and schedule
// in force (app/domain/sla/clocks.ts) and writes them to SlaClock in the caller's transaction. One statement reads
// every application's inputs (app/models/sla/clock-store.server.ts); only the rows that differ are written, in one
// statement that may carry the caller's own writes too (the touchpoints being appended).
import { Prisma } from "~/generated/prisma/client";
import { NoOpenHoursError } from "~/domain/sla/calendar";
import { PROMISE_METRICS } from "~/domain/sla/promise-shown";
import { clockEventsFromLog, computeClocks, initialStageIdFromLog, interviewMovesClocks } from "~/domain/sla/clocks";
import { clockRow, planClockWrites } from "~/domain/sla/clock-writes";
import type { ClockInstance } from "~/domain/sla/types";
import { executeTogether } from "~/platform/sql-together.server";
import { sqlList } from "~/platform/sql-list.server";
import {
  CLOCK_EVENT_TYPES,
  clockWriteStatements,
  inLogOrder,
  loadClockInputs,
  type ClockInputs,
  type ClockJob,
  type ClockLogEntry,
  type ClockSubject,
} from "./clock-store.server";
import { currentSlaConfig, policyInForce, type Db, type PolicyInForce, type SlaConfig } from "./config.server";

const CLOCK_EVENT_TYPE_SET: ReadonlySet<string> = new Set(CLOCK_EVENT_TYPES);

/** PROMISE_METRICS as an SQL list, for `metric IN (…)`. */
export const PROMISE_METRIC_LIST = sqlList(PROMISE_METRICS);

/** Whether an event of this type (with these data, when known) can start, stop or pause a clock: notes and status
 * views cannot, nor can an interview being planned or moved (only its end, a no-show or a cancellation can). */
export function movesClocks(type: string, data?: unknown): boolean {
  if (type === "interview" && data !== undefined) return interviewMovesClocks(data);
  return CLOCK_EVENT_TYPE_SET.has(type);
}

type ApplicationLog = { events: LoggedEvent[]; touchpoints: number[] };
type LoggedEvent = { type: string; occurredAt: Date; visibility: string; data: unknown };

/** An application's log as clocks read it: the clock-moving events, and when the candidate was shown a date. */
function applicationLog(entries: readonly ClockLogEntry[]): ApplicationLog {
  const log: ApplicationLog = { events: [], touchpoints: [] };
  for (const { type, occurredAt, visibility, data } of entries) {
    if (showsPromise(type, visibility)) log.touchpoints.push(occurredAt);
    if (movesClocks(type, data)) log.events.push({ type, occurredAt: new Date(occurredAt), visibility, data });
  }
  return log;
}

/** A touchpoint that shows the candidate their "hear back by" date: a status-page view or an email to them. */
function showsPromise(type: string, visibility: string): boolean {
  return type === "status_viewed" || (type === "message_out" && visibility === "candidate");
}

export type ComputedClocks = {
  applicationId: string;
  inForce: PolicyInForce;
  clocks: ClockInstance[];
  /** When the candidate was shown a date up to `at` (epoch ms, ascending): see showsPromise. */
  touchpoints: number[];
};

/** What to do when the schedule has no open hours: materialising keeps calendar-time clocks; the API reports it. */
type NoOpenHours = "calendar_only" | "throw";

function computeFor(
  subject: ClockSubject,
  job: ClockJob,
  inForce: PolicyInForce,
  { events, touchpoints: logged }: ApplicationLog,
  at: Date,
  noOpenHours: NoOpenHours,
): ComputedClocks {
  const touchpoints = logged.filter((occurredAt) => occurredAt <= at.getTime());
  const input = {
    appliedAt: subject.appliedAt,
    initialStageId: initialStageIdFromLog(events, subject.stageId),
    events: clockEventsFromLog(events),
    policy: inForce.policy,
    stageDecisionMinutes: job.stageDecisionMinutes,
    businessTime: inForce.businessTime,
    at,
  };
  try {
    return { applicationId: subject.id, inForce, clocks: computeClocks(input), touchpoints };
  } catch (error) {
    if (!(error instanceof NoOpenHoursError) || noOpenHours === "throw") throw error;
    // A schedule without open hours is an admin's mistake; it must not lose a candidate's application or message.
    // Business-hours clocks cannot run on it (never a silent 24/7 fallback): only calendar-time targets get clocks,
    // and the settings pages and the API name the schedule as having no open hours.
    const calendarOnly = inForce.policy.targets.filter((target) => !target.businessHours);
    const clocks = computeClocks({
      ...input,
      policy: { ...input.policy, targets: calendarOnly },
      stageDecisionMinutes: {},
    });
    return { applicationId: subject.id, inForce, clocks, touchpoints };
  }
}

/** Touchpoints of this transaction not written yet (app/models/event.server.ts appends them in the same statement as
 * the clock writes): the clocks count them as if they were logged. */
export type PendingEntry = ClockLogEntry;

function computeFromInputs(
  inputs: ClockInputs,
  config: SlaConfig,
  at: Date,
  noOpenHours: NoOpenHours,
  pending: readonly PendingEntry[] = [],
): ComputedClocks[] {
  const inForceByJob = new Map([...inputs.jobs.values()].map((job) => [job.id, policyInForce(config, job)]));
  const pendingByApplication = new Map<string, PendingEntry[]>();
  for (const entry of pending) {
    const entries = pendingByApplication.get(entry.applicationId);
    if (entries) entries.push(entry);
    else pendingByApplication.set(entry.applicationId, [entry]);
  }
  return inputs.subjects.map((subject) => {
    const logged = inputs.log.get(subject.id) ?? [];
    const added = pendingByApplication.get(subject.id);
    const entries = added ? [...logged, ...added].sort(inLogOrder) : logged;
    return computeFor(
      subject,
      inputs.jobs.get(subject.jobId)!,
      inForceByJob.get(subject.jobId)!,
      applicationLog(entries),
      at,
      noOpenHours,
    );
  });
}

/** Clock instances of the given applications as of `at` (events after it ignored), with today's policy. */
export async function computeApplicationsClocks(
  db: Db,
  applicationIds: string[],
  at: Date,
  config?: SlaConfig,
  noOpenHours: NoOpenHours = "calendar_only",
): Promise<ComputedClocks[]> {
  if (applicationIds.length === 0) return [];
  const inputs = await loadClockInputs(db, applicationIds);
  return computeFromInputs(inputs, config ?? (await currentSlaConfig(db)), at, noOpenHours);
}

export type ClockSyncOptions = {
  now?: Date;
  config?: SlaConfig;
  /** Recomputes after a policy or schedule change keep recorded breaches (app/domain/sla/clock-writes.ts). */
  keepBreaches?: boolean;
  /** Touchpoints the caller writes in the same statement as the clocks. */
  pending?: readonly PendingEntry[];
};

/** Reads these applications' inputs and returns the statements that bring their stored clocks in step with their
 * logs (and `pending`) as of `now`: only rows that differ are written. The caller runs them, alone or together with
 * its own writes. */
export async function planClockSync(db: Db, applicationIds: string[], options: ClockSyncOptions = {}) {
  if (applicationIds.length === 0) return [];
  const inputs = await loadClockInputs(db, applicationIds);
  const config = options.config ?? (await currentSlaConfig(db));
  const computed = computeFromInputs(inputs, config, options.now ?? new Date(), "calendar_only", options.pending);
  const rows = computed.flatMap(({ applicationId, inForce, clocks, touchpoints }) =>
    clocks.map((clock) => clockRow(applicationId, inForce.policyId, clock, touchpoints)),
  );
  const newEvents = new Map<string, number[]>();
  for (const entry of options.pending ?? []) {
    if (movesClocks(entry.type, entry.data))
      newEvents.set(entry.applicationId, [...(newEvents.get(entry.applicationId) ?? []), entry.occurredAt]);
  }
  return clockWriteStatements(planClockWrites(inputs.stored, rows, options.keepBreaches ?? false, newEvents));
}

/** Brings the stored clocks of these applications in step with their event logs, as of `now`: one statement to read,
 * one to write. */
export async function syncClocks(db: Db, applicationIds: string[], options: ClockSyncOptions = {}): Promise<number> {
  await executeTogether(db, await planClockSync(db, applicationIds, options));
  return applicationIds.length;
}

/** Status-page views (application, when) show the candidate the dates of the clocks running then: the first such
 * moment is recorded on them, as a sync from the log would (views move no clock, so they are not synced). The
 * statement, for the caller to run alone or together with its own writes. */
export function notePromisesShown(views: readonly { applicationId: string; at: Date }[]): Prisma.Sql {
  const rows = JSON.stringify(views.map((view) => ({ applicationId: view.applicationId, at: view.at.toISOString() })));
  return Prisma.sql`
    UPDATE "SlaClock" AS target SET "promiseShownAt" = shown.at
      FROM (SELECT c.id, min(v.at::timestamp(3)) AS at
              FROM jsonb_to_recordset(${rows}::jsonb) AS v("applicationId" text, at text)
              JOIN "SlaClock" c ON c."applicationId" = v."applicationId"
             WHERE c.metric IN (${PROMISE_METRIC_LIST}) AND c."startedAt" <= v.at::timestamp(3)
               AND (c."stoppedAt" IS NULL OR c."stoppedAt" > v.at::timestamp(3))
             GROUP BY c.id) AS shown
     WHERE target.id = shown.id AND (target."promiseShownAt" IS NULL OR target."promiseShownAt" > shown.at)`;
}

/** The statement that sets promiseShownAt on every clock from the log, for bulk loads that write clocks and
 * touchpoints directly (the benchmark's dataset): what a sync of each application would store. No parameters. */
export const NOTE_EVERY_PROMISE_SHOWN: Prisma.Sql = Prisma.sql`
  UPDATE "SlaClock" AS c SET "promiseShownAt" = shown.at
    FROM (SELECT c.id, min(e."occurredAt") AS at
            FROM "SlaClock" c JOIN "Event" e ON e."applicationId" = c."applicationId"
           WHERE c.metric IN (${PROMISE_METRIC_LIST})
             AND e."occurredAt" >= c."startedAt" AND (c."stoppedAt" IS NULL OR e."occurredAt" < c."stoppedAt")
             AND (e.type = 'status_viewed' OR (e.type = 'message_out' AND e.visibility = 'candidate'))
           GROUP BY c.id) AS shown
   WHERE c.id = shown.id`;
