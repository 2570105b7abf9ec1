// A job that runs in each app instance every so often: first after `firstAfterMs`, then `everyMs` after each run ends
// (so runs never overlap). A failed run is logged and the next one comes as usual. The timers do not keep the
// process alive.
export type Every = {
  /** What the log says when a run fails, e.g. "Queueing weekly digests failed". */
  what: string;
  everyMs: number;
  firstAfterMs: number;
  run: () => Promise<unknown>;
};

/** Starts the loop; returns a function that stops it. */
export function startEvery({ what, everyMs, firstAfterMs, run }: Every): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const minutes = Math.round(everyMs / 60_000);
  const tick = async () => {
    try {
      await run();
    } catch (error) {
      console.error(`${what}; it tries again in ${minutes} minute${minutes === 1 ? "" : "s"}:`, error);
    }
    if (!stopped) {
      timer = setTimeout(tick, everyMs);
      timer.unref();
    }
  };
  timer = setTimeout(tick, firstAfterMs);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
