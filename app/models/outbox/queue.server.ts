// Putting candidate messages into the transactional outbox. Each is rendered for its application now, linted (errors
// refuse it), given its stable Message-ID and the application's Reply-To address, and written in the caller's
// transaction — so a message exists exactly when the change that causes it commits. Many messages cost what one does:
// one statement reads their contexts, one writes them. app/models/outbox/delivery.server.ts
// sends it when its time comes.
import type { Prisma } from "~/generated/prisma/client";
import { FALLBACK_LOCALE } from "~/domain/i18n";
import { composeEmail } from "~/domain/templates/email";
import { humaneSendTime } from "~/domain/templates/humane-timing";
import { TEMPLATE_KIND_LABELS, type TemplateKind, type TemplateLocale } from "~/domain/templates/kinds";
import { emptyFieldFindings, lintTemplate } from "~/domain/templates/lint";
import type { TemplateSource } from "~/domain/templates/render";
import { bareAddress } from "~/domain/messages/addresses";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/log.server";
import { ConflictError, InvalidInputError, NotFoundError, type FieldIssue } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { messageIdHeader, replyAddress } from "~/platform/mail-addresses.server";
import { statusTokenHashFor } from "~/platform/status-link-tokens.server";
import { recordAudits } from "../audit.server";
import { LIBRARY_TEMPLATE_NAME, lintErrorIssues } from "../template.server";
import { loadMessageContexts, type MessageContext, type Sender } from "./message-context.server";

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
  /** The interview the message is about: its merge fields describe it (else the next scheduled interview). */
  interviewId?: string | null;
  /** An invitation's calendar part (iMIP), sent as text/calendar beside the text and HTML. */
  calendar?: CalendarPart | null;
  now?: Date;
};

export type CalendarPart = { method: "REQUEST" | "CANCEL"; ics: string };

/** What happens to a message whose merge fields would be empty for its candidate: refused (the caller's transaction
 * fails with the reason, for a person who can fix it), or skipped (automatic messages: the change goes ahead without
 * the email, and the job's recruiter is told). */
export type IfFieldEmpty = "refuse" | "skip";

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
async function adoptDerivedStatusTokens(db: Db, contexts: MessageContext[]): Promise<void> {
  const adopting = contexts.flatMap((context) => {
    const derived = statusTokenHashFor(context.applicationId, context.statusToken.rotation);
    return context.statusToken.hash === derived ? [] : [{ id: context.applicationId, hash: derived }];
  });
  if (adopting.length === 0) return;
  await db.$executeRaw`
    UPDATE "Application" AS a SET "statusTokenHash" = t.hash
      FROM jsonb_to_recordset(${JSON.stringify(adopting)}::jsonb) AS t(id text, hash text)
     WHERE a.id = t.id`;
}

/** The lint's errors for a text, remembered: the lint is pure and costs some 5 ms, and a batch of rejections (or a day
 * of acknowledgements) queues the same template text again and again. */
const lintErrorsByText = new Map<string, FieldIssue[]>();
const LINT_MEMORY = 200;

function lintErrorsOf(text: { kind: TemplateKind; locale: TemplateLocale; subject: string; body: string }) {
  const key = JSON.stringify([text.kind, text.locale, text.subject, text.body]);
  let issues = lintErrorsByText.get(key);
  if (!issues) {
    issues = lintErrorIssues(lintTemplate(text));
    if (lintErrorsByText.size >= LINT_MEMORY) lintErrorsByText.clear();
    lintErrorsByText.set(key, issues);
  }
  return issues;
}

type PreparedMessage =
  | { queued: QueuedMessage; row: Prisma.MessageCreateManyInput }
  | { skipped: { applicationId: string; kind: TemplateKind; actorId: string | null; problems: string[] } };

/** Checks, renders and lints one message; nothing is written. */
async function prepareMessage(
  input: CandidateMessageInput,
  context: MessageContext,
  now: Date,
  ifFieldEmpty: IfFieldEmpty,
): Promise<PreparedMessage> {
  if (context.candidate.erased) {
    throw new ConflictError("This candidate's personal data was erased, so Hearback cannot write to them.");
  }
  const issues = lintErrorsOf({ kind: input.kind, locale: context.locale, ...input.text });
  if (issues.length > 0) throw new InvalidInputError("The message has errors; nothing was queued.", issues);
  // The send time depends on the candidate, and nextUpdateBy on the send time.
  const scheduledFor = sendTimeFor(input.timing, context, now);
  const values = await context.valuesAt(scheduledFor, {
    awaitsCandidate: input.awaitsCandidate,
    interviewId: input.interviewId,
  });
  const empty = emptyFieldFindings(input.text, values);
  if (empty.length > 0 && ifFieldEmpty === "skip") {
    const problems = empty.map((finding) => finding.message);
    return { skipped: { applicationId: input.applicationId, kind: input.kind, actorId: input.actorId, problems } };
  }
  if (empty.length > 0) {
    throw new InvalidInputError(
      "The message has merge fields with nothing to fill them for this candidate; nothing was queued.",
      lintErrorIssues({ score: 0, readingGrade: null, findings: empty }),
    );
  }
  const email = composeEmail(input.text, values, context.locale);
  const id = newId();
  return {
    queued: { id, scheduledFor, subject: email.subject },
    row: {
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
      interviewId: input.interviewId ?? null,
      calendarMethod: input.calendar?.method ?? null,
      calendarIcs: input.calendar?.ics ?? null,
      createdById: input.actorId,
    },
  };
}

type Skipped = Extract<PreparedMessage, { skipped: unknown }>["skipped"];

/** An automatic message left unsent because a merge field would be empty: the job's recruiter (else its hiring
 * manager, else whoever caused it) gets a notification saying so, and the audit log records it. */
async function reportSkipped(db: Db, skipped: Skipped[], now: Date): Promise<void> {
  if (skipped.length === 0) return;
  const applications = await db.application.findMany({
    where: { id: { in: skipped.map((entry) => entry.applicationId) } },
    select: {
      id: true,
      candidate: { select: { name: true } },
      job: { select: { recruiterId: true, hiringManagerId: true } },
    },
  });
  const byId = new Map(applications.map((application) => [application.id, application]));
  const notices = skipped.flatMap((entry) => {
    const application = byId.get(entry.applicationId);
    const userId = application?.job.recruiterId ?? application?.job.hiringManagerId ?? entry.actorId;
    if (!application || !userId) return [];
    const label = TEMPLATE_KIND_LABELS[entry.kind];
    return [
      {
        userId,
        kind: "message_failed" as const,
        applicationId: entry.applicationId,
        title: `Email not sent: ${application.candidate.name}`,
        body: `The automatic “${label}” email to ${application.candidate.name} was not sent, so that it would not go out with a blank: ${entry.problems.join(" ")} Write to them from the application page when you can.`,
        createdAt: now,
      },
    ];
  });
  if (notices.length > 0) await db.notification.createMany({ data: notices });
  await recordAudits(
    db,
    skipped.map((entry) => ({
      actorId: entry.actorId,
      action: "message.skipped",
      entityType: "Application",
      entityId: entry.applicationId,
      data: { kind: entry.kind, reason: "empty_merge_field", problems: entry.problems },
    })),
  );
}

async function queueWithContexts(
  db: Db,
  inputs: CandidateMessageInput[],
  contexts: Map<string, MessageContext>,
  ifFieldEmpty: IfFieldEmpty,
): Promise<(QueuedMessage | null)[]> {
  if (inputs.length === 0) return [];
  // Every message is checked and rendered before anything is written: one refused refuses the batch.
  const messages: PreparedMessage[] = [];
  for (const input of inputs) {
    const context = contexts.get(input.applicationId);
    if (!context) throw new NotFoundError("The application");
    messages.push(await prepareMessage(input, context, input.now ?? new Date(), ifFieldEmpty));
  }
  const written = messages.filter((message) => "row" in message);
  const writtenTo = new Set(written.map((message) => message.row.applicationId!));
  await adoptDerivedStatusTokens(
    db,
    [...writtenTo].map((applicationId) => contexts.get(applicationId)!),
  );
  if (written.length > 0) await db.message.createMany({ data: written.map((message) => message.row) });
  await reportSkipped(
    db,
    messages.flatMap((message) => ("skipped" in message ? [message.skipped] : [])),
    inputs[0]!.now ?? new Date(),
  );
  return messages.map((message) => ("queued" in message ? message.queued : null));
}

/** Renders, lints and queues messages to candidates in the caller's transaction: one statement reads every
 * application's context, one writes the messages. All or nothing: one that cannot be sent (lint errors, a merge field
 * with nothing to fill it) refuses the batch. */
export async function queueCandidateMessages(db: Db, inputs: CandidateMessageInput[]): Promise<QueuedMessage[]> {
  if (inputs.length === 0) return [];
  const queued = await queueWithContexts(db, inputs, await loadMessageContexts(db, inputs), "refuse");
  return queued.map((message) => message!);
}

/** Queues one message to a candidate (see queueCandidateMessages). */
export async function queueCandidateMessage(db: Db, input: CandidateMessageInput): Promise<QueuedMessage> {
  const [queued] = await queueCandidateMessages(db, [input]);
  return queued!;
}

type TemplateText = { id: string; version: number; subject: string; body: string };
type TemplateRow = TemplateText & { kind: string; locale: string; name: string };

/** The template a workspace uses for `kind` in `locale` among `templates` (oldest first): the library's
 * ("Standard"), else any, else the library's in the fallback locale. */
function pickTemplate(templates: TemplateRow[], kind: TemplateKind, locale: TemplateLocale): TemplateText | null {
  const ofKind = templates.filter((template) => template.kind === kind);
  const found =
    ofKind.find((template) => template.locale === locale && template.name === LIBRARY_TEMPLATE_NAME) ??
    ofKind.find((template) => template.locale === locale) ??
    ofKind.find((template) => template.locale === FALLBACK_LOCALE && template.name === LIBRARY_TEMPLATE_NAME);
  return found ? { id: found.id, version: found.version, subject: found.subject, body: found.body } : null;
}

async function templatesOf(db: Db, kinds: TemplateKind[]): Promise<TemplateRow[]> {
  return db.template.findMany({
    where: { kind: { in: [...new Set(kinds)] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, version: true, subject: true, body: true, kind: true, locale: true, name: true },
  });
}

/** The template a workspace uses for `kind` in `locale` (see pickTemplate); null when there is none. */
export async function templateFor(db: Db, kind: TemplateKind, locale: TemplateLocale): Promise<TemplateText | null> {
  return pickTemplate(await templatesOf(db, [kind]), kind, locale);
}

export type TemplateMessageInput = Omit<CandidateMessageInput, "text" | "template">;

/** Queues the workspace's template of each input's kind in its candidate's language; null for an input whose kind has
 * no template (the library is seeded at start, so this means a database without it), or, when `ifFieldEmpty` is
 * "skip", whose merge fields would be empty (reported to the recruiter). */
export async function queueTemplateMessages(
  db: Db,
  inputs: TemplateMessageInput[],
  options: { ifFieldEmpty?: IfFieldEmpty } = {},
): Promise<(QueuedMessage | null)[]> {
  if (inputs.length === 0) return [];
  const templates = await templatesOf(
    db,
    inputs.map((input) => input.kind),
  );
  const contexts = await loadMessageContexts(db, inputs);
  const withText = inputs.map((input) => {
    const locale = contexts.get(input.applicationId)?.locale ?? FALLBACK_LOCALE;
    const template = pickTemplate(templates, input.kind, locale);
    if (!template) {
      logger.warn(
        { applicationId: input.applicationId },
        `No ${input.kind} template exists; the application got no email`,
      );
    }
    return template
      ? {
          ...input,
          text: { subject: template.subject, body: template.body },
          template: { id: template.id, version: template.version },
        }
      : null;
  });
  const queued = await queueWithContexts(
    db,
    withText.filter((input) => input !== null),
    contexts,
    options.ifFieldEmpty ?? "refuse",
  );
  let next = 0;
  return withText.map((input) => (input ? (queued[next++] ?? null) : null));
}

/** Queues the workspace's template of `kind` in the candidate's language; null when no such template exists (or it
 * was skipped, see queueTemplateMessages). */
export async function queueTemplateMessage(
  db: Db,
  input: TemplateMessageInput,
  options: { ifFieldEmpty?: IfFieldEmpty } = {},
): Promise<QueuedMessage | null> {
  const [queued] = await queueTemplateMessages(db, [input], options);
  return queued ?? null;
}

export type StaffEmailInput = {
  to: { name: string; email: string };
  subject: string;
  text: string;
  /** The application it is about, for the outbox's links; the message never shows in the candidate's history. */
  applicationId?: string | null;
  /** The interview it is about, and its calendar part for the interviewer's calendar. */
  interviewId?: string | null;
  calendar?: CalendarPart | null;
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
      interviewId: input.interviewId ?? null,
      calendarMethod: input.calendar?.method ?? null,
      calendarIcs: input.calendar?.ics ?? null,
      automated: true,
      scheduledFor: now,
      nextAttemptAt: now,
    },
  });
  return id;
}
