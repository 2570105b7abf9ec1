// Reads an uploaded spreadsheet (CSV in any common delimiter and encoding, or XLSX) into a Sheet of trimmed text
// cells. Pure, but it holds the CSV and XLSX parsers: only server code (`*.server.ts`) imports it, which keeps SheetJS
// out of the browser bundle. Uploads are untrusted, so size, rows, columns and cells are bounded.
import * as XLSX from "@e965/xlsx";
import { CsvError, parse } from "csv-parse/sync";
import { type Sheet, UnreadableFile } from "./types";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Data rows (not counting the header and blank rows). A file with more is refused, never cut: see readSheet. */
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_COLUMNS = 200;
export const MAX_CELL_LENGTH = 2_000;
/** Rows read at most, blank ones included: room for the header and the blank rows spreadsheets keep. */
const MAX_PHYSICAL_ROWS = MAX_IMPORT_ROWS + 10_000;

const SAVE_AS = "Save it from your spreadsheet as CSV or XLSX and upload that.";
const TOO_MANY_ROWS = `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows. Split it into files of at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows and import them one by one.`;

/**
 * The file's first non-empty row becomes the headers, every later non-blank row a row of cells, numbered as the
 * spreadsheet numbers it (blank rows count). Refuses (throws UnreadableFile) a file that is not CSV or XLSX, is empty,
 * has no rows below its header, or is larger than the bounds: a file over the row limit is refused as a whole rather
 * than cut, so an import never silently leaves candidates out.
 */
export function readSheet(bytes: Uint8Array, fileName: string): Sheet {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new UnreadableFile(
      `${fileName} is larger than 20 MB. Split it into smaller files and import them one by one.`,
    );
  }
  if (bytes.length === 0) throw new UnreadableFile(`${fileName} is empty.`);
  const grid = startsWith(bytes, ZIP_MAGIC)
    ? readWorkbook(bytes, fileName)
    : readCsv(decodeText(bytes, fileName), fileName);
  return sheetFromGrid(grid, fileName);
}

// ── Telling formats apart by their first bytes ─────────────────────────────────────────────────────────────────────

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** The file's text, its encoding sniffed: a BOM first, then UTF-8 if the bytes are valid UTF-8, else Windows-1252. */
function decodeText(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UnreadableFile(`${fileName} is an old Excel workbook (.xls), which Hearback cannot read. ${SAVE_AS}`);
  }
  if (startsWith(bytes, PDF_MAGIC)) throw new UnreadableFile(`${fileName} is a PDF, not a spreadsheet. ${SAVE_AS}`);
  if (startsWith(bytes, UTF16LE_BOM)) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, UTF16BE_BOM)) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  // Text files hold no NUL characters; binaries (images, archives, other office formats) do.
  if (text.includes("\u0000"))
    throw new UnreadableFile(`${fileName} is not a spreadsheet Hearback can read. ${SAVE_AS}`);
  return text;
}

/** UTF-16 saved without a BOM shows as ASCII with a zero byte beside every character. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 512);
  if (sample < 4) return null;
  let zerosAtEven = 0;
  let zerosAtOdd = 0;
  for (let index = 0; index < sample; index++) {
    if (bytes[index] === 0) {
      if (index % 2 === 0) zerosAtEven++;
      else zerosAtOdd++;
    }
  }
  const half = sample / 2;
  if (zerosAtOdd > half * 0.8 && zerosAtEven === 0) return "utf-16le";
  if (zerosAtEven > half * 0.8 && zerosAtOdd === 0) return "utf-16be";
  return null;
}

/** Windows-1252's characters for bytes 0x80–0x9F; the rest of the code page is Latin-1. Undefined bytes stay as-is. */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Node's TextDecoder decodes "windows-1252" as Latin-1 (0x80–0x9F become control characters), so it is done here. */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

// ── CSV ────────────────────────────────────────────────────────────────────────────────────────────────────────────

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** A grid row: its cells and its number in the file (1-based). */
type GridRow = { number: number; cells: string[] };

function readCsv(text: string, fileName: string): GridRow[] {
  let body = text;
  let delimiter: string | undefined;
  // Excel writes and honours a first line `sep=;` naming the delimiter, and does not show it as a row, so the header
  // below it is still row 1.
  const sepLine = /^sep=(.)\r?\n/i.exec(body);
  if (sepLine) {
    delimiter = sepLine[1];
    body = body.slice(sepLine[0].length);
  }
  if (body.trim() === "") throw new UnreadableFile(`${fileName} is empty.`);
  delimiter ??= sniffDelimiter(body);
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      // Files edited by hand mix line endings; csv-parse would otherwise fix on the first one it sees.
      record_delimiter: ["\r\n", "\n", "\r"],
      // A stray quote inside an unquoted value ("5" screen") is kept as text, as spreadsheets do.
      relax_quotes: true,
      to: MAX_PHYSICAL_ROWS + 1,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFile(csvErrorMessage(fileName, error));
    throw error;
  }
  if (records.length > MAX_PHYSICAL_ROWS) throw new UnreadableFile(TOO_MANY_ROWS);
  // Blank lines are kept by the parser (as one empty cell) so every record's index is its row in the file.
  return records.map((cells, index) => ({ number: index + 1, cells }));
}

/** The delimiter the header line uses most, counted outside quotes; a single-column file reads as comma-separated. */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "\n" || char === "\r")) {
      if (seenContent) break;
    } else if (!inQuotes && counts.has(char)) {
      counts.set(char, counts.get(char)! + 1);
      seenContent = true;
    } else if (char.trim() !== "") seenContent = true;
  }
  let best: string = ",";
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function csvErrorMessage(fileName: string, error: CsvError): string {
  const where = error.lines ? ` on line ${error.lines}` : "";
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `${fileName} is not valid CSV: a quoted value${where} is never closed. ${SAVE_AS}`;
    default:
      return `${fileName} is not valid CSV${where}. ${SAVE_AS}`;
  }
}

// ── XLSX ───────────────────────────────────────────────────────────────────────────────────────────────────────────

function readWorkbook(bytes: Uint8Array, fileName: string): GridRow[] {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: "array",
      cellDates: true,
      dense: true,
      // One row over the limit is enough to know the file is too long.
      sheetRows: MAX_PHYSICAL_ROWS + 1,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch {
    throw new UnreadableFile(`${fileName} is not a workbook Hearback can read. ${SAVE_AS}`);
  }
  for (const name of workbook.SheetNames) {
    const worksheet = workbook.Sheets[name];
    if (!worksheet) continue;
    const grid = gridFromWorksheet(worksheet);
    if (grid.some((row) => row.cells.some((cell) => cell.trim() !== ""))) {
      if (grid.length > MAX_PHYSICAL_ROWS || worksheet["!fullref"]) throw new UnreadableFile(TOO_MANY_ROWS);
      return grid;
    }
  }
  throw new UnreadableFile(`${fileName} has no filled cells.`);
}

function gridFromWorksheet(worksheet: XLSX.WorkSheet): GridRow[] {
  if (!worksheet["!ref"]) return [];
  const range = XLSX.utils.decode_range(worksheet["!ref"]);
  // Formatting can stretch a sheet's range far to the right; the extra columns only ever hold nothing.
  const lastColumn = Math.min(range.e.c, range.s.c + MAX_IMPORT_COLUMNS);
  const data = (worksheet["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  const grid: GridRow[] = [];
  // Rows above the sheet's range are blank rows of the file: numbering starts at the range's first row.
  for (let rowIndex = range.s.r; rowIndex <= range.e.r; rowIndex++) {
    const row = data[rowIndex];
    const cells: string[] = [];
    for (let columnIndex = range.s.c; columnIndex <= lastColumn; columnIndex++) {
      cells.push(cellText(row?.[columnIndex]));
    }
    grid.push({ number: rowIndex + 1, cells });
  }
  return grid;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return "";
  switch (cell.t) {
    case "d":
      return cell.v instanceof Date ? dateText(cell.v) : String(cell.v);
    case "n":
      return typeof cell.v === "number" ? numberText(cell.v) : String(cell.v);
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return cell.w ?? "";
    default:
      return String(cell.v);
  }
}

/**
 * SheetJS gives a date cell as a Date whose UTC fields are the clock time the cell shows (whatever the process's
 * zone). Excel stores times as fractions of a day, so 14:05 can come back as 14:04:59.999: round to the minute.
 */
function dateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  const iso = rounded.toISOString();
  return iso.slice(11, 16) === "00:00" ? iso.slice(0, 10) : iso.slice(0, 16);
}

/** Numbers as a person typed them: 4915112345678, never 4.91511E+12. */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

// ── From a grid to the Sheet ───────────────────────────────────────────────────────────────────────────────────────

function cleanCell(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length > MAX_CELL_LENGTH ? trimmed.slice(0, MAX_CELL_LENGTH) : trimmed;
}

function sheetFromGrid(grid: GridRow[], fileName: string): Sheet {
  let headerAt = -1;
  const cleaned = grid.map((row) => row.cells.slice(0, MAX_IMPORT_COLUMNS + 1).map(cleanCell));
  for (let index = 0; index < cleaned.length; index++) {
    if (cleaned[index]!.some((cell) => cell !== "")) {
      headerAt = index;
      break;
    }
  }
  if (headerAt === -1) throw new UnreadableFile(`${fileName} is empty.`);
  const headerCells = cleaned[headerAt]!;
  let width = headerCells.length;
  while (width > 0 && headerCells[width - 1] === "") width--;
  if (width > MAX_IMPORT_COLUMNS) {
    throw new UnreadableFile(
      `${fileName} has more than ${MAX_IMPORT_COLUMNS} columns. Remove the columns Hearback does not need and upload it again.`,
    );
  }
  const headers = headerCells.slice(0, width);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let index = headerAt + 1; index < cleaned.length; index++) {
    const cells = cleaned[index]!;
    if (!cells.some((cell) => cell !== "")) continue;
    // Trailing empty cells (",,,") mean nothing; cells past the header with values are kept for the row reader.
    let length = cells.length;
    while (length > width && cells[length - 1] === "") length--;
    rows.push(length === cells.length ? cells : cells.slice(0, length));
    rowNumbers.push(grid[index]!.number);
  }
  if (rows.length === 0) {
    throw new UnreadableFile(`${fileName} has a header row but no rows below it.`);
  }
  if (rows.length > MAX_IMPORT_ROWS) throw new UnreadableFile(TOO_MANY_ROWS);
  return { headers, rows, rowNumbers };
}
