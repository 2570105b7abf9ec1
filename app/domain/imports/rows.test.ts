import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { guessDateOrder } from "./dates";
import { guessMapping } from "./mapping";
import { readRows } from "./rows";
import { readSheet } from "./sheet";
import type { ImportRow, ReadOptions, Sheet } from "./types";

const NOW = new Date("2026-12-10T12:00:00Z");
const BERLIN: ReadOptions = { dateOrder: "dmy", timeZone: "Europe/Berlin", now: NOW };
const NEW_YORK: ReadOptions = { dateOrder: "mdy", timeZone: "America/New_York", now: NOW };

function readFixture(name: string, options: ReadOptions) {
  const sheet = readSheet(readFileSync(new URL(`../../../tests/fixtures/imports/${name}`, import.meta.url)), name);
  return readRows(sheet, guessMapping(sheet.headers), options);
}

/** The fields a test looks at, so one expectation fits on a line. */
function brief(row: ImportRow) {
  return [row.row, row.name, row.email, row.job, row.stage, row.outcome, row.appliedAt, row.decidedAt, row.reason];
}

function sheetOf(text: string): Sheet {
  return readSheet(new TextEncoder().encode(text), "test.csv");
}

test("Greenhouse: statuses, both date styles, several emails in a cell, and three broken rows", () => {
  const sheet = readSheet(
    readFileSync(new URL("../../../tests/fixtures/imports/greenhouse-candidates.csv", import.meta.url)),
    "greenhouse-candidates.csv",
  );
  expect(guessDateOrder(sheet.rows.flatMap((cells) => [cells[12]!, cells[13]!, cells[14]!]))).toBe("mdy");
  const { rows, errors } = readFixture("greenhouse-candidates.csv", NEW_YORK);
  expect(rows.map(brief)).toEqual([
    [
      2,
      "Ana Ruiz",
      "ana.ruiz@example.com",
      "Senior Backend Engineer",
      "Application Review",
      "active",
      "2026-09-14T16:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      3,
      "Ben Okafor",
      "ben.okafor@example.com",
      "Senior Backend Engineer",
      "Phone Screen",
      "rejected",
      "2026-09-02T16:00:00.000Z",
      "2026-09-18T16:00:00.000Z",
      "Lacking skill(s)/qualification(s)",
    ],
    [
      4,
      "Li Chen",
      "li.chen@example.com",
      "Product Designer",
      "Offer",
      "hired",
      "2026-08-03T16:00:00.000Z",
      "2026-10-01T16:00:00.000Z",
      undefined,
    ],
    [
      5,
      "Dana Kowalski",
      "dana.k@example.com",
      "Product Designer",
      "Onsite Interview",
      "active",
      "2026-10-05T16:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      6,
      "Emeka Obi",
      "emeka.obi@example.com",
      "Customer Success Manager",
      "Application Review",
      "rejected",
      "2026-10-12T16:00:00.000Z",
      "2026-10-13T16:00:00.000Z",
      "Another candidate was selected",
    ],
    [
      10,
      "Ivan Petrov",
      "ivan.petrov@example.com",
      "Customer Success Manager",
      "Offer",
      "hired",
      "2026-09-01T16:00:00.000Z",
      "2026-11-15T17:00:00.000Z",
      undefined,
    ],
    [
      11,
      "Julia Santos",
      "julia.santos@example.com",
      "Senior Backend Engineer",
      "Application Review",
      "withdrawn",
      "2026-11-20T17:00:00.000Z",
      "2026-11-21T17:00:00.000Z",
      "Candidate withdrew",
    ],
    [
      12,
      "Kofi Mensah",
      "kofi.mensah@example.com",
      "Product Designer",
      "Phone Screen",
      "active",
      "2026-12-01T17:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      13,
      "Lena Fischer",
      "lena.fischer@example.com",
      "Customer Success Manager",
      "Application Review",
      "active",
      "2026-11-28T17:00:00.000Z",
      undefined,
      undefined,
    ],
  ]);
  expect(rows[0]).toEqual({
    row: 2,
    name: "Ana Ruiz",
    email: "ana.ruiz@example.com",
    phone: "+1 415 555 0101",
    job: "Senior Backend Engineer",
    stage: "Application Review",
    outcome: "active",
    appliedAt: "2026-09-14T16:00:00.000Z",
    lastActivityAt: "2026-09-20T16:00:00.000Z",
    source: "LinkedIn",
    recruiter: "Priya Shah",
    candidateId: "40118201",
    applicationId: "70330101",
  });
  expect(rows[7]!.source).toBe("Job board, Stack Overflow");
  expect(errors).toEqual([
    {
      row: 7,
      column: "Email",
      message: "“farah.haddad@example” is not an email address; write it like name@example.com.",
    },
    {
      row: 8,
      column: "Applied On",
      message: "Applied On: “Sept 2026” is not a date Hearback can read; use 2026-12-31 or 31.12.2026.",
    },
    { row: 9, column: "Job", message: "Job is empty." },
  ]);
});

test("Lever: no status column, archived rows by their reason, Last-First names kept, three broken rows", () => {
  const { rows, errors } = readFixture("lever-export.csv", BERLIN);
  expect(rows.map(brief)).toEqual([
    [
      2,
      "Ana Ruiz",
      "ana.ruiz@example.com",
      "Backend Engineer (Berlin)",
      "Phone screen",
      "active",
      "2026-09-14T08:30:00.000Z",
      undefined,
      undefined,
    ],
    [
      3,
      "Ben Okafor",
      "ben.okafor@example.com",
      "Backend Engineer (Berlin)",
      "Application review",
      "rejected",
      "2026-09-02T14:12:45.000Z",
      "2026-09-18T09:05:00.000Z",
      "Underqualified",
    ],
    [
      4,
      "Li Chen",
      "li.chen@example.com",
      "Product Designer",
      "On-site interview",
      "withdrawn",
      "2026-08-03T07:00:00.000Z",
      "2026-10-02T16:21:00.000Z",
      "Withdrew",
    ],
    [
      5,
      "Dana Kowalski",
      "dana.kowalski@example.com",
      "Product Designer",
      "Offer",
      "hired",
      "2026-08-20T11:00:00.000Z",
      "2026-10-15T12:30:00.000Z",
      undefined,
    ],
    [
      6,
      "Okafor, Emeka",
      "emeka.okafor@example.com",
      "Customer Success Lead",
      "New lead",
      "active",
      "2026-11-02T09:15:00.000Z",
      undefined,
      undefined,
    ],
    // A reason without an archive date: rejected, decided at the last interaction.
    [
      7,
      "Farah Haddad",
      "farah@example.com",
      "Customer Success Lead",
      "Phone screen",
      "rejected",
      "2026-10-10T18:45:00.000Z",
      "2026-10-30T08:00:00.000Z",
      "Position filled",
    ],
    [
      11,
      "Julia Santos",
      "julia.santos@example.com",
      "Customer Success Lead",
      "Phone screen",
      "withdrawn",
      "2026-11-12T10:00:00.000Z",
      "2026-11-25T15:31:00.000Z",
      "Offer declined",
    ],
  ]);
  expect(rows[0]).toMatchObject({
    source: "LinkedIn",
    recruiter: "Sam Lee",
    candidateId: "5b2e9f10-77aa-4c1d-8e0f-1a2b3c4d5e01",
    applicationId: "0c1d7a52-3f1e-4b8a-9a61-2f4e8d1c0a01",
    lastActivityAt: "2026-09-20T10:00:00.000Z",
  });
  expect(errors).toEqual([
    { row: 8, column: "Email", message: "Email is empty." },
    {
      row: 9,
      column: "Created At",
      message: "Created At: “2026-13-01T09:00:00Z” is not a date Hearback can read; use 2026-12-31 or 31.12.2026.",
    },
    { row: 10, column: "Archived At", message: "Archived At: “2027-03-01T00:00:00Z” is in the future." },
  ]);
});

test("Google Sheets tracker: stage names in the Status column, day-first dates, blank rows skipped", () => {
  const { rows, errors } = readFixture("google-sheets.csv", BERLIN);
  expect(rows.map(brief)).toEqual([
    [
      2,
      "Ana Ruiz",
      "ana.ruiz@example.com",
      "Barista",
      "Phone Screen",
      "active",
      "2026-09-14T10:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      3,
      "Ben Okafor",
      "ben@example.com",
      "Barista",
      undefined,
      "rejected",
      "2026-09-02T10:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      4,
      "Li Chen",
      "li.chen@example.com",
      "Shift Lead",
      "Trial shift",
      "active",
      "2026-10-03T10:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      5,
      "Dana Kowalski",
      "dana@example.com",
      "Shift Lead",
      undefined,
      "hired",
      "2026-08-20T10:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      10,
      "Hana Sato",
      "hana@example.com",
      "Barista",
      undefined,
      "active",
      "2026-11-01T11:00:00.000Z",
      undefined,
      undefined,
    ],
  ]);
  expect(errors).toEqual([
    {
      row: 7,
      column: "Applied",
      message: "Applied: “31.09.2026” is not a date Hearback can read; use 2026-12-31 or 31.12.2026.",
    },
    {
      row: 8,
      column: "E-mail",
      message: "“farah at example.com” is not an email address; write it like name@example.com.",
    },
    { row: 9, column: "Role", message: "Job is empty." },
  ]);
});

test("German Excel (Windows-1252, semicolons): German statuses and dates", () => {
  const { rows, errors } = readFixture("excel-de.csv", BERLIN);
  expect(rows.map(brief)).toEqual([
    [
      2,
      "Jürgen Müller",
      "juergen.mueller@beispiel.de",
      "Vertriebsleiter (m/w/d)",
      "Erstgespräch",
      "active",
      "2026-09-01T10:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      3,
      "José García López",
      "jose.garcia@beispiel.de",
      "Vertriebsleiter (m/w/d)",
      "Zweitgespräch",
      "rejected",
      "2026-09-03T10:00:00.000Z",
      "2026-10-15T10:00:00.000Z",
      "Andere Kandidatin ausgewählt",
    ],
    [
      4,
      "Björn Weiß",
      "bjoern.weiss@beispiel.de",
      "Werkstudent Marketing",
      "Angebot",
      "hired",
      "2026-08-10T10:00:00.000Z",
      undefined,
      undefined,
    ],
    [
      5,
      "Zoë Schäfer",
      "zoe.schaefer@beispiel.de",
      "Werkstudent Marketing",
      "Erstgespräch",
      "withdrawn",
      "2026-08-12T10:00:00.000Z",
      "2026-08-20T10:00:00.000Z",
      "Hat anderes Angebot angenommen",
    ],
  ]);
  expect(rows[0]).toMatchObject({ phone: "0151 2345678", source: "StepStone" });
  expect(errors).toEqual([
    { row: 6, column: "E-Mail", message: "Email is empty." },
    {
      row: 7,
      column: "Beworben am",
      message: "Beworben am: “1.13.2026” is not a date Hearback can read; use 2026-12-31 or 31.12.2026.",
    },
    { row: 8, column: "Stelle", message: "Job is empty." },
  ]);
});

test("XLSX tracker: date cells, a phone stored as a number, a TRUE in Rejection sent", () => {
  const { rows, errors } = readFixture("tracker.xlsx", BERLIN);
  expect(rows).toEqual([
    {
      row: 2,
      name: "Ana Ruiz",
      email: "ana.ruiz@example.com",
      phone: "4915123456789",
      job: "Data Analyst",
      stage: "Case study",
      outcome: "active",
      appliedAt: "2026-09-14T10:00:00.000Z",
      lastActivityAt: "2026-09-20T12:05:00.000Z",
    },
    {
      row: 3,
      name: "Ben Okafor",
      email: "ben.okafor@example.com",
      phone: "4930123456",
      job: "Data Analyst",
      stage: "Phone screen",
      outcome: "rejected",
      appliedAt: "2026-09-02T10:00:00.000Z",
      lastActivityAt: "2026-09-18T07:30:00.000Z",
      decidedAt: "2026-09-18T07:30:00.000Z",
      toldAt: "2026-09-18T07:30:00.000Z",
    },
    {
      row: 4,
      name: "Li Chen",
      email: "li.chen@example.com",
      job: "Data Engineer",
      stage: "Offer",
      outcome: "hired",
      appliedAt: "2026-08-03T10:00:00.000Z",
      lastActivityAt: "2026-10-01T10:00:00.000Z",
      decidedAt: "2026-10-01T10:00:00.000Z",
    },
    {
      row: 5,
      name: "Dana Kowalski",
      email: "dana.kowalski@example.com",
      job: "Data Engineer",
      stage: "Interview",
      outcome: "rejected",
      appliedAt: "2026-10-05T10:00:00.000Z",
      lastActivityAt: "2026-11-02T15:45:00.000Z",
      decidedAt: "2026-11-02T15:45:00.000Z",
    },
  ]);
  expect(errors).toEqual([
    {
      row: 6,
      column: "Date applied",
      message: "Date applied: “sometime in May” is not a date Hearback can read; use 2026-12-31 or 31.12.2026.",
    },
    { row: 7, column: "Email", message: "Email is empty." },
    { row: 8, column: "Date applied", message: "Date applied: “2027-02-01” is in the future." },
  ]);
});

test("a later row for the same email and job is an error, even under another application ID", () => {
  const sheet = sheetOf(
    [
      "Name,Email,Job,Application ID",
      "Ana Ruiz,ana@example.com,Barista,A-1",
      "Ana Ruiz,ANA@example.com ,barista,A-1",
      "Ana Ruiz,ana@example.com,Barista,A-2",
      "Ana Ruiz,ana@example.com,Shift Lead,A-3",
    ].join("\n"),
  );
  const { rows, errors } = readRows(sheet, guessMapping(sheet.headers), BERLIN);
  expect(rows.map((row) => row.row)).toEqual([2, 5]);
  expect(errors).toEqual([
    {
      row: 3,
      column: "Email",
      message:
        "Same candidate and job as row 2. Hearback keeps one application per candidate and job: keep one of the two rows.",
    },
    {
      row: 4,
      column: "Email",
      message:
        "Same candidate and job as row 2 (under another application ID, A-1). Hearback keeps one application per candidate and job: keep one of the two rows.",
    },
  ]);
});

test("statuses: outcome words, stage names, and rows without a status", () => {
  const sheet = sheetOf(
    [
      "Name,Email,Job,Stage,Status,Rejected at,Reason",
      "A,a@x.com,J,,In progress,,",
      "B,b@x.com,J,,Not selected,,",
      "C,c@x.com,J,,Offer accepted,,",
      "D,d@x.com,J,,Zurückgezogen,,",
      "E,e@x.com,J,Interview,Phone Screen,,",
      "F,f@x.com,J,,,2026-10-01,",
      "G,g@x.com,J,,,,Too junior",
      "H,h@x.com,J,,Archived,2026-10-01,Hired",
      "I,i@x.com,J,,Active,2026-10-01,",
    ].join("\n"),
  );
  const { rows, errors } = readRows(sheet, guessMapping(sheet.headers), BERLIN);
  expect(errors).toEqual([]);
  expect(rows.map((row) => [row.name, row.outcome, row.stage, row.decidedAt, row.reason])).toEqual([
    ["A", "active", undefined, undefined, undefined],
    ["B", "rejected", undefined, undefined, undefined],
    ["C", "hired", undefined, undefined, undefined],
    ["D", "withdrawn", undefined, undefined, undefined],
    ["E", "active", "Interview", undefined, undefined],
    ["F", "rejected", undefined, "2026-10-01T10:00:00.000Z", undefined],
    ["G", "rejected", undefined, undefined, "Too junior"],
    ["H", "hired", undefined, "2026-10-01T10:00:00.000Z", undefined],
    ["I", "active", undefined, undefined, undefined],
  ]);
});

test("names from first and last, emails with several addresses or a display name, lengths checked", () => {
  const sheet = sheetOf(
    [
      "First name,Last name,Email,Job,Phone,Source",
      "  Ana  Maria , Ruiz ,Ana Ruiz <Ana@Example.com>,Barista,,",
      "Ben,,ben@x.com b@y.com,Barista,,",
      ",,c@x.com,Barista,,",
      `D,E,d@x.com,${"J".repeat(201)},${"1".repeat(41)},${"s".repeat(81)}`,
    ].join("\n"),
  );
  const { rows, errors } = readRows(sheet, guessMapping(sheet.headers), BERLIN);
  expect(rows.map((row) => [row.name, row.email])).toEqual([
    ["Ana Maria Ruiz", "ana@example.com"],
    ["Ben", "ben@x.com"],
  ]);
  expect(errors).toEqual([
    { row: 4, column: "First name", message: "Name is empty." },
    { row: 5, column: "Job", message: "Job must be at most 200 characters." },
    { row: 5, column: "Phone", message: "Phone must be at most 40 characters." },
    { row: 5, column: "Source", message: "Source must be at most 80 characters." },
  ]);
});

test("told and decided dates: told before the decision is an error, on the same day it is moved up", () => {
  const sheet = sheetOf(
    [
      "Name,Email,Job,Status,Applied,Rejected on,Rejection email sent at",
      "A,a@x.com,J,Rejected,2026-09-01,2026-10-01T15:00,2026-10-01",
      "B,b@x.com,J,Rejected,2026-09-01,2026-10-02,2026-10-01",
      "C,c@x.com,J,Rejected,2026-10-05,2026-10-02,",
      "D,d@x.com,J,Rejected,,,yes",
      "E,e@x.com,J,Active,,,2026-10-01",
    ].join("\n"),
  );
  const { rows, errors } = readRows(sheet, guessMapping(sheet.headers), BERLIN);
  expect(rows.map((row) => [row.name, row.decidedAt, row.toldAt])).toEqual([
    ["A", "2026-10-01T13:00:00.000Z", "2026-10-01T13:00:00.000Z"],
    ["E", undefined, undefined],
  ]);
  expect(errors).toEqual([
    {
      row: 3,
      column: "Rejection email sent at",
      message: "Rejection email sent at is before the decision (Rejected on).",
    },
    { row: 4, column: "Rejected on", message: "Rejected on is before the applied date." },
    {
      row: 5,
      column: "Rejection email sent at",
      message:
        "Rejection email sent at says it was sent, but the row has no date for the decision; give the date it was sent instead.",
    },
  ]);
});

test("a row with more values than the header is refused; a missing column is named by its field", () => {
  const sheet = sheetOf(["Name,Email", "Ruiz, Ana,ana@x.com", "Ben,ben@x.com"].join("\n"));
  const { rows, errors } = readRows(sheet, { "0": "fullName", "1": "email" }, BERLIN);
  expect(rows).toEqual([]);
  expect(errors).toEqual([
    {
      row: 2,
      column: "Column 3",
      message:
        "This row has more values than the header has columns. A value holding the delimiter (a comma or semicolon) needs quotes around it.",
    },
    { row: 2, column: "Email", message: "“Ana” is not an email address; write it like name@example.com." },
    { row: 2, column: "Job", message: "Job is empty." },
    { row: 3, column: "Job", message: "Job is empty." },
  ]);
});

test("without now, dates are not checked against the clock; rows without rowNumbers count from 2", () => {
  const sheet: Sheet = { headers: ["Name", "Email", "Job", "Applied"], rows: [["A", "a@x.com", "J", "2099-01-01"]] };
  const { rows } = readRows(sheet, guessMapping(sheet.headers), { dateOrder: "mdy", timeZone: "UTC" });
  expect(rows).toEqual([
    { row: 2, name: "A", email: "a@x.com", job: "J", outcome: "active", appliedAt: "2099-01-01T12:00:00.000Z" },
  ]);
});

test("10,000 rows read correctly", () => {
  const lines = ["Full name,Email,Job,Stage,Status,Applied"];
  for (let index = 0; index < 10_000; index++) {
    lines.push(
      `Candidate ${index},candidate${index}@example.com,Job ${index % 7},Screen,${index % 3 === 0 ? "Rejected" : "Active"},2026-09-${String((index % 28) + 1).padStart(2, "0")}`,
    );
  }
  const sheet = sheetOf(lines.join("\r\n"));
  const { rows, errors } = readRows(sheet, guessMapping(sheet.headers), BERLIN);
  expect(errors).toEqual([]);
  expect(rows).toHaveLength(10_000);
  expect(rows[9_999]).toEqual({
    row: 10_001,
    name: "Candidate 9999",
    email: "candidate9999@example.com",
    job: "Job 3",
    stage: "Screen",
    outcome: "rejected",
    appliedAt: "2026-09-04T10:00:00.000Z",
  });
});
