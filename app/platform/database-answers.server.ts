// Whether the database answers a trivial query within a bound: what /healthz and /readyz ask.
import { prisma } from "./db.server";

const DATABASE_TIMEOUT_MS = 3_000;

/** True once `SELECT 1` has answered; false when it fails or takes longer than `timeoutMs`. */
export async function databaseAnswers(timeoutMs = DATABASE_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([prisma.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
