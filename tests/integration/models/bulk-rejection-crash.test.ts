// Crash safety of bulk rejection on PostgreSQL: two worker processes (two app instances) work one job; both are killed
// with SIGKILL after some batches have committed, and a third finishes it. Each batch is one transaction with the
// job's cursor, so every candidate ends up rejected once, with one decision touchpoint and one email, whatever batch
// the kill fell in. No timing is asserted: the test waits for progress in the database, not for a time.
import { spawn } from "node:child_process";
import { beforeAll, expect, test } from "vitest";
import { bulkReject } from "~/models/bulk-rejection/queue.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { insertApplicationsInBulk } from "../../bulk-applications";
import { clockNow, minutesFrom } from "../../clock";
import { createTestJob, createTestUser, fakeCandidate } from "../../factories";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const CANDIDATES = 400;
const BATCH = 5;

beforeAll(async () => {
  await ensureTemplateLibrary();
});

function runWorker() {
  return spawn(
    process.execPath,
    ["--import", "tsx", "tests/bulk-rejection-worker-process.ts", clockNow().toISOString(), String(BATCH)],
    { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  );
}

type Worker = ReturnType<typeof runWorker>;

function exitOf(worker: Worker): Promise<number | null> {
  return new Promise((resolve) => worker.once("exit", (code) => resolve(code)));
}

/** Decision touchpoints and emails (this job's, and any) per application. */
async function perApplication(ids: string[], bulkId: string) {
  const [decisions, jobEmails, allEmails] = await Promise.all([
    prisma.event.groupBy({
      by: ["applicationId"],
      where: { applicationId: { in: ids }, type: "decision" },
      _count: { _all: true },
    }),
    prisma.message.groupBy({ by: ["applicationId"], where: { bulkRejectionId: bulkId }, _count: { _all: true } }),
    prisma.message.groupBy({
      by: ["applicationId"],
      where: { applicationId: { in: ids }, direction: "outbound" },
      _count: { _all: true },
    }),
  ]);
  const tally = (rows: { applicationId: string | null; _count: { _all: number } }[]) =>
    new Map(rows.map((row) => [row.applicationId, row._count._all]));
  return { decisions: tally(decisions), jobEmails: tally(jobEmails), allEmails: tally(allEmails) };
}

test.runIf(onPostgres)(
  "kill -9 two workers mid-job and restart: each candidate rejected once, with one email",
  async () => {
    // Not pinned: the worker processes decide at their own clock's now, which must not come before the applications.
    const recruiter = await createTestUser({ role: "recruiter" });
    const job = await createTestJob({ recruiterId: recruiter.id });
    const appliedAt = minutesFrom(clockNow(), -20 * 24 * 60);
    const ids = await insertApplicationsInBulk(
      Array.from({ length: CANDIDATES }, () => ({
        jobId: job.id,
        candidate: fakeCandidate(),
        appliedAt,
        createdById: null,
        steps: [],
      })),
    );
    const { id } = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
    const progress = async () => (await prisma.bulkRejection.findUniqueOrThrow({ where: { id } })).done;

    const first = [runWorker(), runWorker()];
    const exits = first.map(exitOf);
    await expect.poll(progress, { timeout: 60_000, interval: 10 }).toBeGreaterThanOrEqual(4 * BATCH);
    for (const worker of first) worker.kill("SIGKILL");
    expect(await Promise.all(exits)).toEqual([null, null]); // killed, not finished

    // What committed is whole batches: as many rejections, touchpoints and emails as the cursor says, no more.
    const done = await progress();
    expect(done).toBeLessThan(CANDIDATES);
    expect(done % BATCH).toBe(0);
    const atKill = await perApplication(ids, id);
    expect(atKill.decisions.size).toBe(done);
    expect(atKill.jobEmails.size).toBe(done);
    expect(await prisma.application.count({ where: { id: { in: ids }, status: "rejected" } })).toBe(done);

    const second = runWorker();
    let output = "";
    second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    second.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    expect(await exitOf(second), output).toBe(0);

    expect(await prisma.bulkRejection.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "done",
      done: CANDIDATES,
      total: CANDIDATES,
      skipped: [],
    });
    const after = await perApplication(ids, id);
    for (const applicationId of ids) {
      expect(after.decisions.get(applicationId), applicationId).toBe(1);
      expect(after.jobEmails.get(applicationId), applicationId).toBe(1);
      expect(after.allEmails.get(applicationId), applicationId).toBe(1);
    }
    expect(await prisma.application.count({ where: { id: { in: ids }, status: "rejected" } })).toBe(CANDIDATES);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "bulk_rejection.finished" } })).toBe(1);
  },
  180_000,
);
