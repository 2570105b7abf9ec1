// Sending the candidate survey: humanely after the outcome, once per application — across runs and concurrent
// runs — and never to erased candidates, candidates who were not told the outcome, or those asking to be erased.
import { DateTime } from "luxon";
import { beforeAll, expect, test } from "vitest";
import { UNDO_WINDOW_MINUTES } from "~/domain/templates/humane-timing";
import { recordMessage } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import type { Actor } from "~/models/scope.server";
import { queueDueSurveys, SURVEY_DELAY_DAYS, SURVEY_WINDOW_DAYS } from "~/models/survey.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser, uniqueEmail } from "../../factories";

const NOW = pinClock();

const DAY = 24 * 60 * 60_000;

let recruiter: Actor & { name: string };
let jobId: string;

beforeAll(async () => {
  await ensureTemplateLibrary();
  recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  jobId = (await createTestJob({ title: "Data Analyst", recruiterId: recruiter.id })).id;
});

type Closed = {
  outcome?: "rejected" | "hired" | "withdrawn" | null;
  closedDaysAgo?: number;
  /** Whether an email reached the candidate after the outcome (the rejection or the withdrawal confirmation). */
  told?: boolean;
  locale?: "en" | "de";
  timeZone?: string;
};

/** An application decided `closedDaysAgo` days ago (history: nothing is sent now), told by email or not. */
async function closedApplication(options: Closed = {}) {
  const { outcome = "rejected", closedDaysAgo = 5, told = true, locale = "en", timeZone = "Europe/Berlin" } = options;
  const application = await createTestApplication({
    jobId,
    candidate: { email: uniqueEmail("survey@example.com"), locale, timeZone },
    appliedAt: new Date(NOW.getTime() - (closedDaysAgo + 20) * DAY),
  });
  if (!outcome) return application;
  const closedAt = new Date(NOW.getTime() - closedDaysAgo * DAY);
  await decideApplication(application.id, { outcome, occurredAt: closedAt, notify: false }, recruiter);
  if (told) {
    await recordMessage(
      application.id,
      {
        direction: "outbound",
        body: "Thank you for your time with us.",
        automated: true,
        awaitsCandidate: false,
        occurredAt: new Date(closedAt.getTime() + 60 * 60_000),
      },
      recruiter,
    );
  }
  return application;
}

async function surveysOf(applicationId: string) {
  return prisma.message.findMany({ where: { applicationId, kind: "survey" } });
}

test("a decided, told application gets one survey email at a humane time, in its language, and an internal event", async () => {
  const english = await closedApplication({ timeZone: "America/Los_Angeles" });
  const german = await closedApplication({ locale: "de", timeZone: "Europe/Berlin", outcome: "hired", told: false });
  const before = clockNow();
  const result = await queueDueSurveys();
  expect(result.queued).toBeGreaterThanOrEqual(2);
  expect(result.failed).toBe(0);

  for (const [application, timeZone] of [
    [english, "America/Los_Angeles"],
    [german, "Europe/Berlin"],
  ] as const) {
    const [survey, ...more] = await surveysOf(application.id);
    expect(more).toHaveLength(0);
    expect(survey).toMatchObject({ status: "queued", automated: true, audience: "candidate", direction: "outbound" });
    // Humane: inside the candidate's Monday–Thursday 09:00–17:00, after the undo window.
    const local = DateTime.fromJSDate(survey!.scheduledFor!, { zone: timeZone });
    expect(local.weekday).toBeLessThanOrEqual(4);
    expect(local.hour).toBeGreaterThanOrEqual(9);
    expect(local.hour).toBeLessThan(17);
    expect(survey!.scheduledFor!.getTime()).toBeGreaterThanOrEqual(before.getTime() + UNDO_WINDOW_MINUTES * 60_000);
    expect(survey!.bodyText).toContain(application.statusUrl);
    const events = await prisma.event.findMany({ where: { applicationId: application.id, type: "survey_sent" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: "internal", actorId: null, data: {} });
  }
  expect((await surveysOf(english.id))[0]!.subject).toMatch(/^How was applying to /);
  expect((await surveysOf(german.id))[0]!.subject).toMatch(/^Wie war Ihre Bewerbung bei /);
});

test("a second run sends nothing more, even after the first survey email was cancelled", async () => {
  const application = await closedApplication({ outcome: "withdrawn" });
  await queueDueSurveys();
  expect(await surveysOf(application.id)).toHaveLength(1);
  await queueDueSurveys();
  expect(await surveysOf(application.id)).toHaveLength(1);
  await prisma.message.updateMany({
    where: { applicationId: application.id, kind: "survey" },
    data: { status: "cancelled" },
  });
  await queueDueSurveys();
  expect(await surveysOf(application.id)).toHaveLength(1);
  expect(await prisma.event.count({ where: { applicationId: application.id, type: "survey_sent" } })).toBe(1);
});

test("runs at the same time (several app instances) queue one survey per application", async () => {
  const applications = await Promise.all([closedApplication(), closedApplication(), closedApplication()]);
  const results = await Promise.all([queueDueSurveys(), queueDueSurveys(), queueDueSurveys()]);
  expect(results.every((result) => result.failed === 0)).toBe(true);
  for (const application of applications) {
    expect(await surveysOf(application.id)).toHaveLength(1);
    expect(await prisma.event.count({ where: { applicationId: application.id, type: "survey_sent" } })).toBe(1);
  }
});

test("no survey while active, too soon or too late after the outcome, or when the candidate was never told", async () => {
  const active = await closedApplication({ outcome: null });
  const tooSoon = await closedApplication({ closedDaysAgo: SURVEY_DELAY_DAYS - 1 });
  const tooLate = await closedApplication({ closedDaysAgo: SURVEY_WINDOW_DAYS + 1 });
  const neverTold = await closedApplication({ told: false });
  const withdrawnWithoutContact = await closedApplication({ outcome: "withdrawn", told: false });
  await queueDueSurveys();
  for (const application of [active, tooSoon, tooLate, neverTold, withdrawnWithoutContact]) {
    expect(await surveysOf(application.id)).toHaveLength(0);
    expect(await prisma.event.count({ where: { applicationId: application.id, type: "survey_sent" } })).toBe(0);
  }
  // Two days on, the one decided yesterday is due.
  await queueDueSurveys(new Date(NOW.getTime() + 2 * DAY));
  expect(await surveysOf(tooSoon.id)).toHaveLength(1);
});

test("no survey for erased candidates, those asking to be erased, or applications already answered", async () => {
  const erased = await closedApplication();
  await prisma.candidate.update({ where: { id: erased.candidateId }, data: { erasedAt: clockNow() } });
  const asking = await closedApplication();
  await prisma.dataRequest.create({ data: { candidateId: asking.candidateId, applicationId: asking.id } });
  const answered = await closedApplication();
  await prisma.surveyResponse.create({
    data: { applicationId: answered.id, nps: 8, effort: 2, knewNext: "yes", frictionTags: [] },
  });
  const due = await closedApplication();
  await queueDueSurveys();
  for (const application of [erased, asking, answered]) expect(await surveysOf(application.id)).toHaveLength(0);
  expect(await surveysOf(due.id)).toHaveLength(1);
});
