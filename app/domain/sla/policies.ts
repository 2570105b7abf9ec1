// SLA policies: the input schema (admin form and POST /api/v1/sla-policies), which policy applies to a job, which
// schedule its clocks count on, and the targets a new workspace starts with. See docs/sla.md.
import { z } from "zod";
import { idField, trimmedText } from "../validation";
import { SLA_METRICS, STAGE_DECISION_RESTARTS, type SlaTarget } from "./types";

/** One year: a longer promise is no promise. */
export const MAX_TARGET_MINUTES = 525_600;

const wholeMinutes = (label: string) =>
  z
    .number({ error: `${label} must be a number of minutes.` })
    .int(`${label} must be a whole number of minutes.`)
    .positive(`${label} must be more than 0.`);

/** How the API documents a feedback target's stageDecisionRestartsAt. */
export const STAGE_DECISION_RESTART_NOTE =
  "interviewer_feedback only: when the stage decision starts again after an interview — when the last " +
  "interviewer's feedback is in (last_feedback, the default) or when the interview ends (interview_end).";

export const slaTargetInputSchema = z
  .object({
    metric: z.enum(SLA_METRICS, { error: `Metric must be one of ${SLA_METRICS.join(", ")}.` }),
    minutes: wholeMinutes("Minutes").max(MAX_TARGET_MINUTES, "Minutes must be at most 525600 (one year)."),
    businessHours: z.boolean({ error: "businessHours must be true or false." }),
    warnBeforeMinutes: wholeMinutes("Warn before").nullish(),
    stageDecisionRestartsAt: z
      .enum(STAGE_DECISION_RESTARTS, {
        error: `stageDecisionRestartsAt must be one of ${STAGE_DECISION_RESTARTS.join(", ")}.`,
      })
      .optional()
      .describe(STAGE_DECISION_RESTART_NOTE),
  })
  .superRefine((target, context) => {
    const { minutes, warnBeforeMinutes } = target;
    if (target.stageDecisionRestartsAt !== undefined && target.metric !== "interviewer_feedback") {
      context.addIssue({
        code: "custom",
        path: ["stageDecisionRestartsAt"],
        message: "stageDecisionRestartsAt belongs to the interviewer_feedback target only.",
      });
    }
    if (warnBeforeMinutes !== undefined && warnBeforeMinutes !== null && warnBeforeMinutes >= minutes) {
      context.addIssue({
        code: "custom",
        path: ["warnBeforeMinutes"],
        message: `Warn before must be less than the target (${minutes} minutes).`,
      });
    }
  });
export type SlaTargetInput = z.output<typeof slaTargetInputSchema>;

export const slaPolicyInputSchema = z.object({
  name: trimmedText("Name", 120),
  /** 1-based place among the non-default policies; the end when omitted. */
  position: z
    .number({ error: "Position must be a number." })
    .int("Position must be a whole number.")
    .positive("Position must be 1 or more.")
    .optional(),
  match: z
    .object({
      departments: z
        .array(trimmedText("Department", 120), { error: "match.departments must be a list." })
        .max(100, "At most 100 departments.")
        .optional(),
      jobIds: z
        .array(idField("Job"), { error: "match.jobIds must be a list." })
        .max(1000, "At most 1,000 jobs.")
        .optional(),
    })
    .optional(),
  scheduleId: idField("Schedule").nullish(),
  countAutomatedReplies: z.boolean({ error: "countAutomatedReplies must be true or false." }).default(false),
  targets: z
    .array(slaTargetInputSchema, { error: "targets must be a list." })
    .min(1, "A policy needs at least one target.")
    .superRefine((targets, context) => {
      const seen = new Set<string>();
      targets.forEach((target, index) => {
        if (seen.has(target.metric)) {
          context.addIssue({
            code: "custom",
            path: [index, "metric"],
            message: `${target.metric} has a target already; give each metric at most one.`,
          });
        }
        seen.add(target.metric);
      });
    }),
});
export type SlaPolicyInput = z.output<typeof slaPolicyInputSchema>;

export type PolicyForMatching = {
  id: string;
  position: number;
  isDefault: boolean;
  matchDepartments: string[];
  matchJobIds: string[];
};

function fits(policy: PolicyForMatching, job: { id: string; department: string | null }): boolean {
  if (policy.matchJobIds.includes(job.id)) return true;
  const department = job.department?.trim().toLowerCase();
  if (!department) return false;
  return policy.matchDepartments.some((candidate) => candidate.trim().toLowerCase() === department);
}

/** The first policy by position whose conditions fit the job (a policy without conditions fits nothing), else the
 * default policy. */
export function selectPolicy<Policy extends PolicyForMatching>(
  policies: readonly Policy[],
  job: { id: string; department: string | null },
): Policy {
  const ordered = policies.map((policy, index) => ({ policy, index }));
  // Stable: equal positions keep the caller's order (the model orders them by creation).
  ordered.sort((a, b) => a.policy.position - b.policy.position || a.index - b.index);
  const match = ordered.find(({ policy }) => !policy.isDefault && fits(policy, job));
  if (match) return match.policy;
  const fallback = policies.find((policy) => policy.isDefault);
  if (!fallback) throw new Error("No default SLA policy exists; the SLA migration creates one.");
  return fallback;
}

/** The schedule a job's clocks count on: the job's, else the policy's, else the workspace default. */
export function scheduleIdFor(
  job: { scheduleId: string | null },
  policy: { scheduleId: string | null },
  defaultScheduleId: string,
): string {
  return job.scheduleId ?? policy.scheduleId ?? defaultScheduleId;
}

// Grounded in what good employers manage (docs/product.md): a first answer within two business days, an update every
// 2–3 business days, a decision within 3–5 days (award winners), rejected candidates told the same business day, and
// interviewers' feedback in within a business day of the interview (the decision waits on it).
export const DEFAULT_SLA_TARGETS: SlaTarget[] = [
  { metric: "first_response", minutes: 960, businessHours: true, warnBeforeMinutes: 240 },
  { metric: "next_response", minutes: 480, businessHours: true, warnBeforeMinutes: 120 },
  { metric: "periodic_update", minutes: 1440, businessHours: true, warnBeforeMinutes: 240 },
  { metric: "stage_decision", minutes: 2400, businessHours: true, warnBeforeMinutes: 480 },
  { metric: "closure", minutes: 480, businessHours: true, warnBeforeMinutes: 120 },
  {
    metric: "interviewer_feedback",
    minutes: 480,
    businessHours: true,
    warnBeforeMinutes: 120,
    stageDecisionRestartsAt: "last_feedback",
  },
];
