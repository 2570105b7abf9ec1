// Delivering the outbox. A due message is claimed with a lease (status "sending" until leaseUntil) in one statement
// that skips rows other instances hold, sent, and marked sent at once — with its message_out touchpoint, which stops
// the SLA clocks it answers. A process that dies leaves its claims to expire, and another run sends them: nothing is
// lost, and a message is sent twice only if the process died between the SMTP server accepting it and the mark.
import { Prisma } from "~/generated/prisma/client";
import type { EventData } from "~/domain/applications";
import { afterFailure, classifyDeliveryError } from "~/domain/messages/retry";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import type { MailTransport, OutgoingMail } from "~/platform/mail.server";
import { lockApplications } from "../application-locks.server";
import { appendEvents } from "../event.server";
import { claimDue, inLanes, releaseClaims } from "./lease.server";

export { LEASE_MS } from "./lease.server";

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
  calendarMethod: true,
  calendarIcs: true,
  automated: true,
  awaitsCandidate: true,
  attempts: true,
  createdById: true,
} satisfies Prisma.MessageSelect;

export type ClaimedMessage = Prisma.MessageGetPayload<{ select: typeof claimedSelect }>;

/** Claims up to `limit` due messages (queued and due, or sending with an expired lease), oldest due first. */
export async function claimDueMessages(now: Date, limit: number): Promise<ClaimedMessage[]> {
  const ids = await claimDue("Message", Prisma.sql`direction = 'outbound'`, now, limit);
  if (ids.length === 0) return [];
  return prisma.message.findMany({
    where: { id: { in: ids } },
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
    calendar:
      message.calendarMethod && message.calendarIcs
        ? { method: message.calendarMethod, content: message.calendarIcs }
        : null,
  };
}

/** Marks claimed messages sent, in one transaction: each candidate message gets its message_out touchpoint, appended
 * together (which syncs their applications' clocks and when each candidate was told the outcome). A message already marked (another worker took over an expired
 * lease and finished first) is left as it is. */
export async function markSent(messages: ClaimedMessage[], sentAt: Date): Promise<void> {
  if (messages.length === 0) return;
  await prisma.$transaction(async (tx) => {
    const applicationIds = [
      ...new Set(
        messages.flatMap((message) =>
          message.audience === "candidate" && message.applicationId ? [message.applicationId] : [],
        ),
      ),
    ].sort();
    // The same row locks events take, in one order so two workers cannot deadlock.
    await lockApplications(tx, applicationIds);
    const marked = new Set(
      (
        await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Message" SET status = 'sent', "sentAt" = ${sentAt.toISOString()}::timestamp(3), "leaseUntil" = NULL,
                               "nextAttemptAt" = NULL, "lastError" = NULL, "updatedAt" = CURRENT_TIMESTAMP
           WHERE id IN (${Prisma.join(messages.map((message) => message.id))}) AND status = 'sending'
          RETURNING id`
      ).map((row) => row.id),
    );
    const touchpoints = messages
      .filter((message) => marked.has(message.id) && message.audience === "candidate" && message.applicationId)
      .map((message) => ({ message, eventId: newId() }));
    if (touchpoints.length === 0) return;
    await appendEvents(
      tx,
      touchpoints.map(({ message, eventId }) => ({
        id: eventId,
        applicationId: message.applicationId!,
        type: "message_out" as const,
        visibility: "candidate" as const,
        occurredAt: sentAt,
        actorId: message.createdById,
        data: {
          subject: message.subject,
          body: message.bodyText,
          automated: message.automated,
          awaitsCandidate: message.awaitsCandidate,
          messageId: message.id,
        } satisfies EventData["message_out"],
      })),
      { now: sentAt },
    );
    const links = JSON.stringify(touchpoints.map(({ message, eventId }) => ({ id: message.id, eventId })));
    await tx.$executeRaw`
      UPDATE "Message" AS m SET "eventId" = l."eventId"
        FROM jsonb_to_recordset(${links}::jsonb) AS l(id text, "eventId" text)
       WHERE m.id = l.id`;
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

type Deferred = { resolve(): void; reject(error: unknown): void };

/**
 * Writes the "sent" marks as the SMTP server accepts messages. A mark starts the moment its message is accepted; one
 * accepted while another mark is being written goes into the next, together with any others accepted meanwhile (one
 * transaction and one clock sync for several messages, as a database groups its commits). A failed mark is tried
 * once more: these emails are out, and left "sending" they would be sent again when their lease ends.
 */
function sentMarks(now: () => Date) {
  let waiting: { message: ClaimedMessage; done: Deferred }[] = [];
  let writing = false;
  const writeWaiting = async () => {
    writing = true;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      const messages = group.map((entry) => entry.message);
      try {
        await markSent(messages, now()).catch(() => markSent(messages, now()));
        for (const entry of group) entry.done.resolve();
      } catch (error) {
        for (const entry of group) entry.done.reject(error);
      }
    }
    writing = false;
  };
  return {
    /** Resolves once `message` is marked sent. */
    mark(message: ClaimedMessage): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ message, done: { resolve, reject } });
        if (!writing) void writeWaiting();
      });
    },
  };
}

/**
 * Delivers due messages, `concurrency` at a time, until none are due, `limit` were tried or `stopping()` says so. Each
 * of the `concurrency` lanes hands the SMTP server its next message only once the last one it sent is marked sent, so
 * a process that dies leaves at most `concurrency` messages accepted but unmarked — the only ones a later run can send
 * twice. A worker that is stopping finishes the messages in hand and hands back the claims it did not start. A mark
 * that fails for good stops the run (sending more that cannot be marked would only add duplicates); the error is
 * thrown once the messages in flight have settled.
 */
export async function deliverDueMessages(
  transport: MailTransport,
  options: {
    now?: () => Date;
    batchSize?: number;
    concurrency?: number;
    limit?: number;
    stopping?: () => boolean;
  } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 5;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const stopping = options.stopping ?? (() => false);
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const marks = sentMarks(now);
  let tried = 0;
  while (tried < limit && !stopping()) {
    const batch = await claimDueMessages(now(), Math.min(batchSize, limit - tried));
    if (batch.length === 0) break;
    tried += batch.length;
    const { unstarted, failure } = await inLanes(
      batch,
      concurrency,
      async (message) => {
        try {
          await transport.send(outgoingMail(message));
        } catch (error) {
          report[(await markFailed(message, error, now())) === "retry" ? "retrying" : "failed"] += 1;
          return;
        }
        await marks.mark(message);
        report.sent += 1;
      },
      stopping,
    );
    if (failure !== undefined) throw failure;
    // Claims no lane reached: handed back when stopping; otherwise left for their lease to end, as a crash would.
    if (stopping())
      await releaseClaims(
        "Message",
        unstarted.map((message) => message.id),
      );
  }
  return report;
}
