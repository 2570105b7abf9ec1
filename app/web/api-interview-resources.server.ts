// The interview resource of the API: an interview with its offered times and its interviewers' feedback (internal;
// visible as the token's account may see it). Timestamps are ISO 8601 UTC strings.
import { z } from "zod";
import { INTERVIEW_KINDS, INTERVIEW_STATUSES, RECOMMENDATIONS } from "~/domain/interviews/types";
import type { StaffInterview } from "~/models/interviews/read.server";

const id = z.string().describe("Opaque identifier.");
const timestamp = z.iso.datetime().describe("ISO 8601 instant in UTC, like 2026-03-01T09:30:00.000Z.");

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const interviewResource = z.object({
  id,
  applicationId: id,
  kind: z.enum(INTERVIEW_KINDS),
  status: z.enum(INTERVIEW_STATUSES).describe("offered: waiting for the candidate to choose one of `slots`."),
  startsAt: timestamp.nullable().describe("null while offered."),
  endsAt: timestamp.nullable(),
  timeZone: z.string().describe("The IANA zone it was planned in."),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  calendarUid: z.string().describe("The iCalendar UID of its invitations: the same through every change."),
  sequence: z.number().int().describe("The iCalendar SEQUENCE of the latest invitation or cancellation."),
  organizer: z.object({ id, name: z.string() }).nullable(),
  offeredAt: timestamp.nullable(),
  bookedAt: timestamp.nullable().describe("When a time was fixed: booked by the candidate or scheduled by staff."),
  rescheduleCount: z.number().int(),
  cancelledAt: timestamp.nullable(),
  cancelReason: z.string().nullable(),
  declinedAt: timestamp.nullable().describe("When the candidate said none of the offered times works."),
  declineNote: z.string().nullable(),
  slots: z.array(z.object({ id, startsAt: timestamp, endsAt: timestamp })).describe("The times offered."),
  interviewers: z.array(
    z.object({
      id,
      name: z.string(),
      feedbackAt: timestamp.nullable(),
      recommendation: z
        .enum(RECOMMENDATIONS)
        .nullable()
        .describe("Hidden (null) from an interviewer who has not given their own feedback yet."),
      notes: z.string().nullable(),
    }),
  ),
});

export function presentInterview(interview: StaffInterview): z.input<typeof interviewResource> {
  return {
    id: interview.id,
    applicationId: interview.applicationId,
    kind: interview.kind,
    status: interview.status,
    startsAt: iso(interview.startsAt),
    endsAt: iso(interview.endsAt),
    timeZone: interview.timeZone,
    location: interview.location,
    videoUrl: interview.videoUrl,
    calendarUid: interview.calendarUid,
    sequence: interview.sequence,
    organizer: interview.organizer,
    offeredAt: iso(interview.offeredAt),
    bookedAt: iso(interview.bookedAt),
    rescheduleCount: interview.rescheduleCount,
    cancelledAt: iso(interview.cancelledAt),
    cancelReason: interview.cancelReason,
    declinedAt: iso(interview.declinedAt),
    declineNote: interview.declineNote,
    slots: interview.slots.map((slot) => ({
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
    })),
    interviewers: interview.seats.map((seat) => ({
      id: seat.userId,
      name: seat.name,
      feedbackAt: iso(seat.feedbackAt),
      recommendation: seat.recommendation as (typeof RECOMMENDATIONS)[number] | null,
      notes: seat.notes,
    })),
  };
}
