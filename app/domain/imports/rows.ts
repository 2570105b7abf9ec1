// Turns a sheet's rows into ImportRows under a column mapping, checking each one: a row with any problem is reported
// (RowError, naming the file's row and column) and not read. Statuses from ATS exports and trackers become outcomes.
import { readDate, zonedDay } from "./dates";
import { FIELD_LABELS } from "./mapping";
import type { ColumnMapping, ImportField, ImportOutcome, ImportRow, ReadOptions, RowError, Sheet } from "./types";
import { emailField } from "../validation";

const MAX_LENGTH = {
  name: 120,
  job: 200,
  stage: 120,
  phone: 40,
  reason: 500,
  source: 80,
  recruiter: 120,
  id: 64,
} as const;

/** A date this far after `now` is a typo (a clock a few hours ahead is not). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60_000;

const DATE_HINT = "use 2026-12-31 or 31.12.2026";

/** Status words, as `wordsOf` writes them, and the outcome each means. Anything else is taken for a stage name. */
const STATUS_OUTCOMES = new Map<string, ImportOutcome>([
  ...words("active", "active, in progress, open, new, lead, prospect, aktiv, offen, neu, in bearbeitung"),
  ...words(
    "rejected",
    "rejected, archived, declined, not selected, disqualified, rejected by company, abgelehnt, absage, archiviert",
  ),
  ...words("hired", "hired, offer accepted, eingestellt"),
  ...words("withdrawn", "withdrawn, candidate withdrew, withdrew, withdrew application, zurückgezogen"),
]);

/**
 * Archive reasons that say the candidate left or was hired rather than turned down: Lever archives all three.
 * "Offer declined" is the candidate declining Hearback's customer, a withdrawal.
 */
const REASON_OUTCOMES = new Map<string, ImportOutcome>([
  ...words("hired", "hired, hired elsewhere internally, eingestellt"),
  ...words(
    "withdrawn",
    "withdrew, withdrawn, candidate withdrew, candidate withdrawn, withdrew application, offer declined, declined offer, candidate declined, accepted another offer, zurückgezogen",
  ),
]);

const TOLD_YES = new Set(["yes", "y", "true", "x", "1", "ja", "sent", "gesendet", "versendet", "done"]);
const TOLD_NO = new Set(["no", "n", "false", "0", "nein", "not sent", "nicht gesendet"]);

function words(outcome: ImportOutcome, list: string): [string, ImportOutcome][] {
  return list.split(",").map((word) => [wordsOf(word), outcome]);
}

/** "Candidate withdrew." → "candidate withdrew": lower case, punctuation and extra spaces gone. */
function wordsOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Reads every non-blank row. Statuses: an outcome word (active, rejected, hired, withdrawn and their synonyms) sets
 * the outcome; any other status text is a stage name (used as the stage when the stage column is empty) and the row
 * is active; no status means rejected when the row has a rejected date or reason, else active. A rejection whose
 * reason says the candidate withdrew or was hired becomes that outcome. Two rows for the same email and job: the later
 * one is an error (Hearback keeps one application per candidate and job), even when their application IDs differ.
 */
export function readRows(
  sheet: Sheet,
  mapping: ColumnMapping,
  options: ReadOptions,
): { rows: ImportRow[]; errors: RowError[] } {
  const columnOf: Partial<Record<ImportField, number>> = {};
  for (const [key, field] of Object.entries(mapping)) {
    const column = Number(key);
    if (Number.isInteger(column) && column >= 0 && column < sheet.headers.length) columnOf[field] ??= column;
  }
  const columnName = (field: ImportField): string => {
    const column = columnOf[field];
    return (column !== undefined && sheet.headers[column]) || FIELD_LABELS[field];
  };
  const reader = new RowReader(sheet.headers.length, columnOf, columnName, options);
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, { row: number; applicationId?: string }>();
  sheet.rows.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    const row = sheet.rowNumbers?.[index] ?? index + 2;
    const rowErrors: RowError[] = [];
    const read = reader.read(row, cells, rowErrors);
    if (read.email && read.job) {
      const key = `${read.email}\n${read.job.toLowerCase()}`;
      const earlier = firstRowOf.get(key);
      if (earlier) {
        const otherId =
          earlier.applicationId && read.applicationId && earlier.applicationId !== read.applicationId
            ? ` (under another application ID, ${earlier.applicationId})`
            : "";
        rowErrors.push({
          row,
          column: columnName("email"),
          message: `Same candidate and job as row ${earlier.row}${otherId}. Hearback keeps one application per candidate and job: keep one of the two rows.`,
        });
      } else firstRowOf.set(key, { row, applicationId: read.applicationId });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push(read as ImportRow);
  });
  return { rows, errors };
}

type TextField = Exclude<ImportField, "appliedAt" | "lastActivityAt" | "rejectedAt" | "rejectionToldAt">;

class RowReader {
  private readonly futureLimit: number | undefined;
  /** Dates read so far by their text: a file repeats its days, and a Date is never changed once read. */
  private readonly dates = new Map<string, Date | null | "unreadable">();

  constructor(
    private readonly headerCount: number,
    private readonly columnOf: Partial<Record<ImportField, number>>,
    private readonly columnName: (field: ImportField) => string,
    private readonly options: ReadOptions,
  ) {
    this.futureLimit = options.now ? options.now.getTime() + FUTURE_TOLERANCE_MS : undefined;
  }

  /** The row as far as it reads; complete when `errors` gained nothing. */
  read(row: number, cells: string[], errors: RowError[]): Partial<ImportRow> {
    const fail = (field: ImportField | string, message: string) =>
      errors.push({ row, column: field in FIELD_LABELS ? this.columnName(field as ImportField) : field, message });
    const get = (field: ImportField): string => {
      const column = this.columnOf[field];
      return column === undefined ? "" : collapse(cells[column] ?? "");
    };
    const optional = (field: TextField, max: number): string | undefined => {
      const value = get(field);
      if (value.length > max) fail(field, `${FIELD_LABELS[field]} must be at most ${max} characters.`);
      return value || undefined;
    };

    for (let column = this.headerCount; column < cells.length; column++) {
      if (cells[column]) {
        fail(
          `Column ${column + 1}`,
          `This row has more values than the header has columns. A value holding the delimiter (a comma or semicolon) needs quotes around it.`,
        );
        break;
      }
    }

    const name = get("fullName") || collapse(`${get("firstName")} ${get("lastName")}`);
    const nameField: ImportField =
      this.columnOf.fullName !== undefined || this.columnOf.firstName === undefined ? "fullName" : "firstName";
    if (!name) fail(nameField, "Name is empty.");
    else if (name.length > MAX_LENGTH.name) fail(nameField, `Name must be at most ${MAX_LENGTH.name} characters.`);

    const email = this.readEmail(get("email"), (message) => fail("email", message));

    const job = get("job");
    if (!job) fail("job", "Job is empty.");
    else if (job.length > MAX_LENGTH.job) fail("job", `Job must be at most ${MAX_LENGTH.job} characters.`);

    let stage = optional("stage", MAX_LENGTH.stage);
    const statusText = get("status");
    const reason = optional("rejectionReason", MAX_LENGTH.reason);
    const reasonOutcome = reason ? REASON_OUTCOMES.get(wordsOf(reason)) : undefined;
    const statusOutcome = STATUS_OUTCOMES.get(wordsOf(statusText));
    const rejectedAtText = get("rejectedAt");
    let outcome: ImportOutcome;
    if (statusText === "") outcome = rejectedAtText || reason ? (reasonOutcome ?? "rejected") : "active";
    else if (statusOutcome === "rejected") outcome = reasonOutcome ?? "rejected";
    else if (statusOutcome) outcome = statusOutcome;
    else {
      // Trackers often keep the stage in their Status column ("Phone Screen").
      outcome = "active";
      if (!stage) {
        if (statusText.length > MAX_LENGTH.stage) {
          fail(
            "status",
            `Status is not an outcome, and too long for a stage name (at most ${MAX_LENGTH.stage} characters).`,
          );
        }
        stage = statusText;
      }
    }

    const appliedAt = this.readInstant("appliedAt", get("appliedAt"), fail);
    const lastActivityAt = this.readInstant("lastActivityAt", get("lastActivityAt"), fail);
    const rejectedAt = this.readInstant("rejectedAt", rejectedAtText, fail);
    const toldText = get("rejectionToldAt");
    const told = TOLD_YES.has(wordsOf(toldText))
      ? "yes"
      : TOLD_NO.has(wordsOf(toldText))
        ? undefined
        : this.readInstant("rejectionToldAt", toldText, fail);

    let decidedAt: Date | undefined;
    let toldAt: Date | undefined;
    if (outcome !== "active") {
      decidedAt = rejectedAt ?? lastActivityAt;
      if (decidedAt && appliedAt) {
        const checked = this.notBefore(appliedAt, decidedAt);
        if (checked === "before") {
          fail(
            rejectedAt ? "rejectedAt" : "lastActivityAt",
            `${rejectedAt ? this.columnName("rejectedAt") : this.columnName("lastActivityAt")} is before the applied date.`,
          );
        } else decidedAt = checked;
      }
      if (told === "yes") {
        if (decidedAt) toldAt = decidedAt;
        else {
          fail(
            "rejectionToldAt",
            `${this.columnName("rejectionToldAt")} says it was sent, but the row has no date for the decision; give the date it was sent instead.`,
          );
        }
      } else if (told && decidedAt) {
        const checked = this.notBefore(decidedAt, told);
        if (checked === "before") {
          fail(
            "rejectionToldAt",
            `${this.columnName("rejectionToldAt")} is before the decision (${this.columnName(rejectedAt ? "rejectedAt" : "lastActivityAt")}).`,
          );
        } else toldAt = checked;
      } else if (told) toldAt = told;
    }

    return {
      row,
      name,
      email,
      phone: optional("phone", MAX_LENGTH.phone),
      job,
      stage,
      outcome,
      appliedAt: appliedAt?.toISOString(),
      lastActivityAt: lastActivityAt?.toISOString(),
      decidedAt: decidedAt?.toISOString(),
      reason: outcome === "rejected" || outcome === "withdrawn" ? reason : undefined,
      toldAt: toldAt?.toISOString(),
      source: optional("source", MAX_LENGTH.source),
      recruiter: optional("recruiter", MAX_LENGTH.recruiter),
      candidateId: optional("candidateId", MAX_LENGTH.id),
      applicationId: optional("applicationId", MAX_LENGTH.id),
    };
  }

  /** The cell's first address ("a@x.com; b@x.com" holds two), lower-cased, checked as the app's forms check it. */
  private readEmail(text: string, fail: (message: string) => void): string | undefined {
    // Several addresses are separated by semicolons, commas or spaces; "Ana Ruiz <ana@example.com>" is one address.
    const part = text.split(/[;,]/).find((candidate) => candidate.trim() !== "") ?? "";
    const inAngles = /<([^<>]+)>/.exec(part)?.[1];
    const first = (inAngles ?? part.trim().split(/\s+(?=\S*@)/)[0] ?? "").trim();
    if (first === "") {
      fail("Email is empty.");
      return undefined;
    }
    if (first.length > 254) {
      fail("Email must be at most 254 characters.");
      return undefined;
    }
    if (!emailField.safeParse(first).success) {
      fail(`“${first}” is not an email address; write it like name@example.com.`);
      return undefined;
    }
    return first.toLowerCase();
  }

  private readInstant(
    field: ImportField,
    text: string,
    fail: (field: ImportField, message: string) => void,
  ): Date | undefined {
    if (text === "") return undefined;
    let date = this.dates.get(text);
    if (date === undefined) {
      date = readDate(text, this.options);
      this.dates.set(text, date);
    }
    if (date === null) return undefined;
    const column = this.columnName(field);
    if (date === "unreadable") {
      fail(field, `${column}: “${text}” is not a date Hearback can read; ${DATE_HINT}.`);
      return undefined;
    }
    if (this.futureLimit !== undefined && date.getTime() > this.futureLimit) {
      fail(field, `${column}: “${text}” is in the future.`);
      return undefined;
    }
    return date;
  }

  /**
   * `later`, unless it falls on a day before `earlier`'s in the workspace's zone. On the same day it is moved up to
   * `earlier`: a date without a time reads as noon, and a rejection "on 14 Sep" after an application at 15:00 that
   * day is no contradiction.
   */
  private notBefore(earlier: Date, later: Date): Date | "before" {
    if (later.getTime() >= earlier.getTime()) return later;
    const { timeZone } = this.options;
    return zonedDay(later, timeZone) === zonedDay(earlier, timeZone) ? earlier : "before";
  }
}
