// What a spreadsheet import reads: the file's sheet of cells, the mapping of its columns to Hearback's fields, and the
// rows as Hearback will apply them. Pure: no I/O. The reader (sheet.ts), the column guesser (mapping.ts) and the row
// reader (rows.ts) turn an upload into ImportRows and RowErrors; app/models/imports/ applies the rows.

/** The fields a column can be mapped to. A candidate's name is either `fullName` or `firstName` + `lastName`. */
export const IMPORT_FIELDS = [
  "fullName",
  "firstName",
  "lastName",
  "email",
  "phone",
  "job",
  "stage",
  "status",
  "appliedAt",
  "lastActivityAt",
  "rejectedAt",
  "rejectionReason",
  "rejectionToldAt",
  "source",
  "recruiter",
  "candidateId",
  "applicationId",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * The file as a grid of text cells: the first non-empty row is the header; `rows[i]` is file row `rowNumbers[i]`
 * (blank rows are left out, so the numbers may skip), or row `i + 2` when `rowNumbers` is absent.
 */
export type Sheet = { headers: string[]; rows: string[][]; rowNumbers?: number[] };

/** Column index (0-based, as a string key for JSON) → the field it holds; a column mapped to nothing is ignored. */
export type ColumnMapping = Record<string, ImportField>;

/** How ambiguous dates such as 03/04/2026 read: day first (3 April) or month first (March 4). */
export const DATE_ORDERS = ["dmy", "mdy"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export type ReadOptions = {
  dateOrder: DateOrder;
  /** The IANA zone a date without a time is taken in (the workspace's default schedule's zone). */
  timeZone: string;
  /** The time of the import: a date more than a day after it is refused. Absent: dates are not checked against it. */
  now?: Date;
};

export const IMPORT_OUTCOMES = ["active", "rejected", "hired", "withdrawn"] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** One row as Hearback will apply it. Instants are ISO strings so a row survives a JSON round trip (ImportRow.data). */
export type ImportRow = {
  /** The row's number in the file (the header is row 1). */
  row: number;
  name: string;
  /** Lower-cased, checked. */
  email: string;
  phone?: string;
  /** The job's title as the file names it. */
  job: string;
  /** The stage's name as the file names it; absent: the job's first stage. */
  stage?: string;
  outcome: ImportOutcome;
  appliedAt?: string;
  lastActivityAt?: string;
  /** When it was rejected, hired or withdrawn (a rejected-at column, else the last activity). */
  decidedAt?: string;
  reason?: string;
  /** When the candidate was told the outcome; absent for a rejection: rejected, not yet told. */
  toldAt?: string;
  source?: string;
  recruiter?: string;
  candidateId?: string;
  applicationId?: string;
};

/** A row refused, with the column at fault (its header as the file writes it) and why, in plain words. */
export type RowError = { row: number; column: string; message: string };

/** A file that cannot be read at all (not CSV or XLSX, empty, no header): the upload is refused with this message. */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}
