// Bulk rejection of 500 candidates from the board: the request (checks the selection, queues the job), the job the
// worker then works in batches (each batch one set-based decision with the candidates' emails), and the undo.
// Targets: the request answers in under 300 ms; the job finishes in under 10 s, counting the pauses the worker leaves
// between batches on the embedded database so that requests get their turn.
import { bulkReject, undoBulkRejection } from "~/models/bulk-rejection/queue.server";
import {
  bulkRejectionBatchSize,
  pauseBetweenBatchesMs,
  runBulkRejectionsNow,
} from "~/models/bulk-rejection/work.server";
import { prisma } from "~/platform/db.server";
import { environment, singleRun, timingOf, withTarget, type Benchmark, type Measurement } from "./harness";
import { createTargets, createWritesSetup } from "./writes/setup";

const CANDIDATES = 500;
const RUNS = Number(process.env.BULK_REJECTION_BENCH_RUNS ?? 3);
const REQUEST_TARGET_MS = 300;
const JOB_TARGET_MS = 10_000;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

export const bulkRejectionBenchmark: Benchmark = {
  name: "bulk-rejection",
  title: `Bulk rejection of ${CANDIDATES} candidates: request, background job, undo`,
  async run(context) {
    const setup = await createWritesSetup();
    const requests: number[] = [];
    const jobs: number[] = [];
    const undoRequests: number[] = [];
    const undoJobs: number[] = [];
    let batches = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const ids = await createTargets(setup, CANDIDATES);
      const input = { applicationIds: ids, templateKind: "rejection_after_screen" as const, reason: "Role filled" };
      const request = await timed(() => bulkReject(setup.jobId, input, setup.actor));
      requests.push(request.ms);
      const job = await timed(() => runBulkRejectionsNow());
      batches = job.result.length;
      // The worker pauses between batches on the embedded database: the candidates wait for that too.
      jobs.push(job.ms + (batches - 1) * pauseBetweenBatchesMs());
      const rejected = await prisma.application.count({ where: { id: { in: ids }, status: "rejected" } });
      if (rejected !== CANDIDATES) throw new Error(`Only ${rejected} of ${CANDIDATES} were rejected.`);
      const undo = await timed(() => undoBulkRejection(request.result.id, setup.actor));
      undoRequests.push(undo.ms);
      const undone = await timed(() => runBulkRejectionsNow());
      undoJobs.push(undone.ms + (undone.result.length - 1) * pauseBetweenBatchesMs());
    }
    const measurements: Measurement[] = [
      withTarget(timingOf(`request: check and queue ${CANDIDATES}`, requests), REQUEST_TARGET_MS),
      withTarget(timingOf(`job: reject ${CANDIDATES} with their emails, worker pauses included`, jobs), JOB_TARGET_MS),
      timingOf("undo request", undoRequests),
      timingOf(`undo job: reopen ${CANDIDATES}, worker pauses included`, undoJobs),
      singleRun("one batch on average (last run)", jobs.at(-1)! / Math.max(1, batches)),
    ];
    return {
      name: "bulk-rejection",
      title: this.title,
      target: `request under ${REQUEST_TARGET_MS} ms, job under ${JOB_TARGET_MS / 1000} s`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: {
        candidates: CANDIDATES,
        runs: RUNS,
        batchSize: bulkRejectionBatchSize(),
        pauseBetweenBatchesMs: pauseBetweenBatchesMs(),
        batches,
        backgroundApplications: setup.backgroundApplications,
      },
      measurements,
      skipped: [],
    };
  },
};
