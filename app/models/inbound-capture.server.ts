// Captured email: a message a staff member wrote from their own mailbox (Gmail, Outlook) with the workspace's capture
// address in Bcc. It is filed as sent — a message_out by that person, as of the message's Date — on every active
// application of each candidate it was written to that the sender may see (for a candidate with none, on those
// rejected or withdrawn whose outcome they were not yet told: the email is telling them), through the same write path as a message
// recorded by hand, so the SLA clocks follow as for an email sent from Hearback. Each copy is kept as a sent Message
// on its application (never queued, so never sent again). Whatever cannot be filed goes back to the caller for the
// staff inbox.
import type { InboundEmail } from "~/domain/inbound/parse";
import type { InboundReceipt } from "~/domain/inbound/receipt";
import { inboundBody } from "~/domain/inbound/reply";
import { candidateAddressesOf, capturedCopyMessageId, capturedSentAt, recipientLabel } from "~/domain/inbound/capture";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { loadManyForChange, recordMessagesOn } from "./application.server";
import { recordAudit } from "./audit.server";
import { applicationScope } from "./scope.server";

/** Why a captured email waits in the inbox instead. */
export type CaptureRefusal = "automated" | "sender_not_staff" | "no_candidate_recipient" | "no_active_application";

export type CaptureOutcome = { filed: true; receipt: InboundReceipt } | { filed: false; reason: CaptureRefusal };

/** One email to many candidates is filed on at most this many applications (a mailing, not a message). */
const MAX_CAPTURE_APPLICATIONS = 500;
const EMPTY_BODY = "(This email had no text.)";
const CAPTURED_ACTION = "message.captured";

function senderOf(email: InboundEmail): string {
  if (!email.from) return "";
  return email.from.name ? `${email.from.name} <${email.from.address}>` : email.from.address;
}

async function staffSender(email: InboundEmail) {
  if (!email.from) return null;
  // Staff addresses are stored lower-cased, as the parser reads them.
  return prisma.user.findFirst({
    where: { email: email.from.address.toLowerCase(), active: true },
    select: { id: true, role: true },
  });
}

/** Files a captured email (its Message-ID is new: the caller checked). */
export async function fileCapturedEmail(
  email: InboundEmail,
  context: { headerMessageId: string; receivedAt: Date },
): Promise<CaptureOutcome> {
  if (email.automated) return { filed: false, reason: "automated" };
  const staff = await staffSender(email);
  if (!staff || !email.from) return { filed: false, reason: "sender_not_staff" };
  const addresses = candidateAddressesOf(email.sentTo, email.from.address);
  const candidates = addresses.length
    ? await prisma.candidate.findMany({
        where: { emailKey: { in: addresses }, erasedAt: null },
        select: { id: true, emailKey: true },
      })
    : [];
  if (candidates.length === 0) return { filed: false, reason: "no_candidate_recipient" };
  const labels = new Map(email.sentTo.map((recipient) => [recipient.address.toLowerCase(), recipientLabel(recipient)]));
  const addressOf = new Map(candidates.map((candidate) => [candidate.id, labels.get(candidate.emailKey)!]));
  const sentAt = capturedSentAt(email.sentAt, context.receivedAt);
  const body = inboundBody(email).text || EMPTY_BODY;
  const receipt = await prisma.$transaction(async (tx) => {
    const found = await tx.application.findMany({
      where: {
        candidateId: { in: [...addressOf.keys()] },
        OR: [{ status: "active" }, { status: { in: ["rejected", "withdrawn"] }, outcomeToldAt: null }],
        ...applicationScope(staff),
      },
      select: { id: true, candidateId: true, status: true },
      orderBy: { id: "asc" },
      take: MAX_CAPTURE_APPLICATIONS,
    });
    // A candidate's active applications; one with none may be being told the outcome of those closed untold.
    const withActive = new Set(found.filter((one) => one.status === "active").map((one) => one.candidateId));
    const untold = new Set(found.filter((one) => !withActive.has(one.candidateId)).map((one) => one.id));
    if (found.length === 0) return null;
    const locked = await loadManyForChange(
      tx,
      found.map((application) => application.id),
      staff,
    );
    // Read again under the locks: one decided meanwhile is no longer waiting, a message sent before someone applied was
    // not about that application, and one sent before a decision did not tell it.
    const applications = [...locked.values()].filter((application) =>
      untold.has(application.id)
        ? application.status !== "active" && application.closedAt !== null && application.closedAt <= sentAt
        : application.status === "active" && application.appliedAt <= sentAt,
    );
    if (applications.length === 0) return null;
    const copies = applications.map((application, index) => ({
      application,
      messageId: newId(),
      headerMessageId:
        index === 0 ? context.headerMessageId : capturedCopyMessageId(context.headerMessageId, application.id),
    }));
    const events = await recordMessagesOn(
      tx,
      locked,
      copies.map(({ application, messageId }) => ({
        applicationId: application.id,
        direction: "outbound" as const,
        subject: email.subject || undefined,
        body,
        automated: false,
        awaitsCandidate: false,
        occurredAt: sentAt,
        messageId,
      })),
      staff,
      { via: "bcc_capture" },
    );
    await tx.message.createMany({
      data: copies.map(({ application, messageId, headerMessageId }, index) => ({
        id: messageId,
        applicationId: application.id,
        direction: "outbound" as const,
        audience: "candidate" as const,
        // Sent already, by the staff member's own mail server: the outbox claims only queued messages.
        status: "sent" as const,
        fromAddress: senderOf(email),
        toAddress: addressOf.get(application.candidateId)!.slice(0, 2000),
        replyTo: email.replyTo,
        subject: email.subject,
        bodyText: body,
        headerMessageId,
        inReplyTo: email.inReplyTo,
        automated: false,
        sentAt,
        eventId: events[index]!.id,
        createdById: staff.id,
      })),
    });
    const applicationIds = copies.map(({ application }) => application.id);
    await recordAudit(tx, {
      actorId: staff.id,
      action: CAPTURED_ACTION,
      entityType: "Message",
      entityId: copies[0]!.messageId,
      data: {
        applicationIds,
        messageIds: copies.map(({ messageId }) => messageId),
        sentAt: sentAt.toISOString(),
        dateHeader: email.sentAt?.toISOString() ?? null,
        attachments: email.attachments.length,
      },
    });
    return {
      id: copies[0]!.messageId,
      status: "captured",
      applicationId: applicationIds[0]!,
      applicationIds,
      duplicate: false,
    } satisfies InboundReceipt;
  });
  return receipt ? { filed: true, receipt } : { filed: false, reason: "no_active_application" };
}

/** The answer for a captured email delivered again: what its first delivery filed, and nothing new. */
export async function capturedAgainReceipt(message: { id: string; applicationId: string | null }) {
  const entry = await prisma.auditLog.findFirst({
    where: { entityType: "Message", entityId: message.id, action: CAPTURED_ACTION },
    select: { data: true },
  });
  const listed = (entry?.data as { applicationIds?: unknown } | null)?.applicationIds;
  const applicationIds = Array.isArray(listed)
    ? listed.filter((id): id is string => typeof id === "string")
    : message.applicationId
      ? [message.applicationId]
      : [];
  return {
    id: message.id,
    status: "captured",
    applicationId: message.applicationId,
    applicationIds,
    duplicate: true,
  } satisfies InboundReceipt;
}
