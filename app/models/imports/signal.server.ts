// A nudge from the request that confirmed an import to this instance's import worker, so it starts at once rather
// than at its next poll. Call it after the transaction that queued the rows has committed.
import { wakeSignal } from "~/platform/wake-signal.server";

const imports = wakeSignal("import");

export const wakeImportWorker = imports.wake;
export const onImportWake = imports.onWake;
