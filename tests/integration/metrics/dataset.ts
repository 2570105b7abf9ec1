// A small workspace with known metrics answers (worked out by hand in report.test.ts), built through the real models:
// every clock comes from the engine, every figure from the events the models write.
import { surveyInputSchema } from "~/domain/survey";
import { moveApplication, recordMessage } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import { eraseCandidate } from "~/models/erasure.server";
import type { Actor } from "~/models/scope.server";
import { updatePolicy } from "~/models/sla/policies.server";
import { recordStatusView } from "~/models/status-page.server";
import { saveSurveyResponse } from "~/models/survey.server";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

export const at = (iso: string) => new Date(iso);

/** Round-the-clock targets in minutes, so due dates are plain arithmetic. */
export const TARGETS = {
  first_response: 60,
  next_response: 60,
  periodic_update: 1440,
  stage_decision: 2880,
  closure: 60,
} as const;

export async function applyRoundTheClockPolicy() {
  const policy = await prisma.slaPolicy.findFirstOrThrow({ where: { isDefault: true }, select: { id: true } });
  await updatePolicy(
    policy.id,
    {
      name: "Default",
      countAutomatedReplies: false,
      targets: Object.entries(TARGETS).map(([metric, minutes]) => ({
        metric: metric as keyof typeof TARGETS,
        minutes,
        businessHours: false,
      })),
    },
    null,
  );
}

async function say(applicationId: string, when: string, by: Actor) {
  await recordMessage(
    applicationId,
    { direction: "outbound", body: "Hello", automated: false, awaitsCandidate: false, occurredAt: at(when) },
    by,
  );
}

async function hear(applicationId: string, when: string, by: Actor) {
  await recordMessage(
    applicationId,
    { direction: "inbound", body: "Thanks", automated: false, awaitsCandidate: false, occurredAt: at(when) },
    by,
  );
}

async function answerSurvey(applicationId: string, nps: number, frictionTags: string[], when: string) {
  const answer = surveyInputSchema("en").parse({ nps: String(nps), effort: "2", knewNext: "yes", frictionTags });
  await saveSurveyResponse(applicationId, answer);
  await prisma.surveyResponse.update({ where: { applicationId }, data: { createdAt: at(when) } });
}

/** The earlier name, which tests/integration/metrics/parity.test.ts imports. */
export const useRoundTheClockPolicy = applyRoundTheClockPolicy;

export async function buildDataset() {
  await applyRoundTheClockPolicy();
  const admin = await createTestUser({ role: "admin" });
  const recruiter = await createTestUser({ role: "recruiter" });
  const managerA = await createTestUser({ role: "hiring_manager", name: "Ada Manager" });
  const managerB = await createTestUser({ role: "hiring_manager", name: "Bea Manager" });
  const interviewer = await createTestUser({ role: "interviewer" });
  const jobA = await createTestJob({
    title: "Engineer",
    department: "Engineering",
    hiringManagerId: managerA.id,
    recruiterId: recruiter.id,
  });
  const jobB = await createTestJob({ title: "Seller", department: "Sales", hiringManagerId: managerB.id });
  const jobEmpty = await createTestJob({ title: "Nobody yet", department: "Empty" });
  const screenA = jobA.stages.find((stage) => stage.name === "Screen")!;

  // 1: answered in 30 min, a reply to their question in 20 min, screened after a day, hired after two.
  const app1 = await createTestApplication({ jobId: jobA.id, appliedAt: at("2026-03-02T10:00:00Z") });
  await say(app1.id, "2026-03-02T10:30:00Z", recruiter);
  await hear(app1.id, "2026-03-02T11:00:00Z", recruiter);
  await say(app1.id, "2026-03-02T11:20:00Z", recruiter);
  await moveApplication(app1.id, { stageId: screenA.id, occurredAt: at("2026-03-03T10:00:00Z") }, recruiter);
  await decideApplication(app1.id, { outcome: "hired", occurredAt: at("2026-03-04T10:00:00Z"), notify: false }, admin);

  // 2: answered after 3 h, rejected after exactly the stage's 2 days, told 30 min later.
  const app2 = await createTestApplication({ jobId: jobA.id, appliedAt: at("2026-03-03T09:00:00Z") });
  await say(app2.id, "2026-03-03T12:00:00Z", recruiter);
  await decideApplication(
    app2.id,
    { outcome: "rejected", occurredAt: at("2026-03-05T09:00:00Z"), notify: false },
    admin,
  );
  await say(app2.id, "2026-03-05T09:30:00Z", recruiter);

  // 3: never answered; looked at the status page an hour after applying.
  const app3 = await createTestApplication({ jobId: jobA.id, appliedAt: at("2026-03-09T08:00:00Z") });
  await recordStatusView(app3.id, at("2026-03-09T09:00:00Z"));

  // 4: withdrew after an hour: every clock cancelled.
  const app4 = await createTestApplication({ jobId: jobB.id, appliedAt: at("2026-03-04T10:00:00Z") });
  await decideApplication(
    app4.id,
    { outcome: "withdrawn", occurredAt: at("2026-03-04T11:00:00Z"), notify: false },
    admin,
  );

  // 5: answered in 30 min, rejected a day later and never told; then the candidate was erased.
  const app5 = await createTestApplication({ jobId: jobB.id, appliedAt: at("2026-03-10T10:00:00Z") });
  await say(app5.id, "2026-03-10T10:30:00Z", recruiter);
  await decideApplication(
    app5.id,
    { outcome: "rejected", occurredAt: at("2026-03-11T10:00:00Z"), notify: false },
    admin,
  );

  // 6: applied before the window, answered, then nothing: its clocks run on, overdue.
  const app6 = await createTestApplication({ jobId: jobA.id, appliedAt: at("2026-02-20T10:00:00Z") });
  await say(app6.id, "2026-02-20T10:20:00Z", recruiter);

  await answerSurvey(app1.id, 10, [], "2026-03-12T00:00:00Z");
  await answerSurvey(app2.id, 7, ["long_silence", "unclear_next_step"], "2026-03-12T00:00:00Z");
  await answerSurvey(app4.id, 3, ["long_silence"], "2026-03-12T00:00:00Z");
  await answerSurvey(app5.id, 9, ["rescheduling"], "2026-03-12T00:00:00Z");
  await eraseCandidate(app5.candidateId, admin, at("2026-03-20T00:00:00Z"));

  return {
    users: { admin, recruiter, managerA, managerB, interviewer },
    jobs: { jobA, jobB, jobEmpty },
    apps: { app1, app2, app3, app4, app5, app6 },
  };
}
