// Workspace settings for candidate email: the company name in the templates and the humane-timing rules for bad news
// (docs/templates.md). Stored as one JSON setting; every field has a sensible default, so an empty workspace works.
import { z } from "zod";
import { DEFAULT_MINIMUM_DELAY_MINUTES } from "../templates/humane-timing";
import { trimmedText } from "../validation";

export const mailSettingsSchema = z.object({
  companyName: trimmedText("Company name", 120),
  minimumDelayHours: z.coerce
    .number({ error: "Enter the minimum delay in hours." })
    .int("Enter whole hours.")
    .min(0, "The delay cannot be negative.")
    .max(24 * 14, "At most two weeks (336 hours)."),
});
export type MailSettings = z.output<typeof mailSettingsSchema>;

export function defaultMailSettings(companyName: string): MailSettings {
  return { companyName, minimumDelayHours: DEFAULT_MINIMUM_DELAY_MINUTES / 60 };
}
