// A nudge from the code that queues messages to this instance's outbox worker, so mail due now goes out at once
// rather than at the worker's next poll. Call it after the transaction that queued the message has committed.
import { wakeSignal } from "./wake-signal.server";

const outbox = wakeSignal("outbox");

export const wakeOutboxWorker = outbox.wake;
export const onOutboxWake = outbox.onWake;
