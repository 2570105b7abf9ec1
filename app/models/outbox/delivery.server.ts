// Delivering the outbox. A due message is claimed with a lease (status "sending" until leaseUntil) in one statement
// that skips rows other instances hold, sent, and marked sent at once — with its message_out touchpoint, which stops
// the SLA clocks it answers. A process that dies leaves its claims to expire, and another run sends them: nothing is
// lost, and a message is sent twice only if the process died between the SMTP server accepting it and the mark.
import type { Prisma } from "~/generated/prisma/client";
import { afterFailure, classifyDeliveryError } from "~/domain/messages/retry";
import { prisma } from "~/utils/db.server";
import type { MailTransport, OutgoingMail } from "~/utils/mail.server";
import { appendEvent } from "../event.server";

/** Long enough for any SMTP exchange; a claim older than this belonged to a process that died. */
export const LEASE_MS = 2 * 60_000;

const claimedSelect = {
  id: true,
  applicationId: true,
  audience: true,
  fromAddress: true,
  toAddress: true,
  replyTo: true,
  subject: true,
  bodyText: true,
  bodyHtml: true,
  headerMessageId: true,
  inReplyTo: true,
  automated: true,
  awaitsCandidate: true,
  attempts: true,
  createdById: true,
} satisfies Prisma.MessageSelect;

export type ClaimedMessage = Prisma.MessageGetPayload<{ select: typeof claimedSelect }>;

/** Claims up to `limit` due messages (queued and due, or sending with an expired lease), oldest due first. */
export async function claimDueMessages(now: Date, limit: number): Promise<ClaimedMessage[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Message" SET status = 'sending', "leaseUntil" = ${leaseUntil}::timestamp(3), attempts = attempts + 1,
                         "updatedAt" = ${at}::timestamp(3)
     WHERE id IN (
       SELECT id FROM "Message"
        WHERE direction = 'outbound'
          AND ((status = 'queued' AND "nextAttemptAt" <= ${at}::timestamp(3))
            OR (status = 'sending' AND "leaseUntil" < ${at}::timestamp(3)))
        ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (rows.length === 0) return [];
  return prisma.message.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    orderBy: { nextAttemptAt: "asc" },
    select: claimedSelect,
  });
}

export function outgoingMail(message: ClaimedMessage): OutgoingMail {
  return {
    id: message.id,
    from: message.fromAddress,
    to: message.toAddress,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.bodyText,
    html: message.bodyHtml,
    messageId: message.headerMessageId,
    inReplyTo: message.inReplyTo,
    automated: message.automated,
  };
}

/** Marks a claimed message sent; a candidate message also gets its message_out touchpoint (clocks move). */
export async function markSent(message: ClaimedMessage, sentAt: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    if (message.audience === "candidate" && message.applicationId) {
      // The same row lock events take: clocks of one application are synced one change at a time.
      await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${message.applicationId} FOR UPDATE`;
    }
    const { count } = await tx.message.updateMany({
      where: { id: message.id, status: "sending" },
      data: { status: "sent", sentAt, leaseUntil: null, nextAttemptAt: null, lastError: null },
    });
    if (count === 0 || message.audience !== "candidate" || !message.applicationId) return;
    const event = await appendEvent(tx, {
      applicationId: message.applicationId,
      type: "message_out",
      data: {
        subject: message.subject,
        body: message.bodyText,
        automated: message.automated,
        awaitsCandidate: message.awaitsCandidate,
        messageId: message.id,
      },
      occurredAt: sentAt,
      actorId: message.createdById,
      visibility: "candidate",
    });
    await tx.message.update({ where: { id: message.id }, data: { eventId: event.id } });
  });
}

/** Records a failed attempt: back to the queue with a later attempt, or failed for good (and the recruiter told). */
export async function markFailed(message: ClaimedMessage, error: unknown, now: Date): Promise<"retry" | "failed"> {
  const failure = classifyDeliveryError(error);
  const next = afterFailure(failure, message.attempts, now);
  return prisma.$transaction(async (tx) => {
    if ("retryAt" in next) {
      await tx.message.updateMany({
        where: { id: message.id, status: "sending" },
        data: { status: "queued", nextAttemptAt: next.retryAt, leaseUntil: null, lastError: failure.reason },
      });
      return "retry";
    }
    const { count } = await tx.message.updateMany({
      where: { id: message.id, status: "sending" },
      data: { status: "failed", nextAttemptAt: null, leaseUntil: null, lastError: failure.reason },
    });
    if (count > 0) await notifyFailure(tx, message, failure.reason);
    return "failed";
  });
}

async function notifyFailure(tx: Prisma.TransactionClient, message: ClaimedMessage, reason: string) {
  if (message.audience !== "candidate" || !message.applicationId) return;
  const application = await tx.application.findUnique({
    where: { id: message.applicationId },
    select: { candidate: { select: { name: true } }, job: { select: { recruiterId: true, hiringManagerId: true } } },
  });
  const userId = application?.job.recruiterId ?? application?.job.hiringManagerId ?? message.createdById;
  if (!application || !userId) return;
  await tx.notification.create({
    data: {
      userId,
      kind: "message_failed",
      applicationId: message.applicationId,
      title: `Email not delivered: ${application.candidate.name}`,
      body: `“${message.subject}” could not be delivered to ${application.candidate.name}: ${reason}`,
    },
  });
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** Delivers due messages, `concurrency` at a time, until none are due or `limit` were tried. */
export async function deliverDueMessages(
  transport: MailTransport,
  options: { now?: () => Date; batchSize?: number; concurrency?: number; limit?: number } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 5;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  let tried = 0;
  while (tried < limit) {
    const batch = await claimDueMessages(now(), Math.min(batchSize, limit - tried));
    if (batch.length === 0) break;
    tried += batch.length;
    let next = 0;
    const lane = async () => {
      while (next < batch.length) {
        const message = batch[next++]!;
        try {
          await transport.send(outgoingMail(message));
        } catch (error) {
          report[(await markFailed(message, error, now())) === "retry" ? "retrying" : "failed"] += 1;
          continue;
        }
        await markSent(message, now());
        report.sent += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
  }
  return report;
}
