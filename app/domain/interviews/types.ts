// Interviews: their kinds, states and feedback, and the inputs that schedule, offer, move, cancel and review them —
// one set of rules for the application page's forms and the API (docs/interviews.md).
import { z } from "zod";
import { isLocalDateTime, zonedLocalToInstant } from "../local-time";
import { idField, isoInstant, optionalText, timeZoneField } from "../validation";

export const INTERVIEW_KINDS = ["screen", "interview", "assessment", "onsite", "other"] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

export const INTERVIEW_KIND_LABELS: Record<InterviewKind, string> = {
  screen: "Screening call",
  interview: "Interview",
  assessment: "Assessment",
  onsite: "On-site interview",
  other: "Meeting",
};

export const INTERVIEW_STATUSES = ["offered", "scheduled", "cancelled", "done", "no_show"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = {
  offered: "Times offered",
  scheduled: "Scheduled",
  cancelled: "Cancelled",
  done: "Done",
  no_show: "No-show",
};

export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

/** What happened to an interview, as its touchpoint says (`interview` events' `action`). */
export const INTERVIEW_ACTIONS = [
  "scheduled",
  "offered",
  "booked",
  "declined",
  "rescheduled",
  "cancelled",
  "ended",
  "no_show",
] as const;
export type InterviewAction = (typeof INTERVIEW_ACTIONS)[number];

/** The kind an interview takes from the stage it is planned in, unless chosen. */
export function kindForStage(stageKind: string): InterviewKind {
  if (stageKind === "screen" || stageKind === "assessment") return stageKind;
  return "interview";
}

export const MIN_DURATION_MINUTES = 10;
export const MAX_DURATION_MINUTES = 8 * 60;
export const MIN_OFFERED_SLOTS = 2;
export const MAX_OFFERED_SLOTS = 10;

export type TimeSpan = { startsAt: Date; endsAt: Date };

export function spanOf(startsAt: Date, durationMinutes: number): TimeSpan {
  return { startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
}

/** Half-open spans [start, end): back-to-back interviews do not overlap. */
export function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The index of the first span that overlaps an earlier one in the list, or -1. */
export function firstSelfOverlap(spans: readonly TimeSpan[]): number {
  for (let i = 1; i < spans.length; i++) {
    if (spans.slice(0, i).some((earlier) => overlaps(earlier, spans[i]!))) return i;
  }
  return -1;
}

const durationField = z.coerce
  .number({ error: "Duration must be a number of minutes." })
  .int("Duration must be whole minutes.")
  .min(MIN_DURATION_MINUTES, `Duration must be at least ${MIN_DURATION_MINUTES} minutes.`)
  .max(MAX_DURATION_MINUTES, `Duration must be at most ${MAX_DURATION_MINUTES / 60} hours.`);

const videoUrlField = z
  .string()
  .trim()
  .max(500, "The video link must be at most 500 characters.")
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine((value) => value === undefined || /^https:\/\/[^\s/]+\.[^\s]+$/i.test(value), {
    message: "The video link must be a full https:// address, like https://meet.example.com/abc-defg.",
  })
  .optional();

const interviewerIdsField = z.array(idField("Interviewer")).max(10, "Choose at most 10 interviewers.").default([]);

/** Where and with whom: shared by scheduling, offering and moving. */
const placeFields = {
  kind: z.enum(INTERVIEW_KINDS, { error: `Kind must be one of ${INTERVIEW_KINDS.join(", ")}.` }).optional(),
  location: optionalText("Location", 300),
  videoUrl: videoUrlField,
  interviewerIds: interviewerIdsField,
};

export const scheduleInterviewSchema = z.object({
  startsAt: isoInstant("startsAt"),
  durationMinutes: durationField,
  ...placeFields,
  timeZone: timeZoneField.optional(),
  notify: z.boolean({ error: "notify must be true or false." }).default(true),
});
export type ScheduleInterviewInput = z.output<typeof scheduleInterviewSchema>;

export const offerSlotSchema = z.object({ startsAt: isoInstant("startsAt"), durationMinutes: durationField });

export const offerInterviewSchema = z.object({
  slots: z
    .array(offerSlotSchema)
    .min(MIN_OFFERED_SLOTS, `Offer at least ${MIN_OFFERED_SLOTS} times.`)
    .max(MAX_OFFERED_SLOTS, `Offer at most ${MAX_OFFERED_SLOTS} times.`),
  ...placeFields,
  timeZone: timeZoneField.optional(),
});
export type OfferInterviewInput = z.output<typeof offerInterviewSchema>;

export const rescheduleInterviewSchema = z.object({
  startsAt: isoInstant("startsAt").optional(),
  durationMinutes: durationField.optional(),
  location: placeFields.location,
  videoUrl: placeFields.videoUrl,
  interviewerIds: z.array(idField("Interviewer")).max(10, "Choose at most 10 interviewers.").optional(),
  notify: z.boolean({ error: "notify must be true or false." }).default(true),
});
export type RescheduleInterviewInput = z.output<typeof rescheduleInterviewSchema>;

export const cancelInterviewSchema = z.object({
  reason: optionalText("Reason", 1000),
  notify: z.boolean({ error: "notify must be true or false." }).default(true),
});
export type CancelInterviewInput = z.output<typeof cancelInterviewSchema>;

export const feedbackSchema = z.object({
  recommendation: z.enum(RECOMMENDATIONS, { error: "Choose a recommendation: strong no, no, yes or strong yes." }),
  notes: optionalText("Notes", 10_000),
});
export type FeedbackInput = z.output<typeof feedbackSchema>;

/** The candidate's answer on their status page: a slot, or "none of these work" with a note. */
export const bookingSchema = z.discriminatedUnion("choice", [
  z.object({ choice: z.literal("slot"), slotId: idField("Time") }),
  z.object({
    choice: z.literal("none"),
    note: z
      .string({ error: "Tell us which times would suit you." })
      .trim()
      .min(1, "Tell us which times would suit you.")
      .max(2000, "Keep the note under 2,000 characters."),
  }),
]);
export type BookingInput = z.output<typeof bookingSchema>;

/** A date and time typed in a form ("2026-12-08T14:00", from <input type="datetime-local">) read in the planner's
 * zone, as an ISO instant for the schemas above; the value unchanged when it is not such a string. */
export function localInputToIso(value: unknown, timeZone: string): unknown {
  if (typeof value !== "string" || !isLocalDateTime(value.trim())) return value;
  return zonedLocalToInstant(value.trim(), timeZone).toISOString();
}
