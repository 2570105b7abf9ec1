// The interviewer-feedback promise end to end: an interview's end (as the interview model logs it) starts a stored
// clock for that interview, the last interviewer's feedback stops it and starts the stage decision again; the queue
// names who still owes feedback (an interviewer sees only their own), and its warnings reach exactly those people and
// the job's recruiter. Times are fixed: the clock is pinned to a Tuesday morning, the default schedule is Mon–Fri
// 09:00–17:00 UTC.
import { beforeAll, expect, test } from "vitest";
import type { EventData } from "~/domain/applications";
import { appendEvent } from "~/models/event.server";
import { createPolicy } from "~/models/sla/policies.server";
import { countQueueByRisk, getQueue } from "~/models/sla/queue.server";
import { runRecomputesNow } from "~/models/sla/recompute.server";
import { sweepClocks } from "~/models/sla/sweep.server";
import { prisma } from "~/platform/db.server";
import { presentQueue } from "~/web/api-sla-resources.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser, type TestUser } from "../../factories";

const NOW = pinClock("2027-01-12T10:00:00Z");
const DEPARTMENT = "Interview feedback";
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  await createPolicy(
    {
      name: "Interview feedback",
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [
        { metric: "stage_decision", minutes: 2400, businessHours: true },
        { metric: "interviewer_feedback", minutes: 480, businessHours: true, warnBeforeMinutes: 120 },
      ],
    },
    null,
  );
  await runRecomputesNow();
});

type Panel = { recruiter: TestUser; priya: TestUser; tom: TestUser; applicationId: string; jobId: string };

/** An application from Monday 09:00 with Priya and Tom assigned as its interviewers, and a recruiter on the job. */
async function applicationWithPanel(): Promise<Panel> {
  const recruiter = await createTestUser({ role: "recruiter" });
  const priya = await createTestUser({ role: "interviewer", name: "Priya Raman" });
  const tom = await createTestUser({ role: "interviewer", name: "Tom Berger" });
  const job = await createTestJob({ department: DEPARTMENT, recruiterId: recruiter.id });
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2027-01-11T09:00:00Z") });
  await prisma.applicationInterviewer.createMany({
    data: [priya, tom].map((person) => ({ applicationId: application.id, userId: person.id })),
  });
  return { recruiter, priya, tom, applicationId: application.id, jobId: job.id };
}

/** The interview held on Monday 14:00–15:00 with both on the panel. */
async function interviewHeld(panel: Panel) {
  return prisma.interview.create({
    data: {
      applicationId: panel.applicationId,
      kind: "interview",
      status: "done",
      startsAt: at("2027-01-11T14:00:00Z"),
      endsAt: at("2027-01-11T15:00:00Z"),
      timeZone: "UTC",
      calendarUid: `feedback-${panel.applicationId}@hearback.test`,
      seats: { create: [{ userId: panel.priya.id }, { userId: panel.tom.id }] },
    },
    select: { id: true },
  });
}

async function log<T extends "interview" | "interview_feedback">(
  applicationId: string,
  type: T,
  occurredAt: string,
  data: EventData[T],
) {
  await prisma.$transaction((tx) =>
    appendEvent(tx, { applicationId, type, data, occurredAt: at(occurredAt), visibility: "internal" }, { now: NOW }),
  );
}

const ended = (panel: Panel, interviewId: string) =>
  log(panel.applicationId, "interview", "2027-01-11T15:00:00Z", {
    action: "ended",
    interviewId,
    interviewerIds: [panel.priya.id, panel.tom.id],
  });
const feedbackFrom = (panel: Panel, interviewId: string, person: TestUser, occurredAt: string) =>
  log(panel.applicationId, "interview_feedback", occurredAt, {
    interviewId,
    interviewerId: person.id,
    recommendation: "yes",
  });

async function clocksOf(applicationId: string) {
  return prisma.slaClock.findMany({
    where: { applicationId },
    orderBy: [{ metric: "asc" }, { instance: "asc" }],
    select: {
      metric: true,
      instance: true,
      state: true,
      startedAt: true,
      dueAt: true,
      warnAt: true,
      stoppedAt: true,
      interviewId: true,
    },
  });
}

test("an interview's end starts its stored feedback clock; the last feedback stops it and restarts the decision", async () => {
  const panel = await applicationWithPanel();
  const { id: interviewId } = await interviewHeld(panel);
  // Planning news moves no clock.
  await log(panel.applicationId, "interview", "2027-01-11T10:00:00Z", {
    action: "scheduled",
    interviewId,
    interviewerIds: [panel.priya.id, panel.tom.id],
  });
  expect((await clocksOf(panel.applicationId)).map((clock) => clock.metric)).toEqual(["stage_decision"]);

  await ended(panel, interviewId);
  // Mon 15:00 + 480 business minutes: Mon 120 + Tue 360 → Tue 15:00; warned at 360 counted → Tue 13:00.
  expect((await clocksOf(panel.applicationId)).find((clock) => clock.metric === "interviewer_feedback")).toEqual({
    metric: "interviewer_feedback",
    instance: 1,
    state: "running",
    startedAt: at("2027-01-11T15:00:00Z"),
    dueAt: at("2027-01-12T15:00:00Z"),
    warnAt: at("2027-01-12T13:00:00Z"),
    stoppedAt: null,
    interviewId,
  });

  await feedbackFrom(panel, interviewId, panel.priya, "2027-01-12T09:15:00Z");
  expect((await clocksOf(panel.applicationId)).map((clock) => [clock.metric, clock.instance, clock.state])).toEqual([
    ["stage_decision", 1, "running"],
    ["interviewer_feedback", 1, "running"],
  ]);

  await feedbackFrom(panel, interviewId, panel.tom, "2027-01-12T09:45:00Z");
  const clocks = await clocksOf(panel.applicationId);
  expect(clocks.map((clock) => [clock.metric, clock.instance, clock.state, clock.stoppedAt])).toEqual([
    ["stage_decision", 1, "stopped", at("2027-01-12T09:45:00Z")],
    ["stage_decision", 2, "running", null],
    ["interviewer_feedback", 1, "stopped", at("2027-01-12T09:45:00Z")],
  ]);
  // Five business days from Tuesday 09:45: the candidate's new "hear back by".
  expect(clocks[1]).toMatchObject({ startedAt: at("2027-01-12T09:45:00Z"), dueAt: at("2027-01-19T09:45:00Z") });
});

test("the queue names the interview and who owes feedback; an interviewer's queue holds only what they owe", async () => {
  const panel = await applicationWithPanel();
  const { id: interviewId } = await interviewHeld(panel);
  await ended(panel, interviewId);
  await feedbackFrom(panel, interviewId, panel.priya, "2027-01-12T09:15:00Z");

  const filter = { jobId: panel.jobId, metric: "interviewer_feedback" as const };
  const recruiterQueue = await getQueue(panel.recruiter, filter);
  expect(recruiterQueue.items).toHaveLength(1);
  expect(recruiterQueue.items[0]).toMatchObject({
    applicationId: panel.applicationId,
    interviewId,
    interview: { id: interviewId, kind: "interview", startsAt: at("2027-01-11T14:00:00Z") },
    feedbackOwedBy: [{ id: panel.tom.id, name: "Tom Berger" }],
    risk: "fine",
  });
  expect(presentQueue(recruiterQueue).items[0]).toMatchObject({
    interview: { id: interviewId, startsAt: "2027-01-11T14:00:00.000Z", endsAt: "2027-01-11T15:00:00.000Z" },
    feedbackOwedBy: [{ id: panel.tom.id, name: "Tom Berger" }],
  });

  // Tom still owes feedback; Priya gave hers; both may see the application.
  expect((await getQueue(panel.tom)).items.map((item) => item.interviewId)).toEqual([interviewId]);
  expect(await countQueueByRisk(panel.tom)).toMatchObject({ total: 1 });
  expect((await getQueue(panel.priya)).items).toEqual([]);
  expect(await countQueueByRisk(panel.priya)).toMatchObject({ total: 0 });
  // The other clocks of the application (its stage decision) are for the team, not the interviewers.
  expect((await getQueue(panel.recruiter, { jobId: panel.jobId })).total).toBe(2);
});

test("a feedback clock's warning reaches the interviewers who owe feedback and the job's recruiter", async () => {
  const panel = await applicationWithPanel();
  const { id: interviewId } = await interviewHeld(panel);
  await ended(panel, interviewId);
  await feedbackFrom(panel, interviewId, panel.priya, "2027-01-12T09:15:00Z");
  const clock = await prisma.slaClock.findFirstOrThrow({
    where: { applicationId: panel.applicationId, metric: "interviewer_feedback" },
    select: { id: true },
  });

  await sweepClocks(at("2027-01-12T13:30:00Z"));
  const notices = await prisma.notification.findMany({
    where: { clockId: clock.id },
    select: { userId: true, kind: true, title: true, body: true },
  });
  expect(notices.map((notice) => notice.userId).sort()).toEqual([panel.recruiter.id, panel.tom.id].sort());
  expect(notices.every((notice) => notice.kind === "sla_warning")).toBe(true);
  expect(notices[0]!.body).toMatch(/^Feedback from Tom Berger on .+’s interview \(.+\) is due soon\.$/);
});

test("a no-show cancels the stored feedback clock, and nobody owes feedback any more", async () => {
  const panel = await applicationWithPanel();
  const { id: interviewId } = await interviewHeld(panel);
  await ended(panel, interviewId);
  await log(panel.applicationId, "interview", "2027-01-11T16:00:00Z", { action: "no_show", interviewId });
  expect((await clocksOf(panel.applicationId)).find((clock) => clock.metric === "interviewer_feedback")).toMatchObject({
    state: "cancelled",
    stoppedAt: at("2027-01-11T16:00:00Z"),
  });
  expect((await getQueue(panel.tom)).items).toEqual([]);
});
