// Keeps the embedded database's planner statistics fresh. PostgreSQL servers do this with autovacuum; PGlite runs no
// background workers, and without statistics the board query is 10–20× slower (bench/results, docs/decisions/006).
import type { Database } from "~/platform/db.server";
import { logger } from "~/platform/log.server";

const EVERY_MINUTES = 30;

export async function analyzeDatabase(database: Database): Promise<void> {
  await database.withConnection((script) => script("ANALYZE"));
}

/** Analyzes now and then every half hour; returns a function that stops the timer, resolving once an ANALYZE in hand
 * (if any) has finished. Only needed for PGlite. */
export async function startPlannerStatistics(database: Database): Promise<() => Promise<void>> {
  if (database.kind !== "embedded") return async () => undefined;
  await analyzeDatabase(database);
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = analyzeDatabase(database)
      .catch((error: unknown) =>
        logger.child({ worker: "planner-statistics" }).error({ err: error }, "Refreshing planner statistics failed"),
      )
      .finally(() => {
        running = null;
      });
  }, EVERY_MINUTES * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
