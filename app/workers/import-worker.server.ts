// The import worker of each app instance: at once when this instance confirms an import
// (app/models/imports/signal.server.ts), and every few seconds for what other instances confirmed or a failed batch due
// again, it applies confirmed imports' rows a batch at a time (app/models/imports/work.server.ts) until none is left.
import { onImportWake } from "~/models/imports/signal.server";
import { pauseBetweenImportBatchesMs, processImportBatch } from "~/models/imports/work.server";

const POLL_EVERY_MS = 5_000;

/** Starts the loop; returns a function that stops it, resolving once the batch in hand (if any) has committed. */
export function startImportWorker(): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const work = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const report = await processImportBatch();
        if (!report || report.failed) break;
        const pause = pauseBetweenImportBatchesMs();
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      }
    } while (again && !stopped);
  };

  const tick = async () => {
    clearTimeout(timer);
    if (running) {
      again = true;
      return;
    }
    running = work().catch((error: unknown) => {
      console.error("Applying imports failed; the worker tries again in a few seconds:", error);
    });
    await running;
    running = null;
    if (!stopped) {
      timer = setTimeout(tick, POLL_EVERY_MS);
      timer.unref();
    }
  };

  const unsubscribe = onImportWake(() => void tick());
  timer = setTimeout(tick, 1_000);
  timer.unref();
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await running;
  };
}
