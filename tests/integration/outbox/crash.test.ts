// Crash safety of the outbox: a worker dies mid-batch and another takes over. Every message is delivered; none twice,
// except a message whose SMTP transaction had completed when the process died and whose "sent" mark had not been
// written yet (documented in docs/email.md): such a duplicate is possible only for a message left in "sending".
import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, test } from "vitest";
import { deliverDueMessages, LEASE_MS } from "~/models/outbox/delivery.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { database, prisma } from "~/platform/db.server";
import { smtpTransport, type MailTransport } from "~/platform/mail.server";
import { clockNow, minutesFrom } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { header, startSmtpSink, type SmtpSink } from "../../smtp-sink";

let sink: SmtpSink;

beforeAll(async () => {
  await ensureTemplateLibrary();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.stop();
});

async function queueAcknowledgements(count: number, domain: string): Promise<Map<string, string>> {
  const job = await createTestJob({ title: `Crash ${domain}` });
  // On PostgreSQL several at a time, each on its own connection; the embedded database has one.
  const together = database.kind === "postgres" ? 8 : 1;
  for (let start = 0; start < count; start += together) {
    await Promise.all(
      Array.from({ length: Math.min(together, count - start) }, (_, offset) =>
        createTestApplication({ jobId: job.id, candidate: { email: `c${start + offset}@${domain}` }, notify: true }),
      ),
    );
  }
  const messages = await prisma.message.findMany({
    where: { toAddress: { endsWith: `@${domain}>` } },
    select: { id: true, headerMessageId: true },
  });
  expect(messages).toHaveLength(count);
  return new Map(messages.map((message) => [message.headerMessageId, message.id]));
}

function deliveriesOf(headerIds: Map<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of sink.received) {
    const id = header(mail.raw, "Message-ID");
    if (id && headerIds.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** A transport that dies after `healthy` sends: later sends never finish, like a process that stopped mid-way. */
function dyingTransport(inner: MailTransport, healthy: number): MailTransport {
  let sends = 0;
  return {
    ...inner,
    send(mail) {
      sends += 1;
      return sends <= healthy ? inner.send(mail) : new Promise(() => undefined);
    },
  };
}

test("a worker that stops mid-batch: its claims expire and the next worker delivers each message once", async () => {
  const headerIds = await queueAcknowledgements(30, "stalled.example");
  const healthy = smtpTransport(sink.url);
  const start = clockNow();
  // Not awaited: this worker hangs for ever once its transport dies, as a killed process would.
  void deliverDueMessages(dyingTransport(healthy, 12), { now: () => start, batchSize: 10 });
  await expect.poll(() => deliveriesOf(headerIds).size, { timeout: 10_000 }).toBe(12);
  // What it sent is marked within moments, even while the rest of its batch hangs.
  await expect
    .poll(() => prisma.message.count({ where: { id: { in: [...headerIds.values()] }, status: "sent" } }))
    .toBe(12);
  await expect
    .poll(() => prisma.message.count({ where: { id: { in: [...headerIds.values()] }, status: "sending" } }))
    .toBeGreaterThan(0);

  // Another worker before the lease ends leaves the claimed ones alone; after it, takes them over.
  const restarted = smtpTransport(sink.url);
  await deliverDueMessages(restarted, { now: () => new Date(start.getTime() + 1_000) });
  await deliverDueMessages(restarted, { now: () => new Date(start.getTime() + LEASE_MS + 1_000) });
  restarted.close();
  const counts = deliveriesOf(headerIds);
  expect(counts.size).toBe(30);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
  expect(await prisma.message.count({ where: { id: { in: [...headerIds.values()] }, status: "sent" } })).toBe(30);
  // Each message has exactly one message_out touchpoint.
  const events = await prisma.event.count({
    where: { type: "message_out", application: { job: { title: "Crash stalled.example" } } },
  });
  expect(events).toBe(30);
});

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** A worker process whose clock starts `shiftMs` after this test's, with the given batch size and concurrency. */
function runWorker(shiftMs: number, options: { batchSize?: number; concurrency?: number } = { batchSize: 20 }) {
  const startsAt = minutesFrom(clockNow(), shiftMs / 60_000).toISOString();
  const sizes = [options.batchSize, options.concurrency].map((size) => (size === undefined ? "" : String(size)));
  return spawn(process.execPath, ["--import", "tsx", "tests/outbox-worker-process.ts", startsAt, ...sizes], {
    env: { ...process.env, SMTP_URL: sink.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function exitCode(worker: ReturnType<typeof runWorker>): Promise<number | null> {
  return new Promise((resolve) => worker.once("exit", (code) => resolve(code)));
}

// Two processes need one database server: PGlite lives inside this test process.
test.runIf(onPostgres)(
  "kill -9 mid-batch and restart: every message delivered; a duplicate only if it was in flight",
  async () => {
    const headerIds = await queueAcknowledgements(60, "killed.example");
    sink.delayMs.value = 25; // keeps several messages inside their SMTP transaction at any moment
    const first = runWorker(0);
    await expect.poll(() => deliveriesOf(headerIds).size, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(15);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 200)); // messages the server was accepting as it died
    const inFlight = new Set(
      (
        await prisma.message.findMany({
          where: { id: { in: [...headerIds.values()] }, status: "sending" },
          select: { headerMessageId: true },
        })
      ).map((message) => message.headerMessageId),
    );
    const beforeRestart = deliveriesOf(headerIds);
    expect(beforeRestart.size).toBeLessThan(60);

    const second = runWorker(LEASE_MS + 5_000);
    const output: string[] = [];
    second.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    const code = await new Promise((resolve) => second.once("exit", resolve));
    expect(code).toBe(0);
    sink.delayMs.value = 0;

    const counts = deliveriesOf(headerIds);
    expect(counts.size).toBe(60);
    const twice = [...counts.entries()].filter(([, count]) => count > 1).map(([id]) => id);
    for (const id of twice) {
      expect(counts.get(id)).toBe(2);
      // Sent twice only when the kill fell between the server's acceptance and our "sent" mark.
      expect(inFlight.has(id) && beforeRestart.has(id)).toBe(true);
    }
    expect(await prisma.message.count({ where: { id: { in: [...headerIds.values()] }, status: "sent" } })).toBe(60);
  },
  60_000,
);

// The worker's own settings: batches of 50, five messages at a time. Each accepted message is marked before its lane
// takes the next, so a kill can leave at most one accepted-but-unmarked message per lane.
const CONCURRENCY = 5;

test.runIf(onPostgres)(
  "kill -9 shortly after the first deliveries: at most one duplicate per lane, every message delivered",
  async () => {
    const headerIds = await queueAcknowledgements(250, "sigkill.example");
    const first = runWorker(0, { concurrency: CONCURRENCY });
    const firstExit = exitCode(first);
    await expect.poll(() => deliveriesOf(headerIds).size, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(20);
    first.kill("SIGKILL");
    expect(await firstExit).toBeNull(); // killed, not finished
    const beforeRestart = deliveriesOf(headerIds);
    const markedBeforeRestart = await prisma.message.count({
      where: { id: { in: [...headerIds.values()] }, status: "sent" },
    });
    expect(beforeRestart.size).toBeLessThan(250);

    const second = runWorker(LEASE_MS + 5_000, { concurrency: CONCURRENCY });
    expect(await exitCode(second)).toBe(0);

    const counts = deliveriesOf(headerIds);
    expect(counts.size).toBe(250);
    const duplicates = [...counts.values()].filter((count) => count > 1).length;
    expect([...counts.values()].every((count) => count <= 2)).toBe(true);
    const figures = `${beforeRestart.size} accepted and ${markedBeforeRestart} marked sent when the worker was killed`;
    expect(duplicates, figures).toBeLessThanOrEqual(CONCURRENCY);
    expect(await prisma.message.count({ where: { id: { in: [...headerIds.values()] }, status: "sent" } })).toBe(250);
  },
  120_000,
);

test("a 'sent' mark that keeps failing stops the run: nothing more goes to the server unmarked", async () => {
  const headerIds = await queueAcknowledgements(10, "unmarkable.example");
  // The database refuses every "sent" mark of these, as a lost connection would.
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_unmarkable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'sent' AND NEW."toAddress" LIKE '%@unmarkable.example>' THEN
        RAISE EXCEPTION 'cannot mark this one';
      END IF;
      RETURN NEW;
    END $$`);
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_unmarkable BEFORE UPDATE ON "Message" FOR EACH ROW EXECUTE FUNCTION refuse_unmarkable()`,
  );
  const transport = smtpTransport(sink.url);
  try {
    // (The embedded database's driver loses the trigger's message on the way; PostgreSQL's keeps it.)
    await expect(deliverDueMessages(transport, { now: clockNow, concurrency: 1 })).rejects.toThrow();
  } finally {
    transport.close();
    await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_unmarkable ON "Message"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_unmarkable()`);
  }
  // One lane: the first email went out and could not be marked; the run stopped there instead of sending the other
  // nine, which wait (claimed) for their lease to end.
  expect(deliveriesOf(headerIds).size).toBe(1);
  expect(await prisma.message.count({ where: { id: { in: [...headerIds.values()] }, status: "sending" } })).toBe(10);
});
