// Staff writing to a candidate: the composer's preview and check with the application's real data, sending (now, at
// a humane time or at a set time) through the outbox, and looking after queued and failed messages.
import type { Prisma } from "~/generated/prisma/client";
import { composeEmail, type EmailParts } from "~/domain/templates/email";
import { humaneSendTime } from "~/domain/templates/humane-timing";
import type { TemplateKind } from "~/domain/templates/kinds";
import { lintMessage, type LintResult } from "~/domain/templates/lint";
import { templateProblems, type TemplateSource } from "~/domain/templates/render";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { loadForChange } from "../application.server";
import { applicationScope, type Actor } from "../scope.server";
import { loadMessageContext, type Sender } from "./message-context.server";
import { queueCandidateMessage, type QueuedMessage, type SendTiming } from "./queue.server";

type Db = Prisma.TransactionClient;

export type ComposeInput = TemplateSource & {
  templateId?: string | null;
  awaitsCandidate: boolean;
  timing: SendTiming;
};

async function senderOf(db: Db, actor: Actor): Promise<Sender | null> {
  if (!actor.id) return null;
  return db.user.findUnique({ where: { id: actor.id }, select: { name: true, email: true } });
}

async function templateRef(db: Db, templateId: string | null | undefined) {
  if (!templateId) return null;
  const template = await db.template.findUnique({
    where: { id: templateId },
    select: { id: true, kind: true, version: true },
  });
  if (!template) {
    throw new InvalidInputError("That template no longer exists.", [
      { path: "templateId", message: "Choose another template." },
    ]);
  }
  return template;
}

export type ComposePreview = { lint: LintResult; email: EmailParts | null };

/** The check and preview of a draft as this candidate would get it, sent by `actor` now: a merge field with nothing
 * to fill it for this candidate is an error, as it is when sending. */
export async function previewCandidateMessage(
  applicationId: string,
  draft: TemplateSource & { templateId?: string | null },
  actor: Actor,
): Promise<ComposePreview> {
  const application = await prisma.application.findFirst({
    where: { id: applicationId, ...applicationScope(actor) },
    select: { id: true },
  });
  if (!application) throw new NotFoundError("The application");
  const template = await templateRef(prisma, draft.templateId);
  const context = await loadMessageContext(prisma, applicationId, { sender: await senderOf(prisma, actor) });
  const kind: TemplateKind = template?.kind ?? "custom";
  const values = await context.valuesAt(new Date());
  const lint = lintMessage({ kind, locale: context.locale, subject: draft.subject, body: draft.body }, values);
  const renderable = templateProblems(draft).every((problem) => problem.kind !== "syntax");
  return { lint, email: renderable ? composeEmail(draft, values, context.locale) : null };
}

/** Queues a message from `actor` (the named sender) to the candidate. Lint errors refuse it; nothing is written. */
export async function sendCandidateMessage(
  applicationId: string,
  input: ComposeInput,
  actor: Actor,
): Promise<QueuedMessage> {
  const queued = await prisma.$transaction(async (tx) => {
    await loadForChange(tx, applicationId, actor);
    const template = await templateRef(tx, input.templateId);
    return queueCandidateMessage(tx, {
      applicationId,
      kind: template?.kind ?? "custom",
      text: { subject: input.subject, body: input.body },
      template: template ? { id: template.id, version: template.version } : null,
      automated: false,
      awaitsCandidate: input.awaitsCandidate,
      timing: input.timing,
      sender: await senderOf(tx, actor),
      actorId: actor.id,
    });
  });
  if (queued.scheduledFor.getTime() <= Date.now()) wakeOutboxWorker();
  return queued;
}

const messageListSelect = {
  id: true,
  direction: true,
  status: true,
  kind: true,
  subject: true,
  toAddress: true,
  fromAddress: true,
  scheduledFor: true,
  sentAt: true,
  receivedAt: true,
  attempts: true,
  lastError: true,
  templateVersion: true,
  automated: true,
  createdAt: true,
  template: { select: { id: true, name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.MessageSelect;

export type MessageListItem = Prisma.MessageGetPayload<{ select: typeof messageListSelect }>;

/** The candidate's emails on an application, newest first (staff notifications about it are not among them). */
export async function listApplicationMessages(applicationId: string): Promise<MessageListItem[]> {
  return prisma.message.findMany({
    where: { applicationId, audience: "candidate" },
    orderBy: { createdAt: "desc" },
    select: messageListSelect,
    take: 100,
  });
}

async function outboundMessageFor(db: Db, messageId: string, actor: Actor) {
  const message = await db.message.findFirst({
    where: {
      id: messageId,
      direction: "outbound",
      audience: "candidate",
      application: applicationScope(actor),
    },
    select: { id: true, status: true, applicationId: true },
  });
  if (!message) throw new NotFoundError("The message");
  return message;
}

/** Stops a message that has not gone out yet. */
export async function cancelMessage(messageId: string, actor: Actor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const message = await outboundMessageFor(tx, messageId, actor);
    const { count } = await tx.message.updateMany({
      where: { id: message.id, status: { in: ["queued", "failed"] } },
      data: { status: "cancelled", nextAttemptAt: null },
    });
    if (count === 0) throw new ConflictError(`This message is ${message.status} and can no longer be cancelled.`);
  });
}

/** Sends a failed message again, now, with a fresh set of attempts. */
export async function retryMessage(messageId: string, actor: Actor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const message = await outboundMessageFor(tx, messageId, actor);
    const { count } = await tx.message.updateMany({
      where: { id: message.id, status: "failed" },
      data: { status: "queued", nextAttemptAt: new Date(), attempts: 0 },
    });
    if (count === 0) throw new ConflictError(`Only a failed message can be sent again; this one is ${message.status}.`);
  });
  wakeOutboxWorker();
}

/** Applications to preview a template with: the newest active ones whose candidate reads this language. */
export async function applicationsForPreview(locale: string, limit = 20) {
  const rows = await prisma.application.findMany({
    where: { status: "active", candidate: { locale, erasedAt: null } },
    orderBy: { appliedAt: "desc" },
    take: limit,
    select: { id: true, candidate: { select: { name: true } }, job: { select: { title: true } } },
  });
  return rows.map((row) => ({ id: row.id, label: `${row.candidate.name} · ${row.job.title}` }));
}

/** The merge-field values of a real application (as if sent now), or null when it does not exist. */
export async function previewValuesOf(applicationId: string) {
  const exists = await prisma.application.findUnique({ where: { id: applicationId }, select: { id: true } });
  if (!exists) return null;
  return (await loadMessageContext(prisma, applicationId)).valuesAt(new Date());
}

/** When bad news to this candidate would go out if queued now (humane timing), and their time zone. */
export async function humaneTimeFor(applicationId: string, now = new Date()) {
  const context = await loadMessageContext(prisma, applicationId);
  const at = humaneSendTime({
    now,
    appliedAt: context.appliedAt,
    timeZone: context.candidate.timeZone,
    minimumDelayMinutes: context.minimumDelayMinutes,
  });
  return { at, timeZone: context.candidate.timeZone, locale: context.locale };
}
