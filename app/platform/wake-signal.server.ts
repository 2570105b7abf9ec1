// A nudge from code that has just queued work to this instance's worker for it, so the work starts at once rather
// than at the worker's next poll. One signal per worker, shared across module reloads.
import { singleton } from "./singleton.server";

export type WakeSignal = {
  /** Wakes the registered worker; call it after the transaction that queued the work has committed. */
  wake(): void;
  /** Registers the worker; returns a function that unregisters it. */
  onWake(listener: () => void): () => void;
};

export function wakeSignal(name: string): WakeSignal {
  const listeners = singleton<Set<() => void>>(`${name}-signal`, () => new Set());
  return {
    wake: () => {
      for (const listener of listeners) listener();
    },
    onWake: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
