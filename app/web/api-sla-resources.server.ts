// What the SLA part of the API answers and which query parameters it takes: schedules and their /due and /elapsed
// calculators, SLA policies, an application's clocks as of an instant, and the "waiting on us" queue. Each resource is
// a zod schema (described by the OpenAPI document, checked by the tests) with the function that presents a model's
// result in it. Timestamps are ISO 8601 UTC strings.
import { z } from "zod";
import { STAGE_DECISION_RESTART_NOTE } from "~/domain/sla/policies";
import { WEEKDAYS } from "~/domain/sla/schedule";
import { CLOCK_STATES, DEFAULT_STAGE_DECISION_RESTART, SLA_METRICS, STAGE_DECISION_RESTARTS } from "~/domain/sla/types";
import { isoInstant } from "~/domain/validation";
import type { ApplicationClocksAsOf } from "~/models/sla/as-of.server";
import type { PolicyDetail } from "~/models/sla/policies.server";
import { riskAt, type QueueItem } from "~/models/sla/queue.server";
import type { ScheduleDetail } from "~/models/sla/schedules.server";

const id = z.string().describe("Opaque identifier.");
const timestamp = z.iso.datetime().describe("ISO 8601 instant in UTC, like 2026-03-01T09:30:00.000Z.");
const metric = z.enum(SLA_METRICS);

function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** The most minutes the calculators take: ten years of calendar minutes (365 × 24 × 60 × 10). */
export const MAX_CALCULATOR_MINUTES = 5_256_000;
const MINUTE_MS = 60_000;

// ---------------------------------------------------------------------------------------------------------------
// Schedules

export const scheduleResource = z.object({
  id,
  name: z.string(),
  timeZone: z.string().describe("IANA time zone the opening hours are read in, like Europe/Berlin."),
  hours: z
    .array(
      z.object({
        day: z.enum(WEEKDAYS),
        open: z.string().describe("HH:MM, local time."),
        close: z.string().describe('HH:MM, local time; "24:00" is the end of the day.'),
      }),
    )
    .describe("Weekly opening intervals; a day may have several (a lunch break splits the day)."),
  holidays: z
    .array(
      z.object({
        date: z.string().describe("YYYY-MM-DD in the schedule's time zone."),
        name: z.string().optional(),
        closedFrom: z.string().optional().describe("With closedUntil: only this span of the date is closed."),
        closedUntil: z.string().optional(),
      }),
    )
    .describe("Dates closed all day, or for the span closedFrom–closedUntil."),
  isDefault: z.boolean().describe("The workspace default: used when neither the job nor the policy names one."),
  updatedAt: timestamp,
});

export function presentSchedule(schedule: ScheduleDetail): z.output<typeof scheduleResource> {
  return {
    id: schedule.id,
    name: schedule.name,
    timeZone: schedule.timeZone,
    hours: schedule.hours.map((entry) => ({ day: entry.day, open: entry.open, close: entry.close })),
    // Absent fields stay absent, so an answer can be sent back as a PUT body unchanged.
    holidays: schedule.holidays.map((holiday) => ({
      date: holiday.date,
      ...(holiday.name ? { name: holiday.name } : {}),
      ...(holiday.closedFrom !== undefined ? { closedFrom: holiday.closedFrom } : {}),
      ...(holiday.closedUntil !== undefined ? { closedUntil: holiday.closedUntil } : {}),
    })),
    isDefault: schedule.isDefault,
    updatedAt: iso(schedule.updatedAt),
  };
}

export const scheduleListResource = z.object({ items: z.array(scheduleResource) });

export function presentScheduleList(schedules: ScheduleDetail[]): z.output<typeof scheduleListResource> {
  return { items: schedules.map(presentSchedule) };
}

export const deletedResource = z.object({ id, deleted: z.literal(true) });

const minutesParam = z
  .string({ error: "minutes is required: a whole number of minutes, like 120." })
  .trim()
  .regex(/^\d+$/, "minutes must be a whole number of minutes (0 or more), like 120.")
  .transform(Number)
  .refine(
    (value) => value <= MAX_CALCULATOR_MINUTES,
    `minutes must be at most ${MAX_CALCULATOR_MINUTES.toLocaleString("en")} (ten years).`,
  );

export const dueQuerySchema = z.object({
  from: isoInstant("from"),
  minutes: minutesParam,
});

export const dueResource = z.object({
  dueAt: timestamp.describe("The instant when `minutes` business minutes have passed since `from`."),
});

export const elapsedQuerySchema = z
  .object({
    from: isoInstant("from"),
    to: isoInstant("to"),
  })
  .superRefine(({ from, to }, context) => {
    // zod runs object checks even after a field failed (it then holds the raw text); the field's message says enough.
    if (!(from instanceof Date) || !(to instanceof Date)) return;
    if (to.getTime() < from.getTime()) {
      context.addIssue({ code: "custom", path: ["to"], message: "to must not be before from." });
    } else if (to.getTime() - from.getTime() > MAX_CALCULATOR_MINUTES * MINUTE_MS) {
      context.addIssue({ code: "custom", path: ["to"], message: "to must be at most ten years after from." });
    }
  });

export const elapsedResource = z.object({
  minutes: z
    .number()
    .describe("Business minutes in [from, to); fractional when the instants are not on whole minutes."),
});

// ---------------------------------------------------------------------------------------------------------------
// SLA policies

const targetResource = z.object({
  metric,
  minutes: z.number(),
  businessHours: z.boolean().describe("true: only open minutes of the schedule count; false: real elapsed time."),
  warnBeforeMinutes: z.number().nullable(),
  stageDecisionRestartsAt: z.enum(STAGE_DECISION_RESTARTS).optional().describe(STAGE_DECISION_RESTART_NOTE),
});

export const slaPolicyResource = z.object({
  id,
  name: z.string(),
  position: z.number().int().describe("Matching order, 1 first; the default policy (0) is the fallback, tried last."),
  isDefault: z.boolean(),
  match: z.object({
    departments: z.array(z.string()).describe("Matches jobs in any of these departments; empty: any department."),
    jobIds: z.array(id).describe("Matches these jobs; empty: any job."),
  }),
  scheduleId: id.nullable().describe("Used for jobs without a schedule of their own; null: the workspace default."),
  countAutomatedReplies: z.boolean(),
  targets: z.array(targetResource),
  updatedAt: timestamp,
});

export function presentPolicy(policy: PolicyDetail): z.output<typeof slaPolicyResource> {
  return {
    id: policy.id,
    name: policy.name,
    position: policy.position,
    isDefault: policy.isDefault,
    match: { departments: policy.matchDepartments, jobIds: policy.matchJobIds },
    scheduleId: policy.scheduleId,
    countAutomatedReplies: policy.countAutomatedReplies,
    targets: policy.targets.map((target) => ({
      metric: target.metric,
      minutes: target.minutes,
      businessHours: target.businessHours,
      warnBeforeMinutes: target.warnBeforeMinutes ?? null,
      ...(target.metric === "interviewer_feedback"
        ? { stageDecisionRestartsAt: target.stageDecisionRestartsAt ?? DEFAULT_STAGE_DECISION_RESTART }
        : {}),
    })),
    updatedAt: iso(policy.updatedAt),
  };
}

export const slaPolicyListResource = z.object({ items: z.array(slaPolicyResource) });

export function presentPolicyList(policies: PolicyDetail[]): z.output<typeof slaPolicyListResource> {
  return { items: policies.map(presentPolicy) };
}

// ---------------------------------------------------------------------------------------------------------------
// Clocks of one application, as of an instant

export const asOfQuerySchema = z.object({
  at: isoInstant("at").optional().describe("The instant to replay the clocks at; default: now."),
});

const clockResource = z.object({
  metric,
  instance: z.number().int().describe("1, 2, … per metric."),
  state: z.enum(CLOCK_STATES),
  startedAt: timestamp,
  dueAt: timestamp.nullable().describe("null while paused (waiting on the candidate)."),
  stoppedAt: timestamp.nullable(),
  breached: z.boolean().describe("(stoppedAt ?? at) > dueAt."),
  businessHours: z.boolean(),
  targetMinutes: z.number(),
  warnAt: timestamp.nullable(),
  remainingMinutes: z.number().nullable().describe("Counted minutes left when paused, else null."),
  stageId: id.nullable().describe("stage_decision: the stage being decided."),
  interviewId: id.nullable().describe("interviewer_feedback: the interview whose feedback is owed."),
});

export const applicationSlaResource = z.object({
  applicationId: id,
  at: timestamp,
  policy: z.object({ id, name: z.string() }).describe("The policy in force (today's configuration)."),
  scheduleId: id,
  hearBackBy: timestamp.nullable().describe("The date the candidate was promised to hear back by, if any."),
  clocks: z.array(clockResource).describe("Clock instances started at or before `at`."),
});

export function presentApplicationSla(sla: ApplicationClocksAsOf): z.output<typeof applicationSlaResource> {
  return {
    applicationId: sla.applicationId,
    at: iso(sla.at),
    policy: sla.policy,
    scheduleId: sla.scheduleId,
    hearBackBy: iso(sla.hearBackBy),
    clocks: sla.clocks.map((clock) => ({
      metric: clock.metric,
      instance: clock.instance,
      state: clock.state,
      startedAt: iso(clock.startedAt),
      dueAt: iso(clock.dueAt),
      stoppedAt: iso(clock.stoppedAt),
      breached: clock.breached,
      businessHours: clock.businessHours,
      targetMinutes: clock.targetMinutes,
      warnAt: iso(clock.warnAt),
      remainingMinutes: clock.remainingMinutes,
      stageId: clock.stageId,
      interviewId: clock.interviewId,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The "waiting on us" queue

export const QUEUE_MAX_LIMIT = 1000;

export const queueQuerySchema = z.object({
  at: isoInstant("at").optional().describe("The instant breaches and warnings are judged at; default: now."),
  limit: z
    .string()
    .trim()
    .regex(/^\d+$/, `limit must be a whole number from 1 to ${QUEUE_MAX_LIMIT}.`)
    .transform(Number)
    .refine(
      (value) => value >= 1 && value <= QUEUE_MAX_LIMIT,
      `limit must be a whole number from 1 to ${QUEUE_MAX_LIMIT}.`,
    )
    .optional()
    .describe(`How many clocks to answer, 1–${QUEUE_MAX_LIMIT}; default 100. \`total\` counts them all.`),
  jobId: z.string().trim().min(1, "jobId must not be empty.").max(64).optional(),
  recruiterId: z.string().trim().min(1, "recruiterId must not be empty.").max(64).optional(),
  metric: z.enum(SLA_METRICS, { error: `metric must be one of ${SLA_METRICS.join(", ")}.` }).optional(),
});

export const queueResource = z.object({
  items: z.array(
    z.object({
      applicationId: id,
      metric,
      instance: z.number().int(),
      startedAt: timestamp,
      dueAt: timestamp,
      warnAt: timestamp.nullable(),
      breached: z.boolean().describe("Late as of `at`."),
      risk: z.enum(["fine", "warning", "breached"]).describe("warning: within the target's warn-before time."),
      businessHours: z.boolean(),
      targetMinutes: z.number(),
      candidate: z.object({ id, name: z.string() }),
      stage: z.object({ id, name: z.string() }),
      job: z.object({ id, title: z.string() }),
      interview: z
        .object({ id, kind: z.string(), startsAt: timestamp.nullable(), endsAt: timestamp.nullable() })
        .nullable()
        .describe("interviewer_feedback: the interview whose feedback is owed; else null."),
      feedbackOwedBy: z
        .array(z.object({ id, name: z.string() }))
        .describe("interviewer_feedback: the interviewers who still owe feedback; else empty."),
    }),
  ),
  total: z.number().int().describe("Running clocks matching the filters, beyond `limit` too."),
});

/**
 * The queue as of `asOf` when the caller named an instant: a running clock is late when that instant is past its due
 * date (docs/sla.md), whatever the stored flag, which is judged at the last sync. Without one, the stored verdicts
 * stand (they keep past breaches after a policy change).
 */
export function presentQueue(
  queue: { items: QueueItem[]; total: number },
  asOf?: Date,
): z.output<typeof queueResource> {
  return {
    items: queue.items.map((item) => {
      const risk = asOf ? riskAt({ ...item, breached: false }, asOf) : item.risk;
      return {
        applicationId: item.applicationId,
        metric: item.metric,
        instance: item.instance,
        startedAt: iso(item.startedAt),
        dueAt: iso(item.dueAt),
        warnAt: iso(item.warnAt),
        breached: risk === "breached",
        risk,
        businessHours: item.businessHours,
        targetMinutes: item.targetMinutes,
        candidate: item.candidate,
        stage: item.stage,
        job: { id: item.job.id, title: item.job.title },
        interview: item.interview && {
          id: item.interview.id,
          kind: item.interview.kind,
          startsAt: iso(item.interview.startsAt),
          endsAt: iso(item.interview.endsAt),
        },
        feedbackOwedBy: item.feedbackOwedBy,
      };
    }),
    total: queue.total,
  };
}

/** How the API documents a schedule body's validation, for both the create and the replace operation. */
export const SCHEDULE_BODY_NOTE =
  "Invalid input is a 400 whose issues name the field: an unknown `timeZone`, a malformed time " +
  "(`hours.1.open`), a reversed or overlapping interval, an impossible date (`holidays.0.date`), a partial-day " +
  "holiday with only one of closedFrom and closedUntil.";
