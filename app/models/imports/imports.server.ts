// A spreadsheet import from upload to confirmation: the file is kept while the recruiter previews it (the columns as
// Hearback maps them, the first rows as it reads them, what importing would create and change, every row's error);
// confirming stores the readable rows for the import worker (work.server.ts) and forgets the file. docs/imports.md.
import { mappingIssues } from "~/domain/imports/mapping";
import type { ColumnMapping, ImportRow, RowError, Sheet } from "~/domain/imports/types";
import { prisma } from "~/platform/db.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { recordAudit } from "../audit.server";
import type { Actor } from "../scope.server";
import { countPlan, planRows, type PlanCounts, type RowChange } from "./plan.server";
import {
  assertMayImport,
  guessReading,
  mappingOf,
  optionsOf,
  readImportRows,
  sheetOf,
  type ImportOptions,
} from "./reading.server";
import { wakeImportWorker } from "./signal.server";

/** Rows shown in the preview. */
const PREVIEW_ROWS = 10;
/** Unconfirmed previews are forgotten after this long (the SLA worker prunes them). */
const PREVIEW_KEPT_MS = 24 * 60 * 60 * 1000;

/** Starts an import from an uploaded file: kept for its preview, nothing imported yet. Returns its id. */
export async function startImport(upload: { fileName: string; content: Uint8Array }, actor: Actor): Promise<string> {
  assertMayImport(actor);
  const sheet = await sheetOf(upload.content, upload.fileName);
  const { mapping, dateOrder } = guessReading(sheet);
  const created = await prisma.import.create({
    data: {
      fileName: upload.fileName.slice(0, 200) || "import",
      content: Buffer.from(upload.content),
      mapping,
      options: { dateOrder, acknowledge: false },
      createdById: actor.id,
    },
    select: { id: true },
  });
  return created.id;
}

export type PreviewRow = { row: ImportRow; change: RowChange };

export type ImportPreview = {
  id: string;
  fileName: string;
  headers: string[];
  /** Up to three sample values per column, to help map it. */
  samples: string[][];
  mapping: ColumnMapping;
  options: ImportOptions;
  issues: string[];
  rows: PreviewRow[];
  readable: number;
  counts: PlanCounts;
  errors: RowError[];
};

/** An import still in preview: its file read again, with the mapping and options saved so far. */
async function inPreview(id: string, actor: Actor) {
  assertMayImport(actor);
  const found = await prisma.import.findUnique({
    where: { id },
    select: { id: true, fileName: true, content: true, mapping: true, options: true, status: true },
  });
  if (!found) throw new NotFoundError("No import has this id.");
  if (found.status !== "preview" || !found.content) throw new InvalidInputError("This import has already started.");
  const sheet = await sheetOf(found.content, found.fileName);
  return { ...found, sheet, mapping: mappingOf(found.mapping), options: optionsOf(found.options) };
}

/** The columns of an import in preview and its options: what a corrected mapping is checked against. */
export async function importColumns(id: string, actor: Actor): Promise<{ headers: string[]; options: ImportOptions }> {
  const found = await inPreview(id, actor);
  return { headers: found.sheet.headers, options: found.options };
}

/** The preview of an import not yet confirmed: the mapping, the first rows as read, the counts and every row error. */
export async function previewImport(id: string, actor: Actor, now: Date = new Date()): Promise<ImportPreview> {
  const found = await inPreview(id, actor);
  return previewOf(found.id, found.fileName, found.sheet, { mapping: found.mapping, options: found.options, now });
}

/** The dry run of a sheet read with a mapping: nothing is written. */
export async function previewOf(
  id: string,
  fileName: string,
  sheet: Sheet,
  reading: { mapping: ColumnMapping; options: ImportOptions; now: Date },
): Promise<ImportPreview> {
  const { mapping, options, now } = reading;
  const issues = mappingIssues(mapping);
  const read = issues.length > 0 ? { rows: [], errors: [] } : await readImportRows(sheet, mapping, options, now);
  const plan = await planRows(prisma, read.rows);
  return {
    id,
    fileName,
    headers: sheet.headers,
    samples: sheet.headers.map((_, column) =>
      sheet.rows
        .map((row) => row[column] ?? "")
        .filter(Boolean)
        .slice(0, 3),
    ),
    mapping,
    options,
    issues,
    rows: plan.rows.slice(0, PREVIEW_ROWS).map(({ row, change }) => ({ row, change })),
    readable: read.rows.length,
    counts: countPlan(plan),
    errors: read.errors,
  };
}

/** Saves a corrected mapping and options on an import still in preview. */
export async function updateImportReading(
  id: string,
  reading: { mapping: ColumnMapping; options: ImportOptions },
  actor: Actor,
): Promise<void> {
  assertMayImport(actor);
  const updated = await prisma.import.updateMany({
    where: { id, status: "preview" },
    data: { mapping: reading.mapping, options: reading.options },
  });
  if (updated.count === 0) throw new NotFoundError("No import in preview has this id.");
}

/** Stores an import's readable rows for the worker and forgets the file; the rows' errors are its first errors. */
export async function confirmImport(id: string, actor: Actor, now: Date = new Date()): Promise<void> {
  assertMayImport(actor);
  const found = await prisma.import.findUnique({
    where: { id },
    select: { fileName: true, content: true, mapping: true, options: true, status: true },
  });
  if (!found) throw new NotFoundError("No import has this id.");
  if (found.status !== "preview" || !found.content) throw new InvalidInputError("This import has already started.");
  const mapping = mappingOf(found.mapping);
  const issues = mappingIssues(mapping);
  if (issues.length > 0) throw new InvalidInputError(issues.join(" "), [{ path: "mapping", message: issues[0]! }]);
  const read = await readImportRows(
    await sheetOf(found.content, found.fileName),
    mapping,
    optionsOf(found.options),
    now,
  );
  await queueRows(id, read.rows, read.errors, actor, found.fileName);
  wakeImportWorker();
}

/** Moves an import from preview to queued with its rows, in one transaction. */
export async function queueRows(
  id: string,
  rows: ImportRow[],
  errors: RowError[],
  actor: Actor,
  fileName: string,
): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const claimed = await tx.import.updateMany({
        where: { id, status: "preview" },
        data: { status: "queued", content: null, total: rows.length, errors, done: 0 },
      });
      if (claimed.count === 0) throw new InvalidInputError("This import has already started.");
      for (let start = 0; start < rows.length; start += 1000) {
        await tx.importRow.createMany({
          data: rows.slice(start, start + 1000).map((row) => ({ importId: id, row: row.row, data: row })),
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "import.started",
        entityType: "Import",
        entityId: id,
        data: { fileName, rows: rows.length, refused: errors.length },
      });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Cancels an import: a preview is forgotten; a running one stops after the batch in hand, the rows applied so far
 * staying applied. */
export async function cancelImport(
  id: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<"forgotten" | "cancelled"> {
  assertMayImport(actor);
  return prisma.$transaction(async (tx) => {
    const found = await tx.import.findUnique({ where: { id }, select: { status: true } });
    if (!found) throw new NotFoundError("No import has this id.");
    if (found.status === "preview") {
      await tx.import.delete({ where: { id } });
      return "forgotten" as const;
    }
    if (found.status !== "queued" && found.status !== "running") {
      throw new InvalidInputError("This import has already finished.");
    }
    // Waits for the batch in hand, which holds the import's row.
    await tx.$executeRaw`SELECT 1 FROM "Import" WHERE id = ${id} FOR UPDATE`;
    await tx.import.update({ where: { id }, data: { status: "cancelled", cancelledAt: now, finishedAt: now } });
    await tx.importRow.deleteMany({ where: { importId: id } });
    await recordAudit(tx, { actorId: actor.id, action: "import.cancelled", entityType: "Import", entityId: id });
    return "cancelled" as const;
  });
}

/** Forgets previews nobody confirmed within a day (the uploaded files in them). */
export async function pruneImportPreviews(now: Date): Promise<number> {
  const pruned = await prisma.import.deleteMany({
    where: { status: "preview", createdAt: { lt: new Date(now.getTime() - PREVIEW_KEPT_MS) } },
  });
  return pruned.count;
}
