// The staff inbox: recruiters and admins see the emails that could not be filed by themselves, file one on an
// application (a message_in as of when it arrived, which starts next_response) or discard it.
import { expect, test } from "vitest";
import { receiveInboundEmail } from "~/models/inbound.server";
import * as inbox from "~/routes/inbox";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob } from "../../factories";
import { getRequest, postRequest, run, signIn } from "./helpers";

pinClock();

type InboxData = Awaited<ReturnType<typeof inbox.loader>>;
type ActionData = { ok: boolean; message: string; applicationId: string | null };

async function unmatchedEmail(from: string, subject: string, body = "Is the role still open?") {
  const raw =
    `From: ${from}\r\nTo: jobs@acme.example\r\nSubject: ${subject}\r\nMessage-ID: <${newId()}@mail.example.com>\r\n` +
    `Date: Mon, 01 Jan 2001 08:00:00 +0000\r\n\r\n${body}\r\n`;
  const result = await receiveInboundEmail(raw);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.receipt.status).toBe("unmatched");
  return result.receipt.id;
}

async function candidateApplication(name: string) {
  const job = await createTestJob({ title: "Data Analyst" });
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${newId()}@example.com`;
  const application = await createTestApplication({ jobId: job.id, candidate: { name, email } });
  return { ...application, email };
}

test("only recruiters and admins may open the inbox", async () => {
  for (const role of ["interviewer", "hiring_manager"] as const) {
    const who = await signIn(role);
    expect((await run(inbox.loader, getRequest("/inbox", who))).status).toBe(403);
    const posted = await run(inbox.action, postRequest("/inbox", who, { intent: "discard", messageId: "x" }));
    expect(posted.status).toBe(403);
  }
  const anonymous = await run(inbox.loader, getRequest("/inbox"));
  expect(anonymous.status).toBe(302);
  expect(anonymous.location).toMatch(/^\/login/);
  const admin = await signIn("admin");
  expect((await run(inbox.loader, getRequest("/inbox", admin))).status).toBe(200);
});

test("the inbox lists unmatched emails and offers the sender's own applications", async () => {
  const { id: applicationId, email } = await candidateApplication("Priya Raman");
  const messageId = await unmatchedEmail(`Priya Raman <${email}>`, "Question from Priya");
  const recruiter = await signIn("recruiter");
  const page = await run<InboxData>(inbox.loader, getRequest("/inbox", recruiter));
  const item = page.data.messages.find((message) => message.id === messageId);
  expect(item).toMatchObject({
    fromAddress: `Priya Raman <${email}>`,
    subject: "Question from Priya",
    bodyText: "Is the role still open?",
  });
  expect(item!.candidateApplications).toEqual([
    { id: applicationId, candidateName: "Priya Raman", jobTitle: "Data Analyst", status: "active" },
  ]);
});

test("filing an email makes it a message_in as of its arrival and starts next_response", async () => {
  const { id: applicationId } = await candidateApplication("Jonas Weber");
  const messageId = await unmatchedEmail("jonas.private@example.net", "From my other address");
  const arrived = (await prisma.message.findUniqueOrThrow({ where: { id: messageId } })).receivedAt!;
  const recruiter = await signIn("recruiter");

  const searched = await run<InboxData>(
    inbox.loader,
    getRequest(`/inbox?for=${messageId}&q=${encodeURIComponent("Jonas Weber")}`, recruiter),
  );
  expect(searched.data.search.results.map((result) => result.id)).toEqual([applicationId]);

  const filed = await run<ActionData>(
    inbox.action,
    postRequest("/inbox", recruiter, { intent: "file", messageId, applicationId }),
  );
  expect(filed.status).toBe(200);
  expect(filed.data).toEqual({ ok: true, message: "Filed on Jonas Weber’s application.", applicationId });

  const message = await prisma.message.findUniqueOrThrow({ where: { id: messageId } });
  expect(message).toMatchObject({ status: "received", applicationId });
  const event = await prisma.event.findUniqueOrThrow({ where: { id: message.eventId! } });
  expect(event).toMatchObject({ applicationId, type: "message_in" });
  expect(event.occurredAt.getTime()).toBe(arrived.getTime());
  expect(event.data).toEqual({ subject: "From my other address", body: "Is the role still open?" });
  const clock = await prisma.slaClock.findFirstOrThrow({ where: { applicationId, metric: "next_response" } });
  expect(clock.startedAt.getTime()).toBe(arrived.getTime());
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: messageId, action: "message.filed" } });
  expect(audit.actorId).toBe(recruiter.user.id);

  const after = await run<InboxData>(inbox.loader, getRequest("/inbox", recruiter));
  expect(after.data.messages.map((item) => item.id)).not.toContain(messageId);
  const again = await run<ActionData>(
    inbox.action,
    postRequest("/inbox", recruiter, { intent: "file", messageId, applicationId }),
  );
  expect(again.status).toBe(409);
  expect(again.data.message).toBe("This email was already filed.");
  expect(await prisma.event.count({ where: { applicationId, type: "message_in" } })).toBe(1);
});

test("filing needs a chosen application; unknown ones are a 404, erased candidates a 409, nothing changes", async () => {
  const messageId = await unmatchedEmail("someone@example.net", "Which application?");
  const admin = await signIn("admin");
  const missing = await run<ActionData>(inbox.action, postRequest("/inbox", admin, { intent: "file", messageId }));
  expect(missing.status).toBe(400);
  expect(missing.data.message).toBe("Choose an application to file this email on.");
  const unknown = await run<ActionData>(
    inbox.action,
    postRequest("/inbox", admin, { intent: "file", messageId, applicationId: "no-such-application" }),
  );
  expect(unknown.status).toBe(404);
  const erased = await candidateApplication("Erased Person");
  await prisma.candidate.update({ where: { id: erased.candidateId }, data: { erasedAt: clockNow() } });
  const refused = await run<ActionData>(
    inbox.action,
    postRequest("/inbox", admin, { intent: "file", messageId, applicationId: erased.id }),
  );
  expect(refused.status).toBe(409);
  expect(await prisma.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
    status: "unmatched",
    applicationId: null,
    eventId: null,
  });
});

test("discarding keeps the email as cancelled, out of the inbox", async () => {
  const messageId = await unmatchedEmail("newsletter@example.org", "Our weekly news");
  const recruiter = await signIn("recruiter");
  const discarded = await run<ActionData>(
    inbox.action,
    postRequest("/inbox", recruiter, { intent: "discard", messageId }),
  );
  expect(discarded.data).toEqual({ ok: true, message: "The email was discarded.", applicationId: null });
  expect(await prisma.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ status: "cancelled" });
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: messageId, action: "message.discarded" } });
  expect(audit.actorId).toBe(recruiter.user.id);
  const page = await run<InboxData>(inbox.loader, getRequest("/inbox", recruiter));
  expect(page.data.messages.map((item) => item.id)).not.toContain(messageId);
  const twice = await run<ActionData>(inbox.action, postRequest("/inbox", recruiter, { intent: "discard", messageId }));
  expect(twice.status).toBe(409);
});
