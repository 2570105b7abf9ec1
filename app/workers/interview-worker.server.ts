// Interviews in each app instance: every two minutes it writes the end of each interview that has ended (the
// interviewer-feedback clock starts there; app/models/interviews/feedback.server.ts) and queues the reminders that
// have become due (app/models/interviews/reminders.server.ts) — a few small indexed queries when there are none.
// Instances may tick at the same moment: row locks and the recorded and reminded stamps make each happen once.
import { recordEndedInterviews } from "~/models/interviews/feedback.server";
import { queueDueReminders, type ReminderReport } from "~/models/interviews/reminders.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { startEvery } from "./every.server";

const TICK_EVERY_MS = 2 * 60_000;
const FIRST_TICK_MS = 20_000;
const ENDED_PER_BATCH = 100;

export type InterviewTickReport = ReminderReport & { ended: number };

export async function runInterviewTick(now: Date = new Date()): Promise<InterviewTickReport> {
  let ended = 0;
  let batch: number;
  do {
    batch = await recordEndedInterviews(now, ENDED_PER_BATCH);
    ended += batch;
  } while (batch === ENDED_PER_BATCH);
  const report = await queueDueReminders(now);
  if (report.candidates + report.interviewers > 0) wakeOutboxWorker();
  return { ...report, ended };
}

/** Starts the loop; returns a function that stops it, resolving once the tick in hand (if any) has finished. */
export function startInterviewWorker(): () => Promise<void> {
  return startEvery({
    worker: "interviews",
    what: "The interview worker failed",
    everyMs: TICK_EVERY_MS,
    firstAfterMs: FIRST_TICK_MS,
    run: () => runInterviewTick(),
  });
}
