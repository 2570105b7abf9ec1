// The built-in SMTP receiver: real mail sent with nodemailer to an ephemeral port is filed like a webhook post, mail
// for other domains and oversized mail are refused, and a database failure asks the sender to retry (451).
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startInboundSmtp, type InboundSmtpReceiver } from "~/workers/inbound-smtp.server";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { replyAddress, replyDomain } from "~/platform/mail-addresses.server";
import { createTestApplication, createTestJob } from "../factories";

let receiver: InboundSmtpReceiver;

beforeAll(async () => {
  receiver = await startInboundSmtp({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await receiver.stop();
});

function transport() {
  // The receiver offers neither TLS nor AUTH: it listens on loopback or behind the organisation's mail server.
  return nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, secure: false, ignoreTLS: true });
}

async function application() {
  const job = await createTestJob({ title: "Support Engineer" });
  return createTestApplication({ jobId: job.id, candidate: { email: `smtp-${newId()}@example.com` } });
}

function storedId(response: string): string {
  const match = /Received as (\S+)/.exec(response);
  expect(match).not.toBeNull();
  return match![1]!;
}

test("a reply sent over SMTP is filed on its application without the quoted history", async () => {
  const { id: applicationId } = await application();
  const info = await transport().sendMail({
    from: "Sam Taylor <sam.taylor@example.com>",
    to: replyAddress(applicationId),
    subject: "Re: Your application",
    text: "Happy to talk on Thursday.\n\nOn Mon, 2 Mar 2026 at 09:00, Acme <jobs@acme.example> wrote:\n> When suits you?\n",
  });
  expect(info.response).toMatch(/^250 /);
  const message = await prisma.message.findUniqueOrThrow({ where: { id: storedId(info.response) } });
  expect(message).toMatchObject({
    direction: "inbound",
    status: "received",
    applicationId,
    bodyText: "Happy to talk on Thursday.",
    headerMessageId: info.messageId,
  });
  const event = await prisma.event.findUniqueOrThrow({ where: { id: message.eventId! } });
  expect(event).toMatchObject({ applicationId, type: "message_in" });
});

test("the envelope recipient counts when the headers name another address (a forward or Bcc)", async () => {
  const { id: applicationId } = await application();
  const info = await transport().sendMail({
    from: "sam.taylor@example.com",
    to: `jobs@${replyDomain()}`,
    subject: "Forwarded to you",
    text: "Sending this on.",
    envelope: { from: "sam.taylor@example.com", to: [replyAddress(applicationId)] },
  });
  const message = await prisma.message.findUniqueOrThrow({ where: { id: storedId(info.response) } });
  expect(message).toMatchObject({ status: "received", applicationId });
});

test("mail for another domain is refused at RCPT TO; nothing is stored", async () => {
  const before = await prisma.message.count();
  const sending = transport().sendMail({
    from: "sam.taylor@example.com",
    to: "someone@elsewhere.example",
    subject: "Relay?",
    text: "Please pass this on.",
  });
  await expect(sending).rejects.toMatchObject({ responseCode: 550 });
  expect(await prisma.message.count()).toBe(before);
});

test("a message over 10 MB is refused with 552", async () => {
  const before = await prisma.message.count();
  const sending = transport().sendMail({
    from: "sam.taylor@example.com",
    to: `jobs@${replyDomain()}`,
    subject: "Huge",
    text: "x".repeat(10 * 1024 * 1024 + 10),
  });
  await expect(sending).rejects.toMatchObject({ responseCode: 552 });
  expect(await prisma.message.count()).toBe(before);
});

test("when the database fails the sender is told to retry later (451), and the retry is stored", async () => {
  const { id: applicationId } = await application();
  const mail = {
    from: "sam.taylor@example.com",
    to: replyAddress(applicationId),
    subject: "Retry me",
    text: "Still interested.",
    messageId: `<retry-${newId()}@example.com>`,
  };
  // The database is the one thing replaced here: a database that fails cannot be made on demand. The client resolves
  // its methods dynamically, so an own property shadows $transaction and deleting it brings the real one back
  // (vi.spyOn's restore would leave it undefined).
  Object.defineProperty(prisma, "$transaction", {
    configurable: true,
    value: () => Promise.reject(new Error("connection refused")),
  });
  try {
    await expect(transport().sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
  } finally {
    delete (prisma as unknown as Record<string, unknown>).$transaction;
  }
  const retried = await transport().sendMail(mail);
  const message = await prisma.message.findUniqueOrThrow({ where: { id: storedId(retried.response) } });
  expect(message).toMatchObject({ status: "received", applicationId, headerMessageId: mail.messageId });
});
