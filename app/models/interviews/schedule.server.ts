// Staff plan interviews: schedule one at a time, offer the candidate times to choose from, move one, call one off.
// Each change writes its touchpoint and queues the invitations (with their calendar part) in the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import {
  firstSelfOverlap,
  kindForStage,
  spanOf,
  type CancelInterviewInput,
  type InterviewKind,
  type OfferInterviewInput,
  type RescheduleInterviewInput,
  type ScheduleInterviewInput,
  type TimeSpan,
} from "~/domain/interviews/types";
import { prisma } from "~/platform/db.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { ConflictError, InvalidInputError } from "~/platform/errors.server";
import { loadForChange, notActiveRefusal } from "../application.server";
import { recordAudit } from "../audit.server";
import { queueTemplateMessage } from "../outbox/queue.server";
import type { Actor } from "../scope.server";
import {
  applicationOfInterview,
  assertInterviewersFree,
  chooseInterviewers,
  findInterview,
  newCalendarUid,
  recordInterviewEvent,
  seatInterviewers,
  type Interviewer,
} from "./interview-rows.server";
import { queueInterviewMessages } from "./messages.server";

type Db = Prisma.TransactionClient;

/** Runs the change in one transaction, then wakes the outbox for the emails it queued. */
async function planning<T>(change: (tx: Db) => Promise<T>): Promise<T> {
  const result = await prisma.$transaction(change);
  wakeOutboxWorker();
  return result;
}

/** Times must lie ahead: an interview that already happened is recorded as a note, not scheduled. */
function assertAhead(spans: readonly TimeSpan[], now: Date, fieldOf: (index: number) => string) {
  const index = spans.findIndex((span) => span.startsAt <= now);
  if (index === -1) return;
  const message = "Choose a time in the future.";
  throw new InvalidInputError(message, [{ path: fieldOf(index), message }]);
}

/** The candidate is told where to go: an invitation without a place would leave them guessing. */
function assertPlace(input: { location?: string | null; videoUrl?: string | null }) {
  if (input.location || input.videoUrl) return;
  const message = "Add a location or a video link: the candidate needs to know where to go.";
  throw new InvalidInputError(message, [{ path: "location", message }]);
}

type Planned = {
  applicationId: string;
  kind: InterviewKind;
  timeZone: string;
  organizerId: string | null;
};

/** What a new interview takes from its application and planner: the stage's kind, the planner's zone, and the job's
 * recruiter as organiser (the planner when the job has none). */
async function planFor(
  db: Db,
  applicationId: string,
  input: { kind?: InterviewKind; timeZone?: string },
  actor: Actor,
): Promise<Planned> {
  const application = await loadForChange(db, applicationId, actor);
  const refusal = notActiveRefusal(application);
  if (refusal) throw refusal;
  const [job, planner] = await Promise.all([
    db.job.findUniqueOrThrow({ where: { id: application.jobId }, select: { recruiterId: true } }),
    db.user.findUnique({ where: { id: actor.id }, select: { timeZone: true } }),
  ]);
  return {
    applicationId,
    kind: input.kind ?? kindForStage(application.stage.kind),
    timeZone: input.timeZone ?? planner?.timeZone ?? "UTC",
    organizerId: job.recruiterId ?? actor.id,
  };
}

async function audit(db: Db, actorId: string | null, action: string, interviewId: string, data: object = {}) {
  await recordAudit(db, {
    actorId,
    action: `interview.${action}`,
    entityType: "Interview",
    entityId: interviewId,
    data,
  });
}

/** Schedules an interview at a set time; the candidate and the interviewers are invited unless `notify` is false. */
export async function scheduleInterview(
  applicationId: string,
  input: ScheduleInterviewInput,
  actor: Actor,
  now: Date = new Date(),
) {
  return planning(async (tx) => {
    const plan = await planFor(tx, applicationId, input, actor);
    const span = spanOf(input.startsAt, input.durationMinutes);
    assertAhead([span], now, () => "startsAt");
    if (input.notify) assertPlace(input);
    const interviewers = await chooseInterviewers(tx, input.interviewerIds, "interviewerIds");
    await assertInterviewersFree(tx, interviewers, [span], { timeZone: plan.timeZone, fieldOf: () => "startsAt" });
    const interview = await tx.interview.create({
      data: {
        applicationId,
        kind: plan.kind,
        status: "scheduled",
        ...span,
        timeZone: plan.timeZone,
        location: input.location ?? null,
        videoUrl: input.videoUrl ?? null,
        calendarUid: newCalendarUid(),
        organizerId: plan.organizerId,
        bookedAt: now,
      },
    });
    await seatInterviewers(tx, interview, interviewers);
    await recordInterviewEvent(tx, interview, "scheduled", {
      actorId: actor.id,
      now,
      interviewerIds: interviewers.map((person) => person.id),
    });
    if (input.notify) {
      await queueInterviewMessages(tx, { interviewId: interview.id, change: "invitation", actorId: actor.id, now });
    }
    await audit(tx, actor.id, "scheduled", interview.id, { applicationId, notify: input.notify });
    return interview;
  });
}

/** Offers the candidate 2–10 times; they choose one on their status page (or say none works). Slots that overlap
 * each other, lie in the past or clash with an interviewer's other interviews are refused. */
export async function offerInterview(
  applicationId: string,
  input: OfferInterviewInput,
  actor: Actor,
  now: Date = new Date(),
) {
  return planning(async (tx) => {
    const plan = await planFor(tx, applicationId, input, actor);
    const spans = input.slots
      .map((slot) => spanOf(slot.startsAt, slot.durationMinutes))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const fieldOf = (index: number) =>
      `slots.${input.slots.findIndex((slot) => slot.startsAt === spans[index]!.startsAt)}.startsAt`;
    assertAhead(spans, now, fieldOf);
    assertPlace(input);
    const overlapping = firstSelfOverlap(spans);
    if (overlapping !== -1) {
      const message = "Two of the times overlap; offer separate times.";
      throw new InvalidInputError(message, [{ path: fieldOf(overlapping), message }]);
    }
    const pending = await tx.interview.count({ where: { applicationId, status: "offered" } });
    if (pending > 0) {
      throw new ConflictError(
        "Times are already offered to this candidate; cancel that offer before offering new ones.",
      );
    }
    const interviewers = await chooseInterviewers(tx, input.interviewerIds, "interviewerIds");
    await assertInterviewersFree(tx, interviewers, spans, { timeZone: plan.timeZone, fieldOf });
    const interview = await tx.interview.create({
      data: {
        applicationId,
        kind: plan.kind,
        status: "offered",
        timeZone: plan.timeZone,
        location: input.location ?? null,
        videoUrl: input.videoUrl ?? null,
        calendarUid: newCalendarUid(),
        organizerId: plan.organizerId,
        offeredAt: now,
        slots: { createMany: { data: spans } },
      },
      include: { slots: { orderBy: { startsAt: "asc" } } },
    });
    await seatInterviewers(tx, interview, interviewers);
    await recordInterviewEvent(tx, interview, "offered", {
      actorId: actor.id,
      now,
      interviewerIds: interviewers.map((person) => person.id),
      extra: { slots: spans.map((span) => span.startsAt.toISOString()) },
    });
    // The candidate's choice is what we wait for: the regular-update clock pauses until they answer.
    await queueTemplateMessage(tx, {
      applicationId,
      kind: "interview_offer",
      interviewId: interview.id,
      automated: false,
      awaitsCandidate: true,
      timing: { kind: "now" },
      actorId: actor.id,
      now,
    });
    await audit(tx, actor.id, "offered", interview.id, { applicationId, slots: spans.length });
    return interview;
  });
}

/** Runs `change` on the interview under its application's row lock. */
async function changeInterview<T>(
  interviewId: string,
  actor: Actor,
  change: (tx: Db, interview: Awaited<ReturnType<typeof findInterview>>) => Promise<T>,
): Promise<T> {
  return planning(async (tx) => {
    const applicationId = await applicationOfInterview(tx, interviewId);
    if (applicationId) await loadForChange(tx, applicationId, actor);
    return change(tx, await findInterview(tx, interviewId, actor));
  });
}

/** Moves a scheduled interview (time, place or interviewers): the same calendar event, one SEQUENCE later. */
export async function rescheduleInterview(
  interviewId: string,
  input: RescheduleInterviewInput,
  actor: Actor,
  now: Date = new Date(),
) {
  return changeInterview(interviewId, actor, async (tx, interview) => {
    if (interview.status !== "scheduled") {
      throw new ConflictError(
        interview.status === "offered"
          ? "The candidate has not chosen a time yet; cancel the offer and offer new times instead."
          : `This interview is ${interview.status.replace("_", "-")}; it cannot be moved.`,
      );
    }
    const minutes =
      input.durationMinutes ?? Math.round((interview.endsAt!.getTime() - interview.startsAt!.getTime()) / 60_000);
    const span = spanOf(input.startsAt ?? interview.startsAt!, minutes);
    if (input.startsAt) assertAhead([span], now, () => "startsAt");
    const interviewers: Interviewer[] = input.interviewerIds
      ? await chooseInterviewers(tx, input.interviewerIds, "interviewerIds")
      : interview.seats.map((seat) => ({ id: seat.userId, name: seat.user.name }));
    await assertInterviewersFree(tx, interviewers, [span], {
      exceptId: interview.id,
      timeZone: interview.timeZone,
      fieldOf: () => "startsAt",
    });
    const moved =
      span.startsAt.getTime() !== interview.startsAt!.getTime() ||
      minutes * 60_000 !== interview.endsAt!.getTime() - interview.startsAt!.getTime();
    const updated = await tx.interview.update({
      where: { id: interview.id },
      data: {
        ...span,
        location: input.location === undefined ? undefined : input.location,
        videoUrl: input.videoUrl === undefined ? undefined : input.videoUrl,
        sequence: { increment: 1 },
        rescheduleCount: moved ? { increment: 1 } : undefined,
        // A new time earns new reminders.
        ...(moved ? { candidateRemindedAt: null, interviewersRemindedAt: null } : {}),
      },
    });
    const removed = interview.seats.filter((seat) => !interviewers.some((person) => person.id === seat.userId));
    await seatInterviewers(tx, interview, interviewers);
    await recordInterviewEvent(tx, updated, "rescheduled", {
      actorId: actor.id,
      now,
      interviewerIds: interviewers.map((person) => person.id),
    });
    if (input.notify) {
      await queueInterviewMessages(tx, {
        interviewId: interview.id,
        change: "rescheduled",
        actorId: actor.id,
        now,
        cancelFor: removed.map((seat) => seat.userId),
      });
    }
    await audit(tx, actor.id, "rescheduled", interview.id, { moved, notify: input.notify });
    return updated;
  });
}

/** Calls off an offered or scheduled interview; everyone invited gets the cancellation (unless `notify` is false). */
export async function cancelInterview(
  interviewId: string,
  input: CancelInterviewInput,
  actor: Actor,
  now: Date = new Date(),
) {
  return changeInterview(interviewId, actor, async (tx, interview) => {
    if (interview.status !== "scheduled" && interview.status !== "offered") {
      throw new ConflictError(`This interview is ${interview.status.replace("_", "-")}; it cannot be cancelled.`);
    }
    const updated = await tx.interview.update({
      where: { id: interview.id },
      data: {
        status: "cancelled",
        cancelledAt: now,
        cancelReason: input.reason ?? null,
        sequence: { increment: 1 },
      },
    });
    await recordInterviewEvent(tx, updated, "cancelled", {
      actorId: actor.id,
      now,
      interviewerIds: interview.seats.map((seat) => seat.userId),
      extra: input.reason ? { reason: input.reason } : {},
    });
    // An offer nobody took is in no calendar: its page stops showing the times, and the recruiter offers new ones or
    // writes. A scheduled interview is taken out of everyone's calendar.
    if (input.notify && interview.status === "scheduled") {
      await queueInterviewMessages(tx, { interviewId: interview.id, change: "cancelled", actorId: actor.id, now });
    }
    await audit(tx, actor.id, "cancelled", interview.id, { notify: input.notify });
    return updated;
  });
}
