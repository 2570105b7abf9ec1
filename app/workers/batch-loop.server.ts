// The loop of a worker that works background jobs a batch at a time (bulk rejections, imports): at once when this
// instance queues work (its wake signal), and every few seconds for what other instances queued or a failed batch
// due again, it works batches until none is left, pausing between them so that other transactions get their turn.
import { logger } from "~/platform/log.server";

const POLL_EVERY_MS = 5_000;

export type BatchLoop = {
  /** What the loop is, for its log line. */
  name: string;
  /** The worker's name in the log's `worker` field, e.g. "imports". */
  worker: string;
  /** Works one batch; null when there is none, `failed` when it failed (it is due again after a pause). */
  processBatch(): Promise<{ failed: boolean } | null>;
  pauseMs(): number;
  onWake(listener: () => void): () => void;
};

/** Starts the loop; returns a function that stops it, resolving once the batch in hand (if any) has committed. */
export function startBatchLoop(loop: BatchLoop): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const log = logger.child({ worker: loop.worker });

  const work = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const report = await loop.processBatch();
        // Nothing left, or a batch failed: it is due again after a pause, which the poll picks up.
        if (!report || report.failed) break;
        const pause = loop.pauseMs();
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
      log.error({ err: error }, `${loop.name} failed; the worker tries again in a few seconds`);
    });
    await running;
    running = null;
    if (!stopped) {
      timer = setTimeout(tick, POLL_EVERY_MS);
      timer.unref();
    }
  };

  const unsubscribe = loop.onWake(() => void tick());
  timer = setTimeout(tick, 1_000);
  timer.unref();
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await running;
  };
}
