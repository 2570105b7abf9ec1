// Schemas of the staff forms around applications (add candidate, move, note, decisions, recorded message), built from
// the API's schemas in ./applications so a form and the API report the same field messages.
import { z } from "zod";
import { candidateInputSchema, messageInputSchema, noteSchema, stageMoveSchema } from "./applications";
import type { Locale } from "./i18n";
import { isLocalDateTime } from "./local-time";
import { checkboxField, optionalText } from "./validation";

/** Add candidate: the candidate's fields plus where the application came from, flat as the form posts them. */
export const candidateFormSchema = candidateInputSchema.extend({
  source: optionalText("Source", 80),
});
export type CandidateFormValues = {
  name: string;
  email: string;
  timeZone: string;
  locale: Locale;
  phone: string;
  source: string;
};

export const moveFormSchema = stageMoveSchema.pick({ stageId: true });
export const noteFormSchema = noteSchema;

export const REJECTION_REASONS = [
  { value: "experience", label: "Not enough relevant experience" },
  { value: "skills", label: "Skills did not match the role" },
  { value: "stronger_candidates", label: "Other candidates matched the role more closely" },
  { value: "location", label: "Location or right to work" },
  { value: "compensation", label: "Salary expectations did not match" },
  { value: "role_closed", label: "The role was closed or put on hold" },
  { value: "no_response", label: "The candidate stopped responding" },
  { value: "other", label: "Other (describe below)" },
] as const;
type ReasonCode = (typeof REJECTION_REASONS)[number]["value"];
const REASON_CODES = REJECTION_REASONS.map((reason) => reason.value) as [ReasonCode, ...ReasonCode[]];

export const rejectFormSchema = z
  .object({
    reason: z.enum(REASON_CODES, { error: "Choose a reason for the rejection." }),
    reasonDetail: optionalText("Details", 400),
  })
  .superRefine((value, context) => {
    if (value.reason === "other" && !value.reasonDetail) {
      context.addIssue({ code: "custom", path: ["reasonDetail"], message: "Describe the reason for the rejection." });
    }
  });

/** The reason as stored on the application: the chosen label, with the details after it. */
export function rejectionReasonText(input: z.output<typeof rejectFormSchema>): string {
  if (input.reason === "other") return input.reasonDetail!;
  const label = REJECTION_REASONS.find((reason) => reason.value === input.reason)!.label;
  return input.reasonDetail ? `${label}: ${input.reasonDetail}` : label;
}

export const closeFormSchema = z.object({ reason: optionalText("Reason", 500) });

/** A message that already happened (email or call outside Hearback), dated in the recorder's own time zone. */
export const messageFormSchema = messageInputSchema.pick({ direction: true, subject: true, body: true }).extend({
  awaitsCandidate: checkboxField.default(false),
  occurredAt: z
    .string({ error: "Enter when the message was sent." })
    .trim()
    .min(1, "Enter when the message was sent.")
    .refine(isLocalDateTime, "Enter a date and time, like 2026-03-01 09:30."),
});
