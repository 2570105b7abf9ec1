// A delivery worker in its own process, for the crash tests (tests/integration/outbox/crash.test.ts), which kill it
// with SIGKILL mid-batch and start another. Reads DATABASE_URL and SMTP_URL; argv[2] is the instant its clock starts
// at, given by the test (a later one lets the restarted worker see the dead one's leases as expired without waiting
// two minutes). The test's clock, not this process's own, so the two agree even under a faked system clock.
// argv[3] and argv[4], when given, are the batch size and the concurrency (the worker's defaults otherwise).
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { smtpTransport } from "~/platform/mail.server";

const startsAt = Date.parse(process.argv[2]!);
if (Number.isNaN(startsAt)) {
  throw new Error("usage: outbox-worker-process.ts <ISO instant its clock starts at> [batch size] [concurrency]");
}
const [batchSize, concurrency] = [process.argv[3], process.argv[4]].map((arg) => (arg ? Number(arg) : undefined));
const started = performance.now();
const transport = smtpTransport(process.env.SMTP_URL!);
const report = await deliverDueMessages(transport, {
  now: () => new Date(startsAt + performance.now() - started),
  batchSize,
  concurrency,
});
transport.close();
console.log(JSON.stringify(report));
process.exit(0);
