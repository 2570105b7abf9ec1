// BCC capture: a staff member's own email, written in Gmail or Outlook with the workspace's capture address as Bcc,
// reaches Hearback through POST /api/v1/inbound/email or the SMTP receiver and is filed as sent on every active
// application of each candidate it was written to: a message_out by that person as of its Date, which stops
// first_response and restarts the update clock, with a sent Message per application. Mail from anyone else, to no
// candidate, or to an old address waits in the inbox; the same email twice is filed once; candidate replies are
// filed as before.
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, test } from "vitest";
import { inboundReceiptResource, type InboundReceipt } from "~/domain/inbound/receipt";
import { getEmailCapture, rotateEmailCapture } from "~/models/email-capture.server";
import { fileInboundMessage, listInbox } from "~/models/inbound.server";
import * as inboundRoute from "~/routes/api.v1.inbound.email";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { replyAddress } from "~/platform/mail-addresses.server";
import { startInboundSmtp, type InboundSmtpReceiver } from "~/workers/inbound-smtp.server";
import { clockNow, pinClock } from "../clock";
import { applyHistory, createTestApplication, createTestJob, createTestUser } from "../factories";
import { apiRequest, caller, expectShape, send, type Caller } from "./api/helpers";

pinClock();

/** The fixtures' Date headers, as UTC instants. */
const GMAIL_SENT_AT = new Date("2027-01-12T08:41:07Z");
const OUTLOOK_SENT_AT = new Date("2027-01-12T09:12:45Z");
const APPLIED_AT = new Date("2027-01-04T09:00:00Z");

let receiver: InboundSmtpReceiver;
let api: Caller;

beforeAll(async () => {
  receiver = await startInboundSmtp({ port: 0, host: "127.0.0.1" });
  api = await caller(null);
});

afterAll(async () => {
  await receiver.stop();
});

/**
 * A fixture from tests/fixtures/inbound-mail with its addresses moved to domains of this test's own (`tag`), so each
 * test has its own people and Message-ID, the local parts and their case kept as Gmail and Outlook wrote them.
 */
function fixture(name: "gmail-outbound" | "outlook-outbound", tag: string): string {
  const raw = fs.readFileSync(path.resolve("tests/fixtures/inbound-mail", `${name}.eml`), "utf8");
  return raw
    .replace(/\r?\n/g, "\r\n")
    .replace(/@(example\.com|example\.net|example\.org|acme\.example)\b/gi, `@${tag}.$1`)
    .replace(/^(Message-ID:\s*<)/im, `$1${tag}.`);
}

/** The people the fixtures write as and to, on this test's domains: the staff with accounts, the candidates with
 * applications (Ana applied to two jobs and was turned down for a third). */
async function people(tag: string, options: { staff?: boolean } = {}) {
  const at = (local: string, domain: string) => `${local}@${tag}.${domain}`;
  const staff = options.staff ?? true;
  const maria = staff ? await createTestUser({ role: "recruiter", email: at("maria.lopez", "acme.example") }) : null;
  const jonas = staff ? await createTestUser({ role: "recruiter", email: at("jonas.becker", "acme.example") }) : null;
  const dana = staff ? await createTestUser({ role: "admin", email: at("dana.fischer", "acme.example") }) : null;
  const backend = await createTestJob({ title: "Backend Engineer" });
  const platform = await createTestJob({ title: "Platform Engineer" });
  const support = await createTestJob({ title: "Support Engineer" });
  const apply = (jobId: string, name: string, email: string) =>
    createTestApplication({ jobId, appliedAt: APPLIED_AT, candidate: { name, email } });
  const ana = at("ana.ruiz", "example.com");
  const anaBackend = await apply(backend.id, "Ana Ruiz", ana);
  const anaPlatform = await apply(platform.id, "Ana Ruiz", ana);
  const anaSupport = await apply(support.id, "Ana Ruiz", ana);
  const decider = await createTestUser({ role: "admin" });
  await applyHistory(anaSupport.id, [
    { type: "decision", at: new Date("2027-01-06T09:00:00Z"), by: decider, outcome: "rejected" },
  ]);
  const ben = await apply(backend.id, "Ben Okafor", at("ben.okafor", "example.net"));
  const chen = await apply(platform.id, "Chen Wei", at("chen.wei", "example.org"));
  return { maria, jonas, dana, anaBackend, anaPlatform, anaSupport, ben, chen };
}

function uniqueTag(): string {
  return `t${newId().slice(-10).toLowerCase()}`;
}

async function post(raw: string, envelopeTo?: string) {
  const query = envelopeTo ? `?envelopeTo=${encodeURIComponent(envelopeTo)}` : "";
  const answer = await send(
    inboundRoute,
    apiRequest("POST", `/api/v1/inbound/email${query}`, api, {
      body: raw,
      headers: { "Content-Type": "message/rfc822" },
    }),
  );
  expect(answer.status).toBe(202);
  return expectShape(inboundReceiptResource, answer.body);
}

/** Delivers `raw` over SMTP with `to` as the only envelope recipient, as a mail server hands on a Bcc copy. */
async function deliver(raw: string, to: string): Promise<InboundReceipt> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: receiver.port,
    secure: false,
    ignoreTLS: true,
  });
  const info = await transport.sendMail({ envelope: { from: "bounces@mail.example", to: [to] }, raw });
  const id = /Received as (\S+)/.exec(info.response)?.[1];
  expect(id).toBeDefined();
  const message = await prisma.message.findUniqueOrThrow({ where: { id }, select: { headerMessageId: true } });
  // The receiver answers with the stored id only; the receipt is what posting the same email again answers.
  return post(raw.replace(/^Message-ID:[^\r]*\r\n(\s[^\r]*\r\n)?/im, `Message-ID: ${message.headerMessageId}\r\n`), to);
}

async function captureAddress(): Promise<string> {
  return (await getEmailCapture({ id: (await createTestUser({ role: "admin" })).id, role: "admin" })).address;
}

async function clocksOf(applicationId: string) {
  return prisma.slaClock.findMany({
    where: { applicationId, metric: { in: ["first_response", "periodic_update"] } },
    orderBy: [{ metric: "asc" }, { instance: "asc" }],
    select: { metric: true, instance: true, state: true, startedAt: true, stoppedAt: true },
  });
}

async function messageOuts(applicationIds: string[]) {
  return prisma.event.findMany({
    where: { applicationId: { in: applicationIds }, type: "message_out" },
    select: { applicationId: true, actorId: true, occurredAt: true, visibility: true, data: true },
  });
}

test("a Gmail message to several candidates is filed as sent on every active application of each of them", async () => {
  const tag = uniqueTag();
  const { maria, anaBackend, anaPlatform, anaSupport, ben, chen } = await people(tag);
  const address = await captureAddress();
  const receipt = await post(fixture("gmail-outbound", tag), address);

  const filed = [anaBackend.id, anaPlatform.id, ben.id, chen.id].sort();
  expect(receipt).toMatchObject({ status: "captured", duplicate: false });
  expect([...receipt.applicationIds].sort()).toEqual(filed);
  expect(receipt.applicationId).toBe(receipt.applicationIds[0]);

  const events = await messageOuts([...filed, anaSupport.id]);
  expect(events.map((event) => event.applicationId).sort()).toEqual(filed);
  for (const event of events) {
    expect(event).toMatchObject({ actorId: maria!.id, occurredAt: GMAIL_SENT_AT, visibility: "candidate" });
    expect(event.data).toMatchObject({
      subject: "Next steps for your application",
      automated: false,
      awaitsCandidate: false,
    });
    const body = (event.data as { body: string }).body;
    expect(body).toContain("invite each of you to a 30-minute call next week");
    expect(body).not.toContain("Talent Partner"); // the signature
  }

  const messages = await prisma.message.findMany({
    where: { applicationId: { in: filed } },
    select: {
      applicationId: true,
      direction: true,
      status: true,
      toAddress: true,
      fromAddress: true,
      sentAt: true,
      nextAttemptAt: true,
      headerMessageId: true,
      createdById: true,
      eventId: true,
    },
  });
  expect(messages).toHaveLength(4);
  for (const message of messages) {
    expect(message).toMatchObject({
      direction: "outbound",
      status: "sent",
      sentAt: GMAIL_SENT_AT,
      nextAttemptAt: null,
      createdById: maria!.id,
      fromAddress: `Maria Lopez <maria.lopez@${tag}.acme.example>`,
    });
    expect(message.eventId).not.toBeNull();
  }
  const toAna = messages.find((message) => message.applicationId === anaBackend.id)!;
  expect(toAna.toAddress).toBe(`Ana Ruiz <ana.ruiz@${tag}.example.com>`);
  expect(messages.find((message) => message.applicationId === chen.id)!.toAddress).toBe(
    `Chen Wei <chen.wei@${tag}.example.org>`,
  );
  // The message's own Message-ID stays on one copy, so a candidate's answer naming it finds the thread.
  expect(messages.filter((message) => message.headerMessageId.startsWith(`<${tag}.CAJx5Ke9`))).toHaveLength(1);
  // Never queued, so the outbox never sends it.
  expect(await prisma.message.count({ where: { applicationId: { in: filed }, status: "queued" } })).toBe(0);

  expect(await clocksOf(anaBackend.id)).toEqual([
    { metric: "first_response", instance: 1, state: "stopped", startedAt: APPLIED_AT, stoppedAt: GMAIL_SENT_AT },
    { metric: "periodic_update", instance: 1, state: "stopped", startedAt: APPLIED_AT, stoppedAt: GMAIL_SENT_AT },
    { metric: "periodic_update", instance: 2, state: "running", startedAt: GMAIL_SENT_AT, stoppedAt: null },
  ]);
  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { action: "message.captured", entityId: receipt.id },
    select: { actorId: true, data: true },
  });
  expect(audit.actorId).toBe(maria!.id);
  expect(JSON.stringify(audit.data)).not.toContain(address.split("@")[0]!.slice(4));
});

test("an Outlook reply delivered by SMTP with the capture address only in the envelope is filed without the quoted history", async () => {
  const tag = uniqueTag();
  const { jonas, anaBackend, anaPlatform, anaSupport, ben } = await people(tag);
  const raw = fixture("outlook-outbound", tag);
  expect(raw).not.toContain("bcc+");
  const receipt = await deliver(raw, await captureAddress());

  expect(receipt).toMatchObject({ status: "captured" });
  expect([...receipt.applicationIds].sort()).toEqual([anaBackend.id, anaPlatform.id].sort());
  const events = await messageOuts([anaBackend.id, anaPlatform.id, anaSupport.id, ben.id]);
  expect(events).toHaveLength(2);
  for (const event of events) {
    expect(event).toMatchObject({ actorId: jonas!.id, occurredAt: OUTLOOK_SENT_AT, visibility: "candidate" });
    expect(event.data).toMatchObject({ subject: "RE: Interview on Thursday" });
    const body = (event.data as { body: string }).body;
    expect(body).toContain("Thursday at 14:00 is confirmed.");
    expect(body).not.toContain("Thursday afternoon works for me");
  }
  const message = await prisma.message.findFirstOrThrow({
    where: { applicationId: anaPlatform.id, direction: "outbound" },
    select: { toAddress: true, status: true },
  });
  expect(message).toEqual({ toAddress: `"Ruiz, Ana" <ana.ruiz@${tag}.example.com>`, status: "sent" });
  expect((await clocksOf(anaPlatform.id))[0]).toMatchObject({ state: "stopped", stoppedAt: OUTLOOK_SENT_AT });
});

test("the same message delivered twice is filed once", async () => {
  const tag = uniqueTag();
  const { anaBackend, anaPlatform, ben, chen } = await people(tag);
  const address = await captureAddress();
  const raw = fixture("gmail-outbound", tag);
  const first = await post(raw, address);
  const applications = [anaBackend.id, anaPlatform.id, ben.id, chen.id];
  const before = { events: (await messageOuts(applications)).length, messages: await prisma.message.count() };

  const again = await post(raw, address);
  expect(again).toEqual({ ...first, duplicate: true });
  const overSmtp = await deliver(raw, address);
  expect(overSmtp).toEqual({ ...first, duplicate: true });
  expect((await messageOuts(applications)).length).toBe(before.events);
  expect(await prisma.message.count()).toBe(before.messages);
});

test("from an address that is not a staff member's, a captured message waits in the inbox", async () => {
  const tag = uniqueTag();
  const { anaBackend, ben } = await people(tag, { staff: false });
  const receipt = await post(fixture("gmail-outbound", tag), await captureAddress());

  expect(receipt).toMatchObject({ status: "unmatched", applicationId: null, applicationIds: [] });
  expect(await messageOuts([anaBackend.id, ben.id])).toEqual([]);
  const inbox = await listInbox(500);
  expect(inbox.messages.map((message) => message.id)).toContain(receipt.id);
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: receipt.id }, select: { data: true } });
  expect(audit.data).toMatchObject({ reason: "sender_not_staff" });
});

test("a deactivated staff member's message waits in the inbox", async () => {
  const tag = uniqueTag();
  const { maria, anaBackend } = await people(tag);
  await prisma.user.update({ where: { id: maria!.id }, data: { active: false } });
  const receipt = await post(fixture("gmail-outbound", tag), await captureAddress());
  expect(receipt).toMatchObject({ status: "unmatched", applicationIds: [] });
  expect(await messageOuts([anaBackend.id])).toEqual([]);
});

test("a captured message to nobody who is a candidate waits in the inbox", async () => {
  const tag = uniqueTag();
  await createTestUser({ role: "recruiter", email: `maria.lopez@${tag}.acme.example` });
  const receipt = await post(fixture("gmail-outbound", tag), await captureAddress());
  expect(receipt).toMatchObject({ status: "unmatched", applicationId: null });
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: receipt.id }, select: { data: true } });
  expect(audit.data).toMatchObject({ reason: "no_candidate_recipient" });
});

test("a wrong secret files nothing: the message waits in the inbox", async () => {
  const tag = uniqueTag();
  const { anaBackend, ben } = await people(tag);
  const address = await captureAddress();
  const wrong = address.replace(/bcc\+[a-z2-7]{4}/, "bcc+zzzz");
  expect(wrong).not.toBe(address);
  const receipt = await post(fixture("gmail-outbound", tag), wrong);
  expect(receipt).toMatchObject({ status: "unmatched", applicationId: null });
  expect(await messageOuts([anaBackend.id, ben.id])).toEqual([]);
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: receipt.id }, select: { data: true } });
  expect(audit.data).toMatchObject({ reason: "capture_address_unknown" });
});

test("rotating the address makes the old one file nothing and the new one work; the rotation is audited", async () => {
  const tag = uniqueTag();
  const { anaBackend } = await people(tag);
  const admin = await createTestUser({ role: "admin" });
  const old = (await getEmailCapture(admin)).address;
  expect(old).toMatch(/^bcc\+[a-z2-7]{32}@/);
  expect((await getEmailCapture(admin)).address).toBe(old);

  const rotated = await rotateEmailCapture(admin);
  expect(rotated.address).not.toBe(old);
  expect((await getEmailCapture(admin)).address).toBe(rotated.address);
  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { action: "email_capture.rotated", actorId: admin.id },
    select: { data: true },
  });
  expect(JSON.stringify(audit.data)).not.toMatch(/[a-z2-7]{32}/);

  const toOld = await post(fixture("gmail-outbound", tag), old);
  expect(toOld).toMatchObject({ status: "unmatched" });
  expect(await messageOuts([anaBackend.id])).toEqual([]);

  const outlook = fixture("outlook-outbound", tag);
  const toNew = await deliver(outlook, rotated.address);
  expect(toNew).toMatchObject({ status: "captured" });
  expect(toNew.applicationIds).toContain(anaBackend.id);
});

test("a message dated in the future counts from when it arrived", async () => {
  const tag = uniqueTag();
  const { anaBackend } = await people(tag);
  const raw = fixture("outlook-outbound", tag).replace(
    "Date: Tue, 12 Jan 2027 09:12:45 +0000",
    "Date: Fri, 15 Jan 2027 09:12:45 +0000",
  );
  const before = clockNow();
  await post(raw, await captureAddress());
  const [event] = await messageOuts([anaBackend.id]);
  expect(event!.occurredAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  expect(event!.occurredAt.getTime()).toBeLessThan(new Date("2027-01-13T00:00:00Z").getTime());
});

test("candidate replies are filed as before, by reply address and by the captured thread", async () => {
  const tag = uniqueTag();
  const { anaBackend, anaPlatform } = await people(tag);
  await captureAddress();
  const reply = (to: string, messageId: string, inReplyTo?: string) =>
    [
      `From: "Ana Ruiz" <ana.ruiz@${tag}.example.com>`,
      `To: ${to}`,
      "Subject: Re: Next steps for your application",
      "Date: Tue, 12 Jan 2027 09:55:00 +0100",
      `Message-ID: ${messageId}`,
      ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
      "MIME-Version: 1.0",
      'Content-Type: text/plain; charset="UTF-8"',
      "",
      "Tuesday works for me.",
      "",
    ].join("\r\n");

  const byAddress = await post(reply(replyAddress(anaPlatform.id), `<${tag}.r1@mail.gmail.com>`));
  expect(byAddress).toMatchObject({ status: "received", applicationId: anaPlatform.id });

  const captured = await post(fixture("gmail-outbound", tag), await captureAddress());
  const gmailId = `<${tag}.CAJx5Ke9d8vQp1kZt4mW=hF2uYx9+3sGbN0aLr7cQe_VfWq5PZg@mail.gmail.com>`;
  const answer = await post(reply(`jobs@${tag}.acme.example`, `<${tag}.r2@mail.gmail.com>`, gmailId));
  expect(answer).toMatchObject({ status: "received", applicationId: captured.applicationId });
  const event = await prisma.event.findFirstOrThrow({
    where: { applicationId: captured.applicationId!, type: "message_in" },
    select: { data: true },
  });
  expect(event.data).toMatchObject({ body: "Tuesday works for me." });
  expect([anaBackend.id, anaPlatform.id]).toContain(captured.applicationId);
});

test("a candidate with no active application is told the outcome of the one rejected and not yet told", async () => {
  const tag = uniqueTag();
  const { ben, anaSupport } = await people(tag);
  const decider = await createTestUser({ role: "admin" });
  // Ben was turned down on 10 January and nobody has told him; Ana, too, for Support, but she has open applications.
  await applyHistory(ben.id, [
    { type: "decision", at: new Date("2027-01-10T09:00:00Z"), by: decider, outcome: "rejected" },
  ]);
  const before = await prisma.application.findUniqueOrThrow({ where: { id: ben.id }, select: { outcomeToldAt: true } });
  expect(before.outcomeToldAt).toBeNull();

  const receipt = await post(fixture("gmail-outbound", tag), await captureAddress());
  expect(receipt.applicationIds).toContain(ben.id);
  expect(receipt.applicationIds).not.toContain(anaSupport.id);
  const told = await prisma.application.findUniqueOrThrow({
    where: { id: ben.id },
    select: { status: true, outcomeToldAt: true },
  });
  expect(told).toEqual({ status: "rejected", outcomeToldAt: GMAIL_SENT_AT });
  const closure = await prisma.slaClock.findFirst({
    where: { applicationId: ben.id, metric: "closure" },
    select: { state: true, stoppedAt: true },
  });
  expect(closure).toEqual({ state: "stopped", stoppedAt: GMAIL_SENT_AT });
});

test("a captured email left in the inbox is suggested by its recipient and, filed by hand, is recorded as sent", async () => {
  const tag = uniqueTag();
  const { maria, ben } = await people(tag);
  const decider = await createTestUser({ role: "admin" });
  // Ben was hired: nothing waits on an email to him, so it is not filed by itself.
  await applyHistory(ben.id, [
    { type: "decision", at: new Date("2027-01-10T09:00:00Z"), by: decider, outcome: "hired" },
  ]);
  const raw = fixture("gmail-outbound", tag)
    .replace(/^To:.*$/m, "To: Ben Okafor <ben.okafor@" + tag + ".example.net>")
    .replace(/^Cc:.*$/m, "Cc: Dana Fischer <dana.fischer@" + tag + ".acme.example>");
  const receipt = await post(raw, await captureAddress());
  expect(receipt).toMatchObject({ status: "unmatched", applicationIds: [] });
  const listed = (await listInbox(500)).messages.find((message) => message.id === receipt.id)!;
  expect(listed.candidateApplications.map((application) => application.id)).toContain(ben.id);

  await fileInboundMessage(receipt.id, ben.id, { id: decider.id, role: "admin" });
  const events = await messageOuts([ben.id]);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ actorId: maria!.id, visibility: "candidate" });
  const message = await prisma.message.findUniqueOrThrow({
    where: { id: receipt.id },
    select: { direction: true, status: true, applicationId: true, createdById: true },
  });
  expect(message).toEqual({ direction: "outbound", status: "sent", applicationId: ben.id, createdById: maria!.id });
  expect(await prisma.event.count({ where: { applicationId: ben.id, type: "message_in" } })).toBe(0);
});
