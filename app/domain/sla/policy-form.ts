// The SLA policy editor's form: targets entered as an amount and a unit, read back from a post, and turned into the
// API's input (slaPolicyInputSchema) with every message placed on the form field it is about.
import { z } from "zod";
import { isChecked, postedObject, postedText } from "./form-posts";
import { DEFAULT_SLA_TARGETS, slaPolicyInputSchema, type SlaPolicyInput } from "./policies";
import {
  DEFAULT_STAGE_DECISION_RESTART,
  SLA_METRICS,
  STAGE_DECISION_RESTARTS,
  type SlaMetric,
  type SlaTarget,
  type StageDecisionRestart,
} from "./types";

export const DURATION_UNITS = ["minutes", "hours", "business_days", "days"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
const UNIT_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, business_days: 480, days: 1440 };

export type TargetFormValues = {
  enabled: boolean;
  amount: string;
  unit: DurationUnit;
  /** "business" counts only the schedule's open hours; "calendar" counts every minute. */
  time: "business" | "calendar";
  warnAmount: string;
  warnUnit: DurationUnit;
  /** interviewer_feedback only: when the stage decision starts again after an interview. */
  stageDecisionRestartsAt: StageDecisionRestart;
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

function emptyTarget(metric: SlaMetric): TargetFormValues {
  const empty: TargetFormValues = {
    enabled: false,
    amount: "",
    unit: "hours",
    time: "business",
    warnAmount: "",
    warnUnit: "hours",
    stageDecisionRestartsAt: DEFAULT_STAGE_DECISION_RESTART,
  };
  // Policies written before interviews have no feedback target: turning it on suggests the standard promise.
  const standard = DEFAULT_SLA_TARGETS.find((target) => target.metric === metric);
  return metric === "interviewer_feedback" && standard ? { ...targetValues(standard), enabled: false } : empty;
}

function targetValues(target: SlaTarget): TargetFormValues {
  const { amount, unit } = splitMinutes(target.minutes, target.businessHours);
  const warn = target.warnBeforeMinutes ? splitMinutes(target.warnBeforeMinutes, target.businessHours) : null;
  return {
    enabled: true,
    amount,
    unit,
    time: target.businessHours ? "business" : "calendar",
    warnAmount: warn?.amount ?? "",
    warnUnit: warn?.unit ?? "hours",
    stageDecisionRestartsAt: target.stageDecisionRestartsAt ?? DEFAULT_STAGE_DECISION_RESTART,
  };
}

export function policyFormValues(policy?: {
  name: string;
  matchDepartments: string[];
  matchJobIds: string[];
  scheduleId: string | null;
  countAutomatedReplies: boolean;
  targets: SlaTarget[];
}): PolicyFormValues {
  const targets = Object.fromEntries(SLA_METRICS.map((metric) => [metric, emptyTarget(metric)])) as Record<
    SlaMetric,
    TargetFormValues
  >;
  for (const target of policy?.targets ?? []) targets[target.metric] = targetValues(target);
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
  const unit = postedText(value);
  return (DURATION_UNITS as readonly string[]).includes(unit) ? (unit as DurationUnit) : fallback;
}

function restartOf(value: unknown): StageDecisionRestart {
  const restart = postedText(value);
  return (STAGE_DECISION_RESTARTS as readonly string[]).includes(restart)
    ? (restart as StageDecisionRestart)
    : DEFAULT_STAGE_DECISION_RESTART;
}

export function policyFormValuesFromPost(posted: Record<string, unknown>): PolicyFormValues {
  const postedTargets = postedObject(posted.targets);
  const targets = Object.fromEntries(
    SLA_METRICS.map((metric) => {
      const row = postedObject(postedTargets[metric]);
      return [
        metric,
        {
          enabled: isChecked(row.enabled),
          amount: postedText(row.amount),
          unit: unitOf(row.unit, "hours"),
          time: postedText(row.time) === "calendar" ? "calendar" : "business",
          warnAmount: postedText(row.warnAmount),
          warnUnit: unitOf(row.warnUnit, "hours"),
          stageDecisionRestartsAt: restartOf(row.stageDecisionRestartsAt),
        },
      ];
    }),
  ) as Record<SlaMetric, TargetFormValues>;
  const jobIds = posted.jobIds;
  return {
    name: postedText(posted.name),
    departments: postedText(posted.departments),
    jobIds: (Array.isArray(jobIds) ? jobIds : [jobIds]).map(postedText).filter(Boolean),
    scheduleId: postedText(posted.scheduleId),
    countAutomatedReplies: isChecked(posted.countAutomatedReplies),
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
          ...(metric === "interviewer_feedback" ? { stageDecisionRestartsAt: target.stageDecisionRestartsAt } : {}),
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
  const { input, metrics } = policyInputFromValues(policyFormValuesFromPost(postedObject(raw)));
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
