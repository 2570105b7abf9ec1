// The connector worker of each app instance: every few seconds, and a moment after this instance receives a webhook
// (app/platform/connector-signal.server.ts), it applies the deliveries waiting (app/models/connectors/work.server.ts).
// Several instances share the work safely: each connector is applied by one of them at a time.
import { applyReceivedDeliveries } from "~/models/connectors/work.server";
import { onConnectorWake } from "~/platform/connector-signal.server";
import { logger } from "~/platform/log.server";

const POLL_EVERY_MS = 5_000;
/** After a wake-up, how long the worker lets further deliveries arrive before it applies them together: a burst from
 * an ATS (an import, a bulk move) becomes a few batches instead of one transaction per delivery. */
const GATHER_MS = 200;

const log = logger.child({ worker: "connectors" });

/** Starts the loop; returns a function that stops it, resolving once the batch in hand (if any) has been applied. */
export function startConnectorWorker(): () => Promise<void> {
  let stopped = false;
  let running = false;
  let inHand: Promise<unknown> | null = null; // the batch being applied
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let gathering = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };

  // One batch per connector a run; while there is more, the next run follows after a pause in which requests (on the
  // embedded database, waiting for its one connection) get their turn and further deliveries join the next batch.
  const tick = async () => {
    clearTimeout(timer);
    gathering = false;
    if (running) return;
    running = true;
    let more = false;
    try {
      again = false;
      const batch = applyReceivedDeliveries({ oneBatch: true });
      inHand = batch;
      more = (await batch).length > 0;
    } catch (error) {
      log.error({ err: error }, "Applying connector deliveries failed; it tries again in a few seconds");
    } finally {
      running = false;
      inHand = null;
    }
    if (stopped) return;
    if (more || again) {
      gathering = true;
      schedule(GATHER_MS);
    } else schedule(POLL_EVERY_MS);
  };

  const unsubscribe = onConnectorWake(() => {
    if (running) {
      again = true;
    } else if (!gathering) {
      gathering = true;
      schedule(GATHER_MS);
    }
  });
  schedule(1_000);
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await inHand?.catch(() => undefined);
  };
}
