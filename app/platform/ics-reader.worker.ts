// The .ics reader in a worker thread (started by ics-reader.server.ts), so that a file making ical.js loop can be
// stopped. Keep its imports to what reading needs: they are what the worker loads.
import { HolidayImportError } from "~/domain/sla/holiday-list";
import { readIcsHolidays } from "~/domain/sla/ics-import";
import type { IcsReadAnswer, IcsReadInput } from "./ics-reader.server";
import { answerInWorker } from "./worker-budget.server";

answerInWorker((input: IcsReadInput): IcsReadAnswer => {
  try {
    return { read: readIcsHolidays(input.text, input.window, input.options) };
  } catch (error) {
    if (error instanceof HolidayImportError) return { refused: error.message };
    throw error;
  }
});
