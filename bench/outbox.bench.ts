// Outbox delivery: how many messages a second the worker hands to a real SMTP server on loopback (smtp-server),
// including what each delivery writes (the "sent" mark, the message_out touchpoint, the clock sync).
// Target: at least 100 messages a second. Also the cost of queueing one candidate message (render, lint, insert).
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { queueTemplateMessage } from "~/models/outbox/queue.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { smtpTransport } from "~/platform/mail.server";
import { seedFactories } from "../tests/factories";
import { startSmtpSink } from "../tests/smtp-sink";
import { createPipelineDataset, createPipelineStaff } from "./datasets/pipeline";
import { environment, measure, singleRun, withTarget, type Benchmark } from "./harness";

/** BENCH_MESSAGES runs a smaller set while working on the outbox; results are reported for the 2,000. */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2_000);
const TARGET_PER_SECOND = 100;
const QUEUE_TARGET_MS = 50;

export const outboxBenchmark: Benchmark = {
  name: "outbox",
  title: "Outbox delivery to a local SMTP server",
  async run(context) {
    seedFactories(4_000);
    await ensureTemplateLibrary();
    const staff = await createPipelineStaff("outbox");
    const dataset = await createPipelineDataset(staff, { applications: MESSAGES, title: "Outbox Engineer" });

    let next = 0;
    const queueOne = await measure(
      "queue one candidate message (render, lint, insert)",
      async () => {
        const applicationId = dataset.applicationIds[next++ % dataset.applicationIds.length]!;
        await prisma.$transaction((tx) =>
          queueTemplateMessage(tx, {
            applicationId,
            kind: "delay_update",
            automated: true,
            awaitsCandidate: false,
            timing: { kind: "at", at: new Date("2100-01-01T00:00:00Z") }, // not due: the delivery run below skips it
            actorId: null,
          }),
        );
      },
      context,
    );

    // One due message per application, queued in batches as automations would.
    for (let start = 0; start < MESSAGES; start += 200) {
      await prisma.$transaction(
        async (tx) => {
          for (const applicationId of dataset.applicationIds.slice(start, start + 200)) {
            await queueTemplateMessage(tx, {
              applicationId,
              kind: "application_received",
              automated: true,
              awaitsCandidate: false,
              timing: { kind: "now" },
              actorId: null,
            });
          }
        },
        { timeout: 120_000 },
      );
    }

    const sink = await startSmtpSink();
    const transport = smtpTransport(sink.url);
    const started = performance.now();
    const report = await deliverDueMessages(transport, { batchSize: 100, concurrency: 8 });
    const seconds = (performance.now() - started) / 1000;
    transport.close();
    await sink.stop();
    const perSecond = report.sent / seconds;
    if (report.sent !== MESSAGES || sink.received.length !== MESSAGES) {
      throw new Error(`Delivered ${report.sent}, the server got ${sink.received.length}, expected ${MESSAGES}.`);
    }
    // As a time target: 100 messages a second means MESSAGES / 100 seconds for the run.
    const delivery = withTarget(
      singleRun(`deliver ${MESSAGES} messages (${perSecond.toFixed(0)} messages/s)`, seconds * 1000),
      (MESSAGES / TARGET_PER_SECOND) * 1000,
    );
    return {
      name: "outbox",
      title: this.title,
      target: `at least ${TARGET_PER_SECOND} messages/s delivered; queueing one message under ${QUEUE_TARGET_MS} ms (p95)`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: { messages: MESSAGES, messagesPerSecond: Math.round(perSecond), smtp: "smtp-server on 127.0.0.1" },
      measurements: [delivery, withTarget(queueOne, QUEUE_TARGET_MS)],
      skipped: [],
    };
  },
};
