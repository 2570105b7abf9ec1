// A small CSV reader (RFC 4180: quoted values, doubled quotes, line breaks inside quotes; CRLF, LF or CR line ends;
// a leading byte-order mark). Pure and browser-safe, so nothing Node-only reaches the page through the domain code.

export type CsvRecord = {
  /** The values, trimmed of surrounding spaces. */
  cells: string[];
  /** The line the record starts on, counting from 1 as a spreadsheet numbers rows. */
  line: number;
};

export type CsvProblem = { kind: "unclosed_quote" | "stray_quote"; line: number };

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; problem: CsvProblem };

export type CsvReadOptions = {
  /** The separator; "," unless told. */
  delimiter?: string;
  /** Stop after this many records (the rest are not read); the caller reports the file as too long. */
  maxRecords?: number;
};

/** Reads every record; lines with nothing on them are skipped. */
export function readCsv(input: string, options: CsvReadOptions = {}): CsvReadResult {
  const delimiter = options.delimiter ?? ",";
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  let i = 0;
  const endCell = () => {
    cells.push(quoted ? cell : cell.trim());
    cell = "";
    quoted = false;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) records.push({ cells, line: recordLine });
    cells = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && cell.trim() === "" && !quoted) {
      // A quoted value: read to its closing quote.
      quoteLine = line;
      cell = "";
      i += 1;
      let closed = false;
      while (i < text.length) {
        const inner = text[i]!;
        if (inner === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (inner === "\r" || inner === "\n") {
          if (inner === "\r" && text[i + 1] === "\n") {
            cell += "\r";
            i += 1;
          }
          line += 1;
        }
        cell += inner;
        i += 1;
      }
      if (!closed) return { ok: false, problem: { kind: "unclosed_quote", line: quoteLine } };
      quoted = true;
      // Only spaces may follow a closing quote before the separator or the line's end.
      while (text[i] === " " || text[i] === "\t") i += 1;
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") {
        return { ok: false, problem: { kind: "stray_quote", line } };
      }
      continue;
    }
    if (char === '"') return { ok: false, problem: { kind: "stray_quote", line } };
    if (char === delimiter) {
      endCell();
      i += 1;
      continue;
    }
    if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line += 1;
      recordLine = line;
      if (records.length >= maxRecords) return { ok: true, records };
      continue;
    }
    cell += char;
    i += 1;
  }
  if (cell !== "" || cells.length > 0 || quoted) endRecord();
  return { ok: true, records: records.slice(0, maxRecords === Number.POSITIVE_INFINITY ? undefined : maxRecords) };
}

/** The separator a header row uses: a semicolon (spreadsheets in many European locales) or a tab when the first line
 * has more of those than commas; otherwise a comma. */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, 10_000).split(/\r\n|\n|\r/, 1)[0] ?? "";
  const count = (char: string) => firstLine.split(char).length - 1;
  const candidates = [",", ";", "\t"].map((char) => ({ char, n: count(char) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.char : ",";
}
