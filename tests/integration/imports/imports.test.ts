// Spreadsheet imports end to end through the models: a file uploaded, previewed (nothing written), confirmed and
// applied by the import worker's batches. History lands with its dates and sends nothing; rejections without a
// told date stay "not yet told"; the same file again changes nothing; a newer export moves stages; broken rows are
// reported with their row numbers and nothing is written for them.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import {
  cancelImport,
  confirmImport,
  previewImport,
  startImport,
  updateImportReading,
} from "~/models/imports/imports.server";
import { getImportProgress } from "~/models/imports/progress.server";
import { processImportBatch, runImportsNow } from "~/models/imports/work.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../../clock";
import { createTestJob, createTestUser, type TestUser } from "../../factories";

const NOW = "2026-12-05T12:00:00Z";
let recruiter: TestUser;

beforeAll(async () => {
  pinClock(NOW);
  await ensureTemplateLibrary();
  recruiter = await createTestUser({ role: "recruiter" });
});

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join("tests/fixtures/imports", name)));

/** The file with its email addresses made unique to this test, so tests do not share candidates. */
function uniqueFile(name: string, tag: string, edit: (text: string) => string = (text) => text): Uint8Array {
  const text = fs.readFileSync(path.join("tests/fixtures/imports", name), "utf8");
  return new TextEncoder().encode(edit(text.replace(/@example\.com/gi, `@${tag}.example.com`)));
}

async function importFile(fileName: string, content: Uint8Array, acknowledge = false) {
  const id = await startImport({ fileName, content }, recruiter);
  const preview = await previewImport(id, recruiter);
  if (acknowledge)
    await updateImportReading(
      id,
      { mapping: preview.mapping, options: { ...preview.options, acknowledge } },
      recruiter,
    );
  await confirmImport(id, recruiter);
  await runImportsNow({ importId: id, batchSize: 4 });
  return { id, preview, progress: (await getImportProgress(id, recruiter))! };
}

async function applicationsOf(domain: string) {
  return prisma.application.findMany({
    where: { candidate: { emailKey: { endsWith: `@${domain}.example.com` } } },
    orderBy: { candidate: { emailKey: "asc" } },
    select: {
      status: true,
      appliedAt: true,
      closedAt: true,
      outcomeReason: true,
      outcomeToldAt: true,
      source: true,
      stage: { select: { name: true, kind: true } },
      job: { select: { title: true } },
      candidate: { select: { email: true, name: true } },
      messages: { select: { kind: true } },
    },
  });
}

const closureClockOf = (email: string) =>
  prisma.slaClock.findFirst({
    where: { metric: "closure", application: { candidate: { emailKey: email } } },
    orderBy: { instance: "desc" },
    select: { state: true, startedAt: true, stoppedAt: true },
  });

test("a Greenhouse candidate report: previewed without writing, then imported as history with its broken rows reported", async () => {
  const content = uniqueFile("greenhouse-candidates.csv", "gh1");
  const id = await startImport({ fileName: "greenhouse-candidates.csv", content }, recruiter);
  const preview = await previewImport(id, recruiter);
  expect(preview.issues).toEqual([]);
  expect(preview.errors.map((error) => [error.row, error.column])).toEqual([
    [7, "Email"],
    [8, "Applied On"],
    [9, "Job"],
  ]);
  expect(preview.counts).toMatchObject({ newApplications: 9, newCandidates: 9, updates: 0, skipped: 0 });
  expect(preview.rows[0]!.row).toMatchObject({ name: "Ana Ruiz", email: "ana.ruiz@gh1.example.com" });
  expect(await applicationsOf("gh1")).toEqual([]);

  await confirmImport(id, recruiter);
  await runImportsNow({ importId: id, batchSize: 4 });
  const progress = (await getImportProgress(id, recruiter))!;
  expect(progress).toMatchObject({ status: "done", total: 9, done: 9, created: 9, updated: 0, skipped: 0 });
  expect(progress.errors.map((error) => error.row)).toEqual([7, 8, 9]);

  const applications = await applicationsOf("gh1");
  expect(applications).toHaveLength(9);
  const ben = applications.find((one) => one.candidate.email.startsWith("ben.okafor"))!;
  expect(ben).toMatchObject({
    status: "rejected",
    outcomeReason: "Lacking skill(s)/qualification(s)",
    outcomeToldAt: null, // rejected, not yet told: the silence the team inherited
    stage: { name: "Phone Screen" },
    job: { title: "Senior Backend Engineer" },
    source: "Referral",
  });
  expect(ben.closedAt!.toISOString().slice(0, 10)).toBe("2026-09-18");
  // The closure clock runs from the rejection: the dashboard shows Ben still waiting to hear.
  expect(await closureClockOf(ben.candidate.email)).toMatchObject({ state: "running" });
  expect(ben.appliedAt.toISOString().slice(0, 10)).toBe("2026-09-02");
  expect(applications.find((one) => one.candidate.email.startsWith("li.chen"))).toMatchObject({
    status: "hired",
    stage: { name: "Offer", kind: "offer" },
  });
  // History sends nothing.
  expect(applications.flatMap((one) => one.messages)).toEqual([]);
  // Nothing was written for the broken rows.
  expect(applications.map((one) => one.candidate.email)).not.toContain("hana.sato@gh1.example.com");

  // The jobs the file named were created with the stages it named, in pipeline order, after an "Applied" stage to
  // apply into (none of this job's rows is in an application-review stage).
  const job = await prisma.job.findFirstOrThrow({
    where: {
      title: "Product Designer",
      applications: { some: { candidate: { emailKey: { endsWith: "@gh1.example.com" } } } },
    },
    select: { stages: { orderBy: { position: "asc" }, select: { name: true, kind: true } } },
  });
  expect(job.stages.map((stage) => stage.name)).toEqual(["Applied", "Phone Screen", "Onsite Interview", "Offer"]);
});

test("the same file again changes nothing, and a newer export moves stages and records what was told", async () => {
  const first = await importFile("greenhouse-candidates.csv", uniqueFile("greenhouse-candidates.csv", "gh2"));
  expect(first.progress).toMatchObject({ created: 9, updated: 0 });
  const before = await applicationsOf("gh2");

  const again = await importFile("greenhouse-candidates.csv", uniqueFile("greenhouse-candidates.csv", "gh2"));
  expect(again.preview.counts).toMatchObject({
    newApplications: 0,
    newCandidates: 0,
    updates: 0,
    skipped: 9,
    newJobs: [],
  });
  expect(again.progress).toMatchObject({ status: "done", created: 0, updated: 0, skipped: 9 });
  expect(await applicationsOf("gh2")).toEqual(before);

  // Ana moved on to the phone screen; Emeka's rejection was sent on 14 October.
  const newer = uniqueFile("greenhouse-candidates.csv", "gh2", (text) =>
    text
      .replace(
        ",Application Review,Active,LinkedIn,Priya Shah,Tom Berg,",
        ",Phone Screen,Active,LinkedIn,Priya Shah,Tom Berg,",
      )
      .replace("Rejection Reason,Application ID", "Rejection Reason,Application ID,Rejection Sent")
      .replace(",Another candidate was selected,70330105", ",Another candidate was selected,70330105,10/14/2026"),
  );
  const later = await importFile("greenhouse-candidates.csv", newer);
  expect(later.preview.counts).toMatchObject({ newApplications: 0, updates: 2, skipped: 7 });
  expect(later.progress).toMatchObject({ status: "done", created: 0, updated: 2, skipped: 7 });
  const after = await applicationsOf("gh2");
  expect(after.find((one) => one.candidate.email.startsWith("ana.ruiz"))!.stage.name).toBe("Phone Screen");
  const emeka = after.find((one) => one.candidate.email.startsWith("emeka"))!;
  expect(emeka.outcomeToldAt!.toISOString().slice(0, 10)).toBe("2026-10-14");
  const closure = await closureClockOf(emeka.candidate.email);
  expect(closure).toMatchObject({ state: "stopped" });
  expect(closure!.stoppedAt!.toISOString().slice(0, 10)).toBe("2026-10-14");
  expect(emeka.messages).toEqual([]); // recorded, not sent
});

test("with acknowledgements ticked, only new active applications are written to", async () => {
  await importFile("greenhouse-candidates.csv", uniqueFile("greenhouse-candidates.csv", "gh3"), true);
  const applications = await applicationsOf("gh3");
  const acknowledged = applications.filter((one) =>
    one.messages.some((message) => message.kind === "application_received"),
  );
  expect(acknowledged.map((one) => one.status)).toEqual(acknowledged.map(() => "active"));
  expect(acknowledged).toHaveLength(applications.filter((one) => one.status === "active").length);
});

test("a Lever export, a Google Sheets tracker, a German Excel CSV and an XLSX file import with their broken rows left out", async () => {
  for (const name of ["lever-export.csv", "google-sheets.csv", "excel-de.csv", "tracker.xlsx"]) {
    const id = await startImport({ fileName: name, content: fixture(name) }, recruiter);
    const preview = await previewImport(id, recruiter);
    expect(preview.issues, name).toEqual([]);
    expect(preview.errors.length, name).toBeGreaterThan(0);
    await confirmImport(id, recruiter);
    await runImportsNow({ importId: id });
    const progress = (await getImportProgress(id, recruiter))!;
    expect(progress.status, name).toBe("done");
    expect(progress.created + progress.updated + progress.skipped, name).toBe(preview.readable);
    expect(
      progress.errors.map((error) => error.row),
      name,
    ).toEqual(preview.errors.map((error) => error.row));
  }
});

test("a cancelled import stops between batches, the rows applied so far staying applied", async () => {
  const id = await startImport(
    { fileName: "gh.csv", content: uniqueFile("greenhouse-candidates.csv", "gh4") },
    recruiter,
  );
  await confirmImport(id, recruiter);
  const first = await processImportBatch({ importId: id, batchSize: 3 });
  expect(first).toMatchObject({ worked: 3, finished: false });
  expect(await cancelImport(id, recruiter)).toBe("cancelled");
  expect(await processImportBatch({ importId: id, batchSize: 3 })).toBeNull();
  expect(await getImportProgress(id, recruiter)).toMatchObject({ status: "cancelled", done: 3, created: 3 });
  expect(await applicationsOf("gh4")).toHaveLength(3);
  expect(await prisma.importRow.count({ where: { importId: id } })).toBe(0);
});

test("a row the write path refuses fails alone; the rest of its batch is applied", async () => {
  // A job without stages cannot take applications.
  const empty = await prisma.job.create({ data: { title: `Stageless ${recruiter.id}` }, select: { title: true } });
  const rows = [
    "Name,Email,Job,Status",
    `Ada One,ada@gh5.example.com,${empty.title},Active`,
    "Bo Two,bo@gh5.example.com,Night Porter,Active",
    "Cy Three,cy@gh5.example.com,Night Porter,Rejected",
  ].join("\n");
  const { progress } = await importFile("refused.csv", new TextEncoder().encode(rows));
  expect(progress).toMatchObject({ status: "done", created: 2 });
  expect(progress.errors).toEqual([{ row: 2, column: "", message: "This job has no stages yet." }]);
  expect((await applicationsOf("gh5")).map((one) => one.status)).toEqual(["active", "rejected"]);
});

test("an existing job is found by its title and an existing candidate by their email", async () => {
  const job = await createTestJob({ title: "Harbour Pilot" });
  const rows = ["Name,Email,Job,Stage", `Ed Four,ed@gh6.example.com,  harbour   PILOT ,${job.stages[1]!.name}`].join(
    "\n",
  );
  const { preview } = await importFile("existing.csv", new TextEncoder().encode(rows));
  expect(preview.counts.newJobs).toEqual([]);
  const [application] = await applicationsOf("gh6");
  expect(application).toMatchObject({ job: { title: "Harbour Pilot" }, stage: { name: job.stages[1]!.name } });
});

test("a file that is not a spreadsheet is refused with the reason", async () => {
  await expect(
    startImport({ fileName: "cv.pdf", content: new TextEncoder().encode("%PDF-1.7\n...") }, recruiter),
  ).rejects.toThrow(/CSV or XLSX/);
  const manager = await createTestUser({ role: "hiring_manager" });
  await expect(
    startImport({ fileName: "a.csv", content: fixture("greenhouse-candidates.csv") }, manager),
  ).rejects.toThrow(/recruiters and admins/);
});
