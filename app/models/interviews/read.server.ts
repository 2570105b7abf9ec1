// Reading interviews: the application page's list (with who has and has not given feedback), the API's resource, and
// what the candidate's status page shows.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { NotFoundError } from "~/platform/errors.server";
import { applicationScope, type Actor } from "../scope.server";

const staffInterviewSelect = {
  id: true,
  applicationId: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  location: true,
  videoUrl: true,
  calendarUid: true,
  sequence: true,
  offeredAt: true,
  bookedAt: true,
  rescheduleCount: true,
  cancelledAt: true,
  cancelReason: true,
  declinedAt: true,
  declineNote: true,
  createdAt: true,
  organizer: { select: { id: true, name: true } },
  slots: { select: { id: true, startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" } },
  seats: {
    select: {
      userId: true,
      recommendation: true,
      notes: true,
      feedbackAt: true,
      user: { select: { name: true } },
    },
    orderBy: { user: { name: "asc" } },
  },
} satisfies Prisma.InterviewSelect;

type InterviewRow = Prisma.InterviewGetPayload<{ select: typeof staffInterviewSelect }>;

export type StaffInterview = Omit<InterviewRow, "seats"> & {
  seats: {
    userId: string;
    name: string;
    feedbackAt: Date | null;
    /** Hidden (null) from an interviewer until they have given their own, so nobody is swayed before writing. */
    recommendation: string | null;
    notes: string | null;
  }[];
  /** Whether the viewer sits on it: whether they owe feedback now, and what they gave. */
  mine: { owesFeedback: boolean; given: { recommendation: string | null; notes: string | null } | null } | null;
};

function forViewer(row: InterviewRow, actor: Actor, now: Date): StaffInterview {
  const own = row.seats.find((seat) => seat.userId === actor.id) ?? null;
  const sealed = actor.role === "interviewer" && !own?.feedbackAt;
  const started = row.startsAt !== null && row.startsAt <= now;
  return {
    ...row,
    seats: row.seats.map((seat) => {
      const hidden = sealed && seat.userId !== actor.id;
      return {
        userId: seat.userId,
        name: seat.user.name,
        feedbackAt: seat.feedbackAt,
        recommendation: hidden ? null : seat.recommendation,
        notes: hidden ? null : seat.notes,
      };
    }),
    mine: own
      ? {
          owesFeedback: !own.feedbackAt && started && (row.status === "scheduled" || row.status === "done"),
          given: own.feedbackAt ? { recommendation: own.recommendation, notes: own.notes } : null,
        }
      : null,
  };
}

/** The application's interviews, newest plan first, as the actor may see them. */
export async function listInterviews(applicationId: string, actor: Actor, now: Date = new Date()) {
  const rows = await prisma.interview.findMany({
    where: { applicationId, application: applicationScope(actor) },
    select: staffInterviewSelect,
    orderBy: [{ createdAt: "desc" }],
  });
  return rows.map((row) => forViewer(row, actor, now));
}

export async function getInterview(interviewId: string, actor: Actor, now: Date = new Date()) {
  const row = await prisma.interview.findFirst({
    where: { id: interviewId, application: applicationScope(actor) },
    select: staffInterviewSelect,
  });
  if (!row) throw new NotFoundError("The interview");
  return forViewer(row, actor, now);
}

const candidateInterviewSelect = {
  id: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  location: true,
  videoUrl: true,
  slots: { select: { id: true, startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" } },
  seats: { select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
} satisfies Prisma.InterviewSelect;

export type CandidateInterview = Prisma.InterviewGetPayload<{ select: typeof candidateInterviewSelect }>;

/** What the candidate's status page shows: the open offer (times still ahead) and the interviews still to come. */
export async function candidateInterviews(applicationId: string, now: Date = new Date()) {
  const rows = await prisma.interview.findMany({
    where: {
      applicationId,
      OR: [{ status: "offered" }, { status: "scheduled", endsAt: { gt: now } }],
    },
    select: candidateInterviewSelect,
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
  });
  const offer =
    rows
      .filter((row) => row.status === "offered")
      .map((row) => ({ ...row, slots: row.slots.filter((slot) => slot.startsAt > now) }))
      .find((row) => row.slots.length > 0) ?? null;
  const upcoming = rows.filter((row) => row.status === "scheduled");
  return { offer, upcoming };
}
