// The bulk-rejection worker of each app instance: at once when this instance queues a bulk rejection or its undo
// (app/models/bulk-rejection/signal.server.ts), and every few seconds for what other instances queued or a failed
// batch due again, it works batches (app/models/bulk-rejection/work.server.ts) until none is left. Several instances
// share the work safely: each batch claims its job's row with FOR UPDATE SKIP LOCKED.
import { pauseBetweenBatchesMs, processBulkRejectionBatch } from "~/models/bulk-rejection/work.server";
import { onBulkRejectionWake } from "~/models/bulk-rejection/signal.server";

const POLL_EVERY_MS = 5_000;

/** Starts the loop; returns a function that stops it, resolving once the batch in hand (if any) has committed. */
export function startBulkRejectionWorker(): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const work = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const report = await processBulkRejectionBatch();
        // Nothing left, or a batch failed: it is due again after a pause, which the poll picks up.
        if (!report || report.failed) break;
        const pause = pauseBetweenBatchesMs();
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
      console.error("Bulk rejections failed; the worker tries again in a few seconds:", error);
    });
    await running;
    running = null;
    if (!stopped) {
      timer = setTimeout(tick, POLL_EVERY_MS);
      timer.unref();
    }
  };

  const unsubscribe = onBulkRejectionWake(() => void tick());
  timer = setTimeout(tick, 1_000);
  timer.unref();
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await running;
  };
}
