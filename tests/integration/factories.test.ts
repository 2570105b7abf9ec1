// The factories: deterministic data, and a fast path that writes exactly what the models write for the same history.
import { expect, test } from "vitest";
import { addNote } from "~/models/application.server";
import { createApplication } from "~/models/application-intake.server";
import { verifyCredentials } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { insertApplicationsInBulk } from "../bulk-applications";
import {
  applyHistory,
  createApplicationWithHistory,
  createTestJob,
  createTestUser,
  fakeCandidate,
  seedFactories,
  type ApplicationPlan,
  type HistoryStep,
} from "../factories";
import { planApplication, type Fate } from "../history-plans";

const DAY = 24 * 60 * 60 * 1000;
const STAGES = [
  { name: "Applied", kind: "applied" as const },
  { name: "Screen", kind: "screen" as const },
  { name: "Take-home", kind: "assessment" as const },
  { name: "Interview", kind: "interview" as const },
  { name: "Offer", kind: "offer" as const },
];

test("factories repeat the same data for the same seed", () => {
  seedFactories(5);
  const first = [fakeCandidate(), fakeCandidate(), fakeCandidate({ locale: "de" })];
  seedFactories(5);
  const second = [fakeCandidate(), fakeCandidate(), fakeCandidate({ locale: "de" })];
  expect(second).toEqual(first);
  expect(first[2]).toMatchObject({ locale: "de" });
  seedFactories(6);
  expect(fakeCandidate()).not.toEqual(first[0]);
});

test("a factory-made account signs in with the known password", async () => {
  const user = await createTestUser({ role: "hiring_manager" });
  expect(await verifyCredentials(user.email, user.password)).toMatchObject({ id: user.id, role: "hiring_manager" });
});

/** The rows of a job's applications, with ids replaced by what they stand for, so two jobs can be compared. */
async function snapshot(jobId: string) {
  const stages = await prisma.stage.findMany({ where: { jobId }, select: { id: true, name: true } });
  const stageName = new Map(stages.map((stage) => [stage.id, stage.name]));
  const applications = await prisma.application.findMany({
    where: { jobId },
    orderBy: { appliedAt: "asc" },
    select: {
      id: true,
      status: true,
      source: true,
      appliedAt: true,
      closedAt: true,
      outcomeReason: true,
      furthestPosition: true,
      outcomeToldAt: true,
      stageId: true,
      candidate: { select: { name: true, timeZone: true, locale: true, phone: true } },
      interviewers: { orderBy: { userId: "asc" }, select: { userId: true } },
      events: {
        orderBy: [{ occurredAt: "asc" }, { type: "asc" }],
        select: { id: true, type: true, visibility: true, occurredAt: true, actorId: true, data: true },
      },
      stageStays: {
        orderBy: { sequence: "asc" },
        select: { sequence: true, stageId: true, enteredAt: true, leftAt: true },
      },
      slaClocks: {
        orderBy: [{ metric: "asc" }, { instance: "asc" }],
        select: {
          metric: true,
          instance: true,
          state: true,
          startedAt: true,
          dueAt: true,
          stoppedAt: true,
          breached: true,
          targetMinutes: true,
          stageId: true,
          promiseShownAt: true,
        },
      },
    },
  });
  const eventKey = new Map(
    applications.flatMap((application) =>
      application.events.map((event) => [event.id, `${event.type}@${event.occurredAt.toISOString()}`]),
    ),
  );
  const replaceIds = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, field) =>
      typeof field === "string" && (stageName.has(field) || eventKey.has(field))
        ? (stageName.get(field) ?? eventKey.get(field))
        : key === "candidateId" || key === "jobId"
          ? "<id>"
          : field,
    );
  const audits = await prisma.auditLog.findMany({
    where: { entityId: { in: applications.map((application) => application.id) } },
    select: { entityId: true, action: true, actorId: true, entityType: true, data: true },
  });
  return applications.map(({ id, stageId, events, slaClocks, stageStays, ...application }) => ({
    ...application,
    // The models keep clocks and stays in step event by event; the fast path computes them once: they must agree.
    slaClocks: slaClocks.map((clock) => ({ ...clock, stageId: clock.stageId && stageName.get(clock.stageId) })),
    stageStays: stageStays.map((stay) => ({ ...stay, stageId: stageName.get(stay.stageId) })),
    stage: stageName.get(stageId),
    events: events.map(({ id: _id, ...event }) => replaceIds(event)),
    audits: audits
      .filter((audit) => audit.entityId === id)
      .map(({ entityId: _entityId, ...audit }) => JSON.stringify(replaceIds(audit)))
      .sort(),
  }));
}

test("the fast path writes the same rows as the models for the same histories", async () => {
  seedFactories(11);
  const [recruiter, hiringManager, interviewer] = await Promise.all([
    createTestUser({ role: "recruiter" }),
    createTestUser({ role: "hiring_manager" }),
    createTestUser({ role: "interviewer" }),
  ]);
  const viaModels = await createTestJob({ title: "Via models", stages: STAGES, hiringManagerId: hiringManager!.id });
  const viaBulk = await createTestJob({ title: "Via bulk", stages: STAGES, hiringManagerId: hiringManager!.id });
  const now = new Date("2026-03-02T10:00:00Z");
  const fates: Fate[] = [
    "hired",
    "rejected_after_interview",
    "rejected_at_application",
    "withdrawn",
    "offer_declined",
    "in_progress",
  ];
  const plans = fates.map((fate, index) =>
    planApplication({
      job: viaModels,
      candidate: fakeCandidate(),
      appliedAt: new Date(now.getTime() - (80 - index) * DAY),
      until: now,
      fate,
      pace: "fast",
      recruiter: recruiter!,
      hiringManager: hiringManager!,
      interviewers: [interviewer!],
      source: index % 2 ? "Referral" : undefined,
    }),
  );
  const stepTypes = new Set(plans.flatMap((plan) => plan.steps.map((step) => step.type)));
  expect([...stepTypes].sort()).toEqual(
    ["assign_interviewer", "decision", "interview", "message_in", "message_out", "move", "note"].sort(),
  );

  for (const plan of plans) await createApplicationWithHistory(plan);
  const stageOnBulkJob = new Map(viaModels.stages.map((stage, index) => [stage.id, viaBulk.stages[index]!.id]));
  const bulkPlans: ApplicationPlan[] = plans.map((plan) => ({
    ...plan,
    jobId: viaBulk.id,
    candidate: { ...plan.candidate, email: `bulk.${plan.candidate.email}` },
    steps: plan.steps.map((step): HistoryStep =>
      step.type === "move" ? { ...step, stageId: stageOnBulkJob.get(step.stageId)! } : step,
    ),
  }));
  await insertApplicationsInBulk(bulkPlans);

  const modelRows = await snapshot(viaModels.id);
  expect(modelRows).toHaveLength(fates.length);
  expect(modelRows.flatMap((row) => row.slaClocks).length).toBeGreaterThan(fates.length);
  expect(await snapshot(viaBulk.id)).toEqual(modelRows);
});

test("the fast path refuses what the models refuse", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ stages: STAGES });
  const appliedAt = new Date("2026-02-01T09:00:00Z");
  const candidate = fakeCandidate();
  const plan: ApplicationPlan = { jobId: job.id, candidate, appliedAt, createdById: null, steps: [] };
  await createApplication({ jobId: job.id, candidate, appliedAt, notify: false }, null);
  await expect(insertApplicationsInBulk([plan])).rejects.toThrow(/already has an active application/);

  const decided: HistoryStep = { type: "decision", at: appliedAt, by: recruiter, outcome: "rejected" };
  const afterDecision = { ...plan, candidate: fakeCandidate(), steps: [decided, { ...decided, outcome: "hired" }] };
  await expect(insertApplicationsInBulk([afterDecision as ApplicationPlan])).rejects.toThrow(/already rejected/);
  const early = { type: "message_in", at: new Date(appliedAt.getTime() - DAY), by: recruiter, body: "Hi" } as const;
  await expect(insertApplicationsInBulk([{ ...plan, candidate: fakeCandidate(), steps: [early] }])).rejects.toThrow(
    /before the application/,
  );
  expect(await prisma.application.count({ where: { jobId: job.id } })).toBe(1);
});

test("a history note is the note addNote writes, at the note's own time", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ stages: STAGES });
  const application = await createApplication(
    { jobId: job.id, candidate: fakeCandidate(), appliedAt: new Date("2026-01-05T09:00:00Z"), notify: false },
    recruiter.id,
  );
  await addNote(application.id, "Written now", recruiter);
  const at = new Date("2026-01-06T10:00:00Z");
  await applyHistory(application.id, [{ type: "note", at, by: recruiter, body: "Written then" }]);

  const notes = await prisma.event.findMany({
    where: { applicationId: application.id, type: "note" },
    orderBy: { occurredAt: "asc" },
    select: { id: true, visibility: true, actorId: true, data: true, occurredAt: true },
  });
  expect(notes).toHaveLength(2);
  const [past, present] = notes;
  expect(past).toMatchObject({ occurredAt: at, data: { body: "Written then" } });
  expect({ ...past, id: "", occurredAt: null, data: null }).toEqual({
    ...present,
    id: "",
    occurredAt: null,
    data: null,
  });
  const audits = await prisma.auditLog.findMany({
    where: { entityId: application.id, action: "application.note_added" },
    select: { actorId: true, entityType: true, data: true },
  });
  expect(audits).toHaveLength(2);
  expect(audits.map((audit) => audit.data)).toEqual(
    expect.arrayContaining([{ eventId: past!.id }, { eventId: present!.id }]),
  );
  expect(audits[0]).toMatchObject({ actorId: recruiter.id, entityType: audits[1]!.entityType });
});
