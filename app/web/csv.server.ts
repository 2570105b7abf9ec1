// CSV downloads (RFC 4180) that open safely in spreadsheets: cells a spreadsheet would run as a formula are defused
// with a leading apostrophe (OWASP "CSV injection"), and a UTF-8 byte-order mark makes Excel read accents correctly.

export type CsvCell = string | number | boolean | Date | null | undefined;

/** The byte-order mark Excel needs to read a CSV file as UTF-8 rather than the system code page. */
export const UTF8_BOM = "\uFEFF";

// A spreadsheet treats text starting with these as a formula (tab and carriage return can hide the real start).
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180: fields holding a quote, a comma or a line break are quoted, and quotes inside are doubled.
const NEEDS_QUOTES = /[",\r\n]/;

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  // Numbers we computed are data, not user text: -3 stays a number the spreadsheet can sum.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: CsvCell): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the byte-order mark, the header row, then one CRLF-terminated line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}

/** A download response; `filename` is reduced to safe characters so it cannot break the header. */
export function csvResponse(filename: string, csv: string): Response {
  const safeName = filename.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "export";
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeName.endsWith(".csv") ? safeName : `${safeName}.csv`}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
