// The outbox's queue discipline, shared by its two tables — "Message" (email) and "HttpDelivery" (webhooks, chat): a
// due row is claimed with a lease (status "sending" until leaseUntil) in one statement that skips rows other
// instances hold; a process that dies leaves its claims to expire and another takes them over; a worker that stops
// in good order hands back the claims it never started (docs/decisions/012 and 023).
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";

/** Long enough for any SMTP exchange or a 10 s POST; a claim older than this belonged to a process that died. */
export const LEASE_MS = 2 * 60_000;

export type OutboxTable = "Message" | "HttpDelivery";

/** Claims up to `limit` due rows of `table` that `where` admits (queued and due, or sending with an expired lease),
 * soonest due first; each claim counts as an attempt. Returns their ids. */
export async function claimDue(table: OutboxTable, where: Prisma.Sql, now: Date, limit: number): Promise<string[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const name = Prisma.raw(`"${table}"`);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE ${name} SET status = 'sending', "leaseUntil" = ${leaseUntil}::timestamp(3), attempts = attempts + 1,
                       "updatedAt" = ${at}::timestamp(3)
     WHERE id IN (
       SELECT id FROM ${name} AS queued
        WHERE ${where}
          AND ((status = 'queued' AND "nextAttemptAt" <= ${at}::timestamp(3))
            OR (status = 'sending' AND "leaseUntil" < ${at}::timestamp(3)))
        ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((row) => row.id);
}

/** Hands back claims this process will not start (it is stopping): queued again, due at once, the attempt uncounted. */
export async function releaseClaims(table: OutboxTable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const name = Prisma.raw(`"${table}"`);
  await prisma.$executeRaw`
    UPDATE ${name} SET status = 'queued', "leaseUntil" = NULL, attempts = greatest(attempts - 1, 0)
     WHERE id IN (${Prisma.join(ids)}) AND status = 'sending'`;
}

/** Runs `work` on each item, `concurrency` at a time, until the items run out, `stopping()` says so, or a lane throws;
 * returns the items no lane started (to hand back with releaseClaims) and the first error. */
export async function inLanes<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  stopping: () => boolean,
): Promise<{ unstarted: T[]; failure?: unknown }> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (next < items.length && failures.length === 0 && !stopping()) await work(items[next++]!);
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, () =>
      lane().catch((error: unknown) => {
        failures.push(error);
      }),
    ),
  );
  return { unstarted: items.slice(next), failure: failures[0] };
}
