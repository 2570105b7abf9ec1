// Jobs and their pipelines: input schemas and the default stages.
import { z } from "zod";
import { TEMPLATE_KINDS, type RejectionKind, type TemplateKind } from "./templates/kinds";
import { idField, optionalText, trimmedText } from "./validation";

export const STAGE_KINDS = ["applied", "screen", "interview", "assessment", "offer"] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export const STAGE_KIND_LABELS: Record<StageKind, string> = {
  applied: "Applied",
  screen: "Screen",
  interview: "Interview",
  assessment: "Assessment",
  offer: "Offer",
};

export const JOB_STATUSES = ["draft", "open", "on_hold", "closed"] as const;
export const JOB_STATUS_LABELS: Record<(typeof JOB_STATUSES)[number], string> = {
  draft: "Draft",
  open: "Open",
  on_hold: "On hold",
  closed: "Closed",
};

export const DEFAULT_STAGES: { name: string; kind: StageKind }[] = [
  { name: "Applied", kind: "applied" },
  { name: "Screen", kind: "screen" },
  { name: "Interview", kind: "interview" },
  { name: "Offer", kind: "offer" },
];

/** Kinds no stage sends on entry: "custom" is a one-off that someone writes, and the interview changes (offered times,
 * a move, a cancellation, a reminder) belong to one interview, sent when it changes. */
const NOT_ON_ENTRY = [
  "custom",
  "interview_offer",
  "interview_rescheduled",
  "interview_cancelled",
  "interview_reminder",
] as const satisfies readonly TemplateKind[];
type EntryKind = Exclude<TemplateKind, (typeof NOT_ON_ENTRY)[number]>;

/** Template kinds a stage can send on entry. */
export const STAGE_ENTRY_TEMPLATE_KINDS = TEMPLATE_KINDS.filter(
  (kind): kind is EntryKind => !(NOT_ON_ENTRY as readonly string[]).includes(kind),
) as [EntryKind, ...EntryKind[]];

export const stageInputSchema = z.object({
  id: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || undefined)
    .optional(),
  name: trimmedText("Stage name", 80),
  kind: z.enum(STAGE_KINDS, { error: `Stage kind must be one of ${STAGE_KINDS.join(", ")}.` }),
  decisionMinutes: z
    .number({ error: "Decision time must be a number of minutes." })
    .int("Decision time must be whole minutes.")
    .positive("Decision time must be more than 0 minutes.")
    .max(525_600, "Decision time must be at most a year.")
    .nullish()
    .transform((value) => value ?? null),
  // Optional in the output too (the model stores absent as null), so stages built in code need not name it.
  entryTemplateKind: z
    .enum(STAGE_ENTRY_TEMPLATE_KINDS, {
      error: `Email on entering the stage must be one of the stage emails: ${STAGE_ENTRY_TEMPLATE_KINDS.join(", ")}.`,
    })
    .nullish()
    .describe(
      "Template kind emailed to the candidate (in their language) when an application enters this stage; " +
        "null or absent: none. A move recorded with occurredAt (history) sends nothing.",
    ),
});
// The model takes any kind the column can hold, so a stage read back can be saved as it is; the schema is what
// keeps people and the API to library kinds.
export type StageInput = Omit<z.output<typeof stageInputSchema>, "entryTemplateKind"> & {
  entryTemplateKind?: TemplateKind | null;
};

export const stagesSchema = z
  .array(stageInputSchema)
  .min(1, "A job needs at least one stage.")
  .max(30, "A job can have at most 30 stages.")
  .superRefine((stages, context) => {
    if (stages[0] && stages[0].kind !== "applied") {
      context.addIssue({
        code: "custom",
        path: [0, "kind"],
        message: "The first stage must be of kind applied, where new applications land.",
      });
    }
    const seen = new Set<string>();
    stages.forEach((stage, index) => {
      const key = stage.name.toLowerCase();
      if (seen.has(key))
        context.addIssue({
          code: "custom",
          path: [index, "name"],
          message: `There is already a stage called ${stage.name}.`,
        });
      seen.add(key);
    });
  });

export const jobInputSchema = z.object({
  title: trimmedText("Title", 120),
  department: optionalText("Department", 80),
  location: optionalText("Location", 120),
  status: z.enum(JOB_STATUSES, { error: `Status must be one of ${JOB_STATUSES.join(", ")}.` }).default("open"),
  hiringManagerId: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((value) => value || null),
  recruiterId: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((value) => value || null),
  scheduleId: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((value) => value || null),
  stages: stagesSchema.optional(),
});
export type JobInput = Omit<z.output<typeof jobInputSchema>, "stages"> & {
  stages?: StageInput[];
  /** Listed on the careers page (true), taken off it (false), or left as it is (absent). */
  published?: boolean;
  /** What the job is, shown on its apply page: null clears it, absent leaves it as it is. */
  description?: string | null;
};

export const JOB_DESCRIPTION_MAX_LENGTH = 10_000;

export const jobIdSchema = idField("Job");

/** The rejection a candidate gets depends on how far they came: the stage they are rejected from. */
export function rejectionKindForStage(stageKind: StageKind): RejectionKind {
  switch (stageKind) {
    case "applied":
      return "not_progressing";
    case "screen":
      return "rejection_after_screen";
    default:
      return "rejection_after_interview";
  }
}
