// Candidate replies coming in: filed on their application (found by our signed reply address, or by the Message-IDs
// the email answers when the candidate sent it) with a message_in touchpoint that starts next_response, or kept in
// the staff inbox until someone files or discards them. Each email is stored once: posting it again answers with what
// happened the first time. Mail to the workspace's capture address is a staff member's own email instead, filed as
// sent (inbound-capture.server.ts) or, when it cannot be, kept in the inbox like any other.
import type { Prisma } from "~/generated/prisma/client";
import { parseInboundEmail, type InboundEmail, type InboundParseError } from "~/domain/inbound/parse";
import type { InboundReceipt } from "~/domain/inbound/receipt";
import { inboundBody } from "~/domain/inbound/reply";
import { prisma } from "~/platform/db.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { applicationIdForReplyAddress } from "~/platform/mail-addresses.server";
import { recordAudit } from "./audit.server";
import { recordTimeZoneGuess } from "./candidate-time-zone.server";
import { captureAddressAmong } from "./email-capture.server";
import { appendEvent } from "./event.server";
import { capturedAgainReceipt, fileCapturedEmail, type CaptureRefusal } from "./inbound-capture.server";
import { applicationScope, type Actor } from "./scope.server";

export type ReceiveResult = { ok: true; receipt: InboundReceipt } | { ok: false; error: InboundParseError };

type Match = { applicationId: string; matchedBy: "reply_address" | "thread"; address: string | null };

/** Why a message went to the inbox, for the audit log. */
type UnmatchedReason =
  | "no_match"
  | "application_gone"
  | "candidate_erased"
  | "sender_not_candidate"
  | "automated"
  | "no_text"
  | "own_message"
  /** Sent to a capture address with an old or wrong secret. */
  | "capture_address_unknown"
  | CaptureRefusal;

const EMPTY_BODY = "(This email had no text.)";

function receiptOf(message: { id: string; status: string; applicationId: string | null }, duplicate: boolean) {
  const status: InboundReceipt["status"] = message.status === "received" ? "received" : "unmatched";
  const { applicationId } = message;
  return {
    id: message.id,
    status,
    applicationId,
    applicationIds: applicationId ? [applicationId] : [],
    duplicate,
  } satisfies InboundReceipt;
}

/** A unique index refused the insert: Prisma's P2002, or PostgreSQL's 23505 as the embedded adapter reports it. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown; kind?: unknown } };
  return code === "P2002" || cause?.code === "23505" || cause?.kind === "UniqueConstraintViolation";
}

function derivedMessageId(email: InboundEmail): string {
  return `<inbound.${email.rawDigest.slice(0, 40)}@hearback.invalid>`;
}

function senderOf(email: InboundEmail): string {
  if (!email.from) return "";
  return email.from.name ? `${email.from.name} <${email.from.address}>` : email.from.address;
}

/**
 * Whether the email's From address is the candidate's (compared lower-cased, as candidates are stored). A Message-ID
 * is no secret: it travels in every copy and forward of our email. So a reply found only by the Message-IDs it names
 * is filed when the candidate sent it, and anyone else's waits in the inbox; the signed reply address is the proof
 * for mail from another address.
 */
function sentBy(email: InboundEmail, candidateEmailKey: string): boolean {
  return email.from !== null && email.from.address.toLowerCase() === candidateEmailKey;
}

async function findMatch(email: InboundEmail, recipients: string[]): Promise<Match | null> {
  for (const address of recipients) {
    const applicationId = applicationIdForReplyAddress(address);
    if (applicationId) return { applicationId, matchedBy: "reply_address", address };
  }
  if (email.references.length === 0) return null;
  const threads = await prisma.message.findMany({
    where: { headerMessageId: { in: email.references }, applicationId: { not: null } },
    select: { headerMessageId: true, applicationId: true },
  });
  for (const id of email.references) {
    const thread = threads.find((message) => message.headerMessageId === id);
    if (thread?.applicationId) return { applicationId: thread.applicationId, matchedBy: "thread", address: null };
  }
  return null;
}

async function existingInbound(headerMessageId: string) {
  return prisma.message.findUnique({
    where: { headerMessageId },
    select: { id: true, direction: true, status: true, applicationId: true },
  });
}

/** Parses, matches and stores one raw email. Bad mail is an error value; database trouble throws. */
export async function receiveInboundEmail(
  raw: Uint8Array | string,
  options: { envelopeRecipients?: readonly string[] } = {},
): Promise<ReceiveResult> {
  const parsed = await parseInboundEmail(raw);
  if (!parsed.ok) return parsed;
  const { email } = parsed;
  const recipients = [
    ...new Set([...(options.envelopeRecipients ?? []).map((address) => address.toLowerCase()), ...email.recipients]),
  ];
  let headerMessageId = email.messageId ?? derivedMessageId(email);
  try {
    const existing = await existingInbound(headerMessageId);
    if (existing?.direction === "inbound") return { ok: true, receipt: receiptOf(existing, true) };
    const capture = await captureAddressAmong(recipients);
    if (capture === "current") {
      // The first copy of a captured email keeps its Message-ID: delivered again, it is found here.
      if (existing) return { ok: true, receipt: await capturedAgainReceipt(existing) };
      const receivedAt = new Date();
      const outcome = await fileCapturedEmail(email, { headerMessageId, receivedAt });
      if (outcome.filed) return { ok: true, receipt: outcome.receipt };
      const context = { headerMessageId, match: null, recipients, ownMessage: false, reason: outcome.reason };
      return { ok: true, receipt: await storeInbound(email, context) };
    }
    let ownMessage = false;
    if (existing) {
      // One of our own emails came back (a forward or a loop): never file it as the candidate's words.
      ownMessage = true;
      headerMessageId = derivedMessageId(email);
      const copy = await existingInbound(headerMessageId);
      if (copy) return { ok: true, receipt: receiptOf(copy, true) };
    }
    // An old or mistyped capture address proves nothing: the email waits in the inbox whatever else it names.
    const match = capture === "unknown" ? null : await findMatch(email, recipients);
    const reason = capture === "unknown" ? "capture_address_unknown" : undefined;
    const receipt = await storeInbound(email, { headerMessageId, match, recipients, ownMessage, reason });
    return { ok: true, receipt };
  } catch (error) {
    // The same email posted twice at once: the later insert meets the unique Message-ID and answers as a repeat.
    if (!isUniqueViolation(error)) throw error;
    const stored = await existingInbound(headerMessageId);
    if (!stored) throw error;
    const receipt = stored.direction === "inbound" ? receiptOf(stored, true) : await capturedAgainReceipt(stored);
    return { ok: true, receipt };
  }
}

async function storeInbound(
  email: InboundEmail,
  context: {
    headerMessageId: string;
    match: Match | null;
    recipients: string[];
    ownMessage: boolean;
    /** Why it goes to the inbox when there is no match to try (a captured email that could not be filed). */
    reason?: UnmatchedReason;
  },
): Promise<InboundReceipt> {
  const { match } = context;
  const body = inboundBody(email);
  const receivedAt = new Date();
  const id = newId();
  return prisma.$transaction(async (tx) => {
    let reason: UnmatchedReason | null = match ? null : (context.reason ?? "no_match");
    let candidateSender: string | null = null;
    if (match) {
      // Row lock: the reply and a staff change to the same application are applied one after the other.
      await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${match.applicationId} FOR UPDATE`;
      const application = await tx.application.findUnique({
        where: { id: match.applicationId },
        select: { candidate: { select: { id: true, erasedAt: true, emailKey: true } } },
      });
      if (!application) reason = "application_gone";
      else if (application.candidate.erasedAt) reason = "candidate_erased";
      else if (match.matchedBy === "thread" && !sentBy(email, application.candidate.emailKey)) {
        reason = "sender_not_candidate";
      } else if (context.ownMessage) reason = "own_message";
      else if (email.automated) reason = "automated";
      else if (!body.usable) reason = "no_text";
      if (application && sentBy(email, application.candidate.emailKey)) candidateSender = application.candidate.id;
    }
    const applicationId = match && !reason ? match.applicationId : null;
    // The candidate's own reply tells where their clock is, while their zone is still the default.
    if (applicationId && candidateSender) {
      await recordTimeZoneGuess(tx, { candidateId: candidateSender, dateHeader: email.dateHeader, applicationId });
    }
    const event = applicationId
      ? await appendEvent(tx, {
          applicationId,
          type: "message_in",
          data: { ...(email.subject ? { subject: email.subject } : {}), body: body.text || EMPTY_BODY },
          // When it reached us: the sender's Date header is their clock and can be anything.
          occurredAt: receivedAt,
        })
      : null;
    const message = await tx.message.create({
      data: {
        id,
        applicationId,
        direction: "inbound",
        audience: "candidate",
        status: applicationId ? "received" : "unmatched",
        fromAddress: senderOf(email),
        toAddress: (match?.address ?? context.recipients.join(", ")).slice(0, 2000),
        replyTo: email.replyTo,
        subject: email.subject,
        bodyText: body.text,
        headerMessageId: context.headerMessageId,
        inReplyTo: email.inReplyTo,
        automated: email.automated,
        receivedAt,
        eventId: event?.id ?? null,
      },
      select: { id: true, status: true, applicationId: true },
    });
    await recordAudit(tx, {
      actorId: null,
      action: applicationId ? "message.received" : "message.unmatched",
      entityType: "Message",
      entityId: id,
      data: {
        applicationId,
        ...(match ? { matchedBy: match.matchedBy, matchedApplicationId: match.applicationId } : {}),
        ...(reason ? { reason } : {}),
        sentAt: email.sentAt?.toISOString() ?? null,
        attachments: email.attachments.length,
      },
    });
    return receiptOf(message, false);
  });
}

const inboxMessageSelect = {
  id: true,
  fromAddress: true,
  toAddress: true,
  replyTo: true,
  subject: true,
  bodyText: true,
  automated: true,
  receivedAt: true,
  createdAt: true,
} satisfies Prisma.MessageSelect;

export type InboxMessage = Prisma.MessageGetPayload<{ select: typeof inboxMessageSelect }> & {
  /** Applications of the candidate whose email address sent it: the likely places to file it. */
  candidateApplications: { id: string; candidateName: string; jobTitle: string; status: string }[];
};

function senderAddress(fromAddress: string): string {
  const match = /<([^>]+)>\s*$/.exec(fromAddress);
  return (match ? match[1]! : fromAddress).trim().toLowerCase();
}

/** The addresses an inbox email was sent to, bare and lower-cased. */
function recipientAddresses(toAddress: string): string[] {
  return toAddress
    .split(",")
    .map((recipient) => senderAddress(recipient))
    .filter(Boolean);
}

/** The unmatched inbound emails, newest first, with the applications of the candidate who sent it — or, for a staff
 * member's own email (sent to the capture address), of the first candidate it was sent to. */
export async function listInbox(limit = 100): Promise<{ messages: InboxMessage[]; total: number }> {
  const where = { direction: "inbound", status: "unmatched" } satisfies Prisma.MessageWhereInput;
  const [total, messages] = await Promise.all([
    prisma.message.count({ where }),
    prisma.message.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: inboxMessageSelect,
    }),
  ]);
  const senders = [
    ...new Set(
      messages
        .flatMap((message) => [senderAddress(message.fromAddress), ...recipientAddresses(message.toAddress)])
        .filter(Boolean),
    ),
  ];
  const candidates = senders.length
    ? await prisma.candidate.findMany({
        where: { emailKey: { in: senders }, erasedAt: null },
        select: {
          emailKey: true,
          name: true,
          applications: {
            orderBy: { appliedAt: "desc" },
            take: 10,
            select: { id: true, status: true, job: { select: { title: true } } },
          },
        },
      })
    : [];
  const bySender = new Map(candidates.map((candidate) => [candidate.emailKey, candidate]));
  return {
    total,
    messages: messages.map((message) => {
      const candidate =
        bySender.get(senderAddress(message.fromAddress)) ??
        recipientAddresses(message.toAddress)
          .map((address) => bySender.get(address))
          .find(Boolean);
      return {
        ...message,
        candidateApplications:
          candidate?.applications.map((application) => ({
            id: application.id,
            candidateName: candidate.name,
            jobTitle: application.job.title,
            status: application.status,
          })) ?? [],
      };
    }),
  };
}

async function lockUnmatched(tx: Prisma.TransactionClient, messageId: string) {
  // Row lock: two people filing (or discarding) the same email at once are applied one after the other.
  await tx.$executeRaw`SELECT 1 FROM "Message" WHERE id = ${messageId} FOR UPDATE`;
  const message = await tx.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      direction: true,
      status: true,
      fromAddress: true,
      subject: true,
      bodyText: true,
      receivedAt: true,
      createdAt: true,
    },
  });
  if (!message || message.direction !== "inbound") throw new NotFoundError("The email");
  if (message.status !== "unmatched") {
    throw new ConflictError(`This email was already ${message.status === "received" ? "filed" : "discarded"}.`);
  }
  return message;
}

/** The active staff member an inbox email comes from (a staff member's own email to the capture address), if any. */
async function staffAuthor(tx: Prisma.TransactionClient, fromAddress: string) {
  const address = senderAddress(fromAddress);
  if (!address) return null;
  return tx.user.findFirst({ where: { email: address, active: true }, select: { id: true } });
}

/** Staff file an inbox email on an application: a candidate's email becomes a message_in as of when it reached us; a
 * staff member's own (captured but not filed by itself) becomes what it is, a message_out they sent. */
export async function fileInboundMessage(messageId: string, applicationId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const message = await lockUnmatched(tx, messageId);
    const author = await staffAuthor(tx, message.fromAddress);
    await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
    const application = await tx.application.findFirst({
      where: { id: applicationId, ...applicationScope(actor) },
      select: { id: true, candidate: { select: { name: true, erasedAt: true } } },
    });
    if (!application) throw new NotFoundError("The application");
    if (application.candidate.erasedAt) {
      throw new ConflictError("This candidate's data was erased, so emails cannot be filed on the application.");
    }
    const subject = message.subject ? { subject: message.subject } : {};
    const body = message.bodyText || EMPTY_BODY;
    const occurredAt = message.receivedAt ?? message.createdAt;
    const event = author
      ? await appendEvent(tx, {
          applicationId,
          type: "message_out",
          data: { ...subject, body, automated: false, awaitsCandidate: false, messageId },
          occurredAt,
          actorId: author.id,
        })
      : await appendEvent(tx, { applicationId, type: "message_in", data: { ...subject, body }, occurredAt });
    await tx.message.update({
      where: { id: messageId },
      data: author
        ? {
            direction: "outbound",
            status: "sent",
            sentAt: occurredAt,
            createdById: author.id,
            applicationId,
            eventId: event.id,
          }
        : { status: "received", applicationId, eventId: event.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "message.filed",
      entityType: "Message",
      entityId: messageId,
      data: { applicationId, eventId: event.id, ...(author ? { asSentBy: author.id } : {}) },
    });
    return { messageId, applicationId, candidateName: application.candidate.name };
  });
}

/** Staff drop an inbox email (spam, an auto-reply): kept as cancelled, out of the inbox. */
export async function discardInboundMessage(messageId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await lockUnmatched(tx, messageId);
    await tx.message.update({ where: { id: messageId }, data: { status: "cancelled" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "message.discarded",
      entityType: "Message",
      entityId: messageId,
    });
    return { messageId };
  });
}
