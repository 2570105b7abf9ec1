// The request side of a bulk rejection from the board: check the selection and queue the job (nothing is rejected
// here; app/models/bulk-rejection/work.server.ts does that in batches), and accept an undo (every waiting email is
// cancelled here, at once; the worker then brings the candidates back in batches).
import type { Prisma } from "~/generated/prisma/client";
import { bulkRejectionSchema, selectionProblemsMessage, undoAvailability } from "~/domain/bulk-rejection";
import type { BulkRejectionInput, BulkRejectionStatus, SelectionProblem } from "~/domain/bulk-rejection";
import { issuesToFieldErrors } from "~/domain/forms";
import { candidateLocale } from "~/domain/i18n";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { recordAudit } from "../audit.server";
import { templateFor } from "../outbox/queue.server";
import { applicationScope, jobScope, type Actor } from "../scope.server";
import { assertMayDecide, idsOf } from "./shared.server";
import { wakeBulkRejectionWorker } from "./signal.server";

/** Said by the outbox when a candidate's data was erased; the same words refuse the selection up front. */
const ERASED = "This candidate's personal data was erased, so Hearback cannot write to them.";

/** A request waits this long for a batch the worker has in hand (the embedded database runs one at a time). */
const REQUEST_TRANSACTION = { maxWait: 30_000, timeout: 60_000 };

function parseInput(input: BulkRejectionInput) {
  const parsed = bulkRejectionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = Object.entries(issuesToFieldErrors(parsed.error.issues)).map(([path, message]) => ({ path, message }));
  throw new InvalidInputError(issues[0]?.message ?? "Check the selection.", issues);
}

export type QueuedBulkRejection = { id: string; jobId: string; count: number; status: BulkRejectionStatus };

/**
 * Queues the rejection of the selected active applications of a job, each to get its own email of `templateKind`.
 * All or nothing, as when it was done in the request: an application of another job, one that is no longer active,
 * hidden or missing, one whose candidate cannot be written to, or one another bulk rejection is still working on
 * refuses the whole selection with a message naming them, and nothing is queued. What changes after this (someone
 * decides one by hand, a candidate withdraws) the worker skips and reports.
 */
export async function bulkReject(jobId: string, input: BulkRejectionInput, actor: Actor): Promise<QueuedBulkRejection> {
  assertMayDecide(actor);
  const { applicationIds, reason, templateKind } = parseInput(input);
  const job = await prisma.job.findFirst({ where: { id: jobId, ...jobScope(actor) }, select: { id: true } });
  if (!job) throw new NotFoundError("The job");
  // The order the worker goes through them, and the order every batch locks rows in, so batches cannot deadlock.
  const ids = [...applicationIds].sort();

  const id = await prisma.$transaction(async (tx) => {
    // Two selections queued on one board at once take turns, so the second sees the first's candidates as taken.
    // (NO KEY: adding an application to the job meanwhile is not held up.)
    await tx.$executeRaw`SELECT 1 FROM "Job" WHERE id = ${job.id} FOR NO KEY UPDATE`;
    const applications = await tx.application.findMany({
      where: { id: { in: ids }, ...applicationScope(actor) },
      orderBy: { id: "asc" },
      select: {
        id: true,
        jobId: true,
        status: true,
        candidate: { select: { name: true, locale: true, erasedAt: true } },
      },
    });
    const missing = ids.length - applications.length;
    if (missing > 0) {
      throw new ConflictError(
        `Nothing was rejected: ${missing} of the selected ${missing === 1 ? "applications does" : "applications do"} ` +
          "not exist or you cannot see them. Refresh the board and select again.",
      );
    }
    const inProgress = await applicationsInProgress(tx, job.id);
    const problems: SelectionProblem[] = applications.flatMap((application): SelectionProblem[] => {
      const name = application.candidate.name;
      if (application.jobId !== job.id) return [{ name, problem: "other_job" }];
      if (application.status !== "active") return [{ name, problem: "not_active", status: application.status }];
      if (inProgress.has(application.id)) return [{ name, problem: "in_progress" }];
      if (application.candidate.erasedAt) return [{ name, problem: "refused", message: ERASED }];
      return [];
    });
    // A rejection nobody is told about is the worst outcome (docs/sla.md, closure): no template, no bulk rejection.
    const locales = new Map(applications.map((a) => [candidateLocale(a.candidate.locale), a.candidate.name]));
    for (const [locale, name] of locales) {
      if (!(await templateFor(tx, templateKind, locale))) {
        problems.push({ name, problem: "refused", message: "there is no template for their rejection email" });
      }
    }
    if (problems.length > 0) throw new ConflictError(selectionProblemsMessage(problems));

    const queued = await tx.bulkRejection.create({
      data: {
        createdById: actor.id,
        jobId: job.id,
        reason: reason ?? null,
        templateKind,
        applicationIds: ids,
        status: "queued",
        total: ids.length,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "bulk_rejection.created",
      entityType: "BulkRejection",
      entityId: queued.id,
      data: { jobId: job.id, count: ids.length, templateKind, reason: reason ?? null },
    });
    return queued.id;
  }, REQUEST_TRANSACTION);
  wakeBulkRejectionWorker();
  return { id, jobId: job.id, count: ids.length, status: "queued" };
}

/** Applications of the job that a queued or running bulk rejection has still to reach. */
async function applicationsInProgress(tx: Prisma.TransactionClient, jobId: string): Promise<Set<string>> {
  const pending = await tx.bulkRejection.findMany({
    where: { jobId, status: { in: ["queued", "running"] }, undoRequestedAt: null },
    select: { applicationIds: true, done: true },
  });
  return new Set(pending.flatMap((batch) => idsOf(batch.applicationIds).slice(batch.done)));
}

export type UndoRequest = { id: string; jobId: string; status: BulkRejectionStatus; toReopen: number };

/**
 * Undoes a bulk rejection, whether its job is done, still running, or stopped by a failure. All or nothing: once any
 * email of the batch is sending or sent, the undo is refused as a whole. A partial undo would leave the recruiter to
 * work out who was told and who was not, and the candidates already told would be rejected while their peers came
 * back; one clear rule is easier to trust.
 *
 * Accepted, it is final at once: in this one transaction the rest of the job is cancelled (no batch is in flight: the
 * job's row lock waits for the worker's batch to commit) and every email it queued is cancelled, so none can go out
 * afterwards. The worker then reopens the applications it had rejected, a batch at a time (about as long as rejecting
 * them took); until it has, they show as rejected on the board. An undo whose worker gave up is resumed by asking again.
 */
export async function undoBulkRejection(bulkId: string, actor: Actor): Promise<UndoRequest> {
  assertMayDecide(actor);
  const result = await prisma.$transaction(async (tx) => {
    // Two undos of one batch run one after the other; the second sees undoRequestedAt.
    await tx.$executeRaw`SELECT 1 FROM "BulkRejection" WHERE id = ${bulkId} FOR UPDATE`;
    const batch = await tx.bulkRejection.findUnique({
      where: { id: bulkId },
      select: {
        id: true,
        jobId: true,
        status: true,
        done: true,
        total: true,
        undoneAt: true,
        undoRequestedAt: true,
        undoIds: true,
        undoDone: true,
      },
    });
    if (!batch?.jobId) throw new NotFoundError("The bulk rejection");
    const visible = await tx.job.count({ where: { id: batch.jobId, ...jobScope(actor) } });
    if (visible === 0) throw new NotFoundError("The bulk rejection");
    // Locked, so the outbox worker (which skips locked rows) cannot start sending one while we cancel them.
    const messages = await tx.$queryRaw<{ applicationId: string | null; status: string }[]>`
      SELECT "applicationId", status::text AS status FROM "Message" WHERE "bulkRejectionId" = ${bulkId} FOR UPDATE`;
    const sent = messages.filter((message) => message.status === "sending" || message.status === "sent").length;
    const availability = undoAvailability({ ...batch, sent, total: messages.length });
    if (!availability.possible) throw new ConflictError(availability.message);

    const now = new Date();
    if (batch.undoRequestedAt) {
      // Its worker gave up part-way: the emails are cancelled already; go on from where it stopped.
      await tx.bulkRejection.update({
        where: { id: bulkId },
        data: {
          status: "undoing",
          attempts: 0,
          error: null,
          nextAttemptAt: null,
          finishedAt: null,
          undoneById: actor.id,
        },
      });
      const toReopen = idsOf(batch.undoIds).length - batch.undoDone;
      return { id: bulkId, jobId: batch.jobId, status: "undoing" as const, toReopen };
    }
    // Still rejected by this batch: its email waits. One reopened by hand since (email cancelled) is left alone.
    const undoIds = [
      ...new Set(
        messages.flatMap((message) =>
          message.applicationId && (message.status === "queued" || message.status === "failed")
            ? [message.applicationId]
            : [],
        ),
      ),
    ].sort();
    await tx.message.updateMany({
      where: { bulkRejectionId: bulkId, status: { in: ["queued", "failed"] } },
      data: { status: "cancelled", nextAttemptAt: null },
    });
    const status = undoIds.length > 0 ? ("undoing" as const) : ("undone" as const);
    await tx.bulkRejection.update({
      where: { id: bulkId },
      data: {
        status,
        undoRequestedAt: now,
        undoneById: actor.id,
        undoIds,
        undoDone: 0,
        attempts: 0,
        error: null,
        nextAttemptAt: null,
        finishedAt: status === "undone" ? now : null,
        undoneAt: status === "undone" ? now : null,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "bulk_rejection.undo_requested",
      entityType: "BulkRejection",
      entityId: bulkId,
      // A job stopped before its end says how far it had got.
      data: { wasStatus: batch.status, done: batch.done, total: batch.total, toReopen: undoIds.length },
    });
    return { id: bulkId, jobId: batch.jobId, status, toReopen: undoIds.length };
  }, REQUEST_TRANSACTION);
  wakeBulkRejectionWorker();
  return result;
}
