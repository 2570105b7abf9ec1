// A nudge from the webhook receiver to this instance's connector worker, so a delivery is applied within moments
// rather than at the worker's next poll. Call it after the delivery has been logged.
import { wakeSignal } from "./wake-signal.server";

const connectors = wakeSignal("connector");

export const wakeConnectorWorker = connectors.wake;
export const onConnectorWake = connectors.onWake;
