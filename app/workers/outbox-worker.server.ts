// The outbox worker of each app instance: every few seconds, and at once when this instance queues something
// (app/platform/outbox-signal.server.ts), it delivers what is due — emails (app/models/outbox/delivery.server.ts) and
// webhook events and chat messages (app/models/outbox/http-delivery.server.ts), side by side so a slow mail server
// never holds up a webhook. Several instances share the work safely. Stopping lets the messages in hand finish and
// hands back the claims not started.
import { deliverDueHttp } from "~/models/outbox/http-delivery.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { logger } from "~/platform/log.server";
import { configuredTransport, type MailTransport } from "~/platform/mail.server";
import { onOutboxWake } from "~/platform/outbox-signal.server";
import { countDeliveries } from "~/platform/prometheus.server";

const POLL_EVERY_MS = 5_000;
const log = logger.child({ worker: "outbox" });

/** Starts the loop; returns a function that stops it, resolving once the deliveries in hand have finished. */
export function startOutboxWorker(transport: MailTransport = configuredTransport()): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const stopping = () => stopped;

  const deliverEmail = async () => {
    try {
      countDeliveries("email", await deliverDueMessages(transport, { stopping }));
    } catch (error) {
      log.error({ err: error }, "Delivering emails failed; the worker tries again in a few seconds");
    }
  };
  const deliverHttp = async () => {
    try {
      const report = await deliverDueHttp({ stopping });
      countDeliveries("webhook", report.webhook);
      countDeliveries("chat", report.chat);
    } catch (error) {
      log.error(
        { err: error },
        "Delivering webhooks and chat messages failed; the worker tries again in a few seconds",
      );
    }
  };

  const work = async () => {
    do {
      again = false;
      await Promise.all([deliverEmail(), deliverHttp()]);
    } while (again && !stopped);
  };

  const tick = async () => {
    clearTimeout(timer);
    if (running) {
      again = true;
      return;
    }
    running = work();
    await running;
    running = null;
    if (!stopped) {
      timer = setTimeout(tick, POLL_EVERY_MS);
      timer.unref();
    }
  };

  const unsubscribe = onOutboxWake(() => void tick());
  timer = setTimeout(tick, 1_000);
  timer.unref();
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await running;
    transport.close();
  };
}
