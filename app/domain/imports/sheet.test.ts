import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { expect, test } from "vitest";
import { MAX_CELL_LENGTH, MAX_IMPORT_ROWS, readSheet } from "./sheet";
import { UnreadableFile } from "./types";

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/imports/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array, fileName = "upload.csv"): string {
  try {
    readSheet(bytes, fileName);
  } catch (error) {
    if (error instanceof UnreadableFile) return error.message;
    throw error;
  }
  throw new Error("The file was read.");
}

function workbook(sheets: Record<string, unknown[][]>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true, UTC: true }), name);
  }
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

test("the delimiter is sniffed from the header line, outside quotes", () => {
  const expected = { headers: ["Name", "Email"], rows: [["Ruiz, Ana", "ana@example.com"]], rowNumbers: [2] };
  expect(readSheet(utf8('Name,Email\n"Ruiz, Ana",ana@example.com\n'), "a.csv")).toEqual(expected);
  expect(readSheet(utf8("Name;Email\r\nRuiz, Ana;ana@example.com\r\n"), "a.csv")).toEqual(expected);
  expect(readSheet(utf8("Name\tEmail\nRuiz, Ana\tana@example.com"), "a.tsv")).toEqual(expected);
  expect(readSheet(utf8("Name|Email\nRuiz, Ana|ana@example.com\n"), "a.txt")).toEqual(expected);
  expect(readSheet(utf8('"Name; with, both";"Email"\n"Ruiz, Ana";ana@example.com\n'), "a.csv").headers).toEqual([
    "Name; with, both",
    "Email",
  ]);
  // Excel's `sep=` line names the delimiter and is not a row.
  expect(readSheet(utf8("sep=;\nName;Email\nRuiz, Ana;ana@example.com\n"), "a.csv")).toEqual(expected);
});

test("UTF-8 with and without a BOM, Windows-1252 when the bytes are not UTF-8", () => {
  const text = "Name,Notiz\nJürgen Müller,65.000 € – “gut”\n";
  const expected = [["Jürgen Müller", "65.000 € – “gut”"]];
  expect(readSheet(utf8(text), "a.csv").rows).toEqual(expected);
  expect(readSheet(utf8(`\uFEFF${text}`), "a.csv").rows).toEqual(expected);
  expect(readSheet(utf8(`\uFEFF${text}`), "a.csv").headers).toEqual(["Name", "Notiz"]);
  const sheet = readSheet(fixture("excel-de.csv"), "excel-de.csv");
  expect(sheet.headers[0]).toBe("Vorname");
  expect(sheet.rows[0]).toEqual([
    "Jürgen",
    "Müller",
    "juergen.mueller@beispiel.de",
    "0151 2345678",
    "Vertriebsleiter (m/w/d)",
    "Erstgespräch",
    "In Bearbeitung",
    "01.09.2026",
    "",
    "",
    "StepStone",
    "Gehaltswunsch 65.000 €",
  ]);
  expect(sheet.rows[2]![11]).toBe("Start am 01.01.2027; Vertrag unterschrieben");
  expect(sheet.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8]);
});

test("Excel's Unicode text: UTF-16 with a BOM, tab-separated, little- and big-endian", () => {
  const text = "Name\tEmail\tStatus\r\nZoë Schäfer\tzoe@example.com\tZurückgezogen\r\n";
  const expected = {
    headers: ["Name", "Email", "Status"],
    rows: [["Zoë Schäfer", "zoe@example.com", "Zurückgezogen"]],
    rowNumbers: [2],
  };
  const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  expect(readSheet(littleEndian, "export.txt")).toEqual(expected);
  const bigEndian = Buffer.from(littleEndian).swap16();
  expect(readSheet(bigEndian, "export.txt")).toEqual(expected);
  expect(readSheet(Buffer.from(text, "utf16le"), "export.txt")).toEqual(expected);
});

test("rows keep the file's numbers past blank lines, quoted line breaks and leading blank lines", () => {
  const sheet = readSheet(utf8('\n\nName,Notes\nAna,"two\nlines"\n\n,,\nBen,\n'), "a.csv");
  expect(sheet).toEqual({
    headers: ["Name", "Notes"],
    rows: [
      ["Ana", "two\nlines"],
      ["Ben", ""],
    ],
    rowNumbers: [4, 7],
  });
  const google = readSheet(fixture("google-sheets.csv"), "google-sheets.csv");
  expect(google.rowNumbers).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
  expect(google.rows[1]).toEqual(["Ben  Okafor", "BEN@EXAMPLE.COM", "Barista", "Rejected", "02.09.2026", ""]);
});

test("cells are trimmed and cut; trailing empty header cells are dropped, extra values kept for the row reader", () => {
  const sheet = readSheet(utf8(`Name,Notes,,\n  Ana  ,${"x".repeat(5000)},,\nBen,,,surplus\n`), "a.csv");
  expect(sheet.headers).toEqual(["Name", "Notes"]);
  expect(sheet.rows[0]).toEqual(["Ana", "x".repeat(MAX_CELL_LENGTH)]);
  expect(sheet.rows[1]).toEqual(["Ben", "", "", "surplus"]);
});

test("XLSX by content: date cells as ISO text, numbers without exponents, booleans as TRUE and FALSE", () => {
  const sheet = readSheet(fixture("tracker.xlsx"), "upload.bin");
  expect(sheet.headers).toEqual([
    "Candidate",
    "Email",
    "Phone",
    "Position",
    "Stage",
    "Status",
    "Date applied",
    "Last update",
    "Rejection sent",
  ]);
  expect(sheet.rows[0]).toEqual([
    "Ana Ruiz",
    "ana.ruiz@example.com",
    "4915123456789",
    "Data Analyst",
    "Case study",
    "Active",
    "2026-09-14",
    "2026-09-20T14:05",
    "FALSE",
  ]);
  expect(sheet.rows[4]![6]).toBe("sometime in May");
  expect(sheet.rows[5]!.slice(0, 3)).toEqual(["Farah Haddad", "", "4917611122233"]);
  expect(sheet.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8]);
});

test("XLSX: the first sheet with cells, numbered from the sheet's first row", () => {
  const bytes = workbook({
    Empty: [],
    Candidates: [
      [],
      [],
      ["Name", "Score", "Applied"],
      ["Ana", 0.000001, new Date(Date.UTC(2026, 8, 14, 9, 30))],
      [1e21],
    ],
  });
  expect(readSheet(bytes, "book.xlsx")).toEqual({
    headers: ["Name", "Score", "Applied"],
    rows: [
      ["Ana", "0.000001", "2026-09-14T09:30"],
      ["1000000000000000000000", "", ""],
    ],
    rowNumbers: [4, 5],
  });
});

test("files that are not CSV or XLSX are refused with what to do", () => {
  const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
  expect(refusal(xls, "old.xls")).toBe(
    "old.xls is an old Excel workbook (.xls), which Hearback cannot read. Save it from your spreadsheet as CSV or XLSX and upload that.",
  );
  expect(refusal(utf8("%PDF-1.7\n%âãÏÓ\n"), "cv.pdf")).toMatch(/^cv\.pdf is a PDF, not a spreadsheet\. Save it/);
  expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), "photo.png")).toMatch(
    /not a spreadsheet Hearback can read/,
  );
  expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), "broken.xlsx")).toMatch(
    /^broken\.xlsx is not a workbook Hearback can read/,
  );
  expect(refusal(workbook({ Sheet1: [] }), "blank.xlsx")).toBe("blank.xlsx has no filled cells.");
});

test("empty and header-only files are refused", () => {
  expect(refusal(new Uint8Array(), "a.csv")).toBe("a.csv is empty.");
  expect(refusal(utf8("\n\n ,, \n"), "a.csv")).toBe("a.csv is empty.");
  expect(refusal(utf8("\uFEFF"), "a.csv")).toBe("a.csv is empty.");
  expect(refusal(utf8("Name,Email\n,\n"), "a.csv")).toBe("a.csv has a header row but no rows below it.");
  expect(refusal(workbook({ Sheet1: [["Name", "Email"]] }), "a.xlsx")).toBe(
    "a.xlsx has a header row but no rows below it.",
  );
  expect(refusal(utf8('Name,Email\n"Ana,ana@example.com\n'), "a.csv")).toMatch(
    /a quoted value on line \d+ is never closed/,
  );
});

test("bounds: over 50,000 rows is refused whole, not cut; over 200 columns too", { timeout: 30_000 }, () => {
  const rows = (count: number) => `Name,Email\n${"Ana,ana@example.com\n".repeat(count)}`;
  expect(readSheet(utf8(rows(MAX_IMPORT_ROWS)), "a.csv").rows).toHaveLength(MAX_IMPORT_ROWS);
  const tooMany =
    "The file has more than 50,000 rows. Split it into files of at most 50,000 rows and import them one by one.";
  expect(refusal(utf8(rows(MAX_IMPORT_ROWS + 1)))).toBe(tooMany);
  expect(refusal(utf8(rows(MAX_IMPORT_ROWS + 20_000)))).toBe(tooMany);
  const wide = Array.from({ length: 201 }, (_, index) => `c${index}`).join(",");
  expect(refusal(utf8(`${wide}\n${wide}\n`), "wide.csv")).toBe(
    "wide.csv has more than 200 columns. Remove the columns Hearback does not need and upload it again.",
  );
  expect(refusal(new Uint8Array(20 * 1024 * 1024 + 1), "big.csv")).toMatch(/^big\.csv is larger than 20 MB/);
});

test("XLSX over 50,000 rows is refused", () => {
  const rows: unknown[][] = [["Name", "Email"]];
  for (let index = 0; index <= MAX_IMPORT_ROWS; index++) rows.push(["Ana", "ana@example.com"]);
  expect(refusal(workbook({ Sheet1: rows }), "long.xlsx")).toMatch(/^The file has more than 50,000 rows/);
}, 30_000);
