import { expect, test } from "vitest";
import { csvField, csvResponse, toCsv, UTF8_BOM } from "./csv.server";

test("plain values are written as they are, empty for null and undefined", () => {
  expect(csvField("Ada Lovelace")).toBe("Ada Lovelace");
  expect(csvField(42)).toBe("42");
  expect(csvField(0.25)).toBe("0.25");
  expect(csvField(null)).toBe("");
  expect(csvField(undefined)).toBe("");
  expect(csvField(true)).toBe("true");
  expect(csvField(Number.NaN)).toBe("");
  expect(csvField(new Date("2026-03-02T09:30:00Z"))).toBe("2026-03-02T09:30:00.000Z");
});

test("fields with commas, quotes or line breaks are quoted and inner quotes doubled (RFC 4180)", () => {
  expect(csvField("Berlin, Germany")).toBe('"Berlin, Germany"');
  expect(csvField('She said "soon"')).toBe('"She said ""soon"""');
  expect(csvField("line one\nline two")).toBe('"line one\nline two"');
  expect(csvField("a\r\nb")).toBe('"a\r\nb"');
});

test("text a spreadsheet would run as a formula gets a leading apostrophe", () => {
  expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
  expect(csvField("+1 555")).toBe("'+1 555");
  expect(csvField("-2+3")).toBe("'-2+3");
  expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(csvField("\t=1")).toBe("'\t=1");
  expect(csvField("\r=1")).toBe('"\'\r=1"');
  // Only the start counts, and numbers we computed stay numbers.
  expect(csvField("a=b")).toBe("a=b");
  expect(csvField(-3)).toBe("-3");
});

test("a file starts with the byte-order mark and ends every line with CRLF", () => {
  const csv = toCsv(
    ["Candidate", "Waited (hours)"],
    [
      ["Zoë Müller", 12.5],
      ["=cmd", null],
    ],
  );
  expect(csv).toBe(`${UTF8_BOM}Candidate,Waited (hours)\r\nZoë Müller,12.5\r\n'=cmd,\r\n`);
  expect(toCsv(["Only header"], [])).toBe(`${UTF8_BOM}Only header\r\n`);
});

test("the download response names a safe file and is not cached", async () => {
  const response = csvResponse('metrics "weekly"/../x', "a\r\n");
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="metrics-weekly-..-x.csv"');
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(await response.text()).toBe("a\r\n");
  expect(csvResponse("time-in-stage.csv", "").headers.get("Content-Disposition")).toBe(
    'attachment; filename="time-in-stage.csv"',
  );
});
