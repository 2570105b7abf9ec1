// An interview's emails end to end: the candidate's template with its real date, place and people, the interviewers'
// staff emails, one calendar event (UID, SEQUENCE) delivered as a text/calendar part through a real SMTP server and
// read back with ical.js; and a message whose interview fields would be empty is refused wherever it can be sent.
import ICAL from "ical.js";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, expect, test } from "vitest";
import { moveApplication } from "~/models/application.server";
import { queueInterviewMessages } from "~/models/interviews/messages.server";
import { previewCandidateMessage, sendCandidateMessage } from "~/models/outbox/compose.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { templateFor } from "~/models/outbox/queue.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import * as messagesRoute from "~/routes/api.v1.applications.$applicationId.messages";
import { prisma } from "~/platform/db.server";
import { smtpTransport, type MailTransport } from "~/platform/mail.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestInterview, createTestJob, createTestUser } from "../../factories";
import { startSmtpSink, type SmtpSink } from "../../smtp-sink";
import { apiRequest, caller, send, type ErrorBody } from "../api/helpers";

// Saturday 5 December 2026, 10:00 UTC.
const NOW = pinClock("2026-12-05T10:00:00Z");
const TUESDAY_14_BERLIN = new Date("2026-12-08T13:00:00Z");

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

async function planned(candidate: { locale: "en" | "de"; timeZone: string; email: string }) {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  const tom = await createTestUser({ role: "interviewer", name: "Tom Becker", timeZone: "Europe/Berlin" });
  const ana = await createTestUser({ role: "interviewer", name: "Ana Lima", timeZone: "America/Sao_Paulo" });
  const job = await createTestJob({ title: "Support Engineer", recruiterId: recruiter.id });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Sam Taylor", ...candidate },
    appliedAt: new Date("2026-12-01T09:00:00Z"),
  });
  const interview = await createTestInterview({
    applicationId: application.id,
    startsAt: TUESDAY_14_BERLIN,
    durationMinutes: 45,
    organizerId: recruiter.id,
    interviewerIds: [tom.id, ana.id],
    videoUrl: "https://meet.example.com/abc-defg",
  });
  return { recruiter, tom, ana, job, application, interview };
}

/** The delivered email's text/calendar part, parsed by ical.js, and its MIME method parameter. */
async function calendarOf(raw: string) {
  const email = await PostalMime.parse(raw);
  const contentType = /Content-Type:\s*text\/calendar;[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/i.exec(raw)?.[0] ?? "";
  const part = email.attachments.find((attachment) => attachment.mimeType === "text/calendar");
  const ics = part ? (typeof part.content === "string" ? part.content : new TextDecoder().decode(part.content)) : "";
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return {
    mimeMethod: /method=([A-Z]+)/i.exec(contentType)?.[1],
    method: calendar.getFirstPropertyValue("method"),
    uid: vevent.getFirstPropertyValue("uid"),
    sequence: vevent.getFirstPropertyValue("sequence"),
    start: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    end: (vevent.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue("status"),
    organizer: vevent.getFirstPropertyValue("organizer"),
    attendees: vevent.getAllProperties("attendee").map((property) => String(property.getFirstValue()).toLowerCase()),
    text: email.text ?? "",
  };
}

const receivedBy = (email: string) => sink.received.filter((mail) => mail.to.includes(email.toLowerCase()));

test("an invitation reaches the candidate and each interviewer with one calendar event, as text/calendar", async () => {
  const { recruiter, tom, ana, interview } = await planned({
    locale: "en",
    timeZone: "Asia/Kolkata",
    email: "sam.invite@example.com",
  });
  const queued = await prisma.$transaction((tx) =>
    queueInterviewMessages(tx, { interviewId: interview.id, change: "invitation", actorId: recruiter.id, now: NOW }),
  );
  expect(queued.interviewers).toHaveLength(2);
  const message = await prisma.message.findUniqueOrThrow({ where: { id: queued.candidate!.id } });
  expect(message).toMatchObject({
    kind: "interview_invite",
    interviewId: interview.id,
    calendarMethod: "REQUEST",
    automated: false,
  });
  expect(message.bodyText).toContain("When: Tuesday 8 December, 18:30 (Kolkata time)");
  expect(message.bodyText).toContain("Where: Video call: https://meet.example.com/abc-defg");
  expect(message.bodyText).toContain("With: Ana Lima and Tom Becker");
  expect(message.bodyText).toContain("It takes about 45 minutes.");

  await deliverDueMessages(transport);
  const [mail] = receivedBy("sam.invite@example.com");
  const event = await calendarOf(mail!.raw);
  expect(event).toMatchObject({
    mimeMethod: "REQUEST",
    method: "REQUEST",
    uid: interview.calendarUid,
    sequence: 0,
    start: "2026-12-08T13:00:00.000Z",
    end: "2026-12-08T13:45:00.000Z",
    status: "CONFIRMED",
    organizer: `mailto:${recruiter.email}`,
  });
  expect(event.attendees).toEqual(
    expect.arrayContaining([`mailto:sam.invite@example.com`, `mailto:${tom.email}`, `mailto:${ana.email}`]),
  );
  expect(event.text).toContain("18:30 (Kolkata time)");

  // Each interviewer: the same event, the time on their own clock.
  const [tomMail] = receivedBy(tom.email);
  const tomEvent = await calendarOf(tomMail!.raw);
  expect(tomEvent).toMatchObject({ mimeMethod: "REQUEST", uid: interview.calendarUid, sequence: 0 });
  expect(tomEvent.text).toContain("Tuesday 8 December, 14:00 (Berlin time)");
  const anaEvent = await calendarOf(receivedBy(ana.email)[0]!.raw);
  expect(anaEvent.text).toContain("Tuesday 8 December, 10:00 (Sao Paulo time)");
});

test("a move and a cancellation keep the UID with the raised sequence; a removed interviewer gets a cancellation", async () => {
  const { recruiter, tom, ana, application, interview } = await planned({
    locale: "de",
    timeZone: "Europe/Berlin",
    email: "sam.moved@example.com",
  });
  const moved = new Date("2026-12-09T09:00:00Z");
  await prisma.interview.update({
    where: { id: interview.id },
    data: { startsAt: moved, endsAt: new Date(moved.getTime() + 45 * 60_000), sequence: 1 },
  });
  await prisma.interviewSeat.delete({ where: { interviewId_userId: { interviewId: interview.id, userId: ana.id } } });
  await prisma.$transaction((tx) =>
    queueInterviewMessages(tx, {
      interviewId: interview.id,
      change: "rescheduled",
      actorId: recruiter.id,
      now: NOW,
      cancelFor: [ana.id],
    }),
  );
  await prisma.interview.update({ where: { id: interview.id }, data: { status: "cancelled", sequence: 2 } });
  await prisma.$transaction((tx) =>
    queueInterviewMessages(tx, { interviewId: interview.id, change: "cancelled", actorId: recruiter.id, now: NOW }),
  );
  const messages = await prisma.message.findMany({
    where: { applicationId: application.id, audience: "candidate" },
    orderBy: { createdAt: "asc" },
  });
  expect(messages.map((message) => [message.kind, message.calendarMethod])).toEqual([
    ["interview_rescheduled", "REQUEST"],
    ["interview_cancelled", "CANCEL"],
  ]);
  expect(messages[0]!.bodyText).toContain("Wann: Mittwoch, 9. Dezember, 10:00 (Berliner Zeit)");
  expect(messages[1]!.bodyText).toContain("Mittwoch, 9. Dezember, 10:00 (Berliner Zeit)");

  await deliverDueMessages(transport);
  // Both went out at once, in no set order: calendars apply them by their sequence.
  const [movedEvent, cancelledEvent] = (
    await Promise.all(receivedBy("sam.moved@example.com").map((mail) => calendarOf(mail.raw)))
  ).sort((a, b) => Number(a.sequence) - Number(b.sequence));
  expect(movedEvent).toMatchObject({
    mimeMethod: "REQUEST",
    method: "REQUEST",
    uid: interview.calendarUid,
    sequence: 1,
    start: "2026-12-09T09:00:00.000Z",
  });
  expect(cancelledEvent).toMatchObject({
    mimeMethod: "CANCEL",
    method: "CANCEL",
    uid: interview.calendarUid,
    sequence: 2,
    status: "CANCELLED",
  });
  // Ana was taken off by the move: one cancellation naming her alone, and nothing about the later cancellation.
  const anaMails = receivedBy(ana.email);
  expect(anaMails).toHaveLength(1);
  const anaEvent = await calendarOf(anaMails[0]!.raw);
  expect(anaEvent).toMatchObject({ method: "CANCEL", uid: interview.calendarUid, sequence: 1 });
  expect(anaEvent.attendees).toContain(`mailto:${ana.email}`);
  expect(anaEvent.attendees).not.toContain(`mailto:${tom.email}`);
  const tomEvents = await Promise.all(receivedBy(tom.email).map((mail) => calendarOf(mail.raw)));
  expect(tomEvents.map((event) => `${event.sequence} ${event.method}`).sort()).toEqual(["1 REQUEST", "2 CANCEL"]);
});

test("the interview fields describe the next scheduled interview after sending, not a past or cancelled one", async () => {
  const { recruiter, application, interview } = await planned({
    locale: "en",
    timeZone: "Europe/London",
    email: "sam.next@example.com",
  });
  await createTestInterview({ applicationId: application.id, startsAt: new Date("2026-12-01T10:00:00Z") });
  await createTestInterview({
    applicationId: application.id,
    startsAt: new Date("2026-12-07T10:00:00Z"),
    status: "cancelled",
  });
  const preview = await previewCandidateMessage(
    application.id,
    { subject: "Our talk", body: "Hi {{candidate.firstName}},\n\nSee you {{interview.when}}.\n\n{{recruiter.name}}" },
    recruiter,
  );
  expect(preview.email!.text).toContain("See you Tuesday 8 December, 13:00 (London time).");
  expect(interview.startsAt).toEqual(TUESDAY_14_BERLIN);
});

test("an invitation with no interview scheduled is refused in the composer, the API and a stage's automatic email", async () => {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  const job = await createTestJob({ title: "Support Engineer", recruiterId: recruiter.id });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Kim Park", email: "kim.park@example.com", locale: "en", timeZone: "Asia/Seoul" },
  });
  // One in the past does not count: the fields describe an interview still to come.
  await createTestInterview({ applicationId: application.id, startsAt: new Date("2026-12-01T10:00:00Z") });
  const invitation = (await templateFor(prisma, "interview_invite", "en"))!;
  const draft = { subject: invitation.subject, body: invitation.body, templateId: invitation.id };
  const countMessages = () => prisma.message.count({ where: { applicationId: application.id } });

  // The composer: its check shows the error (score 0), and sending is refused with nothing written.
  const preview = await previewCandidateMessage(application.id, draft, recruiter);
  expect(preview.lint.score).toBe(0);
  expect(preview.lint.findings).toContainEqual(
    expect.objectContaining({
      rule: "empty_field",
      severity: "error",
      message: expect.stringContaining("interview.when"),
    }),
  );
  await expect(
    sendCandidateMessage(application.id, { ...draft, awaitsCandidate: false, timing: { kind: "now" } }, recruiter),
  ).rejects.toMatchObject({
    issues: expect.arrayContaining([
      expect.objectContaining({ message: expect.stringContaining("{{interview.when}}") }),
    ]),
  });
  expect(await countMessages()).toBe(0);

  // The API: 400 with the field named, nothing queued.
  const apiCaller = await caller("recruiter");
  const answer = await send<ErrorBody>(
    messagesRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/messages`, apiCaller, {
      body: { direction: "outbound", subject: invitation.subject, body: invitation.body },
    }),
    { applicationId: application.id },
  );
  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body)).toContain("interview.where");
  expect(await countMessages()).toBe(0);

  // A stage that emails the invitation on entry: the move happens, the email does not, and the recruiter is told.
  const stages = await prisma.stage.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
  await prisma.stage.update({ where: { id: stages[1]!.id }, data: { entryTemplateKind: "interview_invite" } });
  await moveApplication(application.id, { stageId: stages[1]!.id }, recruiter);
  expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
    stageId: stages[1]!.id,
  });
  expect(await countMessages()).toBe(0);
  const notice = await prisma.notification.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(notice).toMatchObject({ userId: recruiter.id, kind: "message_failed", title: "Email not sent: Kim Park" });
  expect(notice.body).toContain("Interview invitation");
  expect(notice.body).toContain("{{interview.when}}");
  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { entityId: application.id, action: "message.skipped" },
  });
  expect(audit.data).toMatchObject({ kind: "interview_invite", reason: "empty_merge_field" });

  // With an interview ahead, the same move sends the invitation.
  await createTestInterview({
    applicationId: application.id,
    startsAt: new Date("2026-12-10T01:00:00Z"),
    organizerId: recruiter.id,
  });
  await moveApplication(application.id, { stageId: stages[0]!.id }, recruiter);
  await moveApplication(application.id, { stageId: stages[1]!.id }, recruiter);
  const sent = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(sent.bodyText).toContain("When: Thursday 10 December, 10:00 (Seoul time)");
});
