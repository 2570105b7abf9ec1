// The SLA configuration in force: policies in order, schedules, and each schedule compiled into a business calendar
// (cached per schedule version, so a due date costs microseconds). Read by clock syncing, recomputes and the API.
// currentSlaConfig keeps the committed configuration in memory until a write to a policy or schedule commits, here
// or in another instance (docs/decisions/014, "Caches of a few tables").
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { compileCalendar, NoOpenHoursError, type BusinessCalendar } from "~/domain/sla/calendar";
import { scheduleIdFor, selectPolicy } from "~/domain/sla/policies";
import { holidaySchema, openingHoursSchema, type ScheduleDefinition } from "~/domain/sla/schedule";
import {
  SLA_METRICS,
  STAGE_DECISION_RESTARTS,
  type ClockPolicy,
  type SlaTarget,
  type TimeLine,
} from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
import { singleton } from "~/platform/singleton.server";
import {
  tablesGeneration,
  uncommittedWritesTo,
  watchTables,
  writeTrackingComplete,
} from "~/platform/write-tracking.server";

export type Db = Prisma.TransactionClient;

export const policySelect = {
  id: true,
  name: true,
  position: true,
  isDefault: true,
  matchDepartments: true,
  matchJobIds: true,
  scheduleId: true,
  countAutomatedReplies: true,
  targets: true,
  updatedAt: true,
} satisfies Prisma.SlaPolicySelect;

export const scheduleSelect = {
  id: true,
  name: true,
  timeZone: true,
  hours: true,
  holidays: true,
  isDefault: true,
  updatedAt: true,
} satisfies Prisma.ScheduleSelect;

export type PolicyRow = Prisma.SlaPolicyGetPayload<{ select: typeof policySelect }>;
export type ScheduleRow = Prisma.ScheduleGetPayload<{ select: typeof scheduleSelect }>;

const storedTargetsSchema = z.array(
  z.object({
    metric: z.enum(SLA_METRICS),
    minutes: z.number().positive(),
    businessHours: z.boolean(),
    warnBeforeMinutes: z.number().positive().nullish(),
    stageDecisionRestartsAt: z.enum(STAGE_DECISION_RESTARTS).optional(),
  }),
);

export function policyTargets(policy: Pick<PolicyRow, "targets">): SlaTarget[] {
  return storedTargetsSchema.parse(policy.targets);
}

export function scheduleDefinition(schedule: Pick<ScheduleRow, "timeZone" | "hours" | "holidays">): ScheduleDefinition {
  return {
    timeZone: schedule.timeZone,
    hours: z.array(openingHoursSchema).parse(schedule.hours),
    holidays: z.array(holidaySchema).parse(schedule.holidays),
  };
}

const calendars = new Map<string, BusinessCalendar | null>();

/** The schedule's compiled calendar, or null when it has no open hours at all. */
export function calendarFor(schedule: ScheduleRow): BusinessCalendar | null {
  const key = `${schedule.id}@${schedule.updatedAt.getTime()}`;
  if (calendars.has(key)) return calendars.get(key)!;
  let calendar: BusinessCalendar | null;
  try {
    calendar = compileCalendar(scheduleDefinition(schedule));
  } catch (error) {
    if (!(error instanceof NoOpenHoursError)) throw error;
    calendar = null;
  }
  if (calendars.size > 200) calendars.clear();
  calendars.set(key, calendar);
  return calendar;
}

export type SlaConfig = {
  policies: PolicyRow[];
  schedules: Map<string, ScheduleRow>;
  defaultSchedule: ScheduleRow;
};

export async function loadSlaConfig(db: Db): Promise<SlaConfig> {
  // One after another: inside a transaction the queries share one connection.
  const policies = await db.slaPolicy.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: policySelect,
  });
  const schedules = await db.schedule.findMany({ select: scheduleSelect });
  const defaultSchedule = schedules.find((schedule) => schedule.isDefault);
  if (!defaultSchedule) throw new Error("The workspace has no default schedule; the SLA migration creates one.");
  return { policies, schedules: new Map(schedules.map((schedule) => [schedule.id, schedule])), defaultSchedule };
}

/** The tables loadSlaConfig reads: a committed write naming either drops the cached configuration. */
const CONFIG_TABLES = ["SlaPolicy", "Schedule"];
watchTables(...CONFIG_TABLES);

type ConfigCache = {
  /** The configuration as committed, with the tables' generation read before it was loaded. */
  stored: { generation: number; config: SlaConfig } | null;
  /** A load through the root client under way, shared by the callers that miss meanwhile at the same generation. */
  loading: { generation: number; config: Promise<SlaConfig> } | null;
};

const configCache = singleton<ConfigCache>("sla-config-cache", () => ({ stored: null, loading: null }));

function storedConfig(): SlaConfig | null {
  const { stored } = configCache;
  return stored && stored.generation === tablesGeneration(CONFIG_TABLES) ? stored.config : null;
}

/** Loads the committed configuration through the root client and keeps it with the generation read before the load
 * (a write committed meanwhile moves it, so the copy is never used). */
function loadCommittedConfig(): Promise<SlaConfig> {
  const generation = tablesGeneration(CONFIG_TABLES);
  if (configCache.loading?.generation === generation) return configCache.loading.config;
  const config = loadSlaConfig(prisma);
  const loading = { generation, config };
  configCache.loading = loading;
  const done = () => {
    if (configCache.loading === loading) configCache.loading = null;
  };
  config.then((loaded) => {
    done();
    const current = configCache.stored;
    if (!current || current.generation <= generation) configCache.stored = { generation, config: loaded };
  }, done);
  return config;
}

/**
 * The SLA configuration as committed: from memory while no write to a policy or schedule has committed since it was
 * read, in this process or (PostgreSQL) in another instance, else read again (2 statements). While write tracking
 * is incomplete (the listener for other instances' writes is down) every call reads it. The returned object is
 * shared: do not change it.
 *
 * Called in a transaction, pass it as `db`. A transaction sees committed data like the cache, plus its own
 * uncommitted writes: a transaction that has itself written policies or schedules must use `loadSlaConfig(tx)`
 * (while any transaction of this process has, `db` gets that instead of the copy). When the copy is out of date, a
 * transaction reads the configuration itself (`loadSlaConfig(db)`) and the copy is refreshed in the background
 * through the root client: the embedded database has one connection, so a read outside the transaction that the
 * transaction awaited would wait for it to end, forever. What a transaction reads is never stored.
 */
export async function currentSlaConfig(db: Db = prisma): Promise<SlaConfig> {
  const inTransaction = db !== prisma;
  if (!writeTrackingComplete() || (inTransaction && uncommittedWritesTo(CONFIG_TABLES))) return loadSlaConfig(db);
  const stored = storedConfig();
  if (stored) return stored;
  if (!inTransaction) return loadCommittedConfig();
  loadCommittedConfig().catch(() => undefined);
  return loadSlaConfig(db);
}

export type JobForSla = { id: string; department: string | null; scheduleId: string | null };

export type PolicyInForce = {
  policyId: string;
  policyName: string;
  policy: ClockPolicy;
  schedule: ScheduleRow;
  businessTime: TimeLine | null;
};

/** Which policy and schedule apply to a job (docs/sla.md: first matching policy; the job's, the policy's or the
 * default schedule). */
export function policyInForce(config: SlaConfig, job: JobForSla): PolicyInForce {
  const policy = selectPolicy(config.policies, job);
  const row = config.policies.find((candidate) => candidate.id === policy.id)!;
  const scheduleId = scheduleIdFor(job, row, config.defaultSchedule.id);
  const schedule = config.schedules.get(scheduleId) ?? config.defaultSchedule;
  return {
    policyId: row.id,
    policyName: row.name,
    policy: { targets: policyTargets(row), countAutomatedReplies: row.countAutomatedReplies },
    schedule,
    businessTime: calendarFor(schedule),
  };
}
