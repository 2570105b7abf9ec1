// The job form (create and edit, with its stage editor): one schema for the browser and the server, and the
// stage-editor steps (add, remove, move) that the server applies when the page runs without JavaScript.
import { z } from "zod";
import {
  JOB_DESCRIPTION_MAX_LENGTH,
  JOB_STATUSES,
  jobInputSchema,
  stageInputSchema,
  stagesSchema,
  STAGE_KINDS,
  type StageKind,
} from "./jobs";
import { checkboxField } from "./validation";
import {
  durationCountingSchema,
  durationFromMinutes,
  isDurationFieldUnit,
  minutesFromDuration,
  type DurationCounting,
  type DurationFieldUnit,
} from "./durations";

/** What the form holds: every control is a string, as the browser posts it ("" = no decision time, no email). */
export type StageFormValues = {
  id: string;
  name: string;
  kind: StageKind;
  /** The decision time as typed ("" = none), in `decisionUnit` on the job's stage-decision clock. */
  decisionAmount: string;
  decisionUnit: DurationFieldUnit;
  entryTemplateKind: string;
};
export type JobFormValues = {
  title: string;
  department: string;
  location: string;
  status: (typeof JOB_STATUSES)[number];
  hiringManagerId: string;
  recruiterId: string;
  scheduleId: string;
  /** Listed on the public careers page. */
  published: boolean;
  description: string;
  /**
   * How the SLA policy for this job counts stage decisions: a stage's decision time is stored in minutes of that
   * clock, so "2 days" is 2 business days (960 minutes) on business time and 2 × 24 hours on calendar time.
   */
  decisionCounting: DurationCounting;
  stages: StageFormValues[];
};

/** Form posts name stages `stages.0.name`, which arrive as an object keyed by index; the browser form has an array. */
function indexedToArray(value: unknown): unknown[] | unknown {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object") {
    return Object.entries(value)
      .filter(([key]) => /^\d+$/.test(key))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => item);
  }
  return value;
}

/** "" (the "None" option) means "no email on entry"; any other text stays for the schema to check. */
function templateKindFromText(value: unknown): unknown {
  return value === "" ? null : value;
}

function postedText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A decision time the form could not read: its message, for the stage's decision time field. */
type UnreadDuration = { unread: string };

/**
 * Turns each stage's decision time, typed as an amount and a unit, into minutes on the job's stage-decision clock.
 * One that is not a whole number within the unit's range is kept as its message, so that the schema reports it on
 * the stage's field alongside every other problem of the form.
 */
function stageDecisionsFromForm(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const posted = value as Record<string, unknown>;
  const counting = durationCountingSchema.parse(posted.decisionCounting);
  const stages = indexedToArray(posted.stages);
  if (!Array.isArray(stages)) return posted;
  return {
    ...posted,
    stages: stages.map((stage) => {
      if (!stage || typeof stage !== "object") return stage;
      const { decisionAmount, decisionUnit, ...rest } = stage as Record<string, unknown>;
      const unit = isDurationFieldUnit(decisionUnit) ? decisionUnit : "days";
      const read = minutesFromDuration(postedText(decisionAmount), unit, counting);
      return {
        ...rest,
        decisionMinutes: read.ok ? read.minutes : ({ unread: read.message } satisfies UnreadDuration),
        entryTemplateKind: templateKindFromText(rest.entryTemplateKind),
      };
    }),
  };
}

const decisionMinutesField = z.unknown().transform((value, context): number | null => {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "unread" in value) {
    context.addIssue({ code: "custom", message: String((value as UnreadDuration).unread) });
    return z.NEVER;
  }
  return null;
});

/** The job's stages as the form posts them, held to the same rules as the API's (stagesSchema). */
const formStagesSchema = z
  .array(stageInputSchema.extend({ decisionMinutes: decisionMinutesField }))
  .superRefine((stages, context) => {
    for (const issue of stagesSchema.safeParse(stages).error?.issues ?? []) {
      context.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

export const jobFormSchema = z.preprocess(
  stageDecisionsFromForm,
  jobInputSchema.extend({
    stages: formStagesSchema,
    published: checkboxField,
    // The form always posts its description: empty clears it.
    description: z
      .string()
      .trim()
      .max(JOB_DESCRIPTION_MAX_LENGTH, `Description must be at most ${JOB_DESCRIPTION_MAX_LENGTH} characters.`)
      .optional()
      .transform((value) => value || null),
  }),
);

export function emptyStage(): StageFormValues {
  return { id: "", name: "", kind: "interview", decisionAmount: "", decisionUnit: "days", entryTemplateKind: "" };
}

type StageSource = {
  id: string;
  name: string;
  kind: StageKind;
  decisionMinutes: number | null;
  entryTemplateKind: string | null;
};

/** The form's values for a new job, or for `job` as stored; decision times are shown in `decisionCounting`'s units. */
export function jobFormValues(
  job?: {
    title: string;
    department: string | null;
    location: string | null;
    status: JobFormValues["status"];
    hiringManager: { id: string } | null;
    recruiter: { id: string } | null;
    scheduleId: string | null;
    publishedAt?: Date | null;
    description?: string | null;
    stages: StageSource[];
  },
  decisionCounting: DurationCounting = "business",
): JobFormValues {
  if (!job) {
    return {
      title: "",
      department: "",
      location: "",
      status: "open",
      hiringManagerId: "",
      recruiterId: "",
      scheduleId: "",
      published: false,
      description: "",
      decisionCounting,
      // No entry emails by default: the invitation templates ask for {{interview.when}} and {{interview.where}},
      // which are still empty when a card merely moves into Screen or Interview, and an automatic email to
      // candidates should be something the team chooses, not something a new job does unasked.
      stages: [
        { ...emptyStage(), name: "Applied", kind: "applied" },
        { ...emptyStage(), name: "Screen", kind: "screen" },
        { ...emptyStage(), name: "Interview", kind: "interview" },
        { ...emptyStage(), name: "Offer", kind: "offer" },
      ],
    };
  }
  return {
    title: job.title,
    department: job.department ?? "",
    location: job.location ?? "",
    status: job.status,
    hiringManagerId: job.hiringManager?.id ?? "",
    recruiterId: job.recruiter?.id ?? "",
    scheduleId: job.scheduleId ?? "",
    published: Boolean(job.publishedAt),
    description: job.description ?? "",
    decisionCounting,
    stages: job.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      kind: stage.kind,
      ...decisionFields(stage.decisionMinutes, decisionCounting),
      entryTemplateKind: stage.entryTemplateKind ?? "",
    })),
  };
}

/** A stored decision time in the largest unit that states it exactly (960 business minutes: 2 business days). */
function decisionFields(
  minutes: number | null,
  counting: DurationCounting,
): Pick<StageFormValues, "decisionAmount" | "decisionUnit"> {
  if (minutes === null) return { decisionAmount: "", decisionUnit: "days" };
  const { amount, unit } = durationFromMinutes(minutes, counting);
  return { decisionAmount: amount, decisionUnit: unit };
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Whatever was posted, as form values again (used to re-render the form with the user's input). */
export function jobFormValuesFromPost(posted: Record<string, unknown>): JobFormValues {
  const stages = indexedToArray(posted.stages);
  const status = text(posted.status);
  return {
    title: text(posted.title),
    department: text(posted.department),
    location: text(posted.location),
    status: (JOB_STATUSES as readonly string[]).includes(status) ? (status as JobFormValues["status"]) : "open",
    hiringManagerId: text(posted.hiringManagerId),
    recruiterId: text(posted.recruiterId),
    scheduleId: text(posted.scheduleId),
    published: posted.published === "on" || posted.published === "true",
    description: text(posted.description),
    decisionCounting: durationCountingSchema.parse(posted.decisionCounting),
    stages: (Array.isArray(stages) ? stages : []).map((raw) => {
      const stage = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
      const kind = text(stage.kind);
      return {
        id: text(stage.id),
        name: text(stage.name),
        kind: (STAGE_KINDS as readonly string[]).includes(kind) ? (kind as StageKind) : "interview",
        decisionAmount: text(stage.decisionAmount),
        decisionUnit: isDurationFieldUnit(stage.decisionUnit) ? stage.decisionUnit : "days",
        entryTemplateKind: text(stage.entryTemplateKind),
      };
    }),
  };
}

/** A stage-editor step: the submit button that was pressed, "add-stage" or "<step>:<index>". */
export type StageIntent =
  | { type: "add-stage" }
  | { type: "remove-stage"; index: number }
  | { type: "move-up"; index: number }
  | { type: "move-down"; index: number };

/** The index after a step's name in its button's intent ("move-up:3"): one or two digits. */
export const stageIndexSchema = z
  .string()
  .regex(/^\d{1,2}$/)
  .transform(Number);

/** Applies one stage-editor step to the form values; nothing is saved until the user presses Save. */
export function applyStageIntent(
  values: JobFormValues,
  intent: StageIntent,
): { values: JobFormValues; notice: string } {
  const stages = [...values.stages];
  const label = (index: number) => stages[index]?.name.trim() || `Stage ${index + 1}`;
  switch (intent.type) {
    case "add-stage": {
      stages.push(emptyStage());
      return { values: { ...values, stages }, notice: `Added stage ${stages.length}. Name it, then save the job.` };
    }
    case "remove-stage": {
      if (!stages[intent.index]) return { values, notice: "That stage is no longer in the list." };
      const name = label(intent.index);
      stages.splice(intent.index, 1);
      return { values: { ...values, stages }, notice: `Removed ${name}. Save the job to keep this change.` };
    }
    case "move-up":
    case "move-down": {
      const target = intent.type === "move-up" ? intent.index - 1 : intent.index + 1;
      if (!stages[intent.index] || !stages[target]) return { values, notice: "That stage cannot move further." };
      const name = label(intent.index);
      const [moved] = stages.splice(intent.index, 1);
      stages.splice(target, 0, moved!);
      return {
        values: { ...values, stages },
        notice: `Moved ${name} to position ${target + 1} of ${stages.length}. Save the job to keep this order.`,
      };
    }
  }
}
