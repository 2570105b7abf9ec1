// POST /api/v1/imports: a spreadsheet as the body or a multipart form; dryRun answers the preview and writes nothing,
// otherwise the rows are imported in the request. Mapping corrections by header, refusals with their reasons.
import fs from "node:fs";
import { beforeAll, expect, test } from "vitest";
import * as importsRoute from "~/routes/api.v1.imports";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { importDryRunResource, importResultResource } from "~/web/api-import-resources.server";
import { pinClock } from "../../clock";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "./helpers";

pinClock("2026-12-05T12:00:00Z");

let recruiter: Caller;
beforeAll(async () => {
  await ensureTemplateLibrary();
  recruiter = await caller("recruiter");
});

const greenhouse = (tag: string) =>
  fs
    .readFileSync("tests/fixtures/imports/greenhouse-candidates.csv", "utf8")
    .replace(/@example\.com/gi, `@${tag}.example.com`);

const post = (query: string, body: BodyInit, headers: Record<string, string>, who: Caller | null = recruiter) =>
  send(importsRoute, apiRequest("POST", `/api/v1/imports${query}`, who, { body: body as string, headers }));

const applicationsOf = (tag: string) =>
  prisma.application.count({ where: { candidate: { emailKey: { endsWith: `@${tag}.example.com` } } } });

test("a dry run answers the preview and writes nothing", async () => {
  const answer = await post("?dryRun=true", greenhouse("api1"), { "Content-Type": "text/csv" });
  expect(answer.status).toBe(200);
  const preview = expectShape(importDryRunResource, answer.body);
  expect(preview.counts).toMatchObject({ newApplications: 9, updates: 0, skipped: 0 });
  expect(preview.errors.map((error) => error.row)).toEqual([7, 8, 9]);
  expect(preview.columns.find((column) => column.header === "Email")?.field).toBe("email");
  expect(await applicationsOf("api1")).toBe(0);
});

test("without dryRun the rows are imported, and the same file again changes nothing", async () => {
  const first = await post("?fileName=report.csv", greenhouse("api2"), { "Content-Type": "text/csv" });
  expect(first.status).toBe(201);
  expect(expectShape(importResultResource, first.body)).toMatchObject({ created: 9, updated: 0, skipped: 0 });
  expect((first.body as { errors: unknown[] }).errors).toHaveLength(3);
  expect(await applicationsOf("api2")).toBe(9);
  const again = await post("", greenhouse("api2"), { "Content-Type": "text/csv" });
  expect(again.body).toMatchObject({ created: 0, updated: 0, skipped: 9 });
  expect(await applicationsOf("api2")).toBe(9);
});

test("a multipart post with a mapping correction by header name", async () => {
  const form = new FormData();
  const text = "Who,Address,Role\nAda Byron,ada@api3.example.com,Analyst\n";
  form.set("file", new File([text], "people.csv", { type: "text/csv" }));
  form.set("mapping", JSON.stringify({ Who: "fullName", Address: "email", Role: "job" }));
  const body = new Response(form);
  const answer = await send(
    importsRoute,
    new Request("http://hearback.test/api/v1/imports", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${recruiter.token}`,
        "Content-Type": body.headers.get("Content-Type")!,
      },
      body: await body.arrayBuffer(),
    }),
  );
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ created: 1, errors: [] });
});

test("refusals: no email column, a bad mapping, not a spreadsheet, a hiring manager", async () => {
  const unmapped = await post("", "Who,Role\nAda,Analyst\n", { "Content-Type": "text/csv" });
  expect(unmapped.status).toBe(400);
  expect((unmapped.body as ErrorBody).error.message).toMatch(/Email/);
  const badMapping = await post(`?mapping=${encodeURIComponent('{"Nope":"email"}')}`, greenhouse("api4"), {
    "Content-Type": "text/csv",
  });
  expect(badMapping.status).toBe(400);
  expect((badMapping.body as ErrorBody).error.message).toMatch(/no column “Nope”/);
  const pdf = await post("", "%PDF-1.7 not a sheet", { "Content-Type": "text/csv" });
  expect(pdf.status).toBe(400);
  expect((pdf.body as ErrorBody).error.message).toMatch(/CSV or XLSX/);
  const manager = await post("", greenhouse("api4"), { "Content-Type": "text/csv" }, await caller("hiring_manager"));
  expect(manager.status).toBe(403);
  expect(await applicationsOf("api4")).toBe(0);
});

test("a body over 20 MB is refused unread", async () => {
  const answer = await post("", "x", { "Content-Type": "text/csv", "Content-Length": String(21 * 1024 * 1024) });
  expect(answer.status).toBe(413);
});
