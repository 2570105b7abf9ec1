// When an application closes (rejected, hired or withdrawn), its interviews still ahead are called off: offered times
// disappear from the status page, and each interviewer gets the cancellation for their calendar. The candidate hears
// the decision in its own email (a rejection waits for a humane hour; a cancellation now would give it away).
import type { Prisma } from "~/generated/prisma/client";
import { recordInterviewEvent } from "./interview-rows.server";
import { queueInterviewMessages } from "./messages.server";

/** Cancels the offered and upcoming interviews of these applications, in the caller's transaction (which holds their
 * row locks). One read when there are none, so a batch of decisions costs nothing more. */
export async function cancelInterviewsOnClose(
  tx: Prisma.TransactionClient,
  applicationIds: readonly string[],
  options: { now: Date; actorId: string | null; outcome: string },
): Promise<number> {
  if (applicationIds.length === 0) return 0;
  const open = await tx.interview.findMany({
    where: {
      applicationId: { in: [...applicationIds] },
      OR: [{ status: "offered" }, { status: "scheduled", startsAt: { gt: options.now } }],
    },
    select: { id: true, status: true, seats: { select: { userId: true } } },
  });
  const reason = `The application was ${options.outcome}.`;
  for (const interview of open) {
    const cancelled = await tx.interview.update({
      where: { id: interview.id },
      data: { status: "cancelled", cancelledAt: options.now, cancelReason: reason, sequence: { increment: 1 } },
    });
    await recordInterviewEvent(tx, cancelled, "cancelled", {
      actorId: options.actorId,
      now: options.now,
      interviewerIds: interview.seats.map((seat) => seat.userId),
      extra: { reason },
    });
    if (interview.status === "scheduled") {
      await queueInterviewMessages(tx, {
        interviewId: interview.id,
        change: "cancelled",
        actorId: options.actorId,
        now: options.now,
        notifyCandidate: false,
      });
    }
  }
  return open.length;
}
