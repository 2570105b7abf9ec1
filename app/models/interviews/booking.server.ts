// The candidate answers an offer from their status page: they book one of the times, or say none of them works (a
// message to the team that starts the reply clock). No staff actor: events and audit entries say { by: "candidate" }.
import type { BookingInput } from "~/domain/interviews/types";
import { prisma } from "~/platform/db.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "../audit.server";
import { fileCandidateMessage, lockApplication } from "../candidate-actions.server";
import { assertInterviewersFree, interviewChangeSelect, recordInterviewEvent } from "./interview-rows.server";
import { queueInterviewMessages } from "./messages.server";

export type BookingResult =
  | { ok: true; outcome: "booked"; interviewId: string; startsAt: Date }
  | { ok: true; outcome: "declined"; interviewId: string }
  /** gone: the offer was cancelled or already answered; taken: an interviewer has since been booked at that time;
   * past: the time has passed; closed: the application is no longer active. */
  | { ok: false; reason: "gone" | "taken" | "past" | "closed" };

/** Books the chosen slot of the offer, or files "none of these work". */
export async function answerInterviewOffer(
  applicationId: string,
  interviewId: string,
  input: BookingInput,
  now: Date = new Date(),
): Promise<BookingResult> {
  const result = await prisma.$transaction(async (tx): Promise<BookingResult> => {
    const application = await lockApplication(tx, applicationId);
    if (application.status !== "active") return { ok: false, reason: "closed" } as const;
    const interview = await tx.interview.findFirst({
      where: { id: interviewId, applicationId, status: "offered" },
      select: interviewChangeSelect,
    });
    if (!interview) return { ok: false, reason: "gone" } as const;
    const interviewerIds = interview.seats.map((seat) => seat.userId);

    if (input.choice === "none") {
      await tx.interview.update({
        where: { id: interview.id },
        data: { status: "cancelled", declinedAt: now, declineNote: input.note, cancelledAt: now },
      });
      await recordInterviewEvent(tx, interview, "declined", {
        actorId: null,
        now,
        interviewerIds,
        extra: { note: input.note },
      });
      await fileCandidateMessage(
        tx,
        application,
        { id: newId(), subject: "None of the interview times work for me", body: input.note, via: "interview_offer" },
        now,
      );
      await recordAudit(tx, {
        actorId: null,
        action: "interview.declined",
        entityType: "Interview",
        entityId: interview.id,
        data: { by: "candidate" },
      });
      return { ok: true, outcome: "declined", interviewId: interview.id } as const;
    }

    const slot = interview.slots.find((candidate) => candidate.id === input.slotId);
    if (!slot) return { ok: false, reason: "gone" } as const;
    if (slot.startsAt <= now) return { ok: false, reason: "past" } as const;
    const interviewers = interview.seats.map((seat) => ({ id: seat.userId, name: seat.user.name }));
    try {
      await assertInterviewersFree(tx, interviewers, [slot], {
        exceptId: interview.id,
        timeZone: interview.timeZone,
        fieldOf: () => "slotId",
      });
    } catch {
      return { ok: false, reason: "taken" } as const;
    }
    const booked = await tx.interview.update({
      where: { id: interview.id },
      data: { status: "scheduled", startsAt: slot.startsAt, endsAt: slot.endsAt, bookedAt: now },
    });
    await recordInterviewEvent(tx, booked, "booked", { actorId: null, now, interviewerIds });
    await queueInterviewMessages(tx, { interviewId: interview.id, change: "invitation", actorId: null, now });
    await recordAudit(tx, {
      actorId: null,
      action: "interview.booked",
      entityType: "Interview",
      entityId: interview.id,
      data: { by: "candidate", slotId: slot.id },
    });
    return { ok: true, outcome: "booked", interviewId: interview.id, startsAt: slot.startsAt } as const;
  });
  if (result.ok) wakeOutboxWorker();
  return result;
}
