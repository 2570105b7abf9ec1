// Importing customer-support figures from a CSV file: every row is checked and the whole file is refused when any
// row is wrong, with one message per problem naming its row as a spreadsheet numbers it (the header is row 1).
// Pure and browser-safe: the settings page imports this module, so it reads CSV with the domain's own reader rather
// than a Node-only parser.
import { MAX_BENCHMARK_MINUTES, type BenchmarkInput } from "./customer-benchmarks";
import { readCsv, type CsvProblem } from "./helpdesk-import/csv";
import { CUSTOMER_METRICS, type CustomerMetricName } from "./importance";

export const BENCHMARK_CSV_MAX_BYTES = 100 * 1024;
export const BENCHMARK_CSV_REQUIRED_COLUMNS = ["metric", "target_minutes", "attainment", "median_minutes"] as const;
const OPTIONAL_COLUMNS = ["source"] as const;
type Column = (typeof BENCHMARK_CSV_REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** A file that lists more problems than this is not worth reading line by line. */
const MAX_ERRORS = 20;

export const BENCHMARK_CSV_TEMPLATE = [
  "metric,target_minutes,attainment,median_minutes,source",
  "first_reply,60,95%,42,Support desk Q3 2026",
  "next_reply,240,0.9,95,Support desk Q3 2026",
  "resolution,2880,85%,1440,Support desk Q3 2026",
  "",
].join("\r\n");

export type BenchmarkCsvResult = { ok: true; rows: BenchmarkInput[] } | { ok: false; errors: string[] };

const ATTAINMENT_MESSAGE = "attainment must be between 0 and 100 % (write 95 % as 0.95 or 95%)";

/** "0.95" → 0.95, "95%" → 0.95, "" → null; undefined when the text is not an attainment. */
export function attainmentFromCsv(text: string): number | null | undefined {
  if (text === "") return null;
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) {
    const value = Number(percent[1]);
    return value <= 100 ? Math.round(value * 1e6) / 1e8 : undefined;
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  // A bare number above 1 could be a percentage or a typo for a fraction: ask rather than guess.
  return value <= 1 ? value : undefined;
}

function metricFromCsv(text: string): CustomerMetricName | undefined {
  const normalised = text.toLowerCase().replace(/[\s-]+/g, "_");
  return CUSTOMER_METRICS.find((metric) => metric === normalised);
}

function csvErrorMessage(problem: CsvProblem): string {
  const where = `row ${problem.line}`;
  return problem.kind === "unclosed_quote"
    ? `The file is not valid CSV: a quoted value in ${where} is never closed.`
    : `The file is not valid CSV: a quote in ${where} is out of place. Quote whole values, like "Q3, 2026".`;
}

type Header = { ok: true; columns: Column[] } | { ok: false; errors: string[] };

function readHeader(cells: string[]): Header {
  const names = cells.map((cell) => cell.toLowerCase());
  const known: readonly string[] = [...BENCHMARK_CSV_REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const expected = `Row 1 must name the columns: ${BENCHMARK_CSV_REQUIRED_COLUMNS.join(",")} (download the template).`;
  if (names.length === 1 && names[0]!.includes(";")) {
    return { ok: false, errors: [`${expected} Separate values with commas, not semicolons.`] };
  }
  const errors: string[] = [];
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) errors.push(`Row 1: unknown column ${unknown.map((name) => `"${name}"`).join(", ")}.`);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) errors.push(`Row 1: the column "${repeated[0]}" appears twice.`);
  const missing = BENCHMARK_CSV_REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) errors.push(`${expected} Missing: ${missing.join(", ")}.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns: names as Column[] };
}

function readRow(row: number, values: Record<Column, string>, errors: string[]): BenchmarkInput | null {
  const before = errors.length;
  const metric = metricFromCsv(values.metric);
  if (!metric) {
    const found = values.metric === "" ? "it is empty" : `found "${values.metric}"`;
    errors.push(`Row ${row}: metric must be first_reply, next_reply or resolution (${found}).`);
  }
  const target = /^\d+$/.test(values.target_minutes) ? Number(values.target_minutes) : NaN;
  if (!(target >= 1 && target <= MAX_BENCHMARK_MINUTES)) {
    errors.push(`Row ${row}: target_minutes must be a whole number of minutes from 1 to ${MAX_BENCHMARK_MINUTES}.`);
  }
  const attainment = attainmentFromCsv(values.attainment);
  if (attainment === undefined) errors.push(`Row ${row}: ${ATTAINMENT_MESSAGE}.`);
  const median =
    values.median_minutes === ""
      ? null
      : /^\d+(\.\d+)?$/.test(values.median_minutes)
        ? Number(values.median_minutes)
        : NaN;
  if (median !== null && !(median <= MAX_BENCHMARK_MINUTES)) {
    errors.push(`Row ${row}: median_minutes must be a number of minutes, 0 or more (like 42 or 42.5).`);
  }
  if (attainment === null && median === null) {
    errors.push(`Row ${row}: enter the attainment, the median_minutes or both.`);
  }
  const source = values.source ?? "";
  if (source.length > 200) errors.push(`Row ${row}: source must be at most 200 characters.`);
  if (errors.length > before || !metric || attainment === undefined) return null;
  return { metric, targetMinutes: target, attainment, medianMinutes: median, source: source || null };
}

/** Reads the whole file; the rows are returned only when every one of them is valid. */
export function parseBenchmarkCsv(text: string): BenchmarkCsvResult {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, errors: [csvErrorMessage(read.problem)] };
  const records = read.records.map(({ cells, line }) => ({ record: cells, info: { lines: line } }));
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord)
    return { ok: false, errors: ["The file is empty. Start from the template: its first row names the columns."] };
  const header = readHeader(headerRecord.record);
  if (!header.ok) return header;
  if (dataRecords.length === 0) return { ok: false, errors: ["The file has no rows below the header."] };

  const errors: string[] = [];
  const rows: BenchmarkInput[] = [];
  const firstRowOf = new Map<CustomerMetricName, number>();
  for (const { record, info } of dataRecords) {
    const row = info.lines;
    // Spreadsheets save rows they once formatted as ",,,"; they hold nothing.
    if (record.every((cell) => cell === "")) continue;
    if (record.length > header.columns.length) {
      errors.push(`Row ${row} has ${record.length} values; the header names ${header.columns.length}.`);
      continue;
    }
    const values = Object.fromEntries(header.columns.map((column, index) => [column, record[index] ?? ""]));
    const input = readRow(row, values as Record<Column, string>, errors);
    if (!input) continue;
    const earlier = firstRowOf.get(input.metric);
    if (earlier !== undefined) {
      errors.push(`Row ${row}: ${input.metric} is already on row ${earlier}; keep one row per metric.`);
      continue;
    }
    firstRowOf.set(input.metric, row);
    rows.push(input);
  }
  if (errors.length > MAX_ERRORS) {
    return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more problems.`] };
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
