// Rebuilding materialised clocks after a schedule, policy or pipeline change. A change queues a run in the change's
// transaction; the worker (app/workers/sla-worker.server.ts) works through it in batches, each batch one transaction
// that also advances the run's cursor, so a crash resumes where it stopped and progress is visible in the admin UI.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { loadSlaConfig, type Db } from "./config.server";
import { lockApplications } from "../application-locks.server";
import { syncClocks } from "./clocks.server";

export const RECOMPUTE_BATCH_SIZE = 1_000;
// Any number: identifies the recompute worker among PostgreSQL advisory locks, so one instance works at a time.
const RECOMPUTE_LOCK = 7_302_114;

export type RecomputeRequest = { reason: string; jobIds?: string[]; full?: boolean };

/** Applications whose clocks may still move: active ones and those with a running or paused clock. */
function applicationsToRecompute(run: { jobIds: string[]; full: boolean }): Prisma.ApplicationWhereInput {
  return {
    ...(run.jobIds.length > 0 ? { jobId: { in: run.jobIds } } : {}),
    ...(run.full
      ? {}
      : { OR: [{ status: "active" }, { slaClocks: { some: { state: { in: ["running", "paused"] } } } }] }),
  };
}

/** Queues a recompute; called in the transaction of the change that causes it. */
export async function requestRecompute(db: Db, request: RecomputeRequest) {
  const jobIds = request.jobIds ?? [];
  const full = request.full ?? false;
  const total = await db.application.count({ where: applicationsToRecompute({ jobIds, full }) });
  return db.slaRecompute.create({
    data: { reason: request.reason, jobIds, full, total },
    select: { id: true, total: true },
  });
}

const runSelect = {
  id: true,
  reason: true,
  status: true,
  total: true,
  done: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.SlaRecomputeSelect;

export type RecomputeRun = Prisma.SlaRecomputeGetPayload<{ select: typeof runSelect }>;

/** Queued and running recomputes, and the last few finished ones, for the admin pages. */
export async function listRecomputes(limit = 5): Promise<{ active: RecomputeRun[]; recent: RecomputeRun[] }> {
  const [active, recent] = await Promise.all([
    prisma.slaRecompute.findMany({
      where: { status: { in: ["queued", "running"] } },
      orderBy: { createdAt: "asc" },
      select: runSelect,
    }),
    prisma.slaRecompute.findMany({
      where: { status: { in: ["done", "failed"] } },
      orderBy: { finishedAt: "desc" },
      take: limit,
      select: runSelect,
    }),
  ]);
  return { active, recent };
}

/**
 * Works one batch of the oldest unfinished run. Returns false when there is nothing to do (or another instance holds
 * the worker lock). Each batch is one transaction: clocks, cursor and progress move together.
 */
export async function processRecomputeBatch(now: () => Date = () => new Date()): Promise<boolean> {
  return prisma.$transaction((tx) => recomputeBatch(tx, now), { timeout: 120_000, maxWait: 30_000 });
}

/** One batch of processRecomputeBatch, in the caller's transaction. */
async function recomputeBatch(tx: Db, now: () => Date): Promise<boolean> {
  const [lock] = await tx.$queryRaw<
    { locked: boolean }[]
  >`SELECT pg_try_advisory_xact_lock(${RECOMPUTE_LOCK}) AS locked`;
  if (!lock?.locked) return false;
  const run = await tx.slaRecompute.findFirst({
    where: { status: { in: ["queued", "running"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, jobIds: true, full: true, cursor: true, done: true, total: true, startedAt: true },
  });
  if (!run) return false;
  const batch = await tx.application.findMany({
    where: { ...applicationsToRecompute(run), ...(run.cursor ? { id: { gt: run.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: RECOMPUTE_BATCH_SIZE,
    select: { id: true },
  });
  const ids = batch.map((application) => application.id);
  if (ids.length > 0) {
    // The same row lock an event takes (app/models/application.server.ts): a touchpoint recorded meanwhile waits,
    // so its clocks are never overwritten by ones computed from the log without it.
    await lockApplications(tx, ids);
    await syncClocks(tx, ids, { now: now(), config: await loadSlaConfig(tx), keepBreaches: true });
  }
  const finished = ids.length < RECOMPUTE_BATCH_SIZE;
  await tx.slaRecompute.update({
    where: { id: run.id },
    data: {
      status: finished ? "done" : "running",
      cursor: ids.at(-1) ?? run.cursor,
      done: run.done + ids.length,
      // Applications added while it ran are recomputed too; the total grows to match.
      total: Math.max(run.total, run.done + ids.length),
      startedAt: run.startedAt ?? now(),
      finishedAt: finished ? now() : null,
    },
  });
  return true;
}

/** Runs every queued recompute to the end (tests, the seed, the command line): in `db` when the caller has a
 * transaction (the demo seed), else one transaction per batch. */
export async function runRecomputesNow(now?: () => Date, db?: Db): Promise<void> {
  const batch = db ? () => recomputeBatch(db, now ?? (() => new Date())) : () => processRecomputeBatch(now);
  while (await batch()) {
    // keep going
  }
}

/** Marks a run failed (the worker calls this after a batch threw), so the admin sees it and it stops retrying. */
export async function failRecompute(error: unknown): Promise<void> {
  const run = await prisma.slaRecompute.findFirst({
    where: { status: { in: ["queued", "running"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!run) return;
  const message = error instanceof Error ? error.message : String(error);
  await prisma.slaRecompute.update({
    where: { id: run.id },
    data: { status: "failed", error: message.slice(0, 500), finishedAt: new Date() },
  });
}
