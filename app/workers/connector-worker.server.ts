// The connector worker of each app instance: every few seconds, and a moment after this instance receives a webhook
// (app/platform/connector-signal.server.ts), it applies the deliveries waiting (app/models/connectors/work.server.ts).
// Several instances share the work safely: each connector is applied by one of them at a time.
import { applyReceivedDeliveries } from "~/models/connectors/work.server";
import { onConnectorWake } from "~/platform/connector-signal.server";

const POLL_EVERY_MS = 5_000;
/** After a wake-up, how long the worker lets further deliveries arrive before it applies them together: a burst from
 * an ATS (an import, a bulk move) becomes a few batches instead of one transaction per delivery. */
const GATHER_MS = 200;

/** Starts the loop; returns a function that stops it. */
export function startConnectorWorker(): () => void {
  let stopped = false;
  let running = false;
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
      more = (await applyReceivedDeliveries({ oneBatch: true })).length > 0;
    } catch (error) {
      console.error("Applying connector deliveries failed; it tries again in a few seconds:", error);
    } finally {
      running = false;
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
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
  };
}
