// A job that runs in each app instance every so often: first after `firstAfterMs`, then `everyMs` after each run ends
// (so runs never overlap). A failed run is logged and the next one comes as usual. The timers do not keep the
// process alive.
import { logger } from "~/platform/log.server";

export type Every = {
  /** The worker's name in the log's `worker` field, e.g. "digest". */
  worker: string;
  /** What the log says when a run fails, e.g. "Queueing weekly digests failed". */
  what: string;
  everyMs: number;
  firstAfterMs: number;
  run: () => Promise<unknown>;
};

/** Starts the loop; returns a function that stops it, resolving once the run in hand (if any) has finished. */
export function startEvery({ worker, what, everyMs, firstAfterMs, run }: Every): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const log = logger.child({ worker });
  const minutes = Math.round(everyMs / 60_000);
  const runOnce = async () => {
    try {
      await run();
    } catch (error) {
      log.error({ err: error }, `${what}; it tries again in ${minutes} minute${minutes === 1 ? "" : "s"}`);
    }
  };
  const tick = async () => {
    running = runOnce();
    await running;
    running = null;
    if (!stopped) {
      timer = setTimeout(tick, everyMs);
      timer.unref();
    }
  };
  timer = setTimeout(tick, firstAfterMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
