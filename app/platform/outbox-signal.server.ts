// A nudge from the code that queues messages to this instance's outbox worker, so mail due now goes out at once
// rather than at the worker's next poll. Call it after the transaction that queued the message has committed.
import { singleton } from "./singleton.server";

const listeners = singleton<Set<() => void>>("outbox-signal", () => new Set());

export function wakeOutboxWorker(): void {
  for (const listener of listeners) listener();
}

/** Registers the worker; returns a function that unregisters it. */
export function onOutboxWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
