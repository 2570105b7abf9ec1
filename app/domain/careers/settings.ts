// The careers page's settings form: the company's name (shared with candidate emails, where it is already kept) and
// a short "how we hire" text shown above the list of open positions.
import { z } from "zod";
import { trimmedText } from "../validation";

export const HOW_WE_HIRE_MAX_LENGTH = 2000;

export const careersSettingsSchema = z.object({
  companyName: trimmedText("Company name", 120),
  howWeHire: z
    .string()
    .trim()
    .max(HOW_WE_HIRE_MAX_LENGTH, `How we hire must be at most ${HOW_WE_HIRE_MAX_LENGTH} characters.`)
    .optional()
    .transform((value) => value ?? ""),
});
export type CareersSettingsInput = z.output<typeof careersSettingsSchema>;

/** Paragraphs of a plain text (separated by blank lines), for pages that show staff-written text without Markdown. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
