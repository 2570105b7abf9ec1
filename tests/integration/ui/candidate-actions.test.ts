// The candidate's actions on their status link, through the routes as a browser without a session calls them: asking
// a question (an inbound message that starts next_response), withdrawing (confirmed by email, refused kindly the
// second time) and contact preferences. A wrong link is the same 404 everywhere; a German candidate reads German.
import { beforeAll, expect, test } from "vitest";
import { candidateDateTime } from "~/domain/messages/candidate-dates";
import { getQueue } from "~/models/sla/queue.server";
import { createPolicy } from "~/models/sla/policies.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import * as ask from "~/routes/s.$token_.ask";
import * as preferences from "~/routes/s.$token_.preferences";
import * as withdraw from "~/routes/s.$token_.withdraw";
import { statusLinkNotFound } from "~/web/candidate-route.server";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, createTestUser, type CandidateData } from "../../factories";
import { ORIGIN, run, signIn } from "./helpers";

type AskData = Awaited<ReturnType<typeof ask.loader>>;
type WithdrawData = Awaited<ReturnType<typeof withdraw.loader>>;
type PreferencesData = Awaited<ReturnType<typeof preferences.loader>>;
type FormAnswer = { errors: Record<string, string>; question?: string; reason?: string; values?: unknown };

const DEPARTMENT = "Candidate actions";
const NEXT_RESPONSE_MINUTES = 120;

beforeAll(async () => {
  await ensureTemplateLibrary();
  // Calendar time, so the promised answer is exactly two hours after the question whatever day the suite runs.
  await createPolicy(
    {
      name: "Calendar-time answers",
      position: 1,
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [{ metric: "next_response", minutes: NEXT_RESPONSE_MINUTES, businessHours: false }],
    },
    null,
  );
});

let address = 0;

/** Each test comes from its own address, so the per-address limit on status links never trips across tests. */
function clientAddress() {
  address += 1;
  return `198.51.100.${address}`;
}

function candidateGet(path: string, from: string) {
  return new Request(`${ORIGIN}${path}`, { headers: { "X-Hearback-Client-Ip": from } });
}

function candidatePost(path: string, from: string, fields: Record<string, string>) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, "X-Hearback-Client-Ip": from },
    body: new URLSearchParams(fields),
  });
}

async function candidateLink(candidate: Partial<CandidateData> = {}) {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  const job = await createTestJob({ title: "Support Engineer", department: DEPARTMENT, recruiterId: recruiter.id });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { locale: "en", timeZone: "Europe/London", ...candidate },
  });
  const token = application.statusUrl.split("/s/")[1]!;
  return { application, token, from: clientAddress(), recruiter };
}

test("asking a question files an inbound message with its message_in and starts the reply promise", async () => {
  const { application, token, from } = await candidateLink({ email: "ana.question@example.com" });
  const question = "  Is the role open to people working from Lisbon?  ";
  const posted = await run(ask.action, candidatePost(`/s/${token}/ask`, from, { question }), { token });
  expect(posted.status).toBe(302);
  expect(posted.location).toBe(`/s/${token}/ask?sent=1`);

  const message = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(message).toMatchObject({
    direction: "inbound",
    status: "received",
    audience: "candidate",
    fromAddress: "ana.question@example.com",
    subject: "Question from the status page",
    bodyText: "Is the role open to people working from Lisbon?",
    automated: false,
  });
  expect(message.headerMessageId).toBe(`<question.${message.id}@hearback.invalid>`);
  expect(message.receivedAt).not.toBeNull();
  const event = await prisma.event.findUniqueOrThrow({ where: { id: message.eventId! } });
  expect(event).toMatchObject({
    applicationId: application.id,
    type: "message_in",
    visibility: "candidate",
    actorId: null,
    data: { subject: "Question from the status page", body: "Is the role open to people working from Lisbon?" },
  });
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Message", entityId: message.id } });
  expect(audit).toMatchObject({ actorId: null, action: "message.received" });
  expect(audit.data).toMatchObject({ by: "candidate", applicationId: application.id });

  const clock = await prisma.slaClock.findFirstOrThrow({
    where: { applicationId: application.id, metric: "next_response" },
  });
  expect(clock.state).toBe("running");
  expect(clock.dueAt!.getTime()).toBe(message.receivedAt!.getTime() + NEXT_RESPONSE_MINUTES * 60_000);
  // The recruiter sees it in "Waiting on us".
  const admin = await signIn("admin");
  const queue = await getQueue(admin.user, { metric: "next_response", limit: 1000 });
  expect(queue.items.some((item) => item.applicationId === application.id)).toBe(true);

  // The confirmation names who answers and by when, in the candidate's time zone.
  const confirmation = await run<AskData>(ask.loader, candidateGet(`/s/${token}/ask?sent=1`, from), { token });
  expect(confirmation.status).toBe(200);
  expect(confirmation.data).toMatchObject({
    locale: "en",
    sent: true,
    contactName: "Priya Raman",
    answerBy: candidateDateTime(clock.dueAt!, "en", "Europe/London"),
  });
});

test("a question that is empty or too long is refused with the text kept, and nothing is written", async () => {
  const { application, token, from } = await candidateLink();
  const empty = await run<FormAnswer>(ask.action, candidatePost(`/s/${token}/ask`, from, { question: "  " }), {
    token,
  });
  expect(empty.status).toBe(400);
  expect(empty.data.errors).toEqual({ question: "Write your question before sending it." });

  const long = "Why? ".repeat(1001);
  const tooLong = await run<FormAnswer>(ask.action, candidatePost(`/s/${token}/ask`, from, { question: long }), {
    token,
  });
  expect(tooLong.status).toBe(400);
  expect(tooLong.data.question).toBe(long);
  expect(tooLong.data.errors.question).toBe("Your question is too long. Please keep it under 5,000 characters.");
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);
  expect(await prisma.event.count({ where: { applicationId: application.id, type: "message_in" } })).toBe(0);

  const page = await run<AskData>(ask.loader, candidateGet(`/s/${token}/ask`, from), { token });
  expect(page.data).toMatchObject({ sent: false, answerBy: null });
});

test("after ten questions in a day the eleventh is declined kindly and not stored", async () => {
  const { application, token, from } = await candidateLink();
  for (let count = 1; count <= 10; count += 1) {
    const posted = await run(ask.action, candidatePost(`/s/${token}/ask`, from, { question: `Question ${count}` }), {
      token,
    });
    expect(posted.status).toBe(302);
  }
  const refused = await run<FormAnswer>(
    ask.action,
    candidatePost(`/s/${token}/ask`, from, { question: "One more thing" }),
    { token },
  );
  expect(refused.status).toBe(429);
  expect(refused.data.question).toBe("One more thing");
  expect(refused.data.errors.form).toMatch(/^You have sent us 10 questions today.*We will answer them/);
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(10);
});

test("withdrawing closes the application, stops its clocks and queues the confirmation; a second try is refused kindly", async () => {
  const { application, token, from } = await candidateLink();
  const page = await run<WithdrawData>(withdraw.loader, candidateGet(`/s/${token}/withdraw`, from), { token });
  expect(page.data).toMatchObject({ view: "confirm", jobTitle: "Support Engineer", locale: "en" });

  const posted = await run(
    withdraw.action,
    candidatePost(`/s/${token}/withdraw`, from, { reason: " I accepted another offer. " }),
    { token },
  );
  expect(posted.status).toBe(302);
  expect(posted.location).toBe(`/s/${token}/withdraw?done=1`);

  const stored = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
  expect(stored.status).toBe("withdrawn");
  expect(stored.closedAt).not.toBeNull();
  expect(stored.outcomeReason).toBe("I accepted another offer.");
  const events = await prisma.event.findMany({ where: { applicationId: application.id, type: "withdrawn" } });
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    actorId: null,
    visibility: "candidate",
    data: { reason: "I accepted another offer." },
  });
  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { entityType: "Application", entityId: application.id, action: "application.withdrawn" },
  });
  expect(audit.actorId).toBeNull();
  expect(audit.data).toMatchObject({ by: "candidate", reason: "I accepted another offer." });
  const acknowledgements = await prisma.message.findMany({
    where: { applicationId: application.id, kind: "withdrawal_ack" },
  });
  expect(acknowledgements).toHaveLength(1);
  expect(acknowledgements[0]).toMatchObject({ direction: "outbound", status: "queued", automated: true });
  expect(
    await prisma.slaClock.count({ where: { applicationId: application.id, state: { in: ["running", "paused"] } } }),
  ).toBe(0);

  const thanks = await run<WithdrawData>(withdraw.loader, candidateGet(`/s/${token}/withdraw?done=1`, from), {
    token,
  });
  expect(thanks.data.view).toBe("done");

  const again = await run<FormAnswer>(withdraw.action, candidatePost(`/s/${token}/withdraw`, from, { reason: "" }), {
    token,
  });
  expect(again.status).toBe(409);
  expect(again.data.errors.form).toMatch(/^There is nothing to withdraw/);
  expect(await prisma.message.count({ where: { applicationId: application.id, kind: "withdrawal_ack" } })).toBe(1);
  expect(await prisma.event.count({ where: { applicationId: application.id, type: "withdrawn" } })).toBe(1);
  const closed = await run<WithdrawData>(withdraw.loader, candidateGet(`/s/${token}/withdraw`, from), { token });
  expect(closed.data.view).toBe("closed");
});

test("a withdrawal reason over 500 characters is refused with the text kept, and the application stays active", async () => {
  const { application, token, from } = await candidateLink();
  const reason = "x".repeat(501);
  const refused = await run<FormAnswer>(withdraw.action, candidatePost(`/s/${token}/withdraw`, from, { reason }), {
    token,
  });
  expect(refused.status).toBe(400);
  expect(refused.data).toEqual({ errors: { reason: "Please keep the reason under 500 characters." }, reason });
  const stored = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
  expect(stored.status).toBe("active");
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);
});

test("preferences save the time zone, language and phone channel, and the page then speaks the new language", async () => {
  const { application, token, from } = await candidateLink({ timeZone: "Europe/London", locale: "en" });
  const page = await run<PreferencesData>(preferences.loader, candidateGet(`/s/${token}/preferences`, from), {
    token,
  });
  expect(page.data.values).toMatchObject({ timeZone: "Europe/London", locale: "en", preferredChannel: "email" });
  expect(page.data.timeZones.likely.map((choice) => choice.value)).toEqual(["Europe/London"]);
  expect(page.data.timeZones.regions.flatMap((region) => region.choices.map((choice) => choice.value))).toContain(
    "Europe/Berlin",
  );

  const posted = await run(
    preferences.action,
    candidatePost(`/s/${token}/preferences`, from, {
      timeZone: "Europe/Berlin",
      locale: "de",
      preferredChannel: "phone",
      phone: "+49 30 1234567",
    }),
    { token },
  );
  expect(posted.status).toBe(302);
  expect(posted.location).toBe(`/s/${token}/preferences?saved=1`);
  const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: application.candidateId } });
  expect(candidate).toMatchObject({
    timeZone: "Europe/Berlin",
    locale: "de",
    preferredChannel: "phone",
    phone: "+49 30 1234567",
  });
  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { entityType: "Candidate", entityId: candidate.id, action: "candidate.preferences_updated" },
  });
  expect(audit.actorId).toBeNull();
  expect(audit.data).toMatchObject({ by: "candidate", applicationId: application.id });
  expect(JSON.stringify(audit.data)).not.toContain("1234567");

  const saved = await run<PreferencesData>(preferences.loader, candidateGet(`/s/${token}/preferences?saved=1`, from), {
    token,
  });
  expect(saved.data).toMatchObject({ locale: "de", saved: true });
  expect(saved.data.values).toEqual({
    timeZone: "Europe/Berlin",
    locale: "de",
    preferredChannel: "phone",
    phone: "+49 30 1234567",
  });
});

test("invalid preferences keep the typed values, name each field and change nothing", async () => {
  const { application, token, from } = await candidateLink({ timeZone: "Europe/London", phone: undefined });
  const before = await prisma.candidate.findUniqueOrThrow({ where: { id: application.candidateId } });
  const refused = await run<FormAnswer>(
    preferences.action,
    candidatePost(`/s/${token}/preferences`, from, {
      timeZone: "Atlantis/Capital",
      locale: "en",
      preferredChannel: "phone",
      phone: "",
    }),
    { token },
  );
  expect(refused.status).toBe(400);
  expect(refused.data.errors).toEqual({
    timeZone: "Choose your time zone from the list.",
    phone: "Enter your phone number so that we can call you, or choose email.",
  });
  expect(refused.data.values).toEqual({
    timeZone: "Atlantis/Capital",
    locale: "en",
    preferredChannel: "phone",
    phone: "",
  });
  const after = await prisma.candidate.findUniqueOrThrow({ where: { id: application.candidateId } });
  expect(after).toEqual(before);
  expect(await prisma.auditLog.count({ where: { entityType: "Candidate", entityId: before.id } })).toBe(0);
});

test("a wrong link is the same 404 for every page, read or posted, and changes nothing", async () => {
  const { application, token, from } = await candidateLink();
  const expected = statusLinkNotFound();
  const expectedText = await expected.text();
  const wrongTokens = [`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "not-a-token", ""];
  const routes: {
    path: string;
    module: typeof ask | typeof withdraw | typeof preferences;
    fields: Record<string, string>;
  }[] = [
    { path: "ask", module: ask, fields: { question: "Hello?" } },
    { path: "withdraw", module: withdraw, fields: { reason: "" } },
    {
      path: "preferences",
      module: preferences,
      fields: { timeZone: "UTC", locale: "de", preferredChannel: "email", phone: "" },
    },
  ];
  for (const wrong of wrongTokens) {
    for (const route of routes) {
      const read = await run(route.module.loader, candidateGet(`/s/${wrong}/${route.path}`, from), { token: wrong });
      const posted = await run(route.module.action, candidatePost(`/s/${wrong}/${route.path}`, from, route.fields), {
        token: wrong,
      });
      for (const outcome of [read, posted]) {
        expect(outcome.status).toBe(404);
        expect(outcome.data).toBe(expectedText);
        expect(outcome.headers.get("Content-Type")).toBe(expected.headers.get("Content-Type"));
      }
    }
  }
  expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
    status: "active",
  });
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);
});

test("a German candidate gets German pages, messages and a German subject on their question", async () => {
  const { application, token, from } = await candidateLink({ locale: "de", timeZone: "Europe/Berlin" });
  const page = await run<AskData>(ask.loader, candidateGet(`/s/${token}/ask`, from), { token });
  expect(page.data.locale).toBe("de");

  const empty = await run<FormAnswer>(ask.action, candidatePost(`/s/${token}/ask`, from, { question: "" }), {
    token,
  });
  expect(empty.data.errors.question).toBe("Schreiben Sie Ihre Frage, bevor Sie sie senden.");
  const refusedPreferences = await run<FormAnswer>(
    preferences.action,
    candidatePost(`/s/${token}/preferences`, from, { timeZone: "UTC", locale: "de", preferredChannel: "phone" }),
    { token },
  );
  expect(refusedPreferences.data.errors.phone).toBe(
    "Geben Sie Ihre Telefonnummer an, damit wir Sie anrufen können, oder wählen Sie E-Mail.",
  );

  await run(ask.action, candidatePost(`/s/${token}/ask`, from, { question: "Kann ich remote arbeiten?" }), { token });
  const message = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
  expect(message.subject).toBe("Frage über die Statusseite");
  const confirmation = await run<AskData>(ask.loader, candidateGet(`/s/${token}/ask?sent=1`, from), { token });
  expect(confirmation.data.answerBy).toMatch(/ um \d\d:\d\d$/);

  await run(withdraw.action, candidatePost(`/s/${token}/withdraw`, from, {}), { token });
  const again = await run<FormAnswer>(withdraw.action, candidatePost(`/s/${token}/withdraw`, from, {}), { token });
  expect(again.status).toBe(409);
  expect(again.data.errors.form).toMatch(/^Es gibt nichts zurückzuziehen/);
  const acknowledgement = await prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, kind: "withdrawal_ack" },
  });
  expect(acknowledgement.subject).toBe("Wir haben Ihre Bewerbung zurückgezogen");
});
