import { expect, test } from "vitest";
import { attainmentFromCsv, BENCHMARK_CSV_TEMPLATE, parseBenchmarkCsv } from "./benchmark-csv";

const HEADER = "metric,target_minutes,attainment,median_minutes";

test("the template imports as three rows", () => {
  expect(parseBenchmarkCsv(BENCHMARK_CSV_TEMPLATE)).toEqual({
    ok: true,
    rows: [
      { metric: "first_reply", targetMinutes: 60, attainment: 0.95, medianMinutes: 42, source: "Support desk Q3 2026" },
      { metric: "next_reply", targetMinutes: 240, attainment: 0.9, medianMinutes: 95, source: "Support desk Q3 2026" },
      {
        metric: "resolution",
        targetMinutes: 2880,
        attainment: 0.85,
        medianMinutes: 1440,
        source: "Support desk Q3 2026",
      },
    ],
  });
});

test("attainment is read as a fraction or a percentage", () => {
  expect(attainmentFromCsv("0.95")).toBe(0.95);
  expect(attainmentFromCsv("95%")).toBe(0.95);
  expect(attainmentFromCsv("95 %")).toBe(0.95);
  expect(attainmentFromCsv("62.5%")).toBe(0.625);
  expect(attainmentFromCsv("100%")).toBe(1);
  expect(attainmentFromCsv("1")).toBe(1);
  expect(attainmentFromCsv("0")).toBe(0);
  expect(attainmentFromCsv("")).toBeNull();
  expect(attainmentFromCsv("95")).toBeUndefined();
  expect(attainmentFromCsv("101%")).toBeUndefined();
  expect(attainmentFromCsv("-0.5")).toBeUndefined();
  expect(attainmentFromCsv("high")).toBeUndefined();
});

test("columns may come in any order, with a BOM, CRLF, quotes, spaces, blank rows and empty medians", () => {
  const csv = `\uFEFFAttainment, Metric ,median_minutes,target_minutes\r\n\r\n"95%",First Reply,,60\n0.5,resolution,1440.5,2880\r\n,,,\n`;
  expect(parseBenchmarkCsv(csv)).toEqual({
    ok: true,
    rows: [
      { metric: "first_reply", targetMinutes: 60, attainment: 0.95, medianMinutes: null, source: null },
      { metric: "resolution", targetMinutes: 2880, attainment: 0.5, medianMinutes: 1440.5, source: null },
    ],
  });
});

test("every bad row is named by its spreadsheet row number, and no rows are returned", () => {
  const csv = [
    HEADER,
    "first_reply,60,0.95,42",
    "next_reply,240,120%,95",
    "resolutions,0,0.5,-3",
    "",
    "next_reply,30,,",
  ].join("\n");
  expect(parseBenchmarkCsv(csv)).toEqual({
    ok: false,
    errors: [
      "Row 3: attainment must be between 0 and 100 % (write 95 % as 0.95 or 95%).",
      'Row 4: metric must be first_reply, next_reply or resolution (found "resolutions").',
      "Row 4: target_minutes must be a whole number of minutes from 1 to 525600.",
      "Row 4: median_minutes must be a number of minutes, 0 or more (like 42 or 42.5).",
      "Row 6: enter the attainment, the median_minutes or both.",
    ],
  });
});

test("a metric listed twice is refused", () => {
  const csv = [HEADER, "first_reply,60,0.95,42", "first_reply,60,0.9,40"].join("\n");
  expect(parseBenchmarkCsv(csv)).toEqual({
    ok: false,
    errors: ["Row 3: first_reply is already on row 2; keep one row per metric."],
  });
});

test("a bare percentage without % is refused rather than guessed", () => {
  const result = parseBenchmarkCsv([HEADER, "first_reply,60,95,42"].join("\n"));
  expect(result).toEqual({
    ok: false,
    errors: ["Row 2: attainment must be between 0 and 100 % (write 95 % as 0.95 or 95%)."],
  });
});

test("decimal targets, text and too many values are refused", () => {
  const csv = [HEADER, "first_reply,1.5,0.9,soon", "next_reply,60,0.9,10,extra"].join("\n");
  expect(parseBenchmarkCsv(csv)).toEqual({
    ok: false,
    errors: [
      "Row 2: target_minutes must be a whole number of minutes from 1 to 525600.",
      "Row 2: median_minutes must be a number of minutes, 0 or more (like 42 or 42.5).",
      "Row 3 has 5 values; the header names 4.",
    ],
  });
});

test("the header is required and checked", () => {
  expect(parseBenchmarkCsv("first_reply,60,0.95,42\n")).toEqual({
    ok: false,
    errors: [
      'Row 1: unknown column "first_reply", "60", "0.95", "42".',
      "Row 1 must name the columns: metric,target_minutes,attainment,median_minutes (download the template). Missing: metric, target_minutes, attainment, median_minutes.",
    ],
  });
  expect(parseBenchmarkCsv("metric,target_minutes,attainment,attainment,median_minutes\n")).toEqual({
    ok: false,
    errors: ['Row 1: the column "attainment" appears twice.'],
  });
  expect(parseBenchmarkCsv("metric;target_minutes;attainment;median_minutes\nfirst_reply;60;0,95;42\n")).toEqual({
    ok: false,
    errors: [
      "Row 1 must name the columns: metric,target_minutes,attainment,median_minutes (download the template). Separate values with commas, not semicolons.",
    ],
  });
});

test("empty files and files with only a header are refused", () => {
  expect(parseBenchmarkCsv("")).toEqual({
    ok: false,
    errors: ["The file is empty. Start from the template: its first row names the columns."],
  });
  expect(parseBenchmarkCsv("\n\n")).toMatchObject({ ok: false });
  expect(parseBenchmarkCsv(`${HEADER}\n`)).toEqual({ ok: false, errors: ["The file has no rows below the header."] });
});

test("broken quoting is reported, not thrown", () => {
  expect(parseBenchmarkCsv(`${HEADER}\nfirst_reply,60,"0.95,42\n`)).toEqual({
    ok: false,
    errors: ["The file is not valid CSV: a quoted value in row 2 is never closed."],
  });
  expect(parseBenchmarkCsv(`${HEADER}\nfirst_reply,60,0."95,42\n`)).toMatchObject({
    ok: false,
    errors: [expect.stringMatching(/^The file is not valid CSV/)],
  });
});

test("a long list of problems is cut short", () => {
  const rows = Array.from({ length: 25 }, () => "nope,60,0.9,1");
  const result = parseBenchmarkCsv([HEADER, ...rows].join("\n"));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors).toHaveLength(21);
  expect(result.errors[20]).toBe("…and 5 more problems.");
});
