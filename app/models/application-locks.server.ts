// The row locks every change to applications takes: in id order, the one order every transaction takes them in, so two
// transactions locking overlapping sets (a bulk rejection, the outbox's sent marks, a recompute batch) cannot deadlock.
import type { Prisma } from "~/generated/prisma/client";

/** Row-locks these applications, in id order, until the caller's transaction ends. */
export async function lockApplications(tx: Prisma.TransactionClient, applicationIds: readonly string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ANY(${[...applicationIds]}::text[]) ORDER BY id FOR UPDATE`;
}
