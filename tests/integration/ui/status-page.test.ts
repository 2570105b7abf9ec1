// The candidate's status page (/s/<token>) through its loader, as a browser without a staff session calls it, and the
// rendered HTML: nothing internal ever reaches it (notes, reasons, internal events, staff details), every link that
// does not work answers the same 404, the page speaks the candidate's language and dates are in their time zone.
// Also the staff side: the link on the application page, rotating it, and how long links live after an outcome.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, expect, test } from "vitest";
import { StatusPageView } from "~/components/candidate/status-page-view";
import { candidateDate } from "~/domain/messages/candidate-dates";
import { addNote, moveApplication, recordMessage } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import { appendEvent } from "~/models/event.server";
import { createPolicy } from "~/models/sla/policies.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import * as applicationPage from "~/routes/applications.$applicationId";
import * as statusPage from "~/routes/s.$token";
import * as templateSettings from "~/routes/settings.templates._index";
import { prisma } from "~/platform/db.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser, uniqueEmail, type CandidateData } from "../../factories";
import { recordQueries } from "../../query-counter";
import { getRequest, ORIGIN, postRequest, run, signIn, type SignedIn } from "./helpers";

const NOW = pinClock();

type PageData = Awaited<ReturnType<typeof statusPage.loader>>;
type StaffData = Awaited<ReturnType<typeof applicationPage.loader>>;

const DEPARTMENT = "Status page";
const DAY_MS = 24 * 60 * 60_000;
const UPDATE_MINUTES = 3 * 24 * 60;

beforeAll(async () => {
  await ensureTemplateLibrary();
  // Calendar time, so the promised date is exactly three days after the application whatever day the suite runs.
  await createPolicy(
    {
      name: "Status page: calendar-time updates",
      position: 1,
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [{ metric: "periodic_update", minutes: UPDATE_MINUTES, businessHours: false }],
    },
    null,
  );
});

let address = 0;
/** Each request comes from its own address, so the per-address limit on status links never trips across tests. */
function candidateGet(path: string, headers: Record<string, string> = {}) {
  address += 1;
  return new Request(`${ORIGIN}${path}`, {
    headers: { "X-Hearback-Client-Ip": `203.0.113.${address % 250}`, ...headers },
  });
}

async function openPage(token: string, headers: Record<string, string> = {}) {
  return run<PageData>(statusPage.loader, candidateGet(`/s/${token}`, headers), { token });
}

async function candidateLink(candidate: Partial<CandidateData> = {}, options: { appliedAt?: Date } = {}) {
  const recruiter = await createTestUser({
    role: "recruiter",
    name: "Priya Raman",
    email: uniqueEmail("status.recruiter@example.com"),
  });
  const manager = await createTestUser({
    role: "hiring_manager",
    name: "Hanna Manager",
    email: uniqueEmail("status.manager@example.com"),
  });
  const job = await createTestJob({
    title: "Support Engineer",
    department: DEPARTMENT,
    recruiterId: recruiter.id,
    hiringManagerId: manager.id,
  });
  const application = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Ana Lima", locale: "en", timeZone: "Europe/London", ...candidate },
    appliedAt: options.appliedAt ?? new Date(NOW.getTime() - 60 * 60_000),
  });
  const token = application.statusUrl.split("/s/")[1]!;
  return { application, token, recruiter, manager, job };
}

function html(data: PageData): string {
  return renderToStaticMarkup(createElement(StatusPageView, { view: data.view }));
}

test("notes, reasons, internal events and staff details never reach the page's data or its HTML", async () => {
  const admin = await signIn("admin", { name: "Alex Admin" });
  const { application, token, recruiter, manager, job } = await candidateLink();
  const screen = (await prisma.stage.findFirstOrThrow({ where: { jobId: job.id, kind: "screen" } })).id;
  await addNote(application.id, "SECRET-NOTE: salary expectations too high", admin.user);
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      subject: "Thanks for applying",
      body: "Hi Ana, we are reading your application.",
      automated: false,
      awaitsCandidate: false,
      occurredAt: new Date(NOW.getTime() - 60_000),
    },
    admin.user,
  );
  await prisma.$transaction((tx) =>
    appendEvent(tx, {
      applicationId: application.id,
      type: "message_out",
      data: { subject: "SECRET-SUBJECT", body: "SECRET-INTERNAL-COPY", automated: false, awaitsCandidate: false },
      visibility: "internal",
      actorId: admin.user.id,
    }),
  );
  await moveApplication(application.id, { stageId: screen }, recruiter);
  await decideApplication(
    application.id,
    { outcome: "rejected", reason: "SECRET-REASON: weak references", notify: false },
    admin.user,
  );

  const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: application.candidateId } });
  const page = await openPage(token);
  expect(page.status).toBe(200);
  const rendered = html(page.data);
  const data = JSON.stringify(page.data);
  for (const text of [data, rendered]) {
    for (const secret of [
      "SECRET",
      "salary",
      "weak references",
      admin.user.id,
      admin.user.email,
      "Alex Admin",
      recruiter.id,
      recruiter.email,
      manager.id,
      manager.email,
      "Hanna Manager",
      application.id,
      application.candidateId,
      candidate.email,
    ]) {
      expect(text).not.toContain(secret);
    }
  }
  // What the candidate may read is there.
  expect(page.data.view.contact.name).toBe("Priya Raman");
  expect(page.data.view.outcome?.paragraphs[0]).toBe(
    "We have decided not to go ahead with your application for Support Engineer.",
  );
  expect(page.data.view.timeline.entries.map((entry) => entry.title)).toEqual([
    "We decided not to go ahead with your application",
    "Next step: A short call to get to know you (Screen)",
    "We wrote to you",
    "You applied for Support Engineer",
  ]);
  expect(rendered).toContain("Hi Ana, we are reading your application.");
  expect(rendered).toContain("<ol");
  expect(Object.keys(page.data)).toEqual(["locale", "view", "keptPromise"]);
});

test("a wrong, malformed, expired or erased link all get the very same 404", async () => {
  const longAgo = new Date(NOW.getTime() - 400 * DAY_MS);
  const expired = await candidateLink({}, { appliedAt: longAgo });
  const admin = await signIn("admin");
  await decideApplication(
    expired.application.id,
    { outcome: "withdrawn", occurredAt: new Date(NOW.getTime() - 181 * DAY_MS), notify: false },
    admin.user,
  );
  const erased = await candidateLink();
  await prisma.candidate.update({ where: { id: erased.application.candidateId }, data: { erasedAt: clockNow() } });
  const rotated = await candidateLink();
  await prisma.application.update({
    where: { id: rotated.application.id },
    data: { statusTokenRotation: 1, statusTokenHash: "rotated-away" },
  });

  const answers = await Promise.all(
    ["x".repeat(32), "short", expired.token, erased.token, rotated.token].map(async (token) => {
      const answer = await openPage(token);
      return { status: answer.status, body: answer.data, headers: [...answer.headers.entries()] };
    }),
  );
  expect(answers[0]!.status).toBe(404);
  expect(answers[0]!.body).toContain("This link does not work");
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  // Nothing was recorded for links that do not work.
  const views = await prisma.event.count({
    where: { type: "status_viewed", applicationId: { in: [expired.application.id, erased.application.id] } },
  });
  expect(views).toBe(0);
});

test("a closed application's link works until closedAt + the configured days, then is the same 404", async () => {
  const admin = await signIn("admin");
  const { application, token } = await candidateLink({}, { appliedAt: new Date(NOW.getTime() - 100 * DAY_MS) });
  await decideApplication(
    application.id,
    { outcome: "withdrawn", occurredAt: new Date(NOW.getTime() - 30 * DAY_MS), notify: false },
    admin.user,
  );
  const open = await openPage(token);
  expect(open.status).toBe(200);
  expect(open.data.view.outcome?.heading).toBe("You withdrew your application");
  const until = new Date(NOW.getTime() - 30 * DAY_MS + 180 * DAY_MS);
  expect(open.data.view.data?.until).toContain(candidateDate(until, "en", "Europe/London"));

  const saved = await run(
    templateSettings.action,
    postRequest("/settings/templates", admin, { intent: "status-links", daysAfterOutcome: "20" }),
  );
  expect(saved.status).toBe(302);
  expect(saved.location).toBe("/settings/templates?saved=status-links");
  const gone = await openPage(token);
  expect(gone.status).toBe(404);
  await run(
    templateSettings.action,
    postRequest("/settings/templates", admin, { intent: "status-links", daysAfterOutcome: "180" }),
  );
});

test("the status-link setting is validated, admin only, and does not touch the email settings", async () => {
  const admin = await signIn("admin");
  const before = await run<{ settings: unknown; statusLinks: { daysAfterOutcome: number } }>(
    templateSettings.loader,
    getRequest("/settings/templates", admin),
  );
  expect(before.data.statusLinks).toEqual({ daysAfterOutcome: 180 });
  const invalid = await run<{ form: string; errors: Record<string, string> }>(
    templateSettings.action,
    postRequest("/settings/templates", admin, { intent: "status-links", daysAfterOutcome: "0" }),
  );
  expect(invalid.status).toBe(400);
  expect(invalid.data).toMatchObject({ form: "status-links", errors: { daysAfterOutcome: "At least one day." } });
  const recruiter = await signIn("recruiter");
  const forbidden = await run(
    templateSettings.action,
    postRequest("/settings/templates", recruiter, { intent: "status-links", daysAfterOutcome: "30" }),
  );
  expect(forbidden.status).toBe(403);
  const after = await run<{ settings: unknown }>(templateSettings.loader, getRequest("/settings/templates", admin));
  expect(after.data.settings).toEqual(before.data.settings);
});

test("a German candidate reads the page in German, and the page says so for <html lang>", async () => {
  const { token } = await candidateLink({ locale: "de", timeZone: "Europe/Berlin" });
  const page = await openPage(token);
  expect(page.data.locale).toBe("de");
  const { view } = page.data;
  expect(view.title).toMatch(/^Ihre Bewerbung · Support Engineer · /);
  expect(view.heading).toBe("Ihre Bewerbung als Support Engineer");
  expect(view.now?.plain).toBe("Wir lesen Ihre Bewerbung");
  expect(view.promise?.heading).toBe("Wann Sie von uns hören");
  expect(view.contact.heading).toBe("Ihre Ansprechperson");
  expect(view.timeline.entries.at(-1)?.title).toBe("Sie haben sich als Support Engineer beworben");
  expect(html(page.data)).toContain("Eine Frage stellen");
  expect(statusPage.meta({ data: page.data } as Parameters<typeof statusPage.meta>[0])).toContainEqual({
    title: view.title,
  });
});

test("'you will hear from us by' is the running update promise's date in the candidate's time zone", async () => {
  // Applied yesterday at 20:00 UTC: the promise falls due at 20:00 UTC, already the next morning in Tokyo.
  const appliedAt = new Date(NOW.getTime() - DAY_MS);
  appliedAt.setUTCHours(20, 0, 0, 0);
  const { application, token } = await candidateLink({ timeZone: "Asia/Tokyo" }, { appliedAt });
  const clock = await prisma.slaClock.findFirstOrThrow({
    where: { applicationId: application.id, metric: "periodic_update", state: "running" },
  });
  const dueAt = new Date(appliedAt.getTime() + UPDATE_MINUTES * 60_000);
  expect(clock.dueAt).toEqual(dueAt);
  const tokyoDate = candidateDate(dueAt, "en", "Asia/Tokyo");
  expect(tokyoDate).not.toBe(candidateDate(dueAt, "en", "UTC"));

  const page = await openPage(token);
  expect(page.data.view.promise?.tone).toBe("by");
  expect(page.data.view.promise?.lines[0]).toBe(`You will hear from us by ${tokyoDate}.`);
  expect(html(page.data)).toContain(`You will hear from us by ${tokyoDate}.`);
});

test("while we wait for the candidate's answer the page says so instead of a date", async () => {
  const admin = await signIn("admin");
  const { application, token } = await candidateLink();
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "Which day suits you for a call?",
      automated: false,
      awaitsCandidate: true,
      occurredAt: new Date(NOW.getTime() - 60_000),
    },
    admin.user,
  );
  const page = await openPage(token);
  expect(page.data.view.promise?.tone).toBe("waiting");
  expect(page.data.view.promise?.lines[0]).toBe(
    "We are waiting for your answer to our last email. When you reply, we will get back to you.",
  );
});

test("a rejection whose email has not gone out yet stays off the page until it has", async () => {
  const admin = await signIn("admin");
  const { application, token } = await candidateLink({}, { appliedAt: new Date(NOW.getTime() - 10 * DAY_MS) });
  await decideApplication(application.id, { outcome: "rejected", reason: "Other candidate", notify: true }, admin.user);
  const email = await prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, direction: "outbound" },
  });
  expect(email.status).toBe("queued");

  const before = await openPage(token);
  expect(before.data.view.outcome).toBe(null);
  expect(before.data.view.timeline.entries.map((entry) => entry.title)).toEqual(["You applied for Support Engineer"]);
  const dueAt = email.scheduledFor ?? email.createdAt;
  expect(before.data.view.promise?.lines[0]).toContain(candidateDate(dueAt, "en", "Europe/London"));
  expect(before.data.view.actions.links.map((link) => link.key)).not.toContain("withdraw");

  await prisma.message.update({ where: { id: email.id }, data: { status: "sent", sentAt: clockNow() } });
  const after = await openPage(token);
  expect(after.data.view.outcome?.heading).toBe("Our decision");
});

test("a view is logged as an internal touchpoint at most once an hour, and not for staff or link scanners", async () => {
  const { application, token } = await candidateLink();
  const views = () => prisma.event.findMany({ where: { applicationId: application.id, type: "status_viewed" } });

  const staff = await signIn("recruiter");
  await openPage(token, { Cookie: staff.cookie });
  await openPage(token, { "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
  expect(await views()).toHaveLength(0);

  await openPage(token);
  await openPage(token);
  const logged = await views();
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ visibility: "internal", actorId: null });
  // The staff timeline shows it; the candidate's does not.
  const again = await openPage(token);
  expect(again.data.view.timeline.entries).toHaveLength(1);
});

test("the page loads in four queries", async () => {
  const { token } = await candidateLink();
  await openPage(token); // the first view also logs it
  const { queries } = await recordQueries(() => openPage(token));
  // The link (application, candidate), the page (one statement), the settings (one batched statement).
  expect(queries).toHaveLength(4);
});

async function staffPage(who: SignedIn, applicationId: string) {
  return run<StaffData>(applicationPage.loader, getRequest(`/applications/${applicationId}`, who), { applicationId });
}

test("staff see the candidate's link on the application page and can rotate it; the old link stops working", async () => {
  const admin = await signIn("admin");
  const { application, token } = await candidateLink();
  const before = await staffPage(admin, application.id);
  expect(before.data.statusUrl).toBe(`http://hearback.test/s/${token}`);

  const rotated = await run(
    applicationPage.action,
    postRequest(`/applications/${application.id}`, admin, { intent: "rotate-status-link" }),
    { applicationId: application.id },
  );
  expect(rotated.status).toBe(302);
  expect(rotated.location).toBe(`/applications/${application.id}?done=status-link-rotated`);

  const after = await staffPage(admin, application.id);
  const newToken = after.data.statusUrl!.split("/s/")[1]!;
  expect(newToken).not.toBe(token);
  expect((await openPage(token)).status).toBe(404);
  expect((await openPage(newToken)).status).toBe(200);
  const audit = await prisma.auditLog.findFirst({
    where: { action: "application.status_link_rotated", entityId: application.id },
  });
  expect(audit?.actorId).toBe(admin.user.id);
});

test("only people who run this pipeline may rotate a link", async () => {
  const { application, token } = await candidateLink();
  const rotate = (who: SignedIn) =>
    run(applicationPage.action, postRequest(`/applications/${application.id}`, who, { intent: "rotate-status-link" }), {
      applicationId: application.id,
    });
  expect((await rotate(await signIn("interviewer"))).status).toBe(403);
  // A hiring manager of another job cannot see this application at all.
  expect((await rotate(await signIn("hiring_manager"))).status).toBe(404);
  expect((await openPage(token)).status).toBe(200);
});
