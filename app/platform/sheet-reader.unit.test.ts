// Workbooks read in a worker thread: the same sheet as the reader itself, refusals as UnreadableFile, and a workbook
// that takes more than its budget (a ZIP that unpacks to far more than its size) stopped with a plain reason.
import fs from "node:fs";
import { expect, test } from "vitest";
import { readSheet } from "~/domain/imports/sheet";
import { UnreadableFile } from "~/domain/imports/types";
import { readUploadedSheet } from "./sheet-reader.server";

const workbook = new Uint8Array(fs.readFileSync("tests/fixtures/imports/tracker.xlsx"));

test("a workbook is read in a worker with the reader's own answer; a CSV file in-process", async () => {
  expect(await readUploadedSheet(workbook, "tracker.xlsx")).toEqual(readSheet(workbook, "tracker.xlsx"));
  const csv = new TextEncoder().encode("Name,Email,Job\nAda,ada@example.com,Analyst\n");
  expect((await readUploadedSheet(csv, "a.csv")).rows).toEqual([["Ada", "ada@example.com", "Analyst"]]);
});

test("a broken workbook is refused with the reader's reason", async () => {
  const broken = workbook.slice(0, 200);
  await expect(readUploadedSheet(broken, "broken.xlsx")).rejects.toBeInstanceOf(UnreadableFile);
});

test("a workbook past its budget is stopped and refused in plain words", async () => {
  const refused = readUploadedSheet(workbook, "tracker.xlsx", { budgetMs: 1 });
  await expect(refused).rejects.toBeInstanceOf(UnreadableFile);
  await expect(refused).rejects.toThrow(/Save the sheet as CSV/);
});
