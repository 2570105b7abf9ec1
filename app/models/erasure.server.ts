// Erasing a candidate (GDPR Art. 17): one transaction removes the person from everything Hearback stores — their
// record, the text of their touchpoints, the files they sent, their emails, the notices staff got about them, their
// survey comment and the audit trail — while the facts the SLA clocks and metrics are computed from stay, so no figure
// changes.
import fs from "node:fs";
import path from "node:path";
import { Prisma } from "~/generated/prisma/client";
import {
  anonymisedAuditData,
  anonymisedEventData,
  DATA_REQUEST_PERMISSION,
  ERASED_NAME,
  ERASED_SUBJECT,
  ERASED_TEXT,
  erasedEmailFor,
} from "~/domain/data-requests";
import { can } from "~/domain/permissions";
import { prisma } from "~/platform/db.server";
import { ConflictError, ForbiddenError, NotFoundError } from "~/platform/errors.server";
import { localOutboxDir, sentMail } from "~/platform/mail.server";
import { lockApplications } from "./application-locks.server";
import { recordAudit } from "./audit.server";
import type { Actor, ChangeActor } from "./scope.server";
import { logger } from "~/platform/log.server";

type Db = Prisma.TransactionClient;

/** What connected ATSs sent about the candidate: their id there, and the bodies of deliveries kept for a retry (which
 * would bring them back). */
async function dropConnectorCopies(db: Db, candidateId: string, email: string) {
  await db.externalRecord.deleteMany({ where: { candidateId } });
  await db.$executeRaw`
    UPDATE "ConnectorDelivery"
       SET status = 'ignored', body = NULL, headers = NULL, error = NULL,
           summary = 'Dropped: the candidate''s data was erased.', "updatedAt" = now()
     WHERE body IS NOT NULL AND strpos(lower(body), ${email}) > 0`;
}

/** Webhook events and chat messages about the candidate (docs/webhooks.md, "Erasure"): those waiting are deleted and
 * never sent; one being sent right now is marked failed (its attempt still lands in the log); those sent keep their
 * line in the delivery log (event, time, answer) but lose their body and whom they were about, and cannot be sent
 * again. */
async function dropWebhookDeliveries(db: Db, candidateId: string) {
  await db.httpDelivery.deleteMany({ where: { candidateId, status: { in: ["queued", "failed"] } } });
  await db.httpDelivery.updateMany({
    where: { candidateId, status: "sending" },
    data: { status: "failed", nextAttemptAt: null, lastError: "Erased with the candidate's data." },
  });
  await db.httpDelivery.updateMany({
    where: { candidateId },
    data: { body: "", candidateId: null, applicationId: null },
  });
}

/** A name shorter than this is too common to look for inside other records' text. */
const MIN_SEARCHED_NAME_LENGTH = 4;

export type ErasureResult = {
  candidateId: string;
  applications: number;
  events: number;
  messages: number;
  auditEntries: number;
  completedRequests: number;
};

/** Rewrites the data of many rows of `table` in one statement (ids and new JSON from a JSON array). */
async function writeJsonData(db: Db, table: "Event" | "AuditLog", rows: { id: string; data: unknown }[]) {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows);
  await db.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} AS t SET data = r.data
      FROM jsonb_to_recordset(${payload}::jsonb) AS r(id text, data jsonb)
     WHERE t.id = r.id`;
}

/** Touchpoints keep their type, time, visibility and the fields the clocks read; their text goes. */
async function anonymiseEvents(db: Db, applicationIds: string[]): Promise<number> {
  const events = await db.event.findMany({
    where: { applicationId: { in: applicationIds } },
    select: { id: true, type: true, data: true },
  });
  const changed = events.flatMap((event) => {
    const data = anonymisedEventData(event.type, event.data);
    return JSON.stringify(data) === JSON.stringify(event.data) ? [] : [{ id: event.id, data }];
  });
  await writeJsonData(db, "Event", changed);
  return events.length;
}

/**
 * Every email on their applications — and unfiled replies from their address in the inbox — keeps its dates and
 * status but loses subject, text and the candidate's address. Emails not yet sent are cancelled (also failed ones,
 * so nobody can send them again); a worker mid-delivery then finds its row cancelled and writes no touchpoint.
 */
async function anonymiseMessages(db: Db, applicationIds: string[], email: string, placeholder: string) {
  const address = `"${ERASED_NAME}" <${placeholder}>`;
  const onTheirApplications =
    applicationIds.length > 0 ? Prisma.sql`m."applicationId" IN (${Prisma.join(applicationIds)})` : Prisma.sql`FALSE`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Message" AS m SET
           subject = ${ERASED_SUBJECT},
           "bodyText" = ${ERASED_TEXT},
           "bodyHtml" = NULL,
           "toAddress" = CASE WHEN m.direction = 'outbound' AND m.audience = 'candidate' THEN ${address}
                              ELSE m."toAddress" END,
           "fromAddress" = CASE WHEN m.direction = 'inbound' THEN ${address} ELSE m."fromAddress" END,
           "replyTo" = CASE WHEN m.direction = 'inbound' THEN NULL ELSE m."replyTo" END,
           "lastError" = CASE WHEN m."lastError" IS NULL THEN NULL ELSE ${ERASED_SUBJECT} END,
           status = CASE WHEN m.status IN ('queued', 'sending', 'failed') THEN 'cancelled'::"MessageStatus"
                         ELSE m.status END,
           "nextAttemptAt" = CASE WHEN m.status IN ('queued', 'sending', 'failed') THEN NULL
                                  ELSE m."nextAttemptAt" END,
           "leaseUntil" = NULL,
           "updatedAt" = CURRENT_TIMESTAMP
     WHERE ${onTheirApplications}
        OR (m."applicationId" IS NULL AND m.direction = 'inbound' AND strpos(lower(m."fromAddress"), ${email}) > 0)
    RETURNING m.id`;
  return rows.map((row) => row.id);
}

/** Staff notices about them ("Overdue: Jane Doe") keep their meaning with the placeholder name. */
async function anonymiseNotifications(
  db: Db,
  applicationIds: string[],
  name: string,
  email: string,
  placeholder: string,
) {
  if (applicationIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "Notification" SET
           title = replace(replace(title, ${name}, ${ERASED_NAME}), ${email}, ${placeholder}),
           body = replace(replace(body, ${name}, ${ERASED_NAME}), ${email}, ${placeholder})
     WHERE "applicationId" IN (${Prisma.join(applicationIds)})`;
}

/** Audit entries about their records — and any other entry whose data names them — keep only ids, counts and codes. */
async function anonymiseAudit(
  db: Db,
  entities: { candidateId: string; applicationIds: string[]; messageIds: string[]; requestIds: string[] },
  name: string,
  email: string,
): Promise<number> {
  const about = (entityType: string, ids: string[]) =>
    ids.length > 0
      ? Prisma.sql`("entityType" = ${entityType} AND "entityId" IN (${Prisma.join(ids)}))`
      : Prisma.sql`FALSE`;
  const namesThem =
    name.length >= MIN_SEARCHED_NAME_LENGTH ? Prisma.sql`strpos(data::text, ${name}) > 0` : Prisma.sql`FALSE`;
  const entries = await db.$queryRaw<{ id: string; data: unknown }[]>`
    SELECT id, data FROM "AuditLog"
     WHERE ${about("Candidate", [entities.candidateId])}
        OR ${about("Application", entities.applicationIds)}
        OR ${about("Message", entities.messageIds)}
        OR ${about("DataRequest", entities.requestIds)}
        OR strpos(lower(data::text), ${email}) > 0
        OR ${namesThem}`;
  const changed = entries.flatMap((entry) => {
    const data = anonymisedAuditData(entry.data);
    return JSON.stringify(data) === JSON.stringify(entry.data) ? [] : [{ id: entry.id, data }];
  });
  await writeJsonData(db, "AuditLog", changed);
  return changed.length;
}

/** The local outbox keeps sent emails as .eml files (and in memory in tests): those go too, after the commit. */
export function removeLocalCopies(messageIds: string[]) {
  const ids = new Set(messageIds);
  for (let index = sentMail.length - 1; index >= 0; index -= 1) {
    if (ids.has(sentMail[index]!.id)) sentMail.splice(index, 1);
  }
  const dir = localOutboxDir();
  if (!dir) return;
  for (const id of ids) {
    try {
      fs.rmSync(path.join(dir, `${id.replace(/[^\w-]/g, "")}.eml`), { force: true });
    } catch (error) {
      logger.error({ err: error, messageId: id }, "Could not remove the local copy of an email");
    }
  }
}

/**
 * Erases a candidate everywhere, in one transaction, and completes their open data requests. SLA clocks are not
 * touched (and rebuilding them from the anonymised log gives the same rows), scores stay for the metrics, and their
 * status links stop working (erased candidates' links are a 404). Refused for anyone but admins.
 */
export async function eraseCandidate(
  candidateId: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<ErasureResult> {
  if (!can(actor.role, DATA_REQUEST_PERMISSION)) throw new ForbiddenError();
  const result = await prisma.$transaction((tx) => eraseInTransaction(tx, candidateId, actor, now), {
    timeout: 60_000,
  });
  const { messageIds, ...summary } = result;
  removeLocalCopies(messageIds);
  return summary;
}

/** eraseCandidate in the caller's transaction, for whoever already decided it must happen (a connected ATS deleted
 * the candidate). The caller removes the local copies of `messageIds` once it has committed. */
export async function eraseInTransaction(
  tx: Prisma.TransactionClient,
  candidateId: string,
  actor: ChangeActor,
  now: Date,
): Promise<ErasureResult & { messageIds: string[] }> {
  await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${candidateId} FOR UPDATE`;
  const candidate = await tx.candidate.findUnique({
    where: { id: candidateId },
    select: {
      id: true,
      name: true,
      email: true,
      erasedAt: true,
      applications: { select: { id: true }, orderBy: { id: "asc" } },
      dataRequests: { select: { id: true } },
    },
  });
  if (!candidate) throw new NotFoundError("The candidate");
  if (candidate.erasedAt) throw new ConflictError("This candidate's data was already erased.");
  const applicationIds = candidate.applications.map((application) => application.id);
  if (applicationIds.length > 0) {
    // The row locks every change to an application takes, in id order like the outbox's, so nothing is written
    // about them while they are erased.
    await lockApplications(tx, applicationIds);
  }
  const email = candidate.email.toLowerCase();
  const placeholder = erasedEmailFor(candidateId);

  const events = applicationIds.length > 0 ? await anonymiseEvents(tx, applicationIds) : 0;
  const messageIds = await anonymiseMessages(tx, applicationIds, email, placeholder);
  await anonymiseNotifications(tx, applicationIds, candidate.name, email, placeholder);
  await dropConnectorCopies(tx, candidateId, email);
  await dropWebhookDeliveries(tx, candidateId);
  await tx.surveyResponse.updateMany({ where: { applicationId: { in: applicationIds } }, data: { comment: null } });
  // The files they sent (their CV) are nothing but their data: they go whole.
  const files = await tx.applicationFile.deleteMany({ where: { applicationId: { in: applicationIds } } });
  await tx.application.updateMany({
    where: { id: { in: applicationIds } },
    data: { outcomeReason: null, source: null },
  });
  const auditEntries = await anonymiseAudit(
    tx,
    {
      candidateId,
      applicationIds,
      messageIds,
      requestIds: candidate.dataRequests.map((request) => request.id),
    },
    candidate.name,
    email,
  );
  // Their own words in earlier requests go; the staff's notes on them stay.
  await tx.dataRequest.updateMany({ where: { candidateId }, data: { reason: null } });
  const completed = await tx.dataRequest.updateMany({
    where: { candidateId, status: "open" },
    data: { status: "completed", closedAt: now, closedById: actor.id },
  });
  await tx.candidate.update({
    where: { id: candidateId },
    data: { name: ERASED_NAME, email: placeholder, emailKey: placeholder, phone: null, erasedAt: now },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "candidate.erased",
    entityType: "Candidate",
    entityId: candidateId,
    data: { applications: applicationIds.length, events, messages: messageIds.length, files: files.count },
  });
  return {
    candidateId,
    applications: applicationIds.length,
    events,
    messages: messageIds.length,
    messageIds,
    auditEntries,
    completedRequests: completed.count,
  };
}
