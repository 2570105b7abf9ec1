// The bulk-rejection worker of each app instance: at once when this instance queues a bulk rejection or its undo
// (app/models/bulk-rejection/signal.server.ts), and every few seconds for what other instances queued or a failed
// batch due again, it works batches (app/models/bulk-rejection/work.server.ts) until none is left. Several instances
// share the work safely: each batch claims its job's row with FOR UPDATE SKIP LOCKED.
import { pauseBetweenBatchesMs, processBulkRejectionBatch } from "~/models/bulk-rejection/work.server";
import { onBulkRejectionWake } from "~/models/bulk-rejection/signal.server";
import { startBatchLoop } from "./batch-loop.server";

/** Starts the loop; returns a function that stops it, resolving once the batch in hand (if any) has committed. */
export function startBulkRejectionWorker(): () => Promise<void> {
  return startBatchLoop({
    name: "Bulk rejections",
    worker: "bulk-rejections",
    processBatch: () => processBulkRejectionBatch(),
    pauseMs: pauseBetweenBatchesMs,
    onWake: onBulkRejectionWake,
  });
}
