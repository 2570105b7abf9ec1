// A spreadsheet import from upload to confirmation: the file is kept while the recruiter previews it (the columns as
// Hearback maps them, the first rows as it reads them, what importing would create and change, every row's error);
// confirming stores the readable rows for the import worker (work.server.ts) and forgets the file. docs/imports.md.
import type { Prisma } from "~/generated/prisma/client";
import { can } from "~/domain/permissions";
import { columnMappingSchema, guessMapping, mappingIssues } from "~/domain/imports/mapping";
import { guessDateOrder } from "~/domain/imports/dates";
import { readRows } from "~/domain/imports/rows";
import { MAX_IMPORT_BYTES } from "~/domain/imports/sheet";
import {
  DATE_ORDERS,
  UnreadableFile,
  type ColumnMapping,
  type DateOrder,
  type ImportField,
  type ImportRow,
  type RowError,
  type Sheet,
} from "~/domain/imports/types";
import { prisma } from "~/platform/db.server";
import { readUploadedSheet } from "~/platform/sheet-reader.server";
import { ForbiddenError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { recordAudit } from "../audit.server";
import type { Actor } from "../scope.server";
import { countPlan, planRows, type PlanCounts, type RowChange } from "./plan.server";
import { wakeImportWorker } from "./signal.server";

/** Rows shown in the preview. */
const PREVIEW_ROWS = 10;
/** Unconfirmed previews are forgotten after this long (the SLA worker prunes them). */
const PREVIEW_KEPT_MS = 24 * 60 * 60 * 1000;

export type ImportOptions = { dateOrder: DateOrder; acknowledge: boolean };

export function assertMayImport(actor: Actor) {
  if (!can(actor.role, "add_candidates") || !can(actor.role, "manage_jobs")) {
    throw new ForbiddenError("Only recruiters and admins can import candidates.");
  }
}

function optionsOf(json: Prisma.JsonValue): ImportOptions {
  const value = (json ?? {}) as { dateOrder?: string; acknowledge?: boolean };
  const dateOrder = DATE_ORDERS.find((order) => order === value.dateOrder) ?? "mdy";
  return { dateOrder, acknowledge: value.acknowledge === true };
}

const mappingOf = (json: Prisma.JsonValue) => (json ?? {}) as ColumnMapping;
export const rowErrorsOf = (json: Prisma.JsonValue) => (Array.isArray(json) ? json : []) as RowError[];

/** The zone a date without a time is read in: the default schedule's. */
async function workspaceTimeZone(db: Prisma.TransactionClient = prisma): Promise<string> {
  const schedule = await db.schedule.findFirst({ where: { isDefault: true }, select: { timeZone: true } });
  return schedule?.timeZone ?? "UTC";
}

/** Reads an uploaded file, refusing one that is too large or not a spreadsheet with the reason. */
export async function sheetOf(content: Uint8Array, fileName: string): Promise<Sheet> {
  if (content.byteLength === 0)
    throw new InvalidInputError("Choose a file to import.", [{ path: "file", message: "Choose a file." }]);
  if (content.byteLength > MAX_IMPORT_BYTES) {
    const message = "The file is larger than 20 MB. Split it into smaller files and import each.";
    throw new InvalidInputError(message, [{ path: "file", message }]);
  }
  try {
    return await readUploadedSheet(content, fileName);
  } catch (error) {
    if (error instanceof UnreadableFile)
      throw new InvalidInputError(error.message, [{ path: "file", message: error.message }]);
    throw error;
  }
}

/** The rows of a sheet as Hearback reads them with this mapping and these options. */
export async function readImportRows(sheet: Sheet, mapping: ColumnMapping, options: ImportOptions, now: Date) {
  return readRows(sheet, mapping, { dateOrder: options.dateOrder, timeZone: await workspaceTimeZone(), now });
}

/** The columns guessed for a sheet, and the date order its dates suggest (month first when they cannot tell). */
export function guessReading(sheet: Sheet): { mapping: ColumnMapping; dateOrder: DateOrder } {
  const mapping = guessMapping(sheet.headers);
  const dateFields = new Set<ImportField>(["appliedAt", "lastActivityAt", "rejectedAt", "rejectionToldAt"]);
  const dateColumns = Object.entries(mapping).flatMap(([column, field]) =>
    dateFields.has(field) ? [Number(column)] : [],
  );
  const values = sheet.rows.flatMap((row) => dateColumns.map((column) => row[column] ?? ""));
  return { mapping, dateOrder: guessDateOrder(values) ?? "mdy" };
}

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

export type ImportProgress = {
  id: string;
  fileName: string;
  status: string;
  total: number;
  done: number;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: string | null;
};

const progressSelect = {
  id: true,
  fileName: true,
  status: true,
  total: true,
  done: true,
  created: true,
  updated: true,
  skipped: true,
  errors: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.ImportSelect;

function progressOf(row: Prisma.ImportGetPayload<{ select: typeof progressSelect }>): ImportProgress {
  return { ...row, errors: rowErrorsOf(row.errors), createdBy: row.createdBy?.name ?? null };
}

export async function getImportProgress(id: string, actor: Actor): Promise<ImportProgress | null> {
  assertMayImport(actor);
  const row = await prisma.import.findUnique({ where: { id }, select: progressSelect });
  return row ? progressOf(row) : null;
}

/** The latest imports that were confirmed, newest first. */
export async function listImports(actor: Actor): Promise<ImportProgress[]> {
  assertMayImport(actor);
  const rows = await prisma.import.findMany({
    where: { status: { not: "preview" } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: progressSelect,
  });
  return rows.map(progressOf);
}

/** Forgets previews nobody confirmed within a day (the uploaded files in them). */
export async function pruneImportPreviews(now: Date): Promise<number> {
  const pruned = await prisma.import.deleteMany({
    where: { status: "preview", createdAt: { lt: new Date(now.getTime() - PREVIEW_KEPT_MS) } },
  });
  return pruned.count;
}

/** Corrections to the guessed mapping, keyed by a column's header (as the file writes it) or its index: a field, or
 * "" to leave the column out. */
export type MappingOverrides = Record<string, string>;

/** The guessed mapping with the caller's corrections; refused with the reason when a correction is not usable. */
export function mappingWith(sheet: Sheet, overrides: MappingOverrides | undefined): ColumnMapping {
  const { mapping } = guessReading(sheet);
  if (!overrides) return mapping;
  const posted: Record<string, string> = Object.fromEntries(
    Object.entries(mapping).map(([column, field]) => [column, field]),
  );
  for (const [key, field] of Object.entries(overrides)) {
    const column = /^\d+$/.test(key)
      ? Number(key)
      : sheet.headers.findIndex((header) => header.trim().toLowerCase() === key.trim().toLowerCase());
    if (column < 0)
      throw new InvalidInputError(`The file has no column “${key}”.`, [
        { path: `mapping.${key}`, message: "No such column." },
      ]);
    // A field chosen for this column is taken from the column the guess gave it to.
    for (const [other, guessed] of Object.entries(posted))
      if (guessed === field && Number(other) !== column) delete posted[other];
    posted[String(column)] = field;
  }
  const parsed = columnMappingSchema(sheet.headers.length).safeParse(posted);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: `mapping.${issue.path.join(".")}`,
      message: issue.message,
    }));
    throw new InvalidInputError(issues[0]!.message, issues);
  }
  return parsed.data;
}
