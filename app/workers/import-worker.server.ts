// The import worker of each app instance: at once when this instance confirms an import
// (app/models/imports/signal.server.ts), and every few seconds for what other instances confirmed or a failed batch due
// again, it applies confirmed imports' rows a batch at a time (app/models/imports/work.server.ts) until none is left.
import { onImportWake } from "~/models/imports/signal.server";
import { pauseBetweenImportBatchesMs, processImportBatch } from "~/models/imports/work.server";
import { startBatchLoop } from "./batch-loop.server";

/** Starts the loop; returns a function that stops it, resolving once the batch in hand (if any) has committed. */
export function startImportWorker(): () => Promise<void> {
  return startBatchLoop({
    name: "Applying imports",
    worker: "imports",
    processBatch: () => processImportBatch(),
    pauseMs: pauseBetweenImportBatchesMs,
    onWake: onImportWake,
  });
}
