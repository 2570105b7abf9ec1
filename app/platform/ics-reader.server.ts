// Reads an .ics file (app/domain/sla/ics-import.ts) in a worker thread with a time budget: the reader bounds what it
// asks of ical.js, and the budget stops whatever still runs away, so no file can keep the server busy.
import { HolidayImportError } from "~/domain/sla/holiday-list";
import type { IcsImport, IcsImportOptions, IcsWindow } from "~/domain/sla/ics-import";
import { runWorker, type WorkerLimits } from "./worker-budget.server";

export type IcsReadInput = { text: string; window: IcsWindow; options: IcsImportOptions };
export type IcsReadAnswer = { read: IcsImport } | { refused: string };

/** Seconds a file may take to read; a holiday calendar takes well under one. */
export const ICS_READ_BUDGET_SECONDS = 5;

const WORKER = new URL("./ics-reader.worker.ts", import.meta.url);

/**
 * What `readIcsHolidays` gives for the file, read in a worker. Rejects with HolidayImportError when the file is
 * refused, and with WorkerBudgetError when reading takes longer than the budget (or more memory than allowed).
 */
export async function readIcsFile(
  text: string,
  window: IcsWindow,
  options: IcsImportOptions = {},
  limits: WorkerLimits = { budgetMs: ICS_READ_BUDGET_SECONDS * 1000 },
): Promise<IcsImport> {
  const answer = await runWorker<IcsReadAnswer>(WORKER, { text, window, options } satisfies IcsReadInput, limits);
  if ("refused" in answer) throw new HolidayImportError(answer.refused);
  return answer.read;
}
