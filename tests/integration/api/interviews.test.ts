// /api/v1 interviews: scheduling, offering times, moving, cancelling and feedback through the API — answers in the
// documented shape, field errors, permissions and scopes.
import { beforeAll, expect, test } from "vitest";
import { createApplication } from "~/models/application-intake.server";
import { recordEndedInterviews } from "~/models/interviews/feedback.server";
import { createJob } from "~/models/job.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import * as offersRoute from "~/routes/api.v1.applications.$applicationId.interview-offers";
import * as interviewsRoute from "~/routes/api.v1.applications.$applicationId.interviews";
import * as interviewRoute from "~/routes/api.v1.interviews.$interviewId";
import * as cancelRoute from "~/routes/api.v1.interviews.$interviewId.cancel";
import * as feedbackRoute from "~/routes/api.v1.interviews.$interviewId.feedback";
import { interviewResource } from "~/web/api-interview-resources.server";
import { prisma } from "~/platform/db.server";
import { minutesFrom, pinClock } from "../../clock";
import { apiRequest, caller, expectShape, send, type ErrorBody } from "./helpers";

const NOW = pinClock();
const inHours = (hours: number) => minutesFrom(NOW, hours * 60).toISOString();

beforeAll(async () => {
  await ensureTemplateLibrary();
});

let emails = 0;
async function application() {
  const job = await createJob(
    { title: "Support Engineer", status: "open", hiringManagerId: null, recruiterId: null, scheduleId: null },
    null,
  );
  emails += 1;
  return createApplication(
    { jobId: job.id, candidate: { name: "Ana Silva", email: `ana${emails}@example.com` }, notify: false },
    null,
  );
}

test("POST /applications/:id/interviews schedules, GET lists, PATCH moves, cancel cancels", async () => {
  const recruiter = await caller("recruiter");
  const interviewer = await caller("interviewer");
  const { id: applicationId } = await application();

  const created = await send(
    interviewsRoute,
    apiRequest("POST", `/api/v1/applications/${applicationId}/interviews`, recruiter, {
      body: {
        startsAt: inHours(24),
        durationMinutes: 45,
        videoUrl: "https://meet.example.com/abc",
        interviewerIds: [interviewer.user!.id],
      },
    }),
    { applicationId },
  );
  expect(created.status).toBe(201);
  const interview = expectShape(interviewResource, created.body);
  expect(interview).toMatchObject({ status: "scheduled", sequence: 0, startsAt: inHours(24), kind: "interview" });
  expect(interview.interviewers.map((person) => person.id)).toEqual([interviewer.user!.id]);

  const listed = await send<{ data: unknown[] }>(
    interviewsRoute,
    apiRequest("GET", `/api/v1/applications/${applicationId}/interviews`, interviewer),
    { applicationId },
  );
  expect(listed.status).toBe(200);
  expect(listed.body.data).toHaveLength(1);

  const moved = await send(
    interviewRoute,
    apiRequest("PATCH", `/api/v1/interviews/${interview.id}`, recruiter, { body: { startsAt: inHours(48) } }),
    { interviewId: interview.id },
  );
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ startsAt: inHours(48), sequence: 1, rescheduleCount: 1 });

  // An interviewer may not move or cancel interviews.
  const forbidden = await send<ErrorBody>(
    cancelRoute,
    apiRequest("POST", `/api/v1/interviews/${interview.id}/cancel`, interviewer, { body: {} }),
    { interviewId: interview.id },
  );
  expect(forbidden.status).toBe(403);

  const cancelled = await send(
    cancelRoute,
    apiRequest("POST", `/api/v1/interviews/${interview.id}/cancel`, recruiter, { body: { reason: "Role on hold." } }),
    { interviewId: interview.id },
  );
  expect(cancelled.body).toMatchObject({ status: "cancelled", sequence: 2, cancelReason: "Role on hold." });
  const again = await send<ErrorBody>(
    cancelRoute,
    apiRequest("POST", `/api/v1/interviews/${interview.id}/cancel`, recruiter, { body: {} }),
    { interviewId: interview.id },
  );
  expect(again.status).toBe(409);
});

test("field errors name the field, and nothing is written", async () => {
  const recruiter = await caller("recruiter");
  const { id: applicationId } = await application();
  const bad = await send<ErrorBody>(
    offersRoute,
    apiRequest("POST", `/api/v1/applications/${applicationId}/interview-offers`, recruiter, {
      body: { slots: [{ startsAt: "tomorrow", durationMinutes: 5 }], videoUrl: "meet.example.com" },
    }),
    { applicationId },
  );
  expect(bad.status).toBe(400);
  expect(bad.body.error.issues.map((issue) => issue.path).sort()).toEqual([
    "slots",
    "slots.0.durationMinutes",
    "slots.0.startsAt",
    "videoUrl",
  ]);
  expect(await prisma.interview.count({ where: { applicationId } })).toBe(0);

  const offered = await send(
    offersRoute,
    apiRequest("POST", `/api/v1/applications/${applicationId}/interview-offers`, recruiter, {
      body: {
        slots: [
          { startsAt: inHours(30), durationMinutes: 30 },
          { startsAt: inHours(54), durationMinutes: 30 },
          { startsAt: inHours(78), durationMinutes: 30 },
        ],
        location: "Acme office, Berlin",
      },
    }),
    { applicationId },
  );
  expect(offered.status).toBe(201);
  expect(expectShape(interviewResource, offered.body)).toMatchObject({ status: "offered", startsAt: null });
  expect((offered.body as { slots: unknown[] }).slots).toHaveLength(3);
});

test("feedback comes only from the interview's interviewers, after it started", async () => {
  const recruiter = await caller("recruiter");
  const interviewer = await caller("interviewer");
  const outsider = await caller("interviewer");
  const { id: applicationId } = await application();
  const created = await send<{ id: string }>(
    interviewsRoute,
    apiRequest("POST", `/api/v1/applications/${applicationId}/interviews`, recruiter, {
      body: { startsAt: inHours(1), durationMinutes: 30, interviewerIds: [interviewer.user!.id], notify: false },
    }),
    { applicationId },
  );
  const interviewId = created.body.id;
  const early = await send<ErrorBody>(
    feedbackRoute,
    apiRequest("POST", `/api/v1/interviews/${interviewId}/feedback`, interviewer, { body: { recommendation: "yes" } }),
    { interviewId },
  );
  expect(early.status).toBe(409);

  pinClock(minutesFrom(NOW, 120));
  await recordEndedInterviews();
  const hidden = await send<ErrorBody>(
    feedbackRoute,
    apiRequest("POST", `/api/v1/interviews/${interviewId}/feedback`, outsider, { body: { recommendation: "yes" } }),
    { interviewId },
  );
  expect(hidden.status).toBe(404);
  const invalid = await send<ErrorBody>(
    feedbackRoute,
    apiRequest("POST", `/api/v1/interviews/${interviewId}/feedback`, interviewer, {
      body: { recommendation: "maybe" },
    }),
    { interviewId },
  );
  expect(invalid.body.error.issues.map((issue) => issue.path)).toEqual(["recommendation"]);
  const given = await send(
    feedbackRoute,
    apiRequest("POST", `/api/v1/interviews/${interviewId}/feedback`, interviewer, {
      body: { recommendation: "strong_yes", notes: "Explained trade-offs clearly." },
    }),
    { interviewId },
  );
  expect(given.status).toBe(200);
  expect(expectShape(interviewResource, given.body)).toMatchObject({
    status: "done",
    interviewers: [{ id: interviewer.user!.id, recommendation: "strong_yes", notes: "Explained trade-offs clearly." }],
  });
  pinClock(NOW);
});
