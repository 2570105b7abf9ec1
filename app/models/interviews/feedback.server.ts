// After the interview: its end is written to the log (which starts the feedback clock), each interviewer records a
// recommendation and notes (internal only; the last one in stops the clock), or the team records a no-show.
import type { FeedbackInput } from "~/domain/interviews/types";
import { prisma } from "~/platform/db.server";
import { ConflictError, ForbiddenError } from "~/platform/errors.server";
import { loadForChange } from "../application.server";
import { lockApplications } from "../application-locks.server";
import { recordAudit } from "../audit.server";
import { appendEvent } from "../event.server";
import type { Actor } from "../scope.server";
import { applicationOfInterview, findInterview, recordInterviewEvent } from "./interview-rows.server";

/** Records (or corrects) the actor's own feedback on an interview they sat on, once it has started. The first record
 * is the touchpoint that counts for the feedback clock; a correction changes the words, not the clock. */
export async function recordFeedback(interviewId: string, input: FeedbackInput, actor: Actor, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const applicationId = await applicationOfInterview(tx, interviewId);
    if (applicationId) await loadForChange(tx, applicationId, actor);
    const interview = await findInterview(tx, interviewId, actor);
    const seat = interview.seats.find((candidate) => candidate.userId === actor.id);
    if (!seat) throw new ForbiddenError("Only the interviewers of this interview can give feedback on it.");
    if (interview.status === "offered" || interview.status === "cancelled") {
      throw new ConflictError("This interview has not taken place; there is nothing to give feedback on.");
    }
    if (interview.startsAt && interview.startsAt > now) {
      throw new ConflictError("Feedback opens when the interview starts.");
    }
    await tx.interviewSeat.update({
      where: { interviewId_userId: { interviewId, userId: actor.id } },
      data: { recommendation: input.recommendation, notes: input.notes ?? null, feedbackAt: seat.feedbackAt ?? now },
    });
    if (!seat.feedbackAt) {
      await appendEvent(
        tx,
        {
          applicationId: interview.applicationId,
          type: "interview_feedback",
          data: { interviewId, interviewerId: actor.id, recommendation: input.recommendation },
          occurredAt: now,
          actorId: actor.id,
          visibility: "internal",
        },
        { now },
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: seat.feedbackAt ? "interview.feedback_corrected" : "interview.feedback_recorded",
      entityType: "Interview",
      entityId: interviewId,
      data: { recommendation: input.recommendation },
    });
    const outstanding = interview.seats.filter((other) => other.userId !== actor.id && !other.feedbackAt).length;
    return { outstanding, corrected: seat.feedbackAt !== null };
  });
}

/** The candidate did not come: nobody owes feedback on it. */
export async function recordNoShow(interviewId: string, actor: Actor, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const applicationId = await applicationOfInterview(tx, interviewId);
    if (applicationId) await loadForChange(tx, applicationId, actor);
    const interview = await findInterview(tx, interviewId, actor);
    if ((interview.status !== "scheduled" && interview.status !== "done") || interview.startsAt! > now) {
      throw new ConflictError("Only an interview that has started can be marked as a no-show.");
    }
    const updated = await tx.interview.update({ where: { id: interviewId }, data: { status: "no_show" } });
    await recordInterviewEvent(tx, updated, "no_show", {
      actorId: actor.id,
      now,
      interviewerIds: interview.seats.map((seat) => seat.userId),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "interview.no_show",
      entityType: "Interview",
      entityId: interviewId,
      data: {},
    });
    return updated;
  });
}

/** Writes the end of every scheduled interview that has ended by `now` (at its end time), and marks it done: the
 * feedback clock starts there. Bounded: `limit` interviews per call; returns how many it wrote. */
export async function recordEndedInterviews(now: Date = new Date(), limit = 100): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const due = await tx.interview.findMany({
      where: { status: "scheduled", endsAt: { lte: now } },
      select: { applicationId: true },
      orderBy: { endsAt: "asc" },
      take: limit,
    });
    if (due.length === 0) return 0;
    await lockApplications(tx, [...new Set(due.map((row) => row.applicationId))]);
    // Read again under the locks: a reschedule or cancellation may have won the race.
    const ended = await tx.interview.findMany({
      where: { status: "scheduled", endsAt: { lte: now }, applicationId: { in: due.map((row) => row.applicationId) } },
      select: {
        id: true,
        applicationId: true,
        kind: true,
        startsAt: true,
        endsAt: true,
        location: true,
        videoUrl: true,
        seats: { select: { userId: true } },
      },
    });
    for (const interview of ended) {
      await tx.interview.update({ where: { id: interview.id }, data: { status: "done", endRecordedAt: now } });
      await recordAudit(tx, {
        actorId: null,
        action: "interview.ended",
        entityType: "Interview",
        entityId: interview.id,
        data: { applicationId: interview.applicationId },
      });
      await recordInterviewEvent(tx, interview, "ended", {
        actorId: null,
        now,
        occurredAt: interview.endsAt!,
        interviewerIds: interview.seats.map((seat) => seat.userId),
      });
    }
    return ended.length;
  });
}
