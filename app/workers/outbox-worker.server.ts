// The outbox worker of each app instance: every few seconds, and at once when this instance queues a message (app/platform/outbox-signal.server.ts), it
// delivers what is due (app/models/outbox/delivery.server.ts). Several instances share the work safely.
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { configuredTransport, type MailTransport } from "~/platform/mail.server";
import { onOutboxWake } from "~/platform/outbox-signal.server";
import { countDeliveries } from "~/platform/prometheus.server";

const POLL_EVERY_MS = 5_000;

/** Starts the loop; returns a function that stops it. */
export function startOutboxWorker(transport: MailTransport = configuredTransport()): () => void {
  let stopped = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const tick = async () => {
    clearTimeout(timer);
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        countDeliveries("email", await deliverDueMessages(transport));
      } while (again && !stopped);
    } catch (error) {
      console.error("Delivering the outbox failed; it tries again in a few seconds:", error);
    } finally {
      running = false;
    }
    if (!stopped) {
      timer = setTimeout(tick, POLL_EVERY_MS);
      timer.unref();
    }
  };

  const unsubscribe = onOutboxWake(() => void tick());
  timer = setTimeout(tick, 1_000);
  timer.unref();
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    transport.close();
  };
}
