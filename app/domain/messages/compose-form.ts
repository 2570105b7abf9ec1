// The composer's form: a message to the candidate from a template or from scratch, sent now, at a humane time or at
// a chosen time, optionally marked as waiting for the candidate's answer (which pauses the regular-update promise).
import { z } from "zod";
import { isLocalDateTime } from "../local-time";
import { templateTextSchema } from "../templates/schemas";
import { checkboxField } from "../validation";

export const SEND_WHEN = ["now", "humane", "at"] as const;
export type SendWhen = (typeof SEND_WHEN)[number];

export const composeFormSchema = templateTextSchema
  .extend({
    templateId: z.string().trim().optional(),
    subject: templateTextSchema.shape.subject.trim().min(1, "Write a subject."),
    body: templateTextSchema.shape.body.trim().min(1, "Write the message."),
    awaitsCandidate: checkboxField.default(false),
    when: z.enum(SEND_WHEN, { error: "Choose when to send." }).default("now"),
    sendAt: z.string().trim().optional(),
  })
  .superRefine((value, context) => {
    if (value.when !== "at") return;
    if (!value.sendAt) {
      context.addIssue({ code: "custom", path: ["sendAt"], message: "Enter when to send it." });
    } else if (!isLocalDateTime(value.sendAt)) {
      context.addIssue({ code: "custom", path: ["sendAt"], message: "Enter a date and time, like 2026-03-01 09:30." });
    }
  });
export type ComposeForm = z.output<typeof composeFormSchema>;
