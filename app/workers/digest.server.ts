// The weekly digest's scheduler in each app instance: every few minutes it queues the digests that have become due
// (app/models/digest.server.ts), which costs a couple of small queries when none are. Instances may tick at the same
// moment: the claim in the model makes each digest go out once. Chat channels that take the digest get theirs in the
// same tick (app/models/chat-alerts/digest.server.ts).
import { queueChatDigests } from "~/models/chat-alerts/digest.server";
import { queueDueDigests } from "~/models/digest.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { startEvery } from "./every.server";

const TICK_EVERY_MS = 5 * 60_000;
const FIRST_TICK_MS = 30_000;

export async function runDigestTick(now: Date = new Date()): Promise<number> {
  const queued = (await queueDueDigests(now)) + (await queueChatDigests(now));
  if (queued > 0) wakeOutboxWorker();
  return queued;
}

/** Starts the loop; returns a function that stops it, resolving once the tick in hand (if any) has finished. */
export function startDigestWorker(): () => Promise<void> {
  return startEvery({
    worker: "digest",
    what: "Queueing weekly digests failed",
    everyMs: TICK_EVERY_MS,
    firstAfterMs: FIRST_TICK_MS,
    run: () => runDigestTick(),
  });
}
