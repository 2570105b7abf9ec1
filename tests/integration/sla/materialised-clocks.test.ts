// Materialised SLA clocks: kept in step with each event, rebuilt after policy changes (finished clocks keep their
// verdict, running ones move, breaches stay), and built by the bulk path the same way as by the models.
import { expect, test } from "vitest";
import { recordMessage } from "~/models/application.server";
import { updatePolicy } from "~/models/sla/policies.server";
import { listRecomputes, processRecomputeBatch, runRecomputesNow } from "~/models/sla/recompute.server";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

const at = (iso: string) => new Date(iso);

async function clocksOf(applicationId: string) {
  const rows = await prisma.slaClock.findMany({
    where: { applicationId },
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
    },
  });
  return Object.fromEntries(rows.map((row) => [`${row.metric}#${row.instance}`, row]));
}

async function appliedMonday() {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id, department: "Clocks" });
  // Monday 2 March 2026, 10:00 UTC; the default schedule is Mon–Fri 09:00–17:00 UTC.
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2026-03-02T10:00:00Z") });
  return { recruiter, job, application };
}

/** A personal reply on Tuesday 3 March 2026, 09:30 UTC. */
async function replyOnTuesday(applicationId: string, recruiter: Awaited<ReturnType<typeof createTestUser>>) {
  await recordMessage(
    applicationId,
    {
      direction: "outbound",
      body: "Thank you for applying.",
      automated: false,
      awaitsCandidate: false,
      occurredAt: at("2026-03-03T09:30:00Z"),
    },
    recruiter,
  );
}

test("a new application starts first response, regular update and stage decision clocks in business time", async () => {
  const { application } = await appliedMonday();
  const clocks = await clocksOf(application.id);
  expect(Object.keys(clocks).sort()).toEqual(["first_response#1", "periodic_update#1", "stage_decision#1"]);
  // 960 business minutes: Mon 7 h + Tue 8 h + Wed 1 h.
  expect(clocks["first_response#1"]).toMatchObject({
    state: "running",
    startedAt: at("2026-03-02T10:00:00Z"),
    dueAt: at("2026-03-04T10:00:00Z"),
    breached: true, // the test runs long after March 2026 and nobody answered
    targetMinutes: 960,
  });
  expect(clocks["periodic_update#1"]?.dueAt).toEqual(at("2026-03-05T10:00:00Z"));
  expect(clocks["stage_decision#1"]?.dueAt).toEqual(at("2026-03-09T10:00:00Z"));
});

test("a reply stops the first response clock and restarts the regular update clock in the same transaction", async () => {
  const { recruiter, application } = await appliedMonday();
  await replyOnTuesday(application.id, recruiter);
  const clocks = await clocksOf(application.id);
  expect(clocks["first_response#1"]).toMatchObject({
    state: "stopped",
    stoppedAt: at("2026-03-03T09:30:00Z"),
    breached: false,
  });
  expect(clocks["periodic_update#1"]).toMatchObject({ state: "stopped", stoppedAt: at("2026-03-03T09:30:00Z") });
  // 1,440 business minutes from Tue 09:30: Tue 7.5 h + Wed 8 h + Thu 8 h + Fri 0.5 h.
  expect(clocks["periodic_update#2"]).toMatchObject({
    state: "running",
    startedAt: at("2026-03-03T09:30:00Z"),
    dueAt: at("2026-03-06T09:30:00Z"),
  });
});

test("a policy change moves running clocks, keeps finished ones as they ran, and past breaches stay", async () => {
  const { recruiter, application } = await appliedMonday();
  await replyOnTuesday(application.id, recruiter);
  await runRecomputesNow();
  const before = await clocksOf(application.id);
  const policy = await prisma.slaPolicy.findUniqueOrThrow({ where: { id: "default-policy" } });
  await updatePolicy(
    policy.id,
    {
      name: policy.name,
      countAutomatedReplies: false,
      targets: [
        { metric: "first_response", minutes: 60, businessHours: true },
        { metric: "periodic_update", minutes: 2880, businessHours: true },
      ],
    },
    recruiter.id,
  );
  const { active } = await listRecomputes();
  expect(active).toHaveLength(1);
  expect(active[0]!.total).toBeGreaterThanOrEqual(1);
  // As of Saturday 7 March the running update clock had been overdue since Friday 09:30.
  await runRecomputesNow(() => at("2026-03-07T12:00:00Z"));
  const after = await clocksOf(application.id);
  expect(after["first_response#1"]).toEqual(before["first_response#1"]); // finished: kept its 960-minute verdict
  expect(after["periodic_update#2"]).toMatchObject({
    startedAt: at("2026-03-03T09:30:00Z"), // start times stay
    dueAt: at("2026-03-11T09:30:00Z"), // 2,880 business minutes now
    targetMinutes: 2880,
    breached: true, // it was breached before the change, and stays so
  });
  expect(after["stage_decision#1"]).toBeUndefined(); // the policy no longer has a stage decision target
  expect((await listRecomputes()).recent[0]).toMatchObject({ status: "done" });
});

test("a recompute works in batches and records its progress as it goes", async () => {
  const job = await createTestJob({ department: "Batches" });
  for (let index = 0; index < 3; index += 1) {
    await createTestApplication({ jobId: job.id, appliedAt: at("2026-03-02T10:00:00Z") });
  }
  await runRecomputesNow();
  const built = await prisma.slaClock.count({ where: { application: { jobId: job.id } } });
  expect(built).toBeGreaterThanOrEqual(6);
  await prisma.slaClock.deleteMany({ where: { application: { jobId: job.id } } });
  await prisma.slaRecompute.create({ data: { reason: "test", jobIds: [job.id], full: true, total: 3 } });
  expect(await processRecomputeBatch()).toBe(true);
  const run = await prisma.slaRecompute.findFirstOrThrow({ where: { reason: "test" } });
  expect(run).toMatchObject({ status: "done", done: 3, total: 3 });
  expect(await prisma.slaClock.count({ where: { application: { jobId: job.id } } })).toBe(built);
  expect(await processRecomputeBatch()).toBe(false);
});

test("a job on a schedule without open hours still takes applications; only calendar-time clocks run", async () => {
  const closed = await prisma.schedule.create({
    data: { name: "Never open", timeZone: "UTC", hours: [], holidays: [] },
  });
  const job = await createTestJob({ department: "Closed", scheduleId: closed.id });
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2026-03-02T10:00:00Z") });
  expect(await prisma.application.count({ where: { id: application.id } })).toBe(1);
  const clocks = await clocksOf(application.id);
  // The default policy's targets are all in business hours, so none of them can run here.
  expect(Object.keys(clocks)).toEqual([]);
});
