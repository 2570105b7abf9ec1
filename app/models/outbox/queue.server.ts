// Putting candidate messages into the transactional outbox. Each is rendered for its application now, linted (errors
// refuse it), given its stable Message-ID and the application's Reply-To address, and written in the caller's
// transaction — so a message exists exactly when the change that causes it commits. app/models/outbox/delivery.server.ts
// sends it when its time comes.
import type { Prisma } from "~/generated/prisma/client";
import { candidateLocale, FALLBACK_LOCALE } from "~/domain/i18n";
import { composeEmail } from "~/domain/templates/email";
import { humaneSendTime } from "~/domain/templates/humane-timing";
import type { TemplateKind, TemplateLocale } from "~/domain/templates/kinds";
import { lintTemplate } from "~/domain/templates/lint";
import type { TemplateSource } from "~/domain/templates/render";
import { bareAddress } from "~/domain/messages/addresses";
import { env } from "~/platform/env.server";
import { ConflictError, InvalidInputError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { messageIdHeader, replyAddress } from "~/platform/mail-addresses.server";
import { statusTokenHashFor } from "~/platform/status-link-tokens.server";
import { LIBRARY_TEMPLATE_NAME, lintErrorIssues } from "../template.server";
import { loadMessageContext, type MessageContext, type Sender } from "./message-context.server";

type Db = Prisma.TransactionClient;

/** now: as soon as possible; humane: bad news, inside the candidate's hours after the minimum delay; at: a set time. */
export type SendTiming = { kind: "now" } | { kind: "humane" } | { kind: "at"; at: Date };

export type CandidateMessageInput = {
  applicationId: string;
  kind: TemplateKind;
  /** Subject and Markdown body with {{tokens}}, filled in for this application here. */
  text: TemplateSource;
  template?: { id: string; version: number } | null;
  automated: boolean;
  awaitsCandidate: boolean;
  timing: SendTiming;
  /** The human the candidate hears from; defaults to the job's recruiter, then its hiring manager. */
  sender?: Sender | null;
  actorId: string | null;
  bulkRejectionId?: string | null;
  now?: Date;
};

export type QueuedMessage = { id: string; scheduledFor: Date; subject: string };

function sendTimeFor(timing: SendTiming, context: MessageContext, now: Date): Date {
  switch (timing.kind) {
    case "now":
      return now;
    case "at":
      return timing.at < now ? now : timing.at;
    case "humane":
      return humaneSendTime({
        now,
        appliedAt: context.appliedAt,
        timeZone: context.candidate.timeZone,
        minimumDelayMinutes: context.minimumDelayMinutes,
      });
  }
}

/** "Priya Raman at Acme" <jobs@acme.example>, in the candidate's language: the named human, sent from the workspace's
 * own address. */
function fromHeader(context: MessageContext): string {
  return `"${context.fromName.replace(/["\\\r\n]/g, "")}" <${bareAddress(env.MAIL_FROM)}>`;
}

/** Applications created before status links were derived (decision 012) hold a random token's hash, which the link
 * in an email could never match: they adopt the derived token the first time they are written to. The old random
 * link was only ever returned to the API caller that created the application. */
async function adoptDerivedStatusToken(db: Db, applicationId: string): Promise<void> {
  const application = await db.application.findUnique({
    where: { id: applicationId },
    select: { statusTokenHash: true, statusTokenRotation: true },
  });
  if (!application) return;
  const derived = statusTokenHashFor(applicationId, application.statusTokenRotation);
  if (application.statusTokenHash !== derived) {
    await db.application.update({ where: { id: applicationId }, data: { statusTokenHash: derived } });
  }
}

export async function queueCandidateMessage(db: Db, input: CandidateMessageInput): Promise<QueuedMessage> {
  const now = input.now ?? new Date();
  const context = await loadMessageContext(db, input.applicationId, { sender: input.sender });
  if (context.candidate.erased) {
    throw new ConflictError("This candidate's personal data was erased, so Hearback cannot write to them.");
  }
  const issues = lintErrorIssues(lintTemplate({ kind: input.kind, locale: context.locale, ...input.text }));
  if (issues.length > 0) throw new InvalidInputError("The message has errors; nothing was queued.", issues);
  // The send time depends on the candidate, and nextUpdateBy on the send time.
  const scheduledFor = sendTimeFor(input.timing, context, now);
  await adoptDerivedStatusToken(db, input.applicationId);
  const values = await context.valuesAt(scheduledFor, { awaitsCandidate: input.awaitsCandidate });
  const email = composeEmail(input.text, values, context.locale);
  const id = newId();
  await db.message.create({
    data: {
      id,
      applicationId: input.applicationId,
      direction: "outbound",
      audience: "candidate",
      status: "queued",
      kind: input.kind,
      templateId: input.template?.id ?? null,
      templateVersion: input.template?.version ?? null,
      fromAddress: fromHeader(context),
      toAddress: `"${context.candidate.name.replace(/["\\\r\n]/g, "")}" <${context.candidate.email}>`,
      replyTo: replyAddress(input.applicationId),
      subject: email.subject,
      bodyText: email.text,
      bodyHtml: email.html,
      headerMessageId: messageIdHeader(id),
      automated: input.automated,
      awaitsCandidate: input.awaitsCandidate,
      scheduledFor,
      nextAttemptAt: scheduledFor,
      bulkRejectionId: input.bulkRejectionId ?? null,
      createdById: input.actorId,
    },
  });
  return { id, scheduledFor, subject: email.subject };
}

/** The template a workspace uses for `kind` in `locale`: the library's ("Standard"), else any, else the library's
 * in the fallback locale. */
export async function templateFor(db: Db, kind: TemplateKind, locale: TemplateLocale) {
  const select = { id: true, version: true, subject: true, body: true } as const;
  for (const where of [
    { kind, locale, name: LIBRARY_TEMPLATE_NAME },
    { kind, locale },
    { kind, locale: FALLBACK_LOCALE, name: LIBRARY_TEMPLATE_NAME },
  ]) {
    const template = await db.template.findFirst({ where, orderBy: { createdAt: "asc" }, select });
    if (template) return template;
  }
  return null;
}

/** Queues the workspace's template of `kind` in the candidate's language; null when no such template exists. */
export async function queueTemplateMessage(
  db: Db,
  input: Omit<CandidateMessageInput, "text" | "template">,
): Promise<QueuedMessage | null> {
  const candidate = await db.application.findUnique({
    where: { id: input.applicationId },
    select: { candidate: { select: { locale: true } } },
  });
  const template = await templateFor(db, input.kind, candidateLocale(candidate?.candidate.locale));
  if (!template) {
    // The library is seeded at start (ensureTemplateLibrary), so this means a database without it.
    console.warn(`No ${input.kind} template exists; application ${input.applicationId} got no email.`);
    return null;
  }
  return queueCandidateMessage(db, {
    ...input,
    text: { subject: template.subject, body: template.body },
    template: { id: template.id, version: template.version },
  });
}

export type StaffEmailInput = {
  to: { name: string; email: string };
  subject: string;
  text: string;
  /** The application it is about, for the outbox's links; the message never shows in the candidate's history. */
  applicationId?: string | null;
  now?: Date;
};

/** Queues an email to a member of staff (notifications), in the caller's transaction. */
export async function queueStaffEmail(db: Db, input: StaffEmailInput): Promise<string> {
  const id = newId();
  const now = input.now ?? new Date();
  await db.message.create({
    data: {
      id,
      applicationId: input.applicationId ?? null,
      direction: "outbound",
      audience: "staff",
      status: "queued",
      fromAddress: env.MAIL_FROM,
      toAddress: `"${input.to.name.replace(/["\\\r\n]/g, "")}" <${input.to.email}>`,
      subject: input.subject,
      bodyText: input.text,
      headerMessageId: messageIdHeader(id),
      automated: true,
      scheduledFor: now,
      nextAttemptAt: now,
    },
  });
  return id;
}
