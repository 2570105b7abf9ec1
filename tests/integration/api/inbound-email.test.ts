// POST /api/v1/inbound/email: candidate replies as raw RFC 822 are filed on their application (by the signed reply
// address, or by the Message-IDs they answer) and start next_response; anything else waits in the staff inbox.
// Stored once per Message-ID; oversized, empty or non-email bodies are refused with nothing written.
import { expect, test } from "vitest";
import { inboundReceiptResource } from "~/domain/inbound/receipt";
import { listInbox } from "~/models/inbound.server";
import * as inboundRoute from "~/routes/api.v1.inbound.email";
import * as healthRoute from "~/routes/healthz";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { replyAddress } from "~/platform/mail-addresses.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "./helpers";

pinClock();

let mailCounter = 0;

type Mail = {
  to?: string;
  from?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  date?: string;
  headers?: Record<string, string>;
  body?: string;
};

/** A raw email as a mail provider would post it. */
function rawEmail(mail: Mail = {}): string {
  mailCounter += 1;
  const headers: Record<string, string | undefined> = {
    From: mail.from ?? "Sam Taylor <sam.taylor@example.com>",
    To: mail.to ?? "jobs@acme.example",
    Subject: mail.subject ?? "Re: Your application",
    Date: mail.date ?? "Mon, 01 Jan 2001 08:00:00 +0000",
    "Message-ID":
      mail.messageId === null ? undefined : (mail.messageId ?? `<reply-${mailCounter}-${newId()}@mail.example.com>`),
    "In-Reply-To": mail.inReplyTo,
    References: mail.references,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    ...mail.headers,
  };
  const lines = Object.entries(headers)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  const body =
    mail.body ??
    "Tuesday at 10 works for me.\n\nOn Mon, 2 Mar 2026 at 09:00, Acme <jobs@acme.example> wrote:\n> Could you do Tuesday?\n";
  return `${lines.join("\r\n")}\r\n\r\n${body.replace(/\n/g, "\r\n")}`;
}

function post(who: Caller | null, body: string, headers: Record<string, string> = {}) {
  return send<Record<string, unknown>>(
    inboundRoute,
    apiRequest("POST", "/api/v1/inbound/email", who, {
      body,
      headers: { "Content-Type": "message/rfc822", ...headers },
    }),
  );
}

async function application() {
  const job = await createTestJob({ title: "Backend Engineer" });
  const email = `candidate-${newId()}@example.com`;
  return { ...(await createTestApplication({ jobId: job.id, candidate: { email } })), email };
}

/** One of our emails to the application's candidate, as delivery stores it; returns its Message-ID. */
async function sentMessage(applicationId: string): Promise<string> {
  const headerMessageId = `<hb.${newId()}@acme.example>`;
  await prisma.message.create({
    data: {
      id: newId(),
      applicationId,
      direction: "outbound",
      status: "sent",
      fromAddress: "Acme <jobs@acme.example>",
      toAddress: "sam.taylor@example.com",
      subject: "Your application",
      bodyText: "Could you do Tuesday?",
      headerMessageId,
      sentAt: clockNow(),
    },
  });
  return headerMessageId;
}

async function counts() {
  const [messages, events, audits] = await Promise.all([
    prisma.message.count({ where: { direction: "inbound" } }),
    prisma.event.count({ where: { type: "message_in" } }),
    prisma.auditLog.count({ where: { entityType: "Message" } }),
  ]);
  return { messages, events, audits };
}

test("a reply to the reply address is filed on its application without the quoted history", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId } = await application();
  const before = clockNow();
  const answer = await post(recruiter, rawEmail({ to: `Acme Careers <${replyAddress(applicationId)}>` }));
  expect(answer.status).toBe(202);
  const receipt = expectShape(inboundReceiptResource, answer.body);
  expect(receipt).toMatchObject({ status: "received", applicationId, duplicate: false });

  const message = await prisma.message.findUniqueOrThrow({ where: { id: receipt.id } });
  expect(message).toMatchObject({
    direction: "inbound",
    status: "received",
    applicationId,
    fromAddress: "Sam Taylor <sam.taylor@example.com>",
    subject: "Re: Your application",
    bodyText: "Tuesday at 10 works for me.",
  });
  const event = await prisma.event.findUniqueOrThrow({ where: { id: message.eventId! } });
  expect(event).toMatchObject({ applicationId, type: "message_in", visibility: "candidate" });
  expect(event.data).toEqual({ subject: "Re: Your application", body: "Tuesday at 10 works for me." });
  // The receipt time, not the sender's Date header (2001).
  expect(event.occurredAt.getTime()).toBe(message.receivedAt!.getTime());
  expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Message", entityId: receipt.id } });
  expect(audit).toMatchObject({ action: "message.received", actorId: null });
  expect(audit.data).toMatchObject({ applicationId, matchedBy: "reply_address", sentAt: "2001-01-01T08:00:00.000Z" });
});

test("a reply starts the next_response clock at the moment it arrived", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId } = await application();
  expect(await prisma.slaClock.count({ where: { applicationId, metric: "next_response" } })).toBe(0);
  const answer = await post(recruiter, rawEmail({ to: replyAddress(applicationId) }));
  const message = await prisma.message.findUniqueOrThrow({ where: { id: answer.body.id as string } });
  const clock = await prisma.slaClock.findFirstOrThrow({ where: { applicationId, metric: "next_response" } });
  expect(clock).toMatchObject({ state: "running", instance: 1 });
  expect(clock.startedAt.getTime()).toBe(message.receivedAt!.getTime());
});

test("a reply to a generic address is matched by In-Reply-To or References naming one of our Message-IDs", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId, email } = await application();
  const ourMessageId = await sentMessage(applicationId);
  const from = `Sam Taylor <${email}>`;
  const byInReplyTo = await post(recruiter, rawEmail({ from, inReplyTo: ourMessageId }));
  expect(byInReplyTo.body).toMatchObject({ status: "received", applicationId, duplicate: false });
  const byReferences = await post(
    recruiter,
    rawEmail({
      from,
      inReplyTo: "<unknown@mail.example.com>",
      references: `${ourMessageId} <unknown@mail.example.com>`,
    }),
  );
  expect(byReferences.body).toMatchObject({ status: "received", applicationId });
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: byInReplyTo.body.id as string } });
  expect(audit.data).toMatchObject({ matchedBy: "thread" });
});

test("threading by In-Reply-To or References alone files mail only from the candidate's own address", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId, email } = await application();
  const ourMessageId = await sentMessage(applicationId);
  const before = await counts();

  // Someone who learnt one of our Message-IDs cannot file mail onto the application: it waits in the inbox.
  const stranger = await post(
    recruiter,
    rawEmail({ from: "Mallory <mallory@attacker.example>", inReplyTo: ourMessageId, body: "Please call me instead." }),
  );
  expect(stranger.status).toBe(202);
  expect(stranger.body).toMatchObject({ status: "unmatched", applicationId: null, duplicate: false });
  const byReferences = await post(
    recruiter,
    rawEmail({ from: "mallory@attacker.example", references: ourMessageId, body: "And again." }),
  );
  expect(byReferences.body).toMatchObject({ status: "unmatched", applicationId: null });
  expect(await counts()).toEqual({ messages: before.messages + 2, events: before.events, audits: before.audits + 2 });
  expect(await prisma.event.count({ where: { applicationId, type: "message_in" } })).toBe(0);
  expect(await prisma.slaClock.count({ where: { applicationId, metric: "next_response" } })).toBe(0);
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: stranger.body.id as string } });
  expect(audit).toMatchObject({ action: "message.unmatched" });
  expect(audit.data).toMatchObject({
    applicationId: null,
    matchedBy: "thread",
    matchedApplicationId: applicationId,
    reason: "sender_not_candidate",
  });
  const inbox = await listInbox();
  expect(inbox.messages.map((message) => message.id)).toEqual(
    expect.arrayContaining([stranger.body.id, byReferences.body.id]),
  );

  // The candidate, whatever the case of their address, is filed as before.
  const candidate = await post(recruiter, rawEmail({ from: `Sam <${email.toUpperCase()}>`, inReplyTo: ourMessageId }));
  expect(candidate.body).toMatchObject({ status: "received", applicationId });
  expect(await prisma.event.count({ where: { applicationId, type: "message_in" } })).toBe(1);
});

test("mail that matches nothing waits in the inbox, with no touchpoint written", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId } = await application();
  const before = await counts();
  const forged = replyAddress(applicationId).replace(/\.[0-9a-f]{16}@/, ".0000000000000000@");
  const answers = [
    await post(recruiter, rawEmail({ subject: "A question about the role" })),
    await post(recruiter, rawEmail({ to: forged, subject: "Forged reply address" })),
    await post(recruiter, rawEmail({ inReplyTo: "<never-sent@acme.example>", subject: "Unknown thread" })),
  ];
  for (const answer of answers) {
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: "unmatched", applicationId: null, duplicate: false });
  }
  expect(await counts()).toEqual({
    messages: before.messages + 3,
    events: before.events,
    audits: before.audits + 3,
  });
  const inbox = await listInbox();
  const subjects = inbox.messages.map((message) => message.subject);
  expect(subjects).toEqual(
    expect.arrayContaining(["A question about the role", "Forged reply address", "Unknown thread"]),
  );
  // The sender is a known candidate elsewhere? Not this one: no suggestions for an unknown address.
  expect(
    inbox.messages.find((message) => message.subject === "A question about the role")!.candidateApplications,
  ).toEqual([]);
});

test("auto-replies, erased candidates and quote-only mail go to the inbox even with a valid reply address", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId, candidateId } = await application();
  const outOfOffice = await post(
    recruiter,
    rawEmail({ to: replyAddress(applicationId), headers: { "Auto-Submitted": "auto-replied" }, body: "I am away." }),
  );
  expect(outOfOffice.body).toMatchObject({ status: "unmatched", applicationId: null });
  const quoteOnly = await post(
    recruiter,
    rawEmail({ to: replyAddress(applicationId), body: "> Could you do Tuesday?\n" }),
  );
  expect(quoteOnly.body).toMatchObject({ status: "unmatched" });
  // Nothing lost: the whole text is kept for a person to read.
  const kept = await prisma.message.findUniqueOrThrow({ where: { id: quoteOnly.body.id as string } });
  expect(kept.bodyText).toBe("> Could you do Tuesday?");
  expect(await prisma.slaClock.count({ where: { applicationId, metric: "next_response" } })).toBe(0);

  await prisma.candidate.update({ where: { id: candidateId }, data: { erasedAt: clockNow() } });
  const erased = await post(recruiter, rawEmail({ to: replyAddress(applicationId) }));
  expect(erased.body).toMatchObject({ status: "unmatched", applicationId: null });
  const reasons = await prisma.auditLog.findMany({
    where: { entityId: { in: [outOfOffice, quoteOnly, erased].map((answer) => answer.body.id as string) } },
    select: { data: true },
  });
  expect(reasons.map((entry) => (entry.data as { reason: string }).reason).sort()).toEqual([
    "automated",
    "candidate_erased",
    "no_text",
  ]);
});

test("the same email posted twice is stored once and answers the same; so is one without a Message-ID", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId } = await application();
  const mail = rawEmail({ to: replyAddress(applicationId) });
  const first = await post(recruiter, mail);
  const before = await counts();
  const [second, third] = await Promise.all([post(recruiter, mail), post(recruiter, mail)]);
  for (const repeat of [second, third]) {
    expect(repeat.status).toBe(202);
    expect(repeat.body).toEqual({ ...first.body, duplicate: true });
  }
  expect(await counts()).toEqual(before);

  const anonymous = rawEmail({ to: replyAddress(applicationId), messageId: null, body: "No Message-ID here." });
  const once = await post(recruiter, anonymous);
  const twice = await post(recruiter, anonymous);
  expect(once.body).toMatchObject({ status: "received", duplicate: false });
  expect(twice.body).toEqual({ ...once.body, duplicate: true });
  const stored = await prisma.message.findUniqueOrThrow({ where: { id: once.body.id as string } });
  expect(stored.headerMessageId).toMatch(/^<inbound\.[0-9a-f]{40}@hearback\.invalid>$/);
  expect(await prisma.event.count({ where: { applicationId, type: "message_in" } })).toBe(2);
});

test("one of our own emails coming back is never filed as the candidate's words", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId } = await application();
  const ourMessageId = `<hb.${newId()}@acme.example>`;
  await prisma.message.create({
    data: {
      id: newId(),
      applicationId,
      direction: "outbound",
      status: "sent",
      fromAddress: "Acme <jobs@acme.example>",
      toAddress: "sam.taylor@example.com",
      subject: "Your application",
      bodyText: "Thanks for applying.",
      headerMessageId: ourMessageId,
    },
  });
  const looped = await post(recruiter, rawEmail({ messageId: ourMessageId, to: replyAddress(applicationId) }));
  expect(looped.body).toMatchObject({ status: "unmatched", applicationId: null, duplicate: false });
  expect(await prisma.message.count({ where: { headerMessageId: ourMessageId } })).toBe(1);
});

test("an email over 10 MB is a 413, declared or streamed, with nothing stored", async () => {
  const recruiter = await caller("recruiter");
  const before = await counts();
  const declared = await post(recruiter, rawEmail(), { "Content-Length": String(10 * 1024 * 1024 + 1) });
  expect(declared.status).toBe(413);
  const huge = rawEmail({ body: "x".repeat(10 * 1024 * 1024) });
  const streamed = await post(recruiter, huge);
  expect(streamed.status).toBe(413);
  expect((streamed.body as ErrorBody).error.code).toBe("payload_too_large");
  expect(await counts()).toEqual(before);
});

test("a ten-megabyte email built to be slow is stored while health checks keep being answered", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId } = await application();
  // Nearly 10 MB of what used to take postal-mime and the quote stripper minutes: short lines, in the text part and in
  // an attachment of lines that look like MIME boundaries.
  const body = [
    "--b",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Tuesday works for me.${"\n".repeat(1_000_000)}`,
    "--b",
    'Content-Type: application/pdf; name="cv.pdf"',
    "",
    "--x\n".repeat(1_500_000),
    "--b--",
  ].join("\n");
  const raw = rawEmail({
    to: replyAddress(applicationId),
    headers: { "Content-Type": 'multipart/mixed; boundary="b"' },
    body,
  });
  expect(raw.length).toBeGreaterThan(9 * 1024 * 1024);
  expect(raw.length).toBeLessThan(10 * 1024 * 1024);

  let finished = false;
  const posted = post(recruiter, raw).finally(() => (finished = true));
  const healthChecks: number[] = [];
  while (!finished) {
    healthChecks.push((await send(healthRoute, apiRequest("GET", "/healthz", null))).status);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const answer = await posted;
  expect(answer.status).toBe(202);
  expect(answer.body).toMatchObject({ status: "received", applicationId });
  const message = await prisma.message.findUniqueOrThrow({ where: { id: answer.body.id as string } });
  expect(message.bodyText).toBe("Tuesday works for me.\n\n[1 attachment, not stored in Hearback: cv.pdf]");
  // The event loop was not held while the email was parsed: health checks were answered all along.
  expect(healthChecks.length).toBeGreaterThanOrEqual(3);
  expect(new Set(healthChecks)).toEqual(new Set([200]));
});

test("an empty body or one that is not an email is a 400, never a 5xx, with nothing stored", async () => {
  const recruiter = await caller("recruiter");
  const before = await counts();
  for (const body of ["", "   \r\n", "hello, this is not an email", '{"text":"hi"}', "\u0000\u0001garbage\u00ff"]) {
    const answer = await post(recruiter, body);
    expect(answer.status).toBe(400);
    const error = (answer.body as ErrorBody).error;
    expect(error.code).toBe("validation_error");
    expect(error.message).toMatch(/empty|not an email/);
  }
  expect(await counts()).toEqual(before);
});

test("a headers-only email is kept in the inbox; nothing is lost", async () => {
  const recruiter = await caller("recruiter");
  const answer = await post(recruiter, rawEmail({ body: "" }));
  expect(answer.status).toBe(202);
  expect(answer.body).toMatchObject({ status: "unmatched" });
});

test("no token is a 401, a role without move_applications a 403, a JSON body a 415", async () => {
  const anonymous = await post(null, rawEmail());
  expect(anonymous.status).toBe(401);
  expect((anonymous.body as ErrorBody).error.code).toBe("unauthorized");
  const interviewer = await caller("interviewer");
  expect((await post(interviewer, rawEmail())).status).toBe(403);
  const recruiter = await caller("recruiter");
  const json = await post(recruiter, rawEmail(), { "Content-Type": "application/json" });
  expect(json.status).toBe(415);
  const plain = await post(recruiter, rawEmail(), { "Content-Type": "text/plain; charset=utf-8" });
  expect(plain.status).toBe(202);
  const octets = await post(recruiter, rawEmail(), { "Content-Type": "application/octet-stream" });
  expect(octets.status).toBe(202);
});

test("the OpenAPI document describes the raw email body and the 202 receipt", async () => {
  const { buildOpenApiDocument } = await import("~/web/openapi.server");
  const document = buildOpenApiDocument("http://hearback.test", [inboundRoute]) as unknown as {
    paths: Record<string, { post: { requestBody: { content: Record<string, unknown> }; responses: object } }>;
  };
  const operation = document.paths["/api/v1/inbound/email"]!.post;
  expect(Object.keys(operation.requestBody.content)).toEqual([
    "message/rfc822",
    "text/plain",
    "application/octet-stream",
  ]);
  expect(Object.keys(operation.responses)).toEqual(["202", "400", "401", "403", "413", "415", "500"]);
});
