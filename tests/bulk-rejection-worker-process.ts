// A bulk-rejection worker in its own process, for the crash test (tests/integration/models/bulk-rejection-crash.test.ts),
// which kills it with SIGKILL mid-job and starts another. Reads DATABASE_URL; argv[2] is the instant its clock starts
// at, given by the test (so the two agree even under a faked system clock), argv[3] the batch size. It works batches
// until no bulk rejection has work left: a job another process holds (or a dead one's lock the server has not yet
// released) is waited for, not left behind.
import { processBulkRejectionBatch } from "~/models/bulk-rejection/work.server";
import { prisma } from "~/platform/db.server";

const startsAt = Date.parse(process.argv[2]!);
const batchSize = Number(process.argv[3]);
if (Number.isNaN(startsAt) || !(batchSize > 0)) {
  throw new Error("usage: bulk-rejection-worker-process.ts <ISO instant its clock starts at> <batch size>");
}
const started = performance.now();
const now = () => new Date(startsAt + performance.now() - started);
let batches = 0;
for (;;) {
  const report = await processBulkRejectionBatch({ now, batchSize });
  if (report?.failed) throw new Error(`a batch failed: ${report.id}`);
  if (report) {
    batches += 1;
    continue;
  }
  const left = await prisma.bulkRejection.count({ where: { status: { in: ["queued", "running", "undoing"] } } });
  if (left === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log(JSON.stringify({ batches }));
process.exit(0);
