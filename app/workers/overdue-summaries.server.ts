// The daily overdue summaries in each app instance: every few minutes it creates the summaries that have become due
// (app/models/overdue-summary.server.ts) — from 08:00 in each recruiter's and admin's time zone, and at once on a
// fresh start. Instances may tick together: the (person, kind, day) key keeps it to one summary a day each. Their
// emails go out with the other notification emails (app/workers/sla-worker.server.ts), in the person's hours.
import { createDueOverdueSummaries } from "~/models/overdue-summary.server";
import { startEvery } from "./every.server";

const TICK_EVERY_MS = 5 * 60_000;
const FIRST_TICK_MS = 20_000;

export async function runOverdueSummaryTick(now: Date = new Date()): Promise<number> {
  return createDueOverdueSummaries(now);
}

/** Starts the loop; returns a function that stops it, resolving once the tick in hand (if any) has finished. */
export function startOverdueSummaryWorker(): () => Promise<void> {
  return startEvery({
    worker: "overdue-summaries",
    what: "Creating the daily overdue summaries failed",
    everyMs: TICK_EVERY_MS,
    firstAfterMs: FIRST_TICK_MS,
    run: () => runOverdueSummaryTick(),
  });
}
