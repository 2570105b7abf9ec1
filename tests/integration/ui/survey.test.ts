// The survey page on a candidate's status link: closed until the decision, answers checked with the candidate's own
// values kept, saved once with an internal survey_answered touchpoint, in the candidate's language.
import { beforeAll, expect, test } from "vitest";
import { decideApplication } from "~/models/decisions.server";
import * as survey from "~/routes/s.$token_.survey";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, createTestUser, uniqueEmail, type TestUser } from "../../factories";
import { getRequest, postRequest, run } from "./helpers";

type Page = Awaited<ReturnType<typeof survey.loader>>;
type Answer = {
  result: string;
  errors?: Record<string, string>;
  values?: { nps: string; effort: string; knewNext: string; frictionTags: string[]; comment: string };
};

let recruiter: TestUser;
let jobId: string;

beforeAll(async () => {
  recruiter = await createTestUser({ role: "recruiter" });
  jobId = (await createTestJob({ title: "Support Engineer", recruiterId: recruiter.id })).id;
});

async function candidateLink(options: { decided?: boolean; locale?: "en" | "de" } = {}) {
  const application = await createTestApplication({
    jobId,
    candidate: { email: uniqueEmail("survey.page@example.com"), locale: options.locale ?? "en" },
  });
  if (options.decided ?? true) {
    await decideApplication(application.id, { outcome: "rejected", notify: false }, recruiter);
  }
  const token = application.statusUrl.split("/s/")[1]!;
  return { applicationId: application.id, token, path: `/s/${token}/survey` };
}

const complete = { nps: "9", effort: "2", knewNext: "partly" };

test("before the decision the page says the survey opens then, and refuses answers", async () => {
  const { applicationId, token, path } = await candidateLink({ decided: false });
  const page = await run<Page>(survey.loader, getRequest(path), { token });
  expect(page.status).toBe(200);
  expect(page.data).toMatchObject({ state: "not_decided", locale: "en", jobTitle: "Support Engineer" });
  const posted = await run<Answer>(survey.action, postRequest(path, undefined, complete), { token });
  expect(posted.status).toBe(409);
  expect(posted.data).toEqual({ result: "not_decided" });
  expect(await prisma.surveyResponse.count({ where: { applicationId } })).toBe(0);
});

test("missing answers come back with a message each and the candidate's other answers kept; nothing is saved", async () => {
  const { applicationId, token, path } = await candidateLink();
  expect((await run<Page>(survey.loader, getRequest(path), { token })).data.state).toBe("open");
  const posted = await run<Answer>(
    survey.action,
    postRequest(path, undefined, [
      ["effort", "4"],
      ["frictionTags", "long_silence"],
      ["frictionTags", "other"],
      ["comment", "Nobody told me about the second interview."],
    ]),
    { token },
  );
  expect(posted.status).toBe(400);
  expect(posted.data.errors).toEqual({
    nps: "Choose a number from 0 to 10.",
    knewNext: "Choose yes, partly or no.",
  });
  expect(posted.data.values).toEqual({
    nps: "",
    effort: "4",
    knewNext: "",
    frictionTags: ["long_silence", "other"],
    comment: "Nobody told me about the second interview.",
  });
  const tooLong = await run<Answer>(
    survey.action,
    postRequest(path, undefined, { ...complete, comment: "x".repeat(2_001) }),
    { token },
  );
  expect(tooLong.status).toBe(400);
  expect(tooLong.data.errors).toEqual({ comment: "Please keep your comment to 2,000 characters or fewer." });
  expect(await prisma.surveyResponse.count({ where: { applicationId } })).toBe(0);
});

test("an answer is saved once with its internal touchpoint; a second answer changes nothing and is thanked", async () => {
  const { applicationId, token, path } = await candidateLink();
  const saved = await run(
    survey.action,
    postRequest(path, undefined, [
      ...Object.entries(complete),
      ["frictionTags", "rescheduling"],
      ["comment", " Kind people. "],
    ]),
    { token },
  );
  expect(saved.status).toBe(302);
  expect(saved.location).toBe(path);
  expect(await prisma.surveyResponse.findUniqueOrThrow({ where: { applicationId } })).toMatchObject({
    nps: 9,
    effort: 2,
    knewNext: "partly",
    frictionTags: ["rescheduling"],
    comment: "Kind people.",
  });
  const events = await prisma.event.findMany({ where: { applicationId, type: "survey_answered" } });
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ visibility: "internal", actorId: null, data: { score: 9 } });
  expect((await run<Page>(survey.loader, getRequest(path), { token })).data.state).toBe("answered");

  const again = await run<Answer>(survey.action, postRequest(path, undefined, { ...complete, nps: "2" }), { token });
  expect(again.status).toBe(409);
  expect(again.data).toEqual({ result: "already_answered" });
  expect(await prisma.surveyResponse.count({ where: { applicationId } })).toBe(1);
  expect((await prisma.surveyResponse.findUniqueOrThrow({ where: { applicationId } })).nps).toBe(9);
  expect(await prisma.event.count({ where: { applicationId, type: "survey_answered" } })).toBe(1);
});

test("two answers posted at the same moment: one is saved, the other is told it was already answered", async () => {
  const { applicationId, token, path } = await candidateLink();
  const outcomes = await Promise.all(
    ["10", "0"].map((nps) => run(survey.action, postRequest(path, undefined, { ...complete, nps }), { token })),
  );
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([302, 409]);
  expect(await prisma.surveyResponse.count({ where: { applicationId } })).toBe(1);
  expect(await prisma.event.count({ where: { applicationId, type: "survey_answered" } })).toBe(1);
});

test("a German candidate gets the page and its messages in German", async () => {
  const { token, path } = await candidateLink({ locale: "de" });
  expect((await run<Page>(survey.loader, getRequest(path), { token })).data.locale).toBe("de");
  const posted = await run<Answer>(survey.action, postRequest(path, undefined, { effort: "9" }), { token });
  expect(posted.data.errors).toEqual({
    nps: "Wählen Sie eine Zahl von 0 bis 10.",
    effort: "Wählen Sie, wie viel Aufwand die Bewerbung war, von 1 bis 5.",
    knewNext: "Wählen Sie Ja, Teilweise oder Nein.",
  });
});

test("a wrong link is the same 404 for the page and the form", async () => {
  const token = "A".repeat(32);
  const path = `/s/${token}/survey`;
  const page = await run(survey.loader, getRequest(path), { token });
  const posted = await run(survey.action, postRequest(path, undefined, complete), { token });
  expect(page.status).toBe(404);
  expect(posted.status).toBe(404);
  expect(posted.data).toBe(page.data);
});
