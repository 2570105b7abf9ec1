// Bulk rejection from the board: many applications of one job rejected in one transaction, each candidate queued their
// own rejection email at a humane time, and the whole batch undone while none of those emails has gone out.
import type { Prisma } from "~/generated/prisma/client";
import {
  bulkRejectionSchema,
  firstLocalSendTime,
  MAX_BULK_REJECTION,
  selectionProblemsMessage,
  undoAvailability,
  type BulkRejectionInput,
  type SelectionProblem,
} from "~/domain/bulk-rejection";
import { can } from "~/domain/permissions";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { prisma } from "~/platform/db.server";
import { issuesToFieldErrors } from "~/domain/forms";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { decideInTransaction, reopenInTransaction } from "./application.server";
import { recordAudit } from "./audit.server";
import { applicationScope, jobScope, type Actor } from "./scope.server";

/**
 * Each decision renders and queues an email (about 40 statements): some 55 ms an application on the embedded database,
 * so 200 take about 11 s, well past Prisma's default 5 s. A minute at least, with room for the largest batches.
 */
function transactionTimeoutMs(applications: number): number {
  return Math.max(60_000, applications * 200);
}

function assertMayDecide(actor: Actor) {
  if (!can(actor.role, "decide_applications")) throw new ForbiddenError("You do not have permission to reject.");
}

function idsOf(json: Prisma.JsonValue): string[] {
  return Array.isArray(json) ? json.filter((id): id is string => typeof id === "string") : [];
}

function parseInput(input: BulkRejectionInput) {
  const parsed = bulkRejectionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = Object.entries(issuesToFieldErrors(parsed.error.issues)).map(([path, message]) => ({ path, message }));
  throw new InvalidInputError(issues[0]?.message ?? "Check the selection.", issues);
}

/** Turns one candidate's refusal into the whole batch's, naming them. Errors that are not ours pass through. */
function refusalFor(name: string, error: unknown): unknown {
  if (error instanceof ConflictError || error instanceof InvalidInputError) {
    return new ConflictError(selectionProblemsMessage([{ name, problem: "refused", message: error.message }]));
  }
  return error;
}

export type BulkRejectionResult = {
  id: string;
  count: number;
  earliestSendAt: Date | null;
  latestSendAt: Date | null;
  /** The earliest send time on the candidates' own clocks, e.g. "Tue 8 Dec, 09:00". */
  firstLocalSend: string | null;
};

/**
 * Rejects the selected active applications of a job, each with its own email of `templateKind`. All or nothing: an
 * application of another job, or one that is no longer active, refuses the whole batch with a message naming them.
 */
export async function bulkReject(jobId: string, input: BulkRejectionInput, actor: Actor): Promise<BulkRejectionResult> {
  assertMayDecide(actor);
  const { applicationIds, reason, templateKind } = parseInput(input);
  const job = await prisma.job.findFirst({ where: { id: jobId, ...jobScope(actor) }, select: { id: true } });
  if (!job) throw new NotFoundError("The job");
  // One order for every batch, so two batches locking overlapping rows cannot deadlock.
  const ids = [...applicationIds].sort();

  const result = await prisma.$transaction(
    async (tx) => {
      const applications = await tx.application.findMany({
        where: { id: { in: ids }, ...applicationScope(actor) },
        select: { id: true, jobId: true, status: true, candidate: { select: { name: true, timeZone: true } } },
      });
      const missing = ids.length - applications.length;
      if (missing > 0) {
        throw new ConflictError(
          `Nothing was rejected: ${missing} of the selected ${missing === 1 ? "applications does" : "applications do"} ` +
            "not exist or you cannot see them. Refresh the board and select again.",
        );
      }
      const byId = new Map(applications.map((application) => [application.id, application]));
      const problems: SelectionProblem[] = applications.flatMap((application): SelectionProblem[] => {
        const name = application.candidate.name;
        if (application.jobId !== job.id) return [{ name, problem: "other_job" }];
        if (application.status !== "active") return [{ name, problem: "not_active", status: application.status }];
        return [];
      });
      if (problems.length > 0) throw new ConflictError(selectionProblemsMessage(problems));

      const batch = await tx.bulkRejection.create({
        data: { createdById: actor.id, reason: reason ?? null, templateKind, applicationIds: ids },
        select: { id: true },
      });
      const sends: { scheduledFor: Date; timeZone: string }[] = [];
      for (const applicationId of ids) {
        const { candidate } = byId.get(applicationId)!;
        let message;
        try {
          ({ message } = await decideInTransaction(
            tx,
            applicationId,
            { outcome: "rejected", reason, notify: true },
            actor,
            { templateKind, bulkRejectionId: batch.id },
          ));
        } catch (error) {
          throw refusalFor(candidate.name, error);
        }
        // A rejection nobody is told about is the worst outcome (docs/sla.md, closure): no template, no batch.
        if (!message) {
          throw refusalFor(candidate.name, new ConflictError("there is no template for their rejection email"));
        }
        sends.push({ scheduledFor: message.scheduledFor, timeZone: candidate.timeZone });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "bulk_rejection.created",
        entityType: "BulkRejection",
        entityId: batch.id,
        data: { jobId: job.id, count: ids.length, templateKind, reason: reason ?? null },
      });
      return { id: batch.id, sends };
    },
    { timeout: transactionTimeoutMs(ids.length) },
  );
  wakeOutboxWorker();
  const times = result.sends.map((send) => send.scheduledFor.getTime());
  return {
    id: result.id,
    count: ids.length,
    earliestSendAt: times.length > 0 ? new Date(Math.min(...times)) : null,
    latestSendAt: times.length > 0 ? new Date(Math.max(...times)) : null,
    firstLocalSend: firstLocalSendTime(result.sends),
  };
}

/** The batch's applications, or null when one of them is hidden from the actor (then the whole batch is). */
async function visibleApplicationIds(db: Prisma.TransactionClient, ids: string[], actor: Actor) {
  const existing = await db.application.findMany({ where: { id: { in: ids } }, select: { id: true, jobId: true } });
  const visible = await db.application.count({ where: { id: { in: ids }, ...applicationScope(actor) } });
  return existing.length > 0 && visible === existing.length ? existing : null;
}

/**
 * Undoes a bulk rejection: every application still rejected by it is active again in its stage and its email is
 * cancelled. All or nothing: once any email of the batch is sending or sent, the undo is refused as a whole. A partial
 * undo would leave the recruiter to work out who was told and who was not, and the candidates already told would be
 * rejected while their peers came back; one clear rule is easier to trust.
 */
export async function undoBulkRejection(bulkId: string, actor: Actor) {
  assertMayDecide(actor);
  const result = await prisma.$transaction(
    async (tx) => {
      // Two undos of one batch run one after the other; the second sees undoneAt.
      await tx.$executeRaw`SELECT 1 FROM "BulkRejection" WHERE id = ${bulkId} FOR UPDATE`;
      const batch = await tx.bulkRejection.findUnique({
        where: { id: bulkId },
        select: { id: true, applicationIds: true, undoneAt: true },
      });
      if (!batch) throw new NotFoundError("The bulk rejection");
      const applications = await visibleApplicationIds(tx, idsOf(batch.applicationIds), actor);
      if (!applications) throw new NotFoundError("The bulk rejection");
      // Locked, so the outbox worker (which skips locked rows) cannot start sending one while we cancel them.
      const messages = await tx.$queryRaw<{ applicationId: string | null; status: string }[]>`
        SELECT "applicationId", status::text AS status FROM "Message" WHERE "bulkRejectionId" = ${bulkId} FOR UPDATE`;
      const sent = messages.filter((message) => message.status === "sending" || message.status === "sent").length;
      const availability = undoAvailability({ undoneAt: batch.undoneAt, sent, total: messages.length });
      if (!availability.possible) throw new ConflictError(availability.message);

      // Still rejected by this batch: its email waits. One reopened by hand since (email cancelled) is left alone.
      const waiting = new Set(
        messages.flatMap((message) =>
          message.applicationId && (message.status === "queued" || message.status === "failed")
            ? [message.applicationId]
            : [],
        ),
      );
      const rejected = await tx.application.findMany({
        where: { id: { in: [...waiting] }, status: "rejected" },
        orderBy: { id: "asc" },
        select: { id: true, jobId: true, candidate: { select: { name: true } } },
      });
      for (const application of rejected) {
        try {
          await reopenInTransaction(tx, application.id, actor, { undoes: bulkId });
        } catch (error) {
          if (error instanceof ConflictError) {
            throw new ConflictError(`${application.candidate.name}: ${error.message} Nothing was changed.`);
          }
          throw error;
        }
      }
      await tx.bulkRejection.update({ where: { id: bulkId }, data: { undoneAt: new Date() } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "bulk_rejection.undone",
        entityType: "BulkRejection",
        entityId: bulkId,
        data: { reopened: rejected.length },
      });
      return { id: bulkId, jobId: applications[0]!.jobId, reopened: rejected.length };
    },
    // The batch's size is known only inside: allow for the largest.
    { timeout: transactionTimeoutMs(MAX_BULK_REJECTION) },
  );
  return result;
}

/** A batch as the board's confirmation shows it, or null when it does not exist or the actor cannot see it. */
export async function getBulkRejection(bulkId: string, actor: Actor) {
  if (actor.role === "interviewer") return null; // they see single applications, never the board
  const batch = await prisma.bulkRejection.findUnique({
    where: { id: bulkId },
    select: {
      id: true,
      reason: true,
      templateKind: true,
      applicationIds: true,
      createdAt: true,
      undoneAt: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  if (!batch) return null;
  const applicationIds = idsOf(batch.applicationIds);
  const applications = await visibleApplicationIds(prisma, applicationIds, actor);
  if (!applications) return null;
  const [messages, reopened] = await Promise.all([
    prisma.message.findMany({
      where: { bulkRejectionId: bulkId },
      select: {
        status: true,
        scheduledFor: true,
        application: { select: { candidate: { select: { timeZone: true } } } },
      },
    }),
    prisma.event.count({
      where: { applicationId: { in: applicationIds }, type: "reopened", data: { path: ["undoes"], equals: bulkId } },
    }),
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
  return {
    id: batch.id,
    jobId: applications[0]!.jobId,
    reason: batch.reason,
    templateKind: batch.templateKind,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    undoneAt: batch.undoneAt,
    count: applicationIds.length,
    reopened,
    emails: { ...emails, total: messages.length },
    earliestSendAt: times.length > 0 ? new Date(Math.min(...times)) : null,
    latestSendAt: times.length > 0 ? new Date(Math.max(...times)) : null,
    firstLocalSend: firstLocalSendTime(sends),
    undo: undoAvailability({ undoneAt: batch.undoneAt, sent: emails.sending + emails.sent, total: messages.length }),
  };
}
