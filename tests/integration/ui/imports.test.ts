// Jobs → Import through its routes: an upload starts a preview (a hiring manager may not), a mapping that names a
// field twice is refused with the column at fault and nothing saved, a corrected mapping and date order are saved,
// confirming queues the rows, the progress route answers, a running import is cancelled and a preview discarded.
import fs from "node:fs";
import { beforeAll, expect, test } from "vitest";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import * as detail from "~/routes/jobs.import.$importId";
import * as progress from "~/routes/jobs.import.$importId.progress";
import * as upload from "~/routes/jobs.import._index";
import { pinClock } from "../../clock";
import { getRequest, ORIGIN, postRequest, run, signIn, type SignedIn } from "./helpers";

pinClock("2026-12-05T12:00:00Z");

let recruiter: SignedIn;
beforeAll(async () => {
  await ensureTemplateLibrary();
  recruiter = await signIn("recruiter");
});

function uploadRequest(who: SignedIn, fileName: string, text: string) {
  const form = new FormData();
  form.set("file", new File([text], fileName, { type: "text/csv" }));
  return new Request(`${ORIGIN}/jobs/import`, {
    method: "POST",
    headers: { Origin: ORIGIN, Cookie: who.cookie },
    body: form,
  });
}

const greenhouse = (tag: string) =>
  fs
    .readFileSync("tests/fixtures/imports/greenhouse-candidates.csv", "utf8")
    .replace(/@example\.com/gi, `@${tag}.example.com`);

async function startPreview(tag: string): Promise<string> {
  const answer = await run(upload.action, uploadRequest(recruiter, "report.csv", greenhouse(tag)));
  expect(answer.status).toBe(302);
  return answer.location!.split("/").at(-1)!;
}

test("an upload starts a preview; a hiring manager may not import; a file that is not a spreadsheet is refused", async () => {
  const id = await startPreview("ui1");
  const page = await run<{ preview: { headers: string[]; readable: number } }>(
    detail.loader,
    getRequest(`/jobs/import/${id}`, recruiter),
    { importId: id },
  );
  expect(page.data.preview).toMatchObject({ readable: 9 });
  const manager = await signIn("hiring_manager");
  const refused = await run(upload.action, uploadRequest(manager, "report.csv", greenhouse("ui1")));
  expect(refused.status).toBe(403);
  const pdf = await run<{ error: string }>(upload.action, uploadRequest(recruiter, "cv.pdf", "%PDF-1.7 ..."));
  expect(pdf.status).toBe(400);
  expect(pdf.data.error).toMatch(/CSV or XLSX/);
});

test("a field chosen for two columns is refused with the column at fault; a correction is saved", async () => {
  const id = await startPreview("ui2");
  const saved = await prisma.import.findUniqueOrThrow({ where: { id }, select: { mapping: true } });
  // Column 0 (Candidate ID) as Email too: Email is column 3.
  const twice = await run<{ fieldErrors: Record<string, string> }>(
    detail.action,
    postRequest(`/jobs/import/${id}`, recruiter, { intent: "remap", "column.0": "email", "column.3": "email" }),
    { importId: id },
  );
  expect(twice.status).toBe(400);
  expect(Object.values(twice.data.fieldErrors).join(" ")).toMatch(/already column A/);
  expect((await prisma.import.findUniqueOrThrow({ where: { id }, select: { mapping: true } })).mapping).toEqual(
    saved.mapping,
  );
  const fields = Object.fromEntries(
    Object.entries(saved.mapping as Record<string, string>).map(([k, v]) => [`column.${k}`, v]),
  );
  const corrected = await run(
    detail.action,
    postRequest(`/jobs/import/${id}`, recruiter, { intent: "remap", ...fields, "column.6": "", dateOrder: "dmy" }),
    { importId: id },
  );
  expect(corrected.location).toBe(`/jobs/import/${id}`);
  const after = await prisma.import.findUniqueOrThrow({ where: { id }, select: { mapping: true, options: true } });
  expect(after.options).toEqual({ dateOrder: "dmy", acknowledge: false });
});

test("confirming queues the rows; the progress route answers; cancelling keeps nothing waiting; discarding forgets", async () => {
  const id = await startPreview("ui3");
  const saved = await prisma.import.findUniqueOrThrow({ where: { id }, select: { mapping: true } });
  const fields = Object.fromEntries(
    Object.entries(saved.mapping as Record<string, string>).map(([k, v]) => [`column.${k}`, v]),
  );
  const confirmed = await run(
    detail.action,
    postRequest(`/jobs/import/${id}`, recruiter, { intent: "confirm", ...fields, dateOrder: "mdy" }),
    { importId: id },
  );
  expect(confirmed.location).toBe(`/jobs/import/${id}`);
  const polled = await run<string>(progress.loader, getRequest(`/jobs/import/${id}/progress`, recruiter), {
    importId: id,
  });
  expect(JSON.parse(polled.data)).toMatchObject({ id, status: "queued", done: 0, total: 9 });
  const cancelled = await run(detail.action, postRequest(`/jobs/import/${id}`, recruiter, { intent: "cancel" }), {
    importId: id,
  });
  expect(cancelled.location).toBe(`/jobs/import/${id}`);
  expect(await prisma.import.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
    status: "cancelled",
  });
  expect(await prisma.importRow.count({ where: { importId: id } })).toBe(0);

  const other = await startPreview("ui4");
  const discarded = await run(detail.action, postRequest(`/jobs/import/${other}`, recruiter, { intent: "discard" }), {
    importId: other,
  });
  expect(discarded.location).toBe("/jobs/import");
  expect(await prisma.import.findUnique({ where: { id: other } })).toBeNull();
});
