// Bulk rejections as the board shows them: the whole picture for its banner (progress, counts, skipped candidates,
// send times, Undo), a small progress answer for the board's poll, and which job a board is running.
import type { Prisma } from "~/generated/prisma/client";
import { firstLocalSendTime, undoAvailability, type BulkRejectionStatus } from "~/domain/bulk-rejection";
import { prisma } from "~/platform/db.server";
import { jobScope, type Actor } from "../scope.server";
import { idsOf, skippedOf } from "./shared.server";

/** May the actor see the board the bulk rejection was started from? Interviewers never see a board. */
async function maySee(jobId: string | null, actor: Actor): Promise<boolean> {
  if (!jobId || actor.role === "interviewer") return false;
  return (await prisma.job.count({ where: { id: jobId, ...jobScope(actor) } })) > 0;
}

export type BulkRejectionProgress = {
  id: string;
  jobId: string;
  status: BulkRejectionStatus;
  /** Of the phase under way: applications rejected or skipped, then (undoing) reopened or passed over. */
  done: number;
  total: number;
};

function progressOf(row: {
  id: string;
  jobId: string;
  status: BulkRejectionStatus;
  done: number;
  total: number;
  undoRequestedAt: Date | null;
  undoIds: Prisma.JsonValue;
  undoDone: number;
}): BulkRejectionProgress {
  const undoing = row.undoRequestedAt !== null;
  return {
    id: row.id,
    jobId: row.jobId,
    status: row.status,
    done: undoing ? row.undoDone : row.done,
    total: undoing ? idsOf(row.undoIds).length : row.total,
  };
}

/** Where a bulk rejection stands, in one small query: what the board polls while it runs. */
export async function getBulkRejectionProgress(bulkId: string, actor: Actor): Promise<BulkRejectionProgress | null> {
  const row = await prisma.bulkRejection.findUnique({
    where: { id: bulkId },
    select: {
      id: true,
      jobId: true,
      status: true,
      done: true,
      total: true,
      undoRequestedAt: true,
      undoIds: true,
      undoDone: true,
    },
  });
  if (!row?.jobId || !(await maySee(row.jobId, actor))) return null;
  return progressOf({ ...row, jobId: row.jobId });
}

/** How long a board opened without ?bulk= keeps showing a bulk rejection that failed. */
const FAILED_SHOWN_MS = 24 * 60 * 60_000;

/**
 * The bulk rejection a board opened without ?bulk= shows: the newest one of the job the worker has still to finish,
 * else one that failed in the last day (so the recruiter learns of it, and may undo what it did).
 */
export async function runningBulkRejectionId(jobId: string, now: Date = new Date()): Promise<string | null> {
  for (const where of [
    { status: { in: ["queued", "running", "undoing"] as BulkRejectionStatus[] } },
    { status: "failed" as const, finishedAt: { gte: new Date(now.getTime() - FAILED_SHOWN_MS) } },
  ]) {
    const row = await prisma.bulkRejection.findFirst({
      where: { jobId, ...where },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (row) return row.id;
  }
  return null;
}

/** A bulk rejection as the board's banner shows it, or null when it does not exist or the actor cannot see it. */
export async function getBulkRejection(bulkId: string, actor: Actor) {
  const batch = await prisma.bulkRejection.findUnique({
    where: { id: bulkId },
    select: {
      id: true,
      jobId: true,
      status: true,
      reason: true,
      templateKind: true,
      applicationIds: true,
      total: true,
      done: true,
      skipped: true,
      error: true,
      attempts: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      undoRequestedAt: true,
      undoIds: true,
      undoDone: true,
      undoneAt: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  if (!batch?.jobId || !(await maySee(batch.jobId, actor))) return null;
  const applicationIds = idsOf(batch.applicationIds);
  const skippedEntries = skippedOf(batch.skipped);
  const [messages, reopened, skippedNames] = await Promise.all([
    prisma.message.findMany({
      where: { bulkRejectionId: bulkId },
      select: {
        status: true,
        scheduledFor: true,
        application: { select: { candidate: { select: { timeZone: true } } } },
      },
    }),
    batch.undoRequestedAt
      ? prisma.event.count({
          where: {
            applicationId: { in: idsOf(batch.undoIds) },
            type: "reopened",
            data: { path: ["undoes"], equals: bulkId },
          },
        })
      : 0,
    skippedEntries.length > 0
      ? prisma.application.findMany({
          where: { id: { in: skippedEntries.map((entry) => entry.applicationId) } },
          select: { id: true, candidate: { select: { name: true } } },
        })
      : [],
  ]);
  const emails = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
  for (const message of messages) {
    if (message.status in emails) emails[message.status as keyof typeof emails] += 1;
  }
  // Send times of the emails still going out (or gone): cancelled ones never will.
  const sends = messages.flatMap((message) =>
    message.status !== "cancelled" && message.scheduledFor
      ? [{ scheduledFor: message.scheduledFor, timeZone: message.application?.candidate.timeZone ?? "UTC" }]
      : [],
  );
  const times = sends.map((send) => send.scheduledFor.getTime());
  const names = new Map(skippedNames.map((application) => [application.id, application.candidate.name]));
  return {
    id: batch.id,
    jobId: batch.jobId,
    status: batch.status,
    reason: batch.reason,
    templateKind: batch.templateKind,
    createdAt: batch.createdAt,
    startedAt: batch.startedAt,
    finishedAt: batch.finishedAt,
    createdBy: batch.createdBy,
    undoRequestedAt: batch.undoRequestedAt,
    undoneAt: batch.undoneAt,
    /** Selected; `rejected` of them were rejected by it, `skipped` passed over. */
    count: applicationIds.length,
    rejected: batch.done - skippedEntries.length,
    skipped: skippedEntries.map((entry) => ({ ...entry, name: names.get(entry.applicationId) ?? "A candidate" })),
    progress: progressOf({ ...batch, jobId: batch.jobId }),
    error: batch.error,
    reopened,
    emails: { ...emails, total: messages.length },
    earliestSendAt: times.length > 0 ? new Date(Math.min(...times)) : null,
    latestSendAt: times.length > 0 ? new Date(Math.max(...times)) : null,
    firstLocalSend: firstLocalSendTime(sends),
    undo: undoAvailability({ ...batch, sent: emails.sending + emails.sent, total: messages.length }),
  };
}
