// Overdue alerts to chat channels in each app instance: every minute, one message per channel and job with clocks
// newly breached, at most one per job an hour (app/models/chat-alerts/overdue.server.ts), then a nudge to the outbox
// worker that posts them. Instances may tick at the same moment: the hour's claim makes each alert go out once.
import { queueOverdueAlerts } from "~/models/chat-alerts/overdue.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { startEvery } from "./every.server";

const TICK_EVERY_MS = 60_000;
const FIRST_TICK_MS = 20_000;

export async function runChatAlertTick(now: Date = new Date()): Promise<number> {
  const queued = await queueOverdueAlerts(now);
  if (queued > 0) wakeOutboxWorker();
  return queued;
}

/** Starts the loop; returns a function that stops it, resolving once the tick in hand (if any) has finished. */
export function startChatAlertWorker(): () => Promise<void> {
  return startEvery({
    worker: "chat-alerts",
    what: "Queueing chat alerts failed",
    everyMs: TICK_EVERY_MS,
    firstAfterMs: FIRST_TICK_MS,
    run: () => runChatAlertTick(),
  });
}
