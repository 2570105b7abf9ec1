// The import worker's side of an import (app/workers/import-worker.server.ts runs it in every instance). A confirmed
// import's rows wait in ImportRow; each batch is one transaction that applies the next rows (apply.server.ts), deletes
// them and moves the import's counts on, so a crash loses the batch in hand and nothing else, and a cancel stops the
// import between two batches with the rows applied so far staying applied. One import is applied at a time across
// instances (an advisory lock), so two imports of the same people cannot both create them.
import type { Prisma } from "~/generated/prisma/client";
import type { ImportRow, RowError } from "~/domain/imports/types";
import { database, prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { IntakeRefusal } from "../application-intake.server";
import { recordAudit } from "../audit.server";
import { ATS_ACTOR, type Actor, type ChangeActor } from "../scope.server";
import { applyRows, type AppliedRows } from "./apply.server";
import { rowErrorsOf } from "./reading.server";

type Tx = Prisma.TransactionClient;

/** Any number: identifies the import worker among PostgreSQL advisory locks. */
const IMPORT_LOCK = 72_310_455;

/** Rows per batch: on the embedded database, which runs one transaction at a time, a batch stays under about a second
 * so requests waiting for the connection get their turn between batches. */
export function importBatchSize(): number {
  return database.kind === "postgres" ? 500 : 250;
}

/** The worker's pause between batches (see importBatchSize). */
export function pauseBetweenImportBatchesMs(): number {
  return database.kind === "postgres" ? 0 : 50;
}

const MAX_ATTEMPTS = 3;
const RETRY_AFTER_MS = [5_000, 20_000];
const BATCH_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

type Claimed = {
  id: string;
  status: string;
  options: Prisma.JsonValue;
  errors: Prisma.JsonValue;
  startedAt: Date | null;
  createdBy: { id: string; role: Actor["role"] } | null;
};

export type ImportBatchReport = { id: string; worked: number; finished: boolean; failed: boolean };
export type ImportBatchOptions = {
  now?: () => Date;
  batchSize?: number;
  /** Only this import. */
  importId?: string;
  /** Wait for another instance's batch instead of leaving the work to it (the API's synchronous import). */
  wait?: boolean;
};

/** Rolls a batch back so that its rows are applied one at a time (splitBatch). */
class SplitBatch extends Error {}

/** A refusal that concerns one row only (the write path said no to its change), as opposed to a failure of the batch. */
const isRowRefusal = (error: unknown) =>
  error instanceof IntakeRefusal ||
  error instanceof ConflictError ||
  error instanceof InvalidInputError ||
  error instanceof NotFoundError;

async function claim(tx: Tx, now: Date, options: ImportBatchOptions): Promise<Claimed | null> {
  const { importId, wait } = options;
  if (wait) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
  else {
    const [locked] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK}) AS locked`;
    if (!locked?.locked) return null;
  }
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Import"
     WHERE status IN ('queued', 'running') AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${now.toISOString()}::timestamp(3))
       AND (${importId ?? null}::text IS NULL OR id = ${importId ?? null})
     ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
  if (!rows[0]) return null;
  return tx.import.findUnique({
    where: { id: rows[0].id },
    select: {
      id: true,
      status: true,
      options: true,
      errors: true,
      startedAt: true,
      createdBy: { select: { id: true, role: true } },
    },
  });
}

/** Who the rows are applied as: the person who confirmed the import; an API token without an owner (or a person whose
 * account was deleted since) as the workspace, with an admin's reach, like a connected ATS. */
const actorOf = (claimed: Claimed): ChangeActor => claimed.createdBy ?? ATS_ACTOR;

const rowsOf = (stored: { data: Prisma.JsonValue }[]) => stored.map((one) => one.data as unknown as ImportRow);

/** Applies the rows one transaction each, after their batch as a whole was refused: only the rows refused fail. */
async function applyOneByOne(rows: ImportRow[], options: Parameters<typeof applyRows>[2]) {
  const sum: AppliedRows = { created: 0, updated: 0, skipped: 0, emailsQueued: false };
  const errors: RowError[] = [];
  for (const row of rows) {
    try {
      const applied = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
        return applyRows(tx, [row], options);
      }, BATCH_TRANSACTION);
      sum.created += applied.created;
      sum.updated += applied.updated;
      sum.skipped += applied.skipped;
      sum.emailsQueued ||= applied.emailsQueued;
    } catch (error) {
      if (!isRowRefusal(error)) throw error;
      errors.push({ row: row.row, column: "", message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { applied: sum, errors };
}

/**
 * Applies the next batch of the oldest import with rows left (or of `importId`). Returns null when there is none, or
 * when another instance is applying one. A batch that fails for a reason other than its rows is retried after a pause;
 * after MAX_ATTEMPTS the import is marked failed with the error, the rows applied so far staying applied.
 */
export async function processImportBatch(options: ImportBatchOptions = {}): Promise<ImportBatchReport | null> {
  const now = options.now ?? (() => new Date());
  const size = options.batchSize ?? importBatchSize();
  let claimed: Claimed | null = null;
  let pending: ImportRow[] = [];
  try {
    const report = await prisma.$transaction(async (tx) => {
      claimed = await claim(tx, now(), options);
      if (!claimed) return null;
      const stored = await tx.importRow.findMany({
        where: { importId: claimed.id },
        orderBy: { row: "asc" },
        take: size,
        select: { row: true, data: true },
      });
      pending = rowsOf(stored);
      const applyOptions = {
        actor: actorOf(claimed),
        acknowledge: (claimed.options as { acknowledge?: boolean }).acknowledge === true,
        now: now(),
        importId: claimed.id,
      };
      try {
        const applied = await applyRows(tx, pending, applyOptions);
        return finishBatch(tx, claimed, pending, applied, [], now());
      } catch (error) {
        if (!isRowRefusal(error) || pending.length <= 1) throw error;
        throw new SplitBatch();
      }
    }, BATCH_TRANSACTION);
    if (report && report.emailsQueued) wakeOutboxWorker();
    return report ? { id: report.id, worked: report.worked, finished: report.finished, failed: false } : null;
  } catch (error) {
    if (!claimed) throw error;
    const held: Claimed = claimed;
    if (error instanceof SplitBatch) return splitBatch(held, pending, now);
    if (isRowRefusal(error) && pending.length === 1) {
      const refused = [{ row: pending[0]!.row, column: "", message: (error as Error).message }];
      return prisma.$transaction(async (tx) => {
        const report = await finishBatch(
          tx,
          held,
          pending,
          { created: 0, updated: 0, skipped: 0, emailsQueued: false },
          refused,
          now(),
        );
        return { id: report.id, worked: report.worked, finished: report.finished, failed: false };
      }, BATCH_TRANSACTION);
    }
    return recordFailure(held.id, error, now());
  }
}

/** The batch again, a row per transaction, then its counts and errors recorded. */
async function splitBatch(claimed: Claimed, rows: ImportRow[], now: () => Date): Promise<ImportBatchReport> {
  const options = {
    actor: actorOf(claimed),
    acknowledge: (claimed.options as { acknowledge?: boolean }).acknowledge === true,
    now: now(),
    importId: claimed.id,
  };
  const { applied, errors } = await applyOneByOne(rows, options);
  const report = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Import" WHERE id = ${claimed.id} FOR UPDATE`;
    return finishBatch(tx, claimed, rows, applied, errors, now());
  }, BATCH_TRANSACTION);
  if (applied.emailsQueued) wakeOutboxWorker();
  return { id: report.id, worked: report.worked, finished: report.finished, failed: false };
}

/** Deletes the batch's rows and moves the import's counts on; the import is done when no row is left. */
async function finishBatch(
  tx: Tx,
  claimed: Claimed,
  rows: ImportRow[],
  applied: AppliedRows,
  refused: RowError[],
  now: Date,
) {
  await tx.importRow.deleteMany({ where: { importId: claimed.id, row: { in: rows.map((row) => row.row) } } });
  const left = await tx.importRow.count({ where: { importId: claimed.id } });
  // Cancelled while a split batch was applied row by row (outside the claim's lock): the rows count, it stays cancelled.
  const { status } = await tx.import.findUniqueOrThrow({ where: { id: claimed.id }, select: { status: true } });
  const cancelled = status === "cancelled";
  const finished = left === 0 && !cancelled;
  const errors = [...rowErrorsOf(claimed.errors), ...refused];
  const updated = await tx.import.update({
    where: { id: claimed.id },
    data: {
      ...(cancelled ? {} : { status: finished ? "done" : "running" }),
      done: { increment: rows.length },
      created: { increment: applied.created },
      updated: { increment: applied.updated },
      skipped: { increment: applied.skipped },
      ...(refused.length > 0 ? { errors } : {}),
      attempts: 0,
      nextAttemptAt: null,
      startedAt: claimed.startedAt ?? now,
      ...(finished ? { finishedAt: now } : {}),
    },
    select: { id: true, created: true, updated: true, skipped: true, errors: true },
  });
  if (finished) {
    await recordAudit(tx, {
      actorId: claimed.createdBy?.id ?? null,
      action: "import.finished",
      entityType: "Import",
      entityId: claimed.id,
      data: {
        created: updated.created,
        updated: updated.updated,
        skipped: updated.skipped,
        refused: rowErrorsOf(updated.errors).length,
      },
    });
  }
  return { id: claimed.id, worked: rows.length, finished: finished || cancelled, emailsQueued: applied.emailsQueued };
}

async function recordFailure(id: string, error: unknown, now: Date): Promise<ImportBatchReport> {
  const message = error instanceof Error ? error.message : String(error);
  const row = await prisma.import.update({
    where: { id },
    data: { attempts: { increment: 1 } },
    select: { attempts: true },
  });
  const failed = row.attempts >= MAX_ATTEMPTS;
  await prisma.import.update({
    where: { id },
    data: failed
      ? { status: "failed", error: message.slice(0, 1000), finishedAt: now, nextAttemptAt: null }
      : { nextAttemptAt: new Date(now.getTime() + RETRY_AFTER_MS[row.attempts - 1]!) },
  });
  if (failed) await prisma.importRow.deleteMany({ where: { importId: id } });
  return { id, worked: 0, finished: failed, failed: true };
}

/** Every batch of one import (or all imports) to the end: the API's synchronous import, tests. */
export async function runImportsNow(options: ImportBatchOptions = {}): Promise<ImportBatchReport[]> {
  const reports: ImportBatchReport[] = [];
  for (;;) {
    const report = await processImportBatch(options);
    if (!report) return reports;
    reports.push(report);
    if (report.failed || (options.importId && report.finished)) return reports;
  }
}
