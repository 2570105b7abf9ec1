// Where this process stands: starting (migrations, demo data, workers), ready, or draining on its way out after
// SIGTERM. GET /readyz answers from it (app/routes/readyz.ts); boot marks it ready, server.mjs marks it draining.
import { singleton } from "./singleton.server";

export type Phase = "starting" | "ready" | "draining";

const state = singleton("lifecycle", () => ({ phase: "starting" as Phase }));

/** Start-up has finished. Draining is final: a process on its way out never becomes ready again. */
export function markReady(): void {
  if (state.phase === "starting") state.phase = "ready";
}

/** Shutdown has begun: from now on the process takes no new work. */
export function markDraining(): void {
  state.phase = "draining";
}

export function lifecyclePhase(): Phase {
  return state.phase;
}

export function isReady(): boolean {
  return state.phase === "ready";
}
