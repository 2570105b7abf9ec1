// Importing a 10,000-row candidate report (a Greenhouse-style CSV: eight jobs, their stages, a third of the rows
// rejected with dates, some told, some hired or withdrawn) on top of a workspace that already has a pipeline: the upload
// and its preview, confirming it, then the import worker's batches with the pauses it leaves between them, the progress
// it reports after each batch, and the same file imported again (every row unchanged). The rival: the same kind of rows
// applied one row per transaction (what an import without the batch write path would do), on 200 rows, without the worker's pauses.
// Target: the 10,000 rows imported in under 60 s on the embedded database; rows/s reported beside the rival's.
import { confirmImport, previewImport, startImport } from "~/models/imports/imports.server";
import { getImportProgress } from "~/models/imports/progress.server";
import { importBatchSize, pauseBetweenImportBatchesMs, processImportBatch } from "~/models/imports/work.server";
import { prisma } from "~/platform/db.server";
import { rng } from "../tests/factories";
import { environment, singleRun, withTarget, type Benchmark, type Measurement } from "./harness";
import { createWritesSetup } from "./writes/setup";

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 10_000);
const RIVAL_ROWS = 200;
const TARGET_MS = 60_000;
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-12-05T12:00:00Z");

const JOBS = [
  "Senior Backend Engineer",
  "Product Designer",
  "Customer Success Manager",
  "Data Analyst",
  "Account Executive",
  "Site Reliability Engineer",
  "People Partner",
  "Support Specialist",
];
const STAGES = ["Application Review", "Phone Screen", "Technical Interview", "Onsite Interview", "Offer"];
const REASONS = ["Lacking skill(s)/qualification(s)", "Another candidate was selected", "Position filled"];

const usDate = (date: Date) =>
  `${String(date.getUTCMonth() + 1).padStart(2, "0")}/${String(date.getUTCDate()).padStart(2, "0")}/${date.getUTCFullYear()}`;

/** A candidate report of `rows` rows, each a different candidate (emails tagged so that runs do not meet). */
function candidateReport(rows: number, tag: string): string {
  const lines = [
    "Candidate ID,First Name,Last Name,Email,Phone,Job,Current Stage,Status,Source,Recruiter,Applied On,Last Activity,Rejected On,Rejection Reason,Rejection Sent",
  ];
  for (let index = 0; index < rows; index += 1) {
    const applied = new Date(NOW.getTime() - rng.number.int({ min: 20, max: 300 }) * DAY);
    const last = new Date(applied.getTime() + rng.number.int({ min: 1, max: 18 }) * DAY);
    const roll = rng.number.float();
    const status = roll < 0.6 ? "Active" : roll < 0.9 ? "Rejected" : roll < 0.95 ? "Hired" : "Withdrawn";
    const stage = status === "Hired" ? "Offer" : STAGES[rng.number.int({ min: 0, max: 3 })]!;
    const rejected = status === "Rejected";
    const told = rejected && rng.number.float() < 0.5 ? usDate(new Date(last.getTime() + DAY)) : "";
    lines.push(
      [
        40_000_000 + index,
        rng.person.firstName().replace(/,/g, ""),
        rng.person.lastName().replace(/,/g, ""),
        `candidate${index}@${tag}.example.com`,
        "",
        JOBS[index % JOBS.length],
        stage,
        status,
        "LinkedIn",
        "",
        applied.toISOString().slice(0, 10),
        usDate(last),
        rejected ? usDate(last) : "",
        rejected ? `"${REASONS[index % REASONS.length]}"` : "",
        told,
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** Uploads and confirms a file; returns the import's id and the two steps' times. */
async function uploadAndConfirm(text: string, actor: { id: string; role: "recruiter" | "admin" }) {
  const content = new TextEncoder().encode(text);
  const started = await timed(async () => {
    const id = await startImport({ fileName: "candidate-report.csv", content }, actor);
    const preview = await previewImport(id, actor);
    return { id, preview };
  });
  const confirmed = await timed(() => confirmImport(started.result.id, actor));
  return { id: started.result.id, preview: started.result.preview, previewMs: started.ms, confirmMs: confirmed.ms };
}

/** Works an import to the end as the worker does, pauses included; the progress seen after each batch. */
async function work(importId: string, batchSize?: number, pauses = true) {
  const progress: string[] = [];
  let batches = 0;
  const { ms } = await timed(async () => {
    for (;;) {
      const report = await processImportBatch({ importId, batchSize });
      if (!report || report.failed) break;
      batches += 1;
      const seen = (await getImportProgress(importId, { id: "", role: "admin" }))!;
      if (batches % 5 === 1 || report.finished)
        progress.push(`${seen.done.toLocaleString("en")} of ${seen.total.toLocaleString("en")}`);
      if (report.finished) break;
      if (pauses) await new Promise((resolve) => setTimeout(resolve, pauseBetweenImportBatchesMs()));
    }
  });
  return { ms, batches, progress };
}

export const importsBenchmark: Benchmark = {
  name: "imports",
  title: `Spreadsheet import of ${ROWS.toLocaleString("en")} rows: preview, confirm, background batches, re-import`,
  async run(context) {
    const setup = await createWritesSetup();
    const actor = setup.actor as { id: string; role: "recruiter" };
    const file = candidateReport(ROWS, "bench");
    const first = await uploadAndConfirm(file, actor);
    const imported = await work(first.id);
    const done = (await getImportProgress(first.id, actor))!;
    if (done.status !== "done" || done.created !== ROWS) {
      throw new Error(`Expected ${ROWS} created, got ${done.created} (${done.status}, ${done.errors.length} errors).`);
    }
    const again = await uploadAndConfirm(file, actor);
    const reimported = await work(again.id);
    const unchanged = (await getImportProgress(again.id, actor))!;
    if (unchanged.skipped !== ROWS) throw new Error(`The same file again changed ${ROWS - unchanged.skipped} rows.`);

    const rival = await uploadAndConfirm(candidateReport(RIVAL_ROWS, "rival"), actor);
    const rowByRow = await work(rival.id, 1, false);
    const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
    const ours = rate(ROWS, imported.ms);
    const theirs = rate(RIVAL_ROWS, rowByRow.ms);
    const measurements: Measurement[] = [
      singleRun(`upload and preview (read, map, dry run of ${ROWS.toLocaleString("en")} rows)`, first.previewMs),
      singleRun("confirm (rows stored for the worker)", first.confirmMs),
      withTarget(singleRun(`import ${ROWS.toLocaleString("en")} rows, worker pauses included`, imported.ms), TARGET_MS),
      singleRun(`the same file again (${ROWS.toLocaleString("en")} rows unchanged)`, reimported.ms),
      singleRun(`rival: ${RIVAL_ROWS} rows, one transaction each, no pauses`, rowByRow.ms),
    ];
    const events = await prisma.event.count();
    return {
      name: "imports",
      title: this.title,
      target: `${ROWS.toLocaleString("en")} rows in under ${TARGET_MS / 1000} s`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: {
        rows: ROWS,
        jobs: JOBS.length,
        batchSize: importBatchSize(),
        pauseBetweenBatchesMs: pauseBetweenImportBatchesMs(),
        batches: imported.batches,
        rowsPerSecond: ours,
        rivalRowsPerSecond: theirs,
        speedUpOverRival: Math.round((ours / Math.max(theirs, 1)) * 10) / 10,
        progressShown: imported.progress.join(" → "),
        eventsAfter: events,
        backgroundApplications: setup.backgroundApplications,
      },
      measurements,
      skipped: [],
    };
  },
};
