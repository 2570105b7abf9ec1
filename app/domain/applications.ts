// Applications: input schemas for adding candidates, moving them and deciding, plus the touchpoint event shapes.
import type { InterviewAction } from "./interviews/types";
import { z } from "zod";
import { emailField, idField, isoInstant, localeField, optionalText, timeZoneField, trimmedText } from "./validation";

export const APPLICATION_STATUSES = ["active", "hired", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const OUTCOMES = ["rejected", "hired", "withdrawn"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const candidateInputSchema = z.object({
  name: trimmedText("Name", 120),
  email: emailField,
  timeZone: timeZoneField.optional(),
  locale: localeField.optional(),
  phone: optionalText("Phone", 40),
});

export const applicationInputSchema = z.object({
  jobId: idField("Job"),
  candidate: candidateInputSchema,
  appliedAt: isoInstant("appliedAt").optional(),
  source: optionalText("Source", 80),
  notify: z.boolean({ error: "notify must be true or false." }).default(true),
});
export type ApplicationInput = z.output<typeof applicationInputSchema>;

export const stageMoveSchema = z.object({
  stageId: idField("Stage"),
  occurredAt: isoInstant("occurredAt").optional(),
});

export const decisionSchema = z.object({
  outcome: z.enum(OUTCOMES, { error: "Outcome must be rejected, hired or withdrawn." }),
  reason: optionalText("Reason", 500),
  occurredAt: isoInstant("occurredAt").optional(),
  notify: z.boolean({ error: "notify must be true or false." }).default(true),
});
export type DecisionInput = z.output<typeof decisionSchema>;

export const noteSchema = z.object({ body: trimmedText("Note", 5000) });

export const messageInputSchema = z.object({
  direction: z.enum(["outbound", "inbound"], { error: "direction must be outbound or inbound." }),
  body: trimmedText("Message body", 20_000),
  subject: optionalText("Subject", 200),
  automated: z.boolean({ error: "automated must be true or false." }).default(false),
  awaitsCandidate: z.boolean({ error: "awaitsCandidate must be true or false." }).default(false),
  occurredAt: isoInstant("occurredAt").optional(),
  sendAt: isoInstant("sendAt")
    .optional()
    .describe("Outbound messages to send: when to send it (default now). Not allowed with occurredAt."),
});
export type MessageInput = z.output<typeof messageInputSchema>;

/** The `data` of each touchpoint event type. */
export type EventData = {
  applied: { source?: string };
  stage_changed: { fromStageId: string | null; fromStageName: string | null; toStageId: string; toStageName: string };
  message_out: { subject?: string; body: string; automated: boolean; awaitsCandidate: boolean; messageId?: string };
  message_in: { subject?: string; body: string };
  note: { body: string };
  /** An interview planned, moved, held or called off (older records carry only when, where and interviewerIds). */
  interview: {
    action?: InterviewAction;
    interviewId?: string;
    kind?: string;
    /** Start and end, ISO instants. */
    when?: string;
    endsAt?: string;
    where?: string;
    interviewerIds?: string[];
    /** offered: the times offered (ISO starts); cancelled: why; declined: the candidate's note. */
    slots?: string[];
    reason?: string;
    note?: string;
  };
  /** An interviewer's feedback was recorded (the notes stay on the interview, never in the log). */
  interview_feedback: { interviewId: string; interviewerId: string; recommendation: string };
  decision: { outcome: Outcome; reason?: string };
  withdrawn: { reason?: string };
  reopened: { undoes?: string; reason?: string };
  survey_sent: Record<string, never>;
  survey_answered: { score?: number };
  status_viewed: Record<string, never>;
};
export type EventType = keyof EventData;

/** Which events a candidate may see (on their status page) unless stated otherwise. */
export const CANDIDATE_VISIBLE_EVENTS: ReadonlySet<EventType> = new Set([
  "applied",
  "stage_changed",
  "message_out",
  "message_in",
  "interview",
  "decision",
  "withdrawn",
]);
