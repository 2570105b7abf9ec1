// The schedule and SLA policy forms of the admin UI: one schema per form for the browser and the server (built from
// scheduleInputSchema and slaPolicyInputSchema), the editor steps the server applies without JavaScript, and the
// "if a candidate applied now" preview.
import { z } from "zod";
import { compileCalendar, NoOpenHoursError } from "./calendar";
import { slaPolicyInputSchema, type SlaPolicyInput } from "./policies";
import { realTime } from "./real-time";
import {
  scheduleInputSchema,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Holiday,
  type OpeningHours,
  type ScheduleDefinition,
  type Weekday,
} from "./schedule";
import { SLA_METRICS, type SlaMetric, type SlaTarget } from "./types";

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

/** Form posts name rows `hours.0.open`, which arrive as an object keyed by index; the browser form has an array. */
function indexedToArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object") {
    return Object.entries(value)
      .filter(([key]) => /^\d+$/.test(key))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => item);
  }
  return [];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === "string" ? value : "";
}

/** Checkbox values: present (any value but "false") means on. */
function checked(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(checked);
  return value === true || (typeof value === "string" && value !== "false" && value !== "");
}

// ---------------------------------------------------------------------------------------------------------------
// Schedule form

export type IntervalFormValues = { day: Weekday; open: string; close: string };
export type HolidayFormValues = { date: string; name: string; closedFrom: string; closedUntil: string };
export type ScheduleFormValues = {
  name: string;
  timeZone: string;
  hours: IntervalFormValues[];
  holidays: HolidayFormValues[];
};

const weekdayOrder = (day: string) => WEEKDAYS.indexOf(day as Weekday);

/** Rows grouped by weekday (the editor shows one group per day), keeping their order within a day. */
function byWeekday(hours: IntervalFormValues[]): IntervalFormValues[] {
  return hours
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => weekdayOrder(a.entry.day) - weekdayOrder(b.entry.day) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function scheduleFormValues(schedule?: {
  name: string;
  timeZone: string;
  hours: OpeningHours[];
  holidays: Holiday[];
}): ScheduleFormValues {
  if (!schedule) {
    return {
      name: "",
      timeZone: "UTC",
      hours: (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({ day, open: "09:00", close: "17:00" })),
      holidays: [],
    };
  }
  return {
    name: schedule.name,
    timeZone: schedule.timeZone,
    hours: byWeekday(schedule.hours.map(({ day, open, close }) => ({ day, open, close }))),
    holidays: schedule.holidays.map(holidayFormValues),
  };
}

function holidayFormValues(holiday: Holiday): HolidayFormValues {
  return {
    date: holiday.date,
    name: holiday.name ?? "",
    closedFrom: holiday.closedFrom ?? "",
    closedUntil: holiday.closedUntil ?? "",
  };
}

/** Whatever was posted, as form values again (to re-render the form with the user's input). Row order is kept, so
 * the schema's error paths (hours.3.open) point at the same rows. */
export function scheduleFormValuesFromPost(posted: Record<string, unknown>): ScheduleFormValues {
  return {
    name: text(posted.name),
    timeZone: text(posted.timeZone),
    hours: indexedToArray(posted.hours).map((raw) => {
      const row = record(raw);
      const day = text(row.day);
      return {
        day: (WEEKDAYS as readonly string[]).includes(day) ? (day as Weekday) : "mon",
        open: text(row.open),
        close: text(row.close),
      };
    }),
    holidays: indexedToArray(posted.holidays).map((raw) => {
      const row = record(raw);
      return {
        date: text(row.date),
        name: text(row.name),
        closedFrom: text(row.closedFrom),
        closedUntil: text(row.closedUntil),
      };
    }),
  };
}

const blankToUndefined = (value: string) => (value.trim() === "" ? undefined : value);

function scheduleInputFromPost(raw: unknown): unknown {
  const values = scheduleFormValuesFromPost(record(raw));
  return {
    name: values.name,
    timeZone: values.timeZone,
    hours: values.hours,
    holidays: values.holidays.map((holiday) => ({
      date: holiday.date,
      name: blankToUndefined(holiday.name),
      closedFrom: blankToUndefined(holiday.closedFrom),
      closedUntil: blankToUndefined(holiday.closedUntil),
    })),
  };
}

/** The schedule editor's schema: the posted fields in, a ScheduleInput out; error paths are the form's field names. */
export const scheduleFormSchema = z.preprocess(scheduleInputFromPost, scheduleInputSchema);

export type ScheduleIntent =
  | { type: "save" }
  | { type: "add-interval"; day: Weekday }
  | { type: "remove-interval"; index: number }
  | { type: "add-holiday" }
  | { type: "remove-holiday"; index: number }
  | { type: "import-ics" }
  | { type: "import-country" };

/** The submit button that was pressed: "save" (default) or an editor step like "add-interval:mon". */
export function parseScheduleIntent(value: unknown): ScheduleIntent {
  if (typeof value !== "string") return { type: "save" };
  if (value === "add-holiday" || value === "import-ics" || value === "import-country") return { type: value };
  const add = /^add-interval:(mon|tue|wed|thu|fri|sat|sun)$/.exec(value);
  if (add) return { type: "add-interval", day: add[1] as Weekday };
  const remove = /^(remove-interval|remove-holiday):(\d{1,4})$/.exec(value);
  if (remove) return { type: remove[1] as "remove-interval" | "remove-holiday", index: Number(remove[2]) };
  return { type: "save" };
}

/** A new interval for a day: after the day's last one (an afternoon after a morning), else 09:00–17:00. */
function nextInterval(day: Weekday, sameDay: IntervalFormValues[]): IntervalFormValues {
  const last = sameDay.at(-1);
  if (!last || !/^\d\d:\d\d$/.test(last.close) || last.close >= "23:00") return { day, open: "09:00", close: "17:00" };
  const [hours, minutes] = last.close.split(":").map(Number) as [number, number];
  const open = `${String(Math.min(hours + 1, 23)).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  return { day, open, close: open < "17:00" ? "17:00" : "24:00" };
}

/** Applies one add/remove step to the schedule form; nothing is saved until the user presses Save. `focusId` is the
 * element keyboard focus belongs on afterwards (the new row, or the add button of the row that went). */
export function applyScheduleStep(
  values: ScheduleFormValues,
  intent: Extract<ScheduleIntent, { type: "add-interval" | "remove-interval" | "add-holiday" | "remove-holiday" }>,
): { values: ScheduleFormValues; notice: string; focusId: string } {
  switch (intent.type) {
    case "add-interval": {
      const hours = byWeekday(values.hours);
      const sameDay = hours.filter((entry) => entry.day === intent.day);
      const lastIndex = hours.findLastIndex((entry) => weekdayOrder(entry.day) <= weekdayOrder(intent.day));
      hours.splice(lastIndex + 1, 0, nextInterval(intent.day, sameDay));
      return {
        values: { ...values, hours },
        notice: `Added an interval on ${dayName(intent.day)}.`,
        focusId: `field-hours-${lastIndex + 1}-open`,
      };
    }
    case "remove-interval": {
      const removed = values.hours[intent.index];
      if (!removed) return { values, notice: "That interval is no longer in the list.", focusId: "hours-heading" };
      const hours = values.hours.filter((_, index) => index !== intent.index);
      return {
        values: { ...values, hours },
        notice: `Removed ${removed.open}–${removed.close} on ${dayName(removed.day)}. Save to keep this change.`,
        focusId: `add-interval-${removed.day}`,
      };
    }
    case "add-holiday": {
      const holidays = [...values.holidays, { date: "", name: "", closedFrom: "", closedUntil: "" }];
      return {
        values: { ...values, holidays },
        notice: `Added holiday row ${holidays.length}.`,
        focusId: `field-holidays-${holidays.length - 1}-date`,
      };
    }
    case "remove-holiday": {
      const removed = values.holidays[intent.index];
      if (!removed) return { values, notice: "That holiday is no longer in the list.", focusId: "add-holiday" };
      const holidays = values.holidays.filter((_, index) => index !== intent.index);
      const label = [removed.date, removed.name].filter(Boolean).join(" ") || `row ${intent.index + 1}`;
      return {
        values: { ...values, holidays },
        notice: `Removed holiday ${label}. Save to keep this change.`,
        focusId: "add-holiday",
      };
    }
  }
}

function dayName(day: Weekday): string {
  return WEEKDAY_LABELS[day];
}

/** Adds imported holidays to the form's list, skipping ones it already has; returns those that were added. */
export function mergeHolidays(
  values: ScheduleFormValues,
  imported: Holiday[],
): { values: ScheduleFormValues; added: HolidayFormValues[] } {
  const key = (holiday: HolidayFormValues) => `${holiday.date}|${holiday.closedFrom}|${holiday.closedUntil}`;
  const seen = new Set(values.holidays.map(key));
  const wholeDays = new Set(values.holidays.filter((holiday) => !holiday.closedFrom).map((holiday) => holiday.date));
  const added: HolidayFormValues[] = [];
  for (const holiday of imported.map(holidayFormValues)) {
    if (seen.has(key(holiday)) || wholeDays.has(holiday.date)) continue;
    seen.add(key(holiday));
    if (!holiday.closedFrom) wholeDays.add(holiday.date);
    added.push(holiday);
  }
  const holidays = [...values.holidays, ...added].sort((a, b) => a.date.localeCompare(b.date));
  return { values: { ...values, holidays }, added };
}

/** The import window: 1 January of this year to 31 December of next year, "this year" in the schedule's zone. */
export function importYears(now: Date, timeZone: string): { years: number[]; from: string; until: string } {
  let year: number;
  try {
    year = Number(new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(now));
  } catch {
    year = now.getUTCFullYear();
  }
  return { years: [year, year + 1], from: `${year}-01-01`, until: `${year + 1}-12-31` };
}

// ---------------------------------------------------------------------------------------------------------------
// Policy form

export const DURATION_UNITS = ["minutes", "hours", "business_days", "days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const DURATION_UNIT_LABELS: Record<DurationUnit, string> = {
  minutes: "minutes",
  hours: "hours",
  business_days: "business days",
  days: "days (24 h)",
};
const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, business_days: 480, days: 1440 };

export const SLA_METRIC_EXPLANATIONS: Record<SlaMetric, string> = {
  first_response: "From the moment someone applies until a person first writes to them.",
  next_response: "When a candidate writes to us, how long until someone answers.",
  periodic_update:
    "The longest silence while an application is open: any message to the candidate restarts it; it pauses while we wait on the candidate.",
  stage_decision: "How long an application may sit in a stage before someone moves it on or decides.",
  closure: "After a rejection, how long until the candidate is told.",
};

export type TargetFormValues = {
  enabled: boolean;
  amount: string;
  unit: DurationUnit;
  /** "business" counts only the schedule's open hours; "calendar" counts every minute. */
  time: "business" | "calendar";
  warnAmount: string;
  warnUnit: DurationUnit;
};

export type PolicyFormValues = {
  name: string;
  departments: string;
  jobIds: string[];
  scheduleId: string;
  countAutomatedReplies: boolean;
  targets: Record<SlaMetric, TargetFormValues>;
};

/** The largest unit that states `minutes` exactly: 960 business minutes → 2 business days. */
export function splitMinutes(minutes: number, businessHours: boolean): { amount: string; unit: DurationUnit } {
  const dayUnit: DurationUnit = businessHours ? "business_days" : "days";
  if (minutes % UNIT_MINUTES[dayUnit] === 0) return { amount: String(minutes / UNIT_MINUTES[dayUnit]), unit: dayUnit };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: "hours" };
  return { amount: String(minutes), unit: "minutes" };
}

/** "2 business days", "4 h", "90 min": a target for people. */
export function describeMinutes(minutes: number, businessHours: boolean): string {
  const { amount, unit } = splitMinutes(minutes, businessHours);
  const count = Number(amount);
  if (unit === "business_days") return `${count} business ${count === 1 ? "day" : "days"}`;
  if (unit === "days") return `${count} ${count === 1 ? "day" : "days"}`;
  if (unit === "hours") return `${count} h`;
  return `${count} min`;
}

/** "First response: 2 business days (warn 4 h before)". */
export function describeTarget(target: SlaTarget, label: string): string {
  const warn = target.warnBeforeMinutes
    ? ` (warn ${describeMinutes(target.warnBeforeMinutes, target.businessHours)} before)`
    : "";
  const time = target.businessHours ? "" : " of calendar time";
  return `${label}: ${describeMinutes(target.minutes, target.businessHours)}${time}${warn}`;
}

function emptyTarget(): TargetFormValues {
  return { enabled: false, amount: "", unit: "hours", time: "business", warnAmount: "", warnUnit: "hours" };
}

export function policyFormValues(policy?: {
  name: string;
  matchDepartments: string[];
  matchJobIds: string[];
  scheduleId: string | null;
  countAutomatedReplies: boolean;
  targets: SlaTarget[];
}): PolicyFormValues {
  const targets = Object.fromEntries(SLA_METRICS.map((metric) => [metric, emptyTarget()])) as Record<
    SlaMetric,
    TargetFormValues
  >;
  for (const target of policy?.targets ?? []) {
    const { amount, unit } = splitMinutes(target.minutes, target.businessHours);
    const warn = target.warnBeforeMinutes ? splitMinutes(target.warnBeforeMinutes, target.businessHours) : null;
    targets[target.metric] = {
      enabled: true,
      amount,
      unit,
      time: target.businessHours ? "business" : "calendar",
      warnAmount: warn?.amount ?? "",
      warnUnit: warn?.unit ?? "hours",
    };
  }
  return {
    name: policy?.name ?? "",
    departments: (policy?.matchDepartments ?? []).join("\n"),
    jobIds: policy?.matchJobIds ?? [],
    scheduleId: policy?.scheduleId ?? "",
    countAutomatedReplies: policy?.countAutomatedReplies ?? false,
    targets,
  };
}

function unitOf(value: unknown, fallback: DurationUnit): DurationUnit {
  const unit = text(value);
  return (DURATION_UNITS as readonly string[]).includes(unit) ? (unit as DurationUnit) : fallback;
}

export function policyFormValuesFromPost(posted: Record<string, unknown>): PolicyFormValues {
  const postedTargets = record(posted.targets);
  const targets = Object.fromEntries(
    SLA_METRICS.map((metric) => {
      const row = record(postedTargets[metric]);
      return [
        metric,
        {
          enabled: checked(row.enabled),
          amount: text(row.amount),
          unit: unitOf(row.unit, "hours"),
          time: text(row.time) === "calendar" ? "calendar" : "business",
          warnAmount: text(row.warnAmount),
          warnUnit: unitOf(row.warnUnit, "hours"),
        },
      ];
    }),
  ) as Record<SlaMetric, TargetFormValues>;
  const jobIds = posted.jobIds;
  return {
    name: text(posted.name),
    departments: text(posted.departments),
    jobIds: (Array.isArray(jobIds) ? jobIds : [jobIds]).map(text).filter(Boolean),
    scheduleId: text(posted.scheduleId),
    countAutomatedReplies: checked(posted.countAutomatedReplies),
    targets,
  };
}

/** "2", "1.5", "2,5" → minutes in the unit; anything else stays text so the schema names the problem. */
function toMinutes(amount: string, unit: DurationUnit): unknown {
  const trimmed = amount.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return trimmed;
  return Math.round(Number(trimmed) * UNIT_MINUTES[unit] * 1000) / 1000;
}

export function departmentsFromText(value: string): string[] {
  const seen = new Set<string>();
  return value
    .split(/[\n,;]/)
    .map((department) => department.trim())
    .filter((department) => {
      const key = department.toLowerCase();
      if (!department || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The policy form's values as the API input, with each target's index → metric for naming fields in errors. */
export function policyInputFromValues(values: PolicyFormValues): { input: unknown; metrics: SlaMetric[] } {
  const metrics = SLA_METRICS.filter((metric) => values.targets[metric].enabled);
  const departments = departmentsFromText(values.departments);
  return {
    metrics,
    input: {
      name: values.name,
      match: { departments, jobIds: values.jobIds },
      scheduleId: values.scheduleId || null,
      countAutomatedReplies: values.countAutomatedReplies,
      targets: metrics.map((metric) => {
        const target = values.targets[metric];
        return {
          metric,
          minutes: toMinutes(target.amount, target.unit) ?? Number.NaN,
          businessHours: target.time === "business",
          warnBeforeMinutes: toMinutes(target.warnAmount, target.warnUnit) ?? null,
        };
      }),
    },
  };
}

const TARGET_FIELD: Record<string, string> = { minutes: "amount", warnBeforeMinutes: "warnAmount" };

/** A schema path of the API input → the form field that shows its message. */
function formPath(path: readonly PropertyKey[], metrics: SlaMetric[]): string {
  const [head, ...rest] = path.map(String);
  if (head === "targets") {
    if (rest.length === 0) return "targets";
    const metric = metrics[Number(rest[0])];
    const field = rest[1] ?? "amount";
    return metric ? `targets.${metric}.${TARGET_FIELD[field] ?? field}` : "targets";
  }
  if (head === "match") return rest[0] === "jobIds" ? "jobIds" : "departments";
  return head ?? "form";
}

/** The policy editor's schema: the posted fields in, an SlaPolicyInput out; messages on the form's field names. */
export const policyFormSchema = z.unknown().transform((raw, context): SlaPolicyInput => {
  const { input, metrics } = policyInputFromValues(policyFormValuesFromPost(record(raw)));
  const result = slaPolicyInputSchema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = formPath(issue.path, metrics).split(".");
    const message =
      issue.message === "Minutes must be a number of minutes."
        ? "Enter a number, like 2 or 1.5."
        : issue.message === "Warn before must be a number of minutes."
          ? "Enter a number for warn before, or leave it empty."
          : issue.message === "A policy needs at least one target."
            ? "Turn on at least one target."
            : issue.message;
    context.addIssue({ code: "custom", path, message });
  }
  return z.NEVER;
});

export type PolicyIntent = { type: "save" } | { type: "preview" };

export function parsePolicyIntent(value: unknown): PolicyIntent {
  return value === "preview" ? { type: "preview" } : { type: "save" };
}

// ---------------------------------------------------------------------------------------------------------------
// Preview

export type TargetPreview = {
  metric: SlaMetric;
  /** ISO instant, or null when it cannot be computed (the message says why). */
  dueAt: string | null;
  /** The due date written out in the schedule's time zone, e.g. "Tue, 3 Mar 2026, 17:00 CET". */
  dueText: string | null;
  problem: string | null;
};

export type PolicyPreview = {
  now: string;
  timeZone: string;
  /** When a candidate who applied now would hear back at the latest: the earlier of first response and update. */
  hearBackBy: TargetPreview | null;
  targets: TargetPreview[];
};

export function formatInZone(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(at);
  const zone =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return `${text} ${zone}`;
}

/** Due dates of targets that started `now`, counted on `schedule` (business time) or real time. Pure: `now` is given. */
export function previewTargets(
  targets: readonly { metric: SlaMetric; minutes: number; businessHours: boolean }[],
  schedule: ScheduleDefinition,
  now: Date,
): PolicyPreview {
  let calendar: ReturnType<typeof compileCalendar> | null = null;
  let calendarProblem: string | null = null;
  try {
    calendar = compileCalendar(schedule);
  } catch (error) {
    if (!(error instanceof NoOpenHoursError)) throw error;
    calendarProblem = error.message;
  }
  const previews = targets
    .filter((target) => Number.isFinite(target.minutes) && target.minutes > 0)
    .map((target): TargetPreview => {
      const timeLine = target.businessHours ? calendar : realTime;
      if (!timeLine) return { metric: target.metric, dueAt: null, dueText: null, problem: calendarProblem };
      try {
        const due = new Date(timeLine.addMinutes(now.getTime(), target.minutes));
        return {
          metric: target.metric,
          dueAt: due.toISOString(),
          dueText: formatInZone(due, schedule.timeZone),
          problem: null,
        };
      } catch (error) {
        const problem = error instanceof Error ? error.message : "This due date cannot be computed.";
        return { metric: target.metric, dueAt: null, dueText: null, problem };
      }
    });
  const promises = previews.filter(
    (preview) => (preview.metric === "first_response" || preview.metric === "periodic_update") && preview.dueAt,
  );
  const hearBackBy = promises.reduce<TargetPreview | null>(
    (earliest, preview) => (!earliest || preview.dueAt! < earliest.dueAt! ? preview : earliest),
    null,
  );
  return { now: now.toISOString(), timeZone: schedule.timeZone, hearBackBy, targets: previews };
}

/** The targets of a policy form as far as they can be read (for a preview of a form that is not valid yet). */
export function previewableTargets(values: PolicyFormValues) {
  return SLA_METRICS.filter((metric) => values.targets[metric].enabled).map((metric) => {
    const target = values.targets[metric];
    const minutes = toMinutes(target.amount, target.unit);
    return {
      metric,
      minutes: typeof minutes === "number" ? minutes : Number.NaN,
      businessHours: target.time === "business",
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Summaries for the lists

const SHORT_DAYS: Record<Weekday, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

/** "Mon–Fri 09:00–12:00, 13:00–17:00; Sat 10:00–14:00": consecutive days with the same hours share a line. */
export function summarizeHours(hours: readonly OpeningHours[]): string {
  const perDay = WEEKDAYS.map((day) =>
    hours
      .filter((entry) => entry.day === day)
      .sort((a, b) => a.open.localeCompare(b.open))
      .map((entry) => `${entry.open}–${entry.close}`)
      .join(", "),
  );
  const runs: string[] = [];
  let start = 0;
  for (let index = 1; index <= WEEKDAYS.length; index += 1) {
    if (index < WEEKDAYS.length && perDay[index] === perDay[start]) continue;
    if (perDay[start]) {
      const days =
        index - 1 === start
          ? SHORT_DAYS[WEEKDAYS[start]!]
          : `${SHORT_DAYS[WEEKDAYS[start]!]}–${SHORT_DAYS[WEEKDAYS[index - 1]!]}`;
      runs.push(`${days} ${perDay[start]}`);
    }
    start = index;
  }
  return runs.length > 0 ? runs.join("; ") : "No open hours";
}
