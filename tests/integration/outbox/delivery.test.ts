// The outbox against a real SMTP server on loopback: the MIME that arrives, retries through an outage, permanent
// refusals shown to the recruiter, and the automations that queue messages in the same transaction as their cause.
import { afterAll, beforeAll, expect, test } from "vitest";
import { moveApplication } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import { cancelMessage, retryMessage } from "~/models/outbox/compose.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { statusTokenHashFor } from "~/platform/status-link-tokens.server";
import { smtpTransport, type MailTransport } from "~/platform/mail.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestInterview, createTestJob, createTestUser } from "../../factories";
import { header, startSmtpSink, type SmtpSink } from "../../smtp-sink";

const NOW = pinClock();

let sink: SmtpSink;
let transport: MailTransport;

beforeAll(async () => {
  await ensureTemplateLibrary();
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url);
});
afterAll(async () => {
  transport.close();
  await sink.stop();
});

async function recruiterJob() {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  const job = await createTestJob({ title: "Support Engineer", recruiterId: recruiter.id });
  return { recruiter, job };
}

const receivedBy = (email: string) => sink.received.filter((mail) => mail.to.includes(email.toLowerCase()));

test("applying queues the acknowledgement in the same transaction; the worker delivers it as a complete email", async () => {
  const { job } = await recruiterJob();
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Ana Silva", email: "ana.silva@example.com", locale: "en", timeZone: "Europe/Lisbon" },
    notify: true,
  });
  const queued = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(queued).toMatchObject({ status: "queued", kind: "application_received", automated: true });
  expect(queued.templateId).not.toBeNull();
  expect(queued.templateVersion).toBe(1);

  const report = await deliverDueMessages(transport);
  expect(report.sent).toBeGreaterThanOrEqual(1);
  const [mail, ...more] = receivedBy("ana.silva@example.com");
  expect(more).toHaveLength(0);
  expect(header(mail!.raw, "Message-ID")).toBe(queued.headerMessageId);
  expect(header(mail!.raw, "Reply-To")).toBe(queued.replyTo);
  expect(header(mail!.raw, "From")).toContain("Priya Raman at");
  expect(header(mail!.raw, "Auto-Submitted")).toBe("auto-generated");
  expect(header(mail!.raw, "Content-Type")).toMatch(/multipart\/alternative/);
  expect(mail!.raw).toContain("Content-Type: text/plain");
  expect(mail!.raw).toContain("Content-Type: text/html");
  expect(mail!.raw).toContain(application.statusUrl.split("/s/")[1]!.slice(0, 20));

  const sent = await prisma.message.findUniqueOrThrow({ where: { id: queued.id } });
  expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  const event = await prisma.event.findUniqueOrThrow({ where: { id: sent.eventId! } });
  expect(event).toMatchObject({ type: "message_out", visibility: "candidate" });
  expect(event.occurredAt).toEqual(sent.sentAt);
  expect(event.data).toMatchObject({ automated: true, messageId: queued.id });
  // Delivering again sends nothing twice.
  await deliverDueMessages(transport);
  expect(receivedBy("ana.silva@example.com")).toHaveLength(1);
});

test("a reject decision queues the rejection for a humane time; a stage's entry message goes at once", async () => {
  const { recruiter, job } = await recruiterJob();
  const stages = await prisma.stage.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
  await prisma.stage.update({ where: { id: stages[1]!.id }, data: { entryTemplateKind: "screen_invite" } });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { timeZone: "America/New_York", locale: "de" },
    appliedAt: new Date(NOW.getTime() - 60_000),
  });
  await createTestInterview({
    applicationId: application.id,
    kind: "screen",
    startsAt: new Date(NOW.getTime() + 2 * 24 * 60 * 60_000),
    organizerId: recruiter.id,
  });
  await moveApplication(application.id, { stageId: stages[1]!.id }, recruiter);
  const invite = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(invite).toMatchObject({ kind: "screen_invite", status: "queued" });
  expect(invite.bodyText).toContain("Donnerstag, 14. Januar, 05:00 (New Yorker Zeit)");
  expect(invite.subject).toMatch(/[äöüß]|Gespräch|Einladung/i); // the candidate's language
  expect(invite.scheduledFor!.getTime()).toBeLessThanOrEqual(clockNow().getTime());

  await decideApplication(application.id, { outcome: "rejected", reason: "Other candidates", notify: true }, recruiter);
  const rejection = await prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, kind: "rejection_after_screen" },
  });
  // Applied a minute ago: not before the 24-hour minimum delay, and inside Mon–Thu 09:00–17:00 in New York.
  expect(rejection.scheduledFor!.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 23 * 60 * 60_000);
  const local = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/New_York",
    weekday: "short",
    hour: "numeric",
    hour12: false,
  }).formatToParts(rejection.scheduledFor!);
  expect(["Mon", "Tue", "Wed", "Thu"]).toContain(local.find((part) => part.type === "weekday")!.value);
  const hour = Number(local.find((part) => part.type === "hour")!.value);
  expect(hour).toBeGreaterThanOrEqual(9);
  expect(hour).toBeLessThan(17);
  // Not sent now; it can be cancelled until it goes out.
  await deliverDueMessages(transport);
  expect(await prisma.message.findUniqueOrThrow({ where: { id: rejection.id } })).toMatchObject({ status: "queued" });
  await cancelMessage(rejection.id, recruiter);
  expect(await prisma.message.findUniqueOrThrow({ where: { id: rejection.id } })).toMatchObject({
    status: "cancelled",
  });
  await expect(cancelMessage(rejection.id, recruiter)).rejects.toThrow(/cancelled/);
});

test("an SMTP outage: messages wait with backoff and all go out once when the server returns", async () => {
  const { job } = await recruiterJob();
  const emails = ["out1@example.com", "out2@example.com", "out3@example.com"];
  for (const email of emails) {
    await createTestApplication({ jobId: job.id, candidate: { email }, notify: true });
  }
  await sink.stop();
  const start = clockNow();
  const down = await deliverDueMessages(transport, { now: () => start });
  expect(down).toMatchObject({ sent: 0, failed: 0 });
  expect(down.retrying).toBeGreaterThanOrEqual(3);
  for (const email of emails) {
    const message = await prisma.message.findFirstOrThrow({ where: { toAddress: { contains: email } } });
    expect(message).toMatchObject({ status: "queued", attempts: 1 });
    expect(message.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(message.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(start.getTime() + 30_000);
  }
  // Still down a minute later: the second attempt fails too and waits longer.
  const second = new Date(start.getTime() + 60_000);
  expect((await deliverDueMessages(transport, { now: () => second })).retrying).toBeGreaterThanOrEqual(3);
  await sink.restart();
  // Before the next attempt is due nothing is sent; after it everything goes out, once.
  expect((await deliverDueMessages(transport, { now: () => second })).sent).toBe(0);
  const later = new Date(start.getTime() + 10 * 60_000);
  expect((await deliverDueMessages(transport, { now: () => later })).sent).toBeGreaterThanOrEqual(3);
  for (const email of emails) {
    expect(receivedBy(email)).toHaveLength(1);
    const message = await prisma.message.findFirstOrThrow({ where: { toAddress: { contains: email } } });
    expect(message).toMatchObject({ status: "sent", attempts: 3 });
  }
});

test("a permanent refusal fails at once, tells the recruiter, and can be sent again", async () => {
  const { recruiter, job } = await recruiterJob();
  sink.refuse.add("gone@example.com");
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Gone Person", email: "gone@example.com" },
    notify: true,
  });
  const report = await deliverDueMessages(transport);
  expect(report.failed).toBe(1);
  const failed = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(failed).toMatchObject({ status: "failed", attempts: 1 });
  expect(failed.lastError).toMatch(/550|No such user/);
  const notice = await prisma.notification.findFirstOrThrow({
    where: { userId: recruiter.id, kind: "message_failed" },
  });
  expect(notice).toMatchObject({ applicationId: application.id, title: "Email not delivered: Gone Person" });

  sink.refuse.delete("gone@example.com");
  await retryMessage(failed.id, recruiter);
  await deliverDueMessages(transport);
  expect(await prisma.message.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "sent" });
  expect(receivedBy("gone@example.com")).toHaveLength(1);
  await expect(retryMessage(failed.id, recruiter)).rejects.toThrow(/Only a failed message/);
});

test("a temporary refusal (4xx) is retried, not failed", async () => {
  const { job } = await recruiterJob();
  const application = await createTestApplication({ jobId: job.id, notify: true });
  sink.busy.value = true;
  try {
    expect((await deliverDueMessages(transport)).retrying).toBe(1);
  } finally {
    sink.busy.value = false;
  }
  expect(await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } })).toMatchObject({
    status: "queued",
    attempts: 1,
  });
});

test("an application from before derived status links adopts the link its first email carries", async () => {
  const { recruiter, job } = await recruiterJob();
  const application = await createTestApplication({ jobId: job.id });
  await prisma.application.update({ where: { id: application.id }, data: { statusTokenHash: "an-old-random-hash" } });
  await decideApplication(application.id, { outcome: "withdrawn", notify: true }, recruiter);
  const stored = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
  expect(stored.statusTokenHash).toBe(statusTokenHashFor(application.id, 0));
  const message = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(message.kind).toBe("withdrawal_ack");
  expect(message.bodyText).toContain(application.statusUrl);
});
