// Materialised SLA clocks: computes an application's clock instances from its event log with the policy and schedule
// in force (app/domain/sla/clocks.ts) and writes them to SlaClock in the caller's transaction. Bulk-friendly: one
// query for the applications, one for their events, one upsert and one delete per batch.
import { Prisma } from "~/generated/prisma/client";
import { NoOpenHoursError } from "~/domain/sla/calendar";
import { clockEventsFromLog, computeClocks, initialStageIdFromLog } from "~/domain/sla/clocks";
import type { ClockInstance } from "~/domain/sla/types";
import { loadSlaConfig, policyInForce, type Db, type PolicyInForce, type SlaConfig } from "./config.server";

const CLOCK_EVENT_TYPES = ["applied", "stage_changed", "message_out", "message_in", "decision", "withdrawn"] as const;

/** Whether an event of this type can start, stop or pause a clock (notes and status views cannot). */
export function movesClocks(type: string): boolean {
  return (CLOCK_EVENT_TYPES as readonly string[]).includes(type);
}

const subjectSelect = {
  id: true,
  appliedAt: true,
  stageId: true,
  job: {
    select: {
      id: true,
      department: true,
      scheduleId: true,
      stages: { select: { id: true, decisionMinutes: true } },
    },
  },
} satisfies Prisma.ApplicationSelect;

type Subject = Prisma.ApplicationGetPayload<{ select: typeof subjectSelect }>;
type LoggedEvent = { applicationId: string; type: string; occurredAt: Date; visibility: string; data: unknown };

async function loadEvents(db: Db, applicationIds: string[]): Promise<Map<string, LoggedEvent[]>> {
  const events = await db.event.findMany({
    where: { applicationId: { in: applicationIds }, type: { in: [...CLOCK_EVENT_TYPES] } },
    orderBy: [{ applicationId: "asc" }, { occurredAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
    select: { applicationId: true, type: true, occurredAt: true, visibility: true, data: true },
  });
  const byApplication = new Map<string, LoggedEvent[]>();
  for (const event of events) {
    const list = byApplication.get(event.applicationId);
    if (list) list.push(event);
    else byApplication.set(event.applicationId, [event]);
  }
  return byApplication;
}

export type ComputedClocks = { applicationId: string; inForce: PolicyInForce; clocks: ClockInstance[] };

/** What to do when the schedule has no open hours: materialising keeps calendar-time clocks; the API reports it. */
type NoOpenHours = "calendar_only" | "throw";

function computeFor(
  subject: Subject,
  events: LoggedEvent[],
  config: SlaConfig,
  at: Date,
  noOpenHours: NoOpenHours,
): ComputedClocks {
  const inForce = policyInForce(config, subject.job);
  const input = {
    appliedAt: subject.appliedAt,
    initialStageId: initialStageIdFromLog(events, subject.stageId),
    events: clockEventsFromLog(events),
    policy: inForce.policy,
    stageDecisionMinutes: Object.fromEntries(subject.job.stages.map((stage) => [stage.id, stage.decisionMinutes])),
    businessTime: inForce.businessTime,
    at,
  };
  try {
    return { applicationId: subject.id, inForce, clocks: computeClocks(input) };
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
    return { applicationId: subject.id, inForce, clocks };
  }
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
  // One after another: inside a transaction the queries share one connection.
  const subjects = await db.application.findMany({ where: { id: { in: applicationIds } }, select: subjectSelect });
  const events = await loadEvents(db, applicationIds);
  const slaConfig = config ?? (await loadSlaConfig(db));
  return subjects.map((subject) => computeFor(subject, events.get(subject.id) ?? [], slaConfig, at, noOpenHours));
}

function clockRows(computed: ComputedClocks[]) {
  return computed.flatMap(({ applicationId, inForce, clocks }) =>
    clocks.map((clock) => ({
      applicationId,
      metric: clock.metric,
      instance: clock.instance,
      state: clock.state,
      startedAt: clock.startedAt.toISOString(),
      dueAt: clock.dueAt?.toISOString() ?? null,
      warnAt: clock.warnAt?.toISOString() ?? null,
      stoppedAt: clock.stoppedAt?.toISOString() ?? null,
      breached: clock.breached,
      businessHours: clock.businessHours,
      targetMinutes: Math.round(clock.targetMinutes),
      remainingMinutes: clock.remainingMinutes,
      stageId: clock.stageId,
      policyId: inForce.policyId,
    })),
  );
}

const RECORD_COLUMNS =
  Prisma.raw(`"applicationId" text, metric text, instance int, state text, "startedAt" timestamp(3),
  "dueAt" timestamp(3), "warnAt" timestamp(3), "stoppedAt" timestamp(3), breached boolean, "businessHours" boolean,
  "targetMinutes" int, "remainingMinutes" double precision, "stageId" text, "policyId" text`);

/**
 * Writes computed clocks. A finished clock (stopped or cancelled) whose start and stop are unchanged keeps its row as
 * it was — due date, target and verdict of the policy it ran under — so changing a policy never rewrites history.
 * Running and paused clocks follow today's policy and schedule (start times stay, due dates move). With
 * `keepBreaches` (recomputes after a policy or schedule change) a breach, once recorded, stays for the same clock start
 * ("past breaches stay", DESIGN §4); a new event (say, a reply recorded after the fact) is judged on the log alone.
 */
async function writeClocks(
  db: Db,
  applicationIds: string[],
  computed: ComputedClocks[],
  keepBreaches: boolean,
): Promise<void> {
  const rows = JSON.stringify(clockRows(computed));
  // One statement, so the JSON is parsed once: delete the clocks the log no longer produces, upsert the rest.
  await db.$executeRaw`
    WITH r AS MATERIALIZED (SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS r(${RECORD_COLUMNS})),
    gone AS (
      DELETE FROM "SlaClock" AS c
       WHERE c."applicationId" IN (${Prisma.join(applicationIds)})
         -- A hashed NOT IN over one text key: a correlated NOT EXISTS would compare every row with every row.
         AND c."applicationId" || ' ' || c.metric::text || ' ' || c.instance NOT IN (
               SELECT r."applicationId" || ' ' || r.metric || ' ' || r.instance FROM r))
    INSERT INTO "SlaClock" (id, "applicationId", metric, instance, state, "startedAt", "dueAt", "warnAt", "stoppedAt",
                            breached, "businessHours", "targetMinutes", "remainingMinutes", "stageId", "policyId",
                            "updatedAt")
    SELECT 'k' || replace(gen_random_uuid()::text, '-', ''), r."applicationId", r.metric::"SlaMetric", r.instance,
           r.state::"ClockState", r."startedAt", r."dueAt", r."warnAt", r."stoppedAt", r.breached, r."businessHours",
           r."targetMinutes", r."remainingMinutes", r."stageId", r."policyId", CURRENT_TIMESTAMP
      FROM r
    ON CONFLICT ("applicationId", metric, instance) DO UPDATE SET
      state = EXCLUDED.state,
      "startedAt" = EXCLUDED."startedAt",
      "dueAt" = EXCLUDED."dueAt",
      "warnAt" = EXCLUDED."warnAt",
      "stoppedAt" = EXCLUDED."stoppedAt",
      breached = EXCLUDED.breached OR (${keepBreaches} AND "SlaClock".breached
                                       AND "SlaClock"."startedAt" = EXCLUDED."startedAt"),
      "businessHours" = EXCLUDED."businessHours",
      "targetMinutes" = EXCLUDED."targetMinutes",
      "remainingMinutes" = EXCLUDED."remainingMinutes",
      "stageId" = EXCLUDED."stageId",
      "policyId" = EXCLUDED."policyId",
      "updatedAt" = CURRENT_TIMESTAMP
    WHERE NOT ("SlaClock".state IN ('stopped', 'cancelled') AND "SlaClock".state = EXCLUDED.state
               AND "SlaClock"."startedAt" = EXCLUDED."startedAt"
               AND "SlaClock"."stoppedAt" IS NOT DISTINCT FROM EXCLUDED."stoppedAt")`;
}

/** Brings the stored clocks of these applications in step with their event logs, as of `now`. */
export async function syncClocks(
  db: Db,
  applicationIds: string[],
  options: { now?: Date; config?: SlaConfig; keepBreaches?: boolean } = {},
): Promise<number> {
  if (applicationIds.length === 0) return 0;
  const computed = await computeApplicationsClocks(db, applicationIds, options.now ?? new Date(), options.config);
  await writeClocks(db, applicationIds, computed, options.keepBreaches ?? false);
  return computed.length;
}

/** Called in the transaction of every touchpoint event (app/models/event.server.ts). */
export async function syncApplicationClocks(db: Db, applicationId: string): Promise<void> {
  await syncClocks(db, [applicationId]);
}
