// Changes a candidate makes from their status link: a question (an inbound message that starts next_response), a
// withdrawal (confirmed by email) and their contact preferences. The candidate is no staff member, so events and audit
// entries have no actor and say { by: "candidate" }; each change takes the application's row lock like staff changes.
import type { Prisma } from "~/generated/prisma/client";
import { QUESTIONS_PER_DAY, type PreferencesForm } from "~/domain/candidate-actions";
import { prisma } from "~/platform/db.server";
import { NotFoundError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { recordAudit } from "./audit.server";
import { cancelInterviewsOnClose } from "./interviews/closing.server";
import { appendEvent } from "./event.server";
import { getMailSettings } from "./outbox/mail-settings.server";
import { queueAutomaticMessage } from "./outbox/automations.server";

const DAY_MS = 24 * 60 * 60_000;
/** Questions from the status page carry Message-IDs of this shape, which is how they are counted. */
const QUESTION_ID_PREFIX = "<question.";

/** Locks the application for a change the candidate makes (there is no staff scope to check). */
export async function lockApplication(tx: Prisma.TransactionClient, applicationId: string) {
  // Row lock: a candidate's change and a staff change to the same application are applied one after the other.
  await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
  const application = await tx.application.findUnique({
    where: { id: applicationId },
    select: { id: true, status: true, candidate: { select: { id: true, email: true } } },
  });
  if (!application) throw new NotFoundError("The application");
  return application;
}

/** What the candidate's action pages show: the company, the job, who answers, and the candidate's settings. */
export async function getCandidateActionPage(applicationId: string) {
  const application = await prisma.application.findUnique({
    where: { id: applicationId },
    select: {
      status: true,
      candidate: { select: { timeZone: true, locale: true, phone: true, preferredChannel: true } },
      job: {
        select: { title: true, recruiter: { select: { name: true } }, hiringManager: { select: { name: true } } },
      },
    },
  });
  if (!application) throw new NotFoundError("The application");
  const { companyName } = await getMailSettings();
  const { job, candidate, status } = application;
  return {
    company: companyName,
    jobTitle: job.title,
    status,
    /** The human who answers: the job's recruiter, else its hiring manager; null when the job names nobody. */
    contactName: job.recruiter?.name ?? job.hiringManager?.name ?? null,
    candidate,
  };
}

/** When the reply the candidate is owed is due: the running next_response clock, if the policy has that promise. */
export async function answerDueAt(applicationId: string): Promise<Date | null> {
  const clock = await prisma.slaClock.findFirst({
    where: { applicationId, metric: "next_response", state: "running" },
    orderBy: { instance: "desc" },
    select: { dueAt: true },
  });
  return clock?.dueAt ?? null;
}

export type AskResult = { ok: true; messageId: string } | { ok: false; reason: "too_many" };

/** Files the candidate's question on their application as an inbound message with its message_in touchpoint. */
export async function askQuestion(
  applicationId: string,
  input: { question: string; subject: string },
  now: Date = new Date(),
): Promise<AskResult> {
  const id = newId();
  return prisma.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    // Counted under the row lock, so parallel posts cannot slip past the limit together.
    const askedToday = await tx.message.count({
      where: {
        applicationId,
        direction: "inbound",
        headerMessageId: { startsWith: QUESTION_ID_PREFIX },
        receivedAt: { gt: new Date(now.getTime() - DAY_MS) },
      },
    });
    if (askedToday >= QUESTIONS_PER_DAY) return { ok: false, reason: "too_many" } as const;
    await fileCandidateMessage(
      tx,
      application,
      { id, subject: input.subject, body: input.question, via: "status_page" },
      now,
    );
    return { ok: true, messageId: id } as const;
  });
}

/** Files what the candidate wrote on their status link as an inbound message on the application, with the message_in
 * touchpoint that starts the reply clock. `id` becomes the Message id. */
export async function fileCandidateMessage(
  tx: Prisma.TransactionClient,
  application: { id: string; candidate: { email: string } },
  message: { id: string; subject: string; body: string; via: string },
  now: Date,
): Promise<void> {
  const event = await appendEvent(tx, {
    applicationId: application.id,
    type: "message_in",
    data: { subject: message.subject, body: message.body },
    occurredAt: now,
    visibility: "candidate",
  });
  await tx.message.create({
    data: {
      id: message.id,
      applicationId: application.id,
      direction: "inbound",
      audience: "candidate",
      status: "received",
      fromAddress: application.candidate.email,
      toAddress: "",
      subject: message.subject,
      bodyText: message.body,
      headerMessageId: `${QUESTION_ID_PREFIX}${message.id}@hearback.invalid>`,
      receivedAt: now,
      eventId: event.id,
    },
  });
  await recordAudit(tx, {
    actorId: null,
    action: "message.received",
    entityType: "Message",
    entityId: message.id,
    data: { applicationId: application.id, by: "candidate", via: message.via },
  });
}

export type WithdrawResult = { ok: true } | { ok: false; reason: "closed"; status: string };

/** The candidate withdraws: the application closes, its clocks stop, and the confirmation email is queued with it. */
export async function withdrawApplication(
  applicationId: string,
  input: { reason?: string },
  now: Date = new Date(),
): Promise<WithdrawResult> {
  const result = await prisma.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    if (application.status !== "active") {
      return { ok: false, reason: "closed", status: application.status, queued: false } as const;
    }
    await tx.application.update({
      where: { id: applicationId },
      data: { status: "withdrawn", closedAt: now, outcomeReason: input.reason ?? null },
    });
    // Staff read the reason on the application page; the candidate wrote it, so it is theirs to see too.
    await appendEvent(tx, {
      applicationId,
      type: "withdrawn",
      data: input.reason ? { reason: input.reason } : {},
      occurredAt: now,
      actorId: null,
    });
    await recordAudit(tx, {
      actorId: null,
      action: "application.withdrawn",
      entityType: "Application",
      entityId: applicationId,
      data: { by: "candidate", reason: input.reason ?? null, notify: true },
    });
    await cancelInterviewsOnClose(tx, [applicationId], { now, actorId: null, outcome: "withdrawn" });
    const message = await queueAutomaticMessage(tx, { applicationId, kind: "withdrawal_ack", actorId: null });
    return { ok: true, queued: message !== null } as const;
  });
  if (!result.ok) return { ok: false, reason: result.reason, status: result.status };
  if (result.queued) wakeOutboxWorker();
  return { ok: true };
}

/** Saves the candidate's time zone, language and contact channel; the audit names the fields, not the phone number. */
export async function saveCandidatePreferences(applicationId: string, input: PreferencesForm): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const candidateId = application.candidate.id;
    const current = await tx.candidate.findUniqueOrThrow({
      where: { id: candidateId },
      select: { timeZone: true, locale: true, preferredChannel: true, phone: true },
    });
    const next = {
      timeZone: input.timeZone,
      locale: input.locale,
      preferredChannel: input.preferredChannel,
      phone: input.phone,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => current[field] !== next[field]);
    if (changed.length === 0) return;
    await tx.candidate.update({ where: { id: candidateId }, data: next });
    await recordAudit(tx, {
      actorId: null,
      action: "candidate.preferences_updated",
      entityType: "Candidate",
      entityId: candidateId,
      data: { by: "candidate", applicationId, changed },
    });
  });
}
