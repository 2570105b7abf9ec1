// The worker's side of a bulk rejection (app/workers/bulk-rejection-worker.server.ts runs it in every instance). A job
// is worked a batch at a time, and each batch is one transaction that rejects its applications with their emails AND
// moves the job's cursor: a crash loses the batch in hand and nothing else, and the next batch starts where the last
// committed one ended, so each candidate is rejected and emailed once. The job's row is claimed with
// FOR UPDATE SKIP LOCKED: two instances never work the same job (or batch) at once, and an undo waits for the batch in
// hand. The undo (accepted by app/models/bulk-rejection/queue.server.ts) is worked the same way over `undoIds`.
import type { Prisma } from "~/generated/prisma/client";
import { skipReasonFor, type SkippedApplication } from "~/domain/bulk-rejection";
import type { TemplateKind } from "~/domain/templates/kinds";
import { database, prisma } from "~/platform/db.server";
import { ConflictError } from "~/platform/errors.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { ApplicationRefusal, decideApplications, reopenApplications } from "../decisions.server";
import { lockApplications } from "../application-locks.server";
import { recordAudit } from "../audit.server";
import { applicationScope, type Actor } from "../scope.server";
import { assertMayDecide, idsOf, skippedOf } from "./shared.server";
import { logger } from "~/platform/log.server";

/**
 * Applications per batch. A batch is one set-based decision (about ten statements however many applications, but each
 * candidate's email is rendered and linted in the process). PostgreSQL runs other transactions beside a batch, which
 * holds only its own rows; the embedded database runs one transaction at a time, so
 * there a batch is kept well under a second and the worker pauses between batches: other transactions waiting for the
 * connection (a request, the SLA sweep; Prisma gives up on one after 2 s) get their turn, and pages keep answering.
 */
export function bulkRejectionBatchSize(): number {
  return database.kind === "postgres" ? 50 : 25;
}

/** The worker's pause between batches (see bulkRejectionBatchSize). */
export function pauseBetweenBatchesMs(): number {
  return database.kind === "postgres" ? 0 : 200;
}

/** Failed attempts at one batch before the job is marked failed; the waits between them. */
export const MAX_ATTEMPTS = 3;
const RETRY_AFTER_MS = [5_000, 20_000];

const BATCH_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

type Db = Prisma.TransactionClient;

/** The job as a batch needs it. */
export type BulkRejectionJob = {
  id: string;
  jobId: string | null;
  reason: string | null;
  templateKind: TemplateKind;
  actor: Actor;
};

/** A failure that retrying cannot mend: the job is marked failed at once. */
class LastingFailure extends Error {}

/** A batch's failure at one candidate, so the recruiter reads whom it stopped at. */
class CandidateFailure extends Error {
  constructor(
    readonly applicationId: string,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Rejects one batch of applications, each queued its rejection email, in the caller's transaction: one set-based
 * decision for the whole batch. Every one is active and locked by the caller. The one place a batch decides.
 */
export async function rejectBatch(tx: Db, ids: readonly string[], job: BulkRejectionJob): Promise<void> {
  if (ids.length === 0) return;
  let decided;
  try {
    decided = await decideApplications(
      tx,
      [...ids],
      { outcome: "rejected", reason: job.reason ?? undefined, notify: true },
      job.actor,
      { templateKind: job.templateKind, bulkRejectionId: job.id },
    );
  } catch (error) {
    throw error instanceof ApplicationRefusal ? new CandidateFailure(error.applicationId, error.refusal) : error;
  }
  // A rejection nobody is told about is the worst outcome (docs/sla.md, closure): no template, no batch.
  const untold = decided.find((one) => !one.message);
  if (untold) {
    throw new CandidateFailure(untold.decided.id, new ConflictError("there is no template for their rejection email"));
  }
}

/** Reopens one batch of applications the undo brings back, in the caller's transaction, set-based. */
async function reopenBatch(tx: Db, ids: readonly string[], job: { id: string; actor: Actor }): Promise<void> {
  if (ids.length === 0) return;
  try {
    await reopenApplications(tx, [...ids], job.actor, { undoes: job.id });
  } catch (error) {
    throw error instanceof ApplicationRefusal ? new CandidateFailure(error.applicationId, error.refusal) : error;
  }
}

export type BatchReport = {
  id: string;
  phase: "reject" | "undo";
  /** Applications worked in this batch (rejected, reopened or skipped). */
  worked: number;
  finished: boolean;
  failed: boolean;
};

export type BatchOptions = { now?: () => Date; batchSize?: number };

/**
 * Works the next batch of the oldest bulk rejection (or undo) with work left that no other instance holds. Returns
 * null when there is none. A batch that throws is rolled back whole, counted as a failed attempt and retried after a
 * pause; after MAX_ATTEMPTS the job is marked failed with the error for the recruiter to read.
 */
export async function processBulkRejectionBatch(options: BatchOptions = {}): Promise<BatchReport | null> {
  const now = options.now ?? (() => new Date());
  const size = options.batchSize ?? bulkRejectionBatchSize();
  let claimed: string | null = null;
  try {
    const report = await prisma.$transaction(async (tx) => {
      const row = await claim(tx, now());
      if (!row) return null;
      claimed = row.id;
      return row.status === "undoing" ? undoNext(tx, row, size, now) : rejectNext(tx, row, size, now);
    }, BATCH_TRANSACTION);
    if (report?.phase === "reject" && report.worked > 0) wakeOutboxWorker();
    return report;
  } catch (error) {
    if (!claimed) throw error;
    return recordFailure(claimed, error, now());
  }
}

/** Every queued batch to the end, one transaction each (tests and the crash test's worker process). */
export async function runBulkRejectionsNow(options: BatchOptions = {}): Promise<BatchReport[]> {
  const reports: BatchReport[] = [];
  for (;;) {
    const report = await processBulkRejectionBatch(options);
    if (!report || report.failed) return report ? [...reports, report] : reports;
    reports.push(report);
  }
}

const jobSelect = {
  id: true,
  jobId: true,
  status: true,
  reason: true,
  templateKind: true,
  applicationIds: true,
  total: true,
  done: true,
  skipped: true,
  startedAt: true,
  undoIds: true,
  undoDone: true,
  undoRequestedAt: true,
  createdBy: { select: { id: true, role: true, name: true } },
  undoneById: true,
} satisfies Prisma.BulkRejectionSelect;

type ClaimedRow = Prisma.BulkRejectionGetPayload<{ select: typeof jobSelect }>;

/** Locks the oldest job with work left that is due, skipping any another instance has in hand. */
async function claim(tx: Db, now: Date): Promise<ClaimedRow | null> {
  const [next] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "BulkRejection"
     WHERE status IN ('queued', 'running', 'undoing') AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now})
     ORDER BY "createdAt", id
     LIMIT 1
     FOR UPDATE SKIP LOCKED`;
  if (!next) return null;
  return tx.bulkRejection.findUnique({ where: { id: next.id }, select: jobSelect });
}

async function actorOf(tx: Db, userId: string | null | undefined, what: string): Promise<Actor> {
  const user = userId ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } }) : null;
  if (!user) throw new LastingFailure(`the person who ${what} no longer has an account`);
  try {
    assertMayDecide(user);
  } catch {
    throw new LastingFailure(`the person who ${what} may no longer reject candidates`);
  }
  return user;
}

async function rejectNext(tx: Db, row: ClaimedRow, size: number, now: () => Date): Promise<BatchReport> {
  const actor = await actorOf(tx, row.createdBy?.id, "started this bulk rejection");
  const slice = idsOf(row.applicationIds).slice(row.done, row.done + size);
  await lockApplications(tx, slice);
  const [applications, visible] = await Promise.all([
    tx.application.findMany({
      where: { id: { in: slice } },
      select: { id: true, jobId: true, status: true, candidate: { select: { erasedAt: true } } },
    }),
    tx.application.findMany({ where: { id: { in: slice }, ...applicationScope(actor) }, select: { id: true } }),
  ]);
  const byId = new Map(applications.map((application) => [application.id, application]));
  const visibleIds = new Set(visible.map((application) => application.id));
  // Changed since the selection was queued: decided or reopened by hand, withdrawn, erased, moved out of sight.
  const skipped: SkippedApplication[] = [];
  const toReject: string[] = [];
  for (const applicationId of slice) {
    const application = byId.get(applicationId);
    if (!application || !visibleIds.has(applicationId) || application.jobId !== row.jobId) {
      skipped.push({ applicationId, reason: "hidden" });
    } else if (application.status !== "active") {
      skipped.push({ applicationId, reason: skipReasonFor(application.status) });
    } else if (application.candidate.erasedAt) {
      skipped.push({ applicationId, reason: "erased" });
    } else {
      toReject.push(applicationId);
    }
  }
  await rejectBatch(tx, toReject, {
    id: row.id,
    jobId: row.jobId,
    reason: row.reason,
    templateKind: row.templateKind,
    actor,
  });

  const done = row.done + slice.length;
  const finished = done >= row.total;
  const allSkipped = [...skippedOf(row.skipped), ...skipped];
  await tx.bulkRejection.update({
    where: { id: row.id },
    data: {
      status: finished ? "done" : "running",
      done,
      skipped: allSkipped,
      attempts: 0,
      error: null,
      nextAttemptAt: null,
      startedAt: row.startedAt ?? now(),
      finishedAt: finished ? now() : null,
    },
  });
  if (finished) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "bulk_rejection.finished",
      entityType: "BulkRejection",
      entityId: row.id,
      data: { rejected: done - allSkipped.length, skipped: allSkipped.length },
    });
  }
  return { id: row.id, phase: "reject", worked: slice.length, finished, failed: false };
}

async function undoNext(tx: Db, row: ClaimedRow, size: number, now: () => Date): Promise<BatchReport> {
  const actor = await actorOf(tx, row.undoneById, "undid this bulk rejection");
  const undoIds = idsOf(row.undoIds);
  const slice = undoIds.slice(row.undoDone, row.undoDone + size);
  await lockApplications(tx, slice);
  const since = row.undoRequestedAt ?? now();
  // Still rejected, and not reopened by hand since the undo was accepted (perhaps to be rejected again): ours to undo.
  const [rejected, handled] = await Promise.all([
    tx.application.findMany({ where: { id: { in: slice }, status: "rejected" }, select: { id: true } }),
    tx.event.findMany({
      where: { applicationId: { in: slice }, type: "reopened", occurredAt: { gte: since } },
      select: { applicationId: true },
    }),
  ]);
  const handledIds = new Set(handled.map((event) => event.applicationId));
  const toReopen = rejected.map((application) => application.id).filter((id) => !handledIds.has(id));
  await reopenBatch(tx, toReopen.sort(), { id: row.id, actor });

  const undoDone = row.undoDone + slice.length;
  const finished = undoDone >= undoIds.length;
  await tx.bulkRejection.update({
    where: { id: row.id },
    data: {
      status: finished ? "undone" : "undoing",
      undoDone,
      attempts: 0,
      error: null,
      nextAttemptAt: null,
      finishedAt: finished ? now() : null,
      undoneAt: finished ? now() : null,
    },
  });
  if (finished) {
    const reopened = await tx.event.count({
      where: { applicationId: { in: undoIds }, type: "reopened", data: { path: ["undoes"], equals: row.id } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "bulk_rejection.undone",
      entityType: "BulkRejection",
      entityId: row.id,
      data: { reopened },
    });
  }
  return { id: row.id, phase: "undo", worked: slice.length, finished, failed: false };
}

/** What the recruiter reads when a batch fails: whom it stopped at, and why. */
async function describeFailure(error: unknown): Promise<string> {
  if (error instanceof CandidateFailure) {
    const application = await prisma.application.findUnique({
      where: { id: error.applicationId },
      select: { candidate: { select: { name: true } } },
    });
    const name = application?.candidate.name ?? "A candidate";
    return `${name} could not be changed: ${error.message}`.slice(0, 500);
  }
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** Counts a failed attempt at a job's batch (its transaction rolled back); the last one marks the job failed. */
async function recordFailure(id: string, error: unknown, now: Date): Promise<BatchReport> {
  logger.error({ err: error, bulkRejectionId: id }, "A bulk rejection batch failed");
  const message = await describeFailure(error);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "BulkRejection" WHERE id = ${id} FOR UPDATE`;
    const row = await tx.bulkRejection.findUniqueOrThrow({
      where: { id },
      select: { status: true, attempts: true, undoRequestedAt: true },
    });
    const phase = row.undoRequestedAt ? ("undo" as const) : ("reject" as const);
    const attempts = row.attempts + 1;
    const lasting = error instanceof LastingFailure || attempts >= MAX_ATTEMPTS;
    if (row.status === "queued" || row.status === "running" || row.status === "undoing") {
      await tx.bulkRejection.update({
        where: { id },
        data: lasting
          ? { status: "failed", attempts, error: message, nextAttemptAt: null, finishedAt: now }
          : { attempts, error: message, nextAttemptAt: new Date(now.getTime() + RETRY_AFTER_MS[attempts - 1]!) },
      });
    }
    return { id, phase, worked: 0, finished: lasting, failed: true };
  }, BATCH_TRANSACTION);
}
