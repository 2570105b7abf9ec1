// The workbook reader in a worker thread (started by sheet-reader.server.ts), so that a workbook that unpacks to too
// much can be stopped. Keep its imports to what reading needs: they are what the worker loads.
import { readSheet } from "~/domain/imports/sheet";
import { UnreadableFile } from "~/domain/imports/types";
import type { SheetReadAnswer, SheetReadInput } from "./sheet-reader.server";
import { answerInWorker } from "./worker-budget.server";

answerInWorker((input: SheetReadInput): SheetReadAnswer => {
  try {
    return { read: readSheet(input.bytes, input.fileName) };
  } catch (error) {
    if (error instanceof UnreadableFile) return { refused: error.message };
    throw error;
  }
});
