// Erasing a candidate: no trace of their name, address, phone or words anywhere Hearback stores them (candidate,
// touchpoints, emails, notices, audit log, survey, requests), emails waiting to go cancelled, scores and SLA clocks
// exactly as before, their status links a 404 and searches blind to them.
import { beforeAll, expect, test } from "vitest";
import { ERASED_NAME, erasedEmailFor } from "~/domain/data-requests";
import { listApplications } from "~/models/application-search.server";
import { addNote, moveApplication, recordMessage } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import { requestDataDeletion } from "~/models/data-request.server";
import { eraseCandidate } from "~/models/erasure.server";
import { appendEvent } from "~/models/event.server";
import { receiveInboundEmail } from "~/models/inbound.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { syncClocks } from "~/models/sla/clocks.server";
import { applicationIdForStatusToken } from "~/models/status-link.server";
import { saveSurveyResponse } from "~/models/survey.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { ConflictError, ForbiddenError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { replyAddress } from "~/platform/mail-addresses.server";
import { localOutboxTransport, sentMail } from "~/platform/mail.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser, type TestUser } from "../../factories";

const NOW = pinClock();

const DAY = 24 * 60 * 60_000;

const person = {
  name: "Wilhelmina Quackenbush",
  email: "wilhelmina.quackenbush@example.net",
  phone: "+49 170 5550123",
};
const words = {
  source: "Referral by Ottokar Grünwald",
  outbound: "Your portfolio impressed the panel greatly",
  inbound: "My cat Mr Whiskerton sends regards",
  reply: "Replying from my phone about Thursday",
  unmatched: "Is the Lisbon role still open for applicants",
  note: "Prefers late interviews because of childcare",
  where: "Room 42, Lindenstraße 7",
  reason: "Chose the competitor's offer in Porto",
  comment: "The recruiter Gustavo was very kind",
  request: "I found a job elsewhere, thank you",
};
const secrets = [person.name, "Wilhelmina", "Quackenbush", person.email, person.phone, ...Object.values(words)];

let admin: TestUser;
let recruiter: TestUser;

beforeAll(async () => {
  await ensureTemplateLibrary();
  admin = await createTestUser({ role: "admin", name: "Ada Admin" });
  recruiter = await createTestUser({ role: "recruiter", name: "Rita Recruiter" });
});

function rawEmail(headers: Record<string, string>, body: string): string {
  const lines = Object.entries({ "Message-ID": `<${newId()}@mail.example.net>`, ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `${lines.join("\r\n")}\r\nDate: Mon, 02 Mar 2026 08:00:00 +0000\r\n\r\n${body}\r\n`;
}

/** A candidate with a full history on two applications: every kind of record that can hold their data. */
async function candidateWithHistory() {
  const job = await createTestJob({ title: "Backend Engineer", recruiterId: recruiter.id });
  const otherJob = await createTestJob({ title: "Platform Engineer", recruiterId: recruiter.id });
  const appliedAt = new Date(NOW.getTime() - 10 * DAY);
  const first = await createTestApplication({
    jobId: job.id,
    candidate: { ...person, locale: "en", timeZone: "Europe/Lisbon" },
    appliedAt,
    source: words.source,
    notify: true,
  });
  // The acknowledgement goes out (local outbox, in memory here) and becomes a message_out touchpoint.
  await deliverDueMessages(localOutboxTransport());
  await moveApplication(
    first.id,
    { stageId: job.stages[1]!.id, occurredAt: new Date(appliedAt.getTime() + DAY) },
    recruiter,
  );
  const message = (body: string, direction: "outbound" | "inbound", days: number) =>
    recordMessage(
      first.id,
      {
        direction,
        subject: `About ${person.name}`,
        body,
        automated: false,
        awaitsCandidate: direction === "outbound",
        occurredAt: new Date(appliedAt.getTime() + days * DAY),
      },
      recruiter,
    );
  await message(words.outbound, "outbound", 2);
  await message(words.inbound, "inbound", 3);
  await addNote(first.id, words.note, recruiter);
  await prisma.$transaction((tx) =>
    appendEvent(tx, {
      applicationId: first.id,
      type: "interview",
      data: { when: clockNow().toISOString(), where: words.where, interviewerIds: [recruiter.id] },
      occurredAt: new Date(appliedAt.getTime() + 4 * DAY),
      actorId: recruiter.id,
    }),
  );
  // A reply to their reply address is filed on the application; one from a new thread waits in the inbox.
  const filed = await receiveInboundEmail(
    rawEmail(
      { From: `${person.name} <${person.email}>`, To: replyAddress(first.id), Subject: "Re: Thursday" },
      words.reply,
    ),
  );
  expect(filed.ok && filed.receipt.status).toBe("received");
  const unmatched = await receiveInboundEmail(
    rawEmail(
      { From: `"${person.name}" <${person.email}>`, To: "jobs@acme.example", Subject: "Lisbon?" },
      words.unmatched,
    ),
  );
  expect(unmatched.ok && unmatched.receipt.status).toBe("unmatched");

  const second = await createTestApplication({ jobId: otherJob.id, candidate: person, appliedAt });
  // A rejection told at a humane time: its email is still waiting when the data is erased.
  await decideApplication(second.id, { outcome: "rejected", reason: words.reason, notify: true }, recruiter);
  await saveSurveyResponse(second.id, {
    nps: 3,
    effort: 4,
    knewNext: "no",
    frictionTags: ["long_silence"],
    comment: words.comment,
  });
  await requestDataDeletion(first.id, { reason: words.request });
  await prisma.notification.create({
    data: {
      userId: recruiter.id,
      kind: "sla_warning",
      applicationId: first.id,
      title: `Due soon: ${person.name}`,
      body: `The first reply promised to ${person.name} (Backend Engineer) is due soon.`,
    },
  });
  // Audit data that names them, as a future feature might write it.
  await prisma.auditLog.create({
    data: {
      action: "candidate.contact_changed",
      entityType: "Candidate",
      entityId: first.candidateId,
      data: { phone: person.phone, email: person.email, channel: "phone" },
    },
  });
  return { first, second, candidateId: first.candidateId };
}

async function clocksOf(applicationIds: string[]) {
  return prisma.slaClock.findMany({
    where: { applicationId: { in: applicationIds } },
    orderBy: [{ applicationId: "asc" }, { metric: "asc" }, { instance: "asc" }],
  });
}

/** Everything stored that could hold a person's data, as text. */
async function everything(): Promise<string> {
  const tables = await Promise.all([
    prisma.candidate.findMany(),
    prisma.application.findMany(),
    prisma.event.findMany(),
    prisma.message.findMany(),
    prisma.auditLog.findMany(),
    prisma.surveyResponse.findMany(),
    prisma.notification.findMany(),
    prisma.dataRequest.findMany(),
  ]);
  return JSON.stringify(tables).toLowerCase();
}

function tracesIn(text: string): string[] {
  return secrets.filter(
    (secret) => text.includes(secret.toLowerCase()) || text.includes(JSON.stringify(secret).slice(1, -1).toLowerCase()),
  );
}

test("erasing leaves no trace of the person anywhere, keeps scores and clocks, and closes their request", async () => {
  const { first, second, candidateId } = await candidateWithHistory();
  const control = await createTestApplication({
    jobId: first.jobId,
    candidate: { name: "Control Person", email: "control.person@example.org" },
  });
  await addNote(control.id, "Control note stays", recruiter);
  const applicationIds = [first.id, second.id];
  const token = first.statusUrl.split("/s/")[1]!;
  const now = clockNow();
  await prisma.$transaction((tx) => syncClocks(tx, applicationIds, { now }));
  const clocksBefore = await clocksOf(applicationIds);
  expect(clocksBefore.length).toBeGreaterThan(0);
  const eventsBefore = await prisma.event.findMany({
    where: { applicationId: { in: applicationIds } },
    orderBy: { id: "asc" },
    select: { id: true, type: true, occurredAt: true, visibility: true, actorId: true },
  });
  // The setup really stored the person in every place looked at below.
  expect(tracesIn(await everything())).toEqual(secrets);
  expect(sentMail.some((mail) => mail.to.includes(person.email))).toBe(true);
  expect(await applicationIdForStatusToken(token)).toBe(first.id);
  expect((await listApplications(admin, { query: "Quackenbush" })).total).toBe(2);

  const result = await eraseCandidate(candidateId, admin);
  expect(result).toMatchObject({ candidateId, applications: 2, completedRequests: 1 });

  expect(tracesIn(await everything())).toEqual([]);
  expect(sentMail.some((mail) => mail.raw.toLowerCase().includes(person.email))).toBe(false);
  const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } });
  expect(candidate).toMatchObject({
    name: ERASED_NAME,
    email: erasedEmailFor(candidateId),
    emailKey: erasedEmailFor(candidateId),
    phone: null,
  });
  expect(candidate.erasedAt).not.toBeNull();
  // The touchpoints are all there, with the same type, time and visibility; the clocks are untouched, and a rebuild
  // from the anonymised log gives the very same rows.
  const eventsAfter = await prisma.event.findMany({
    where: { applicationId: { in: applicationIds } },
    orderBy: { id: "asc" },
    select: { id: true, type: true, occurredAt: true, visibility: true, actorId: true },
  });
  expect(eventsAfter).toEqual(eventsBefore);
  expect(await clocksOf(applicationIds)).toEqual(clocksBefore);
  await prisma.$transaction((tx) => syncClocks(tx, applicationIds, { now }));
  expect(await clocksOf(applicationIds)).toEqual(clocksBefore);
  // Scores stay for the metrics.
  expect(await prisma.surveyResponse.findUniqueOrThrow({ where: { applicationId: second.id } })).toMatchObject({
    nps: 3,
    effort: 4,
    knewNext: "no",
    frictionTags: ["long_silence"],
    comment: null,
  });
  // The rejection email that had not gone out never will.
  const waiting = await prisma.message.findMany({ where: { applicationId: second.id, kind: { not: null } } });
  expect(waiting.map((message) => message.status)).toEqual(["cancelled"]);
  expect(await prisma.dataRequest.findFirstOrThrow({ where: { candidateId } })).toMatchObject({
    status: "completed",
    closedById: admin.id,
    reason: null,
  });
  expect(await prisma.auditLog.count({ where: { action: "candidate.erased", entityId: candidateId } })).toBe(1);
  // Their links are a 404 and searches do not find them by their old name or address.
  expect(await applicationIdForStatusToken(token)).toBeNull();
  expect((await listApplications(admin, { query: "Quackenbush" })).total).toBe(0);
  expect((await listApplications(admin, { query: person.email })).total).toBe(0);
  // Nobody else was touched.
  const controlCandidate = await prisma.candidate.findUniqueOrThrow({ where: { id: control.candidateId } });
  expect(controlCandidate).toMatchObject({ name: "Control Person", erasedAt: null });
  expect(await prisma.event.count({ where: { applicationId: control.id, type: "note" } })).toBe(1);
  const controlNote = await prisma.event.findFirstOrThrow({ where: { applicationId: control.id, type: "note" } });
  expect(controlNote.data).toEqual({ body: "Control note stays" });
});

test("only admins erase, and only once; the same address may apply again as a new candidate", async () => {
  const application = await createTestApplication({
    jobId: (await createTestJob({ title: "Analyst" })).id,
    candidate: { name: "Twice Tried", email: "twice.tried@example.org" },
  });
  await expect(eraseCandidate(application.candidateId, recruiter)).rejects.toBeInstanceOf(ForbiddenError);
  expect(await prisma.candidate.findUniqueOrThrow({ where: { id: application.candidateId } })).toMatchObject({
    erasedAt: null,
  });
  await eraseCandidate(application.candidateId, admin);
  await expect(eraseCandidate(application.candidateId, admin)).rejects.toBeInstanceOf(ConflictError);
  const again = await createTestApplication({
    jobId: application.jobId,
    candidate: { name: "Twice Tried", email: "twice.tried@example.org" },
  });
  expect(again.candidateId).not.toBe(application.candidateId);
});
