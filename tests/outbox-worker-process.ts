// A delivery worker in its own process, for the crash test (tests/integration/outbox/crash.test.ts), which kills it
// with SIGKILL mid-batch and starts another. Reads DATABASE_URL and SMTP_URL; argv[2] shifts its clock forward (ms),
// so the restarted worker sees the dead one's leases as expired without the test waiting two minutes.
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { smtpTransport } from "~/utils/mail.server";

const shiftMs = Number(process.argv[2] ?? 0);
const transport = smtpTransport(process.env.SMTP_URL!);
const report = await deliverDueMessages(transport, { now: () => new Date(Date.now() + shiftMs), batchSize: 20 });
transport.close();
console.log(JSON.stringify(report));
process.exit(0);
