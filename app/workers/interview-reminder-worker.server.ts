// Interview reminders in each app instance: every two minutes it queues the reminders that have become due
// (app/models/interviews/reminders.server.ts) — two small indexed queries when none are. Instances may tick at the
// same moment: the row locks and the reminded stamps make each reminder go out once.
import { queueDueReminders, type ReminderReport } from "~/models/interviews/reminders.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";

const TICK_EVERY_MS = 2 * 60_000;
const FIRST_TICK_MS = 20_000;

export async function runInterviewReminderTick(now: Date = new Date()): Promise<ReminderReport> {
  const report = await queueDueReminders(now);
  if (report.candidates + report.interviewers > 0) wakeOutboxWorker();
  return report;
}

/** Starts the loop; returns a function that stops it. */
export function startInterviewReminderWorker(): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await runInterviewReminderTick();
    } catch (error) {
      console.error("Queueing interview reminders failed; it tries again in 2 minutes:", error);
    }
    if (!stopped) {
      timer = setTimeout(tick, TICK_EVERY_MS);
      timer.unref();
    }
  };
  timer = setTimeout(tick, FIRST_TICK_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
