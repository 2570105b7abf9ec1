// Reads an uploaded XLSX workbook (app/domain/imports/sheet.ts) in a worker thread with a time and memory budget: a
// workbook is a ZIP archive, and a small one can inflate to gigabytes of XML, which the budget stops before it holds
// the server. CSV files are read in-process: their size is their size, and the reader bounds rows and cells.
import { readSheet } from "~/domain/imports/sheet";
import { UnreadableFile, type Sheet } from "~/domain/imports/types";
import { runWorker, WorkerBudgetError, type WorkerLimits } from "./worker-budget.server";

export type SheetReadInput = { bytes: Uint8Array; fileName: string };
export type SheetReadAnswer = { read: Sheet } | { refused: string };

const WORKER = new URL("./sheet-reader.worker.ts", import.meta.url);

/** A workbook's budget: a 20 MB workbook of 50,000 rows reads in a few seconds. */
export const SHEET_READ_LIMITS: WorkerLimits = { budgetMs: 30_000, memoryMb: 768 };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The file's sheet; throws UnreadableFile when it is refused, or when a workbook takes more than its budget. */
export async function readUploadedSheet(
  bytes: Uint8Array,
  fileName: string,
  limits: WorkerLimits = SHEET_READ_LIMITS,
): Promise<Sheet> {
  if (!isZip(bytes)) return readSheet(bytes, fileName);
  let answer: SheetReadAnswer;
  try {
    answer = await runWorker<SheetReadAnswer>(WORKER, { bytes, fileName } satisfies SheetReadInput, limits);
  } catch (error) {
    if (!(error instanceof WorkerBudgetError)) throw error;
    throw new UnreadableFile(
      "This workbook is too large to read (it unpacks to far more than its file size). Save the sheet as CSV and " +
        "import that.",
    );
  }
  if ("refused" in answer) throw new UnreadableFile(answer.refused);
  return answer.read;
}
