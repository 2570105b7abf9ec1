// A nudge from the request that queued a bulk rejection (or its undo) to this instance's worker
// (app/workers/bulk-rejection-worker.server.ts), so it starts at once rather than at its next poll. Call it after the
// transaction that queued the work has committed. Other instances find the work at their next poll.
import { singleton } from "~/platform/singleton.server";

const listeners = singleton<Set<() => void>>("bulk-rejection-signal", () => new Set());

export function wakeBulkRejectionWorker(): void {
  for (const listener of listeners) listener();
}

/** Registers the worker; returns a function that unregisters it. */
export function onBulkRejectionWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
