// Keeps the embedded database's planner statistics fresh. PostgreSQL servers do this with autovacuum; PGlite runs no
// background workers, and without statistics the board query is 10–20× slower (bench/results, docs/decisions/006).
import type { Database } from "~/platform/db.server";

const EVERY_MINUTES = 30;

export async function analyzeDatabase(database: Database): Promise<void> {
  await database.withConnection((script) => script("ANALYZE"));
}

/** Analyzes now and then every half hour; returns a function that stops the timer. Only needed for PGlite. */
export async function startPlannerStatistics(database: Database): Promise<() => void> {
  if (database.kind !== "embedded") return () => undefined;
  await analyzeDatabase(database);
  const timer = setInterval(() => {
    analyzeDatabase(database).catch((error) => console.error("Refreshing planner statistics failed:", error));
  }, EVERY_MINUTES * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
