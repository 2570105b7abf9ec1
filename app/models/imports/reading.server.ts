// How an uploaded spreadsheet is read for an import: who may import, the file read (workbooks in a bounded worker),
// the columns guessed and corrected, the rows read with the workspace's time zone. docs/imports.md.
import type { Prisma } from "~/generated/prisma/client";
import { can } from "~/domain/permissions";
import { columnMappingSchema, guessMapping } from "~/domain/imports/mapping";
import { guessDateOrder } from "~/domain/imports/dates";
import { readRows } from "~/domain/imports/rows";
import { MAX_IMPORT_BYTES } from "~/domain/imports/sheet";
import {
  DATE_ORDERS,
  UnreadableFile,
  type ColumnMapping,
  type DateOrder,
  type ImportField,
  type RowError,
  type Sheet,
} from "~/domain/imports/types";
import { prisma } from "~/platform/db.server";
import { readUploadedSheet } from "~/platform/sheet-reader.server";
import { ForbiddenError, InvalidInputError } from "~/platform/errors.server";
import type { Actor } from "../scope.server";

export type ImportOptions = { dateOrder: DateOrder; acknowledge: boolean };

export function assertMayImport(actor: Actor) {
  if (!can(actor.role, "add_candidates") || !can(actor.role, "manage_jobs")) {
    throw new ForbiddenError("Only recruiters and admins can import candidates.");
  }
}

export function optionsOf(json: Prisma.JsonValue): ImportOptions {
  const value = (json ?? {}) as { dateOrder?: string; acknowledge?: boolean };
  const dateOrder = DATE_ORDERS.find((order) => order === value.dateOrder) ?? "mdy";
  return { dateOrder, acknowledge: value.acknowledge === true };
}

export const mappingOf = (json: Prisma.JsonValue) => (json ?? {}) as ColumnMapping;
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
