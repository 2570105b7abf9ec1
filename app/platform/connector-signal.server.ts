// A nudge from the webhook receiver to this instance's connector worker, so a delivery is applied at once rather than
// at the worker's next poll. Call it after the delivery has been logged.
import { singleton } from "./singleton.server";

const listeners = singleton<Set<() => void>>("connector-signal", () => new Set());

export function wakeConnectorWorker(): void {
  for (const listener of listeners) listener();
}

/** Registers the worker; returns a function that unregisters it. */
export function onConnectorWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
