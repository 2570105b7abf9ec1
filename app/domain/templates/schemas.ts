// What the lint endpoint (and later the template editor and composer) accepts and answers, as zod schemas shared by
// the server, the OpenAPI document and the forms.
import { z } from "zod";
import { FALLBACK_LOCALE } from "../i18n";
import { localeField } from "../validation";
import { TEMPLATE_KINDS } from "./kinds";

export const MAX_SUBJECT_LENGTH = 300;
export const MAX_BODY_LENGTH = 50_000;

export const templateLintInputSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS, { error: `Choose a template kind: ${TEMPLATE_KINDS.join(", ")}.` }),
  subject: z
    .string({ error: "Subject is required (it may be empty while drafting)." })
    .max(MAX_SUBJECT_LENGTH, `Subject must be at most ${MAX_SUBJECT_LENGTH} characters.`),
  body: z
    .string({ error: "Body is required (it may be empty while drafting)." })
    .max(MAX_BODY_LENGTH, `Body must be at most ${MAX_BODY_LENGTH.toLocaleString("en")} characters.`),
  locale: localeField.default(FALLBACK_LOCALE),
});
export type TemplateLintInput = z.output<typeof templateLintInputSchema>;

/** A template's editable text, as the editor posts it. */
export const templateTextSchema = templateLintInputSchema.pick({ subject: true, body: true });

export const lintResultSchema = z.object({
  score: z.number().int().min(0).max(100).describe("100 is a message to be proud of; any error makes it 0."),
  readingGrade: z
    .number()
    .nullable()
    .describe("Flesch–Kincaid grade of the English prose (aim for 8 or lower); null for German or empty text."),
  findings: z.array(
    z.object({
      rule: z.string().describe("Stable rule id, like unknown_token, decision_late or reading_grade."),
      severity: z.enum(["error", "warning"]).describe("Errors block saving and sending; warnings lower the score."),
      message: z.string(),
      field: z.enum(["subject", "body"]).optional().describe("For errors: the part of the message to fix."),
    }),
  ),
});
