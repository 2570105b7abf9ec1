// The job form (create and edit, with its stage editor): one schema for the browser and the server, and the
// stage-editor steps (add, remove, move) that the server applies when the page runs without JavaScript.
import { z } from "zod";
import {
  JOB_DESCRIPTION_MAX_LENGTH,
  JOB_STATUSES,
  jobInputSchema,
  stagesSchema,
  STAGE_KINDS,
  type StageKind,
} from "./jobs";
import { checkboxField } from "./validation";

/** What the form holds: every control is a string, as the browser posts it ("" = no decision time, no email). */
export type StageFormValues = {
  id: string;
  name: string;
  kind: StageKind;
  decisionMinutes: string;
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

/** "" means "no decision time"; digits become a number; anything else stays text so the schema names the problem. */
export function minutesFromText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** "" (the "None" option) means "no email on entry"; any other text stays for the schema to check. */
function templateKindFromText(value: unknown): unknown {
  return value === "" ? null : value;
}

function stagesFromForm(value: unknown): unknown {
  const stages = indexedToArray(value);
  if (!Array.isArray(stages)) return stages;
  return stages.map((stage) => {
    if (!stage || typeof stage !== "object") return stage;
    const posted = stage as Record<string, unknown>;
    return {
      ...posted,
      decisionMinutes: minutesFromText(posted.decisionMinutes),
      entryTemplateKind: templateKindFromText(posted.entryTemplateKind),
    };
  });
}

export const jobFormSchema = jobInputSchema.extend({
  stages: z.preprocess(stagesFromForm, stagesSchema),
  published: checkboxField,
  // The form always posts its description: empty clears it.
  description: z
    .string()
    .trim()
    .max(JOB_DESCRIPTION_MAX_LENGTH, `Description must be at most ${JOB_DESCRIPTION_MAX_LENGTH} characters.`)
    .optional()
    .transform((value) => value || null),
});

export function emptyStage(): StageFormValues {
  return { id: "", name: "", kind: "interview", decisionMinutes: "", entryTemplateKind: "" };
}

type StageSource = {
  id: string;
  name: string;
  kind: StageKind;
  decisionMinutes: number | null;
  entryTemplateKind: string | null;
};

export function jobFormValues(job?: {
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
}): JobFormValues {
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
      // No entry emails by default: the invitation templates ask for {{interview.when}} and {{interview.where}},
      // which are still empty when a card merely moves into Screen or Interview, and an automatic email to
      // candidates should be something the team chooses, not something a new job does unasked.
      stages: [
        { id: "", name: "Applied", kind: "applied", decisionMinutes: "", entryTemplateKind: "" },
        { id: "", name: "Screen", kind: "screen", decisionMinutes: "", entryTemplateKind: "" },
        { id: "", name: "Interview", kind: "interview", decisionMinutes: "", entryTemplateKind: "" },
        { id: "", name: "Offer", kind: "offer", decisionMinutes: "", entryTemplateKind: "" },
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
    stages: job.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      kind: stage.kind,
      decisionMinutes: stage.decisionMinutes === null ? "" : String(stage.decisionMinutes),
      entryTemplateKind: stage.entryTemplateKind ?? "",
    })),
  };
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
    stages: (Array.isArray(stages) ? stages : []).map((raw) => {
      const stage = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
      const kind = text(stage.kind);
      return {
        id: text(stage.id),
        name: text(stage.name),
        kind: (STAGE_KINDS as readonly string[]).includes(kind) ? (kind as StageKind) : "interview",
        decisionMinutes: text(stage.decisionMinutes),
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
