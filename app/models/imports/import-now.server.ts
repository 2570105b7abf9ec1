// Importing a file within one request (the API without dryRun): the same rows, batches and write path as an import
// confirmed on the Import page, worked at once; the import is listed on that page like any other.
import type { ColumnMapping, RowError, Sheet } from "~/domain/imports/types";
import { mappingIssues } from "~/domain/imports/mapping";
import { prisma } from "~/platform/db.server";
import { InvalidInputError } from "~/platform/errors.server";
import type { Actor } from "../scope.server";
import { queueRows } from "./imports.server";
import { assertMayImport, readImportRows, rowErrorsOf, type ImportOptions } from "./reading.server";
import { runImportsNow } from "./work.server";

export type ImportedNow = { importId: string; created: number; updated: number; skipped: number; errors: RowError[] };

/**
 * Imports a file at once (the API without dryRun): the same rows, batches and write path as a confirmed import, worked
 * in this request; the import is listed on the Import page like any other. A mapping that lacks a required field is
 * refused before anything is written.
 */
export async function importNow(
  upload: { fileName: string; sheet: Sheet; mapping: ColumnMapping; options: ImportOptions },
  actor: Actor,
  now: Date = new Date(),
): Promise<ImportedNow> {
  assertMayImport(actor);
  const issues = mappingIssues(upload.mapping);
  if (issues.length > 0)
    throw new InvalidInputError(
      issues.join(" "),
      issues.map((message) => ({ path: "mapping", message })),
    );
  const read = await readImportRows(upload.sheet, upload.mapping, upload.options, now);
  const created = await prisma.import.create({
    data: {
      fileName: upload.fileName.slice(0, 200) || "import",
      mapping: upload.mapping,
      options: upload.options,
      createdById: actor.id ?? null,
    },
    select: { id: true },
  });
  await queueRows(created.id, read.rows, read.errors, actor, upload.fileName);
  await runImportsNow({ importId: created.id, wait: true });
  const progress = await prisma.import.findUniqueOrThrow({
    where: { id: created.id },
    select: { created: true, updated: true, skipped: true, errors: true },
  });
  return { importId: created.id, ...progress, errors: rowErrorsOf(progress.errors) };
}
