// The SLA configuration in force: policies in order, schedules, and each schedule compiled into a business calendar
// (cached per schedule version, so a due date costs microseconds). Read by clock syncing, recomputes and the API.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { compileCalendar, NoOpenHoursError, type BusinessCalendar } from "~/domain/sla/calendar";
import { scheduleIdFor, selectPolicy } from "~/domain/sla/policies";
import { holidaySchema, openingHoursSchema, type ScheduleDefinition } from "~/domain/sla/schedule";
import { SLA_METRICS, type ClockPolicy, type SlaTarget, type TimeLine } from "~/domain/sla/types";

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
