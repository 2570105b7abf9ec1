// The metrics report against a dataset with answers worked out by hand (dataset.ts): attainment, medians and p90
// (percentile_cont, interpolated), clocks running at the window's end, cancelled clocks, scope, filters, erasure, NPS.
import { beforeAll, expect, test } from "vitest";
import type { MetricsFilters } from "~/domain/metrics/report";
import { recordMessage } from "~/models/application.server";
import { loadMetricsReport } from "~/models/metrics/report.server";
import type { Actor } from "~/models/scope.server";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob } from "../../factories";
import { at, buildDataset } from "./dataset";

let data: Awaited<ReturnType<typeof buildDataset>>;
let admin: Actor;

const NOW = at("2026-04-01T00:00:00Z");
// Two Monday-UTC weeks: applications 1–5 applied inside, application 6 before.
const WINDOW: MetricsFilters = { from: at("2026-03-02T00:00:00Z"), to: at("2026-03-16T00:00:00Z") };
const minutesSince = (iso: string) => (NOW.getTime() - at(iso).getTime()) / 60_000;

beforeAll(async () => {
  data = await buildDataset();
  admin = data.users.admin;
});

test("the whole window: every figure as worked out by hand", async () => {
  const report = await loadMetricsReport(admin, WINDOW, NOW);
  expect(report.applications).toBe(5);
  // 30 (met), 180 (breached), 30 (met), application 3 still running past due (breached), 4 cancelled.
  expect(report.sla.first_response).toEqual({
    metric: "first_response",
    met: 2,
    breached: 2,
    attainment: 0.5,
    count: 3,
    medianMinutes: 30,
    p90Minutes: 150,
    breachedNow: 1,
  });
  expect(report.sla.next_response).toMatchObject({ met: 1, breached: 0, attainment: 1, count: 1, medianMinutes: 20 });
  // Stopped: 30, 50, 180, 30, 1410 met; 2700 late; application 3's first one still running past due.
  expect(report.sla.periodic_update).toEqual({
    metric: "periodic_update",
    met: 5,
    breached: 2,
    attainment: 5 / 7,
    count: 6,
    medianMinutes: 115,
    p90Minutes: 2055,
    breachedNow: 2, // application 3's, and application 6's, started before the window
  });
  // 1440, 1440, 2880 (stopped exactly at its due date: met), 1440; application 3's running past due.
  expect(report.sla.stage_decision).toEqual({
    metric: "stage_decision",
    met: 4,
    breached: 1,
    attainment: 0.8,
    count: 4,
    medianMinutes: 1440,
    p90Minutes: 2448,
    breachedNow: 2,
  });
  expect(report.sla.closure).toEqual({
    metric: "closure",
    met: 1,
    breached: 1,
    attainment: 0.5,
    count: 1,
    medianMinutes: 30,
    p90Minutes: 30,
    breachedNow: 1,
  });
  expect(report.silentCandidates).toBe(2); // applications 3 and 6
  expect(report.decisionsOwed).toEqual([
    {
      ownerId: data.users.managerA.id,
      ownerName: "Ada Manager",
      count: 2,
      oldestWaitingMinutes: minutesSince("2026-02-20T10:00:00Z"),
    },
  ]);
  expect(report.closureRate).toEqual({ told: 1, rejected: 2, rate: 0.5 });
  expect(report.promiseKept).toEqual({ kept: 5, shown: 8, rate: 0.625 });
  expect(report.timeToHire).toEqual({ count: 1, medianMinutes: 2880, p90Minutes: 2880 });
  expect(report.timeInStage).toEqual([
    // 1440, 2880, 60, 1440 and application 3 still there: counted up to now.
    {
      stageName: "Applied",
      stageKind: "applied",
      position: 0,
      count: 5,
      medianMinutes: 1440,
      p90Minutes: expect.closeTo(2880 + 0.6 * (minutesSince("2026-03-09T08:00:00Z") - 2880), 6),
    },
    { stageName: "Screen", stageKind: "screen", position: 1, count: 1, medianMinutes: 1440, p90Minutes: 1440 },
  ]);
  expect(report.candidateNps).toEqual({ score: 25, responses: 4, promoters: 2, detractors: 1 });
  expect(report.friction).toEqual({
    per100: 100,
    responses: 4,
    byTag: { long_silence: 2, rescheduling: 1, unclear_next_step: 1 },
  });
  expect(report.weekly).toEqual([
    {
      weekStart: "2026-03-02T00:00:00.000Z",
      applications: 3,
      firstResponseMedianMinutes: 105,
      firstResponseAttainment: 0.5,
      promiseKeptRate: 0.75,
    },
    {
      weekStart: "2026-03-09T00:00:00.000Z",
      applications: 2,
      firstResponseMedianMinutes: 30,
      firstResponseAttainment: 0.5,
      promiseKeptRate: 0.5,
    },
  ]);
  expect(report.funnel).toEqual([
    { stageName: "Applied", stageKind: "applied", position: 0, reached: 5 },
    { stageName: "Screen", stageKind: "screen", position: 1, reached: 1 },
    { stageName: "Interview", stageKind: "interview", position: 2, reached: 0 },
    { stageName: "Offer", stageKind: "offer", position: 3, reached: 0 },
  ]);
});

test("a clock still running at the window's end counts as breached only once past due by then", async () => {
  // Application 3 applied 08:00, first response due 09:00.
  const before = await loadMetricsReport(admin, { from: WINDOW.from, to: at("2026-03-09T08:30:00Z") }, NOW);
  expect(before.sla.first_response).toMatchObject({ met: 1, breached: 1, breachedNow: 0 });
  const after = await loadMetricsReport(admin, { from: WINDOW.from, to: at("2026-03-09T09:30:00Z") }, NOW);
  expect(after.sla.first_response).toMatchObject({ met: 1, breached: 2, breachedNow: 1 });
  // A window reaching past now ends now.
  const early = await loadMetricsReport(admin, WINDOW, at("2026-03-09T08:30:00Z"));
  expect(early.sla.first_response).toMatchObject({ breached: 1, breachedNow: 0 });
});

test("hiring managers see only their own jobs; interviewers see nothing", async () => {
  const own = await loadMetricsReport(data.users.managerB, WINDOW, NOW);
  expect(own.applications).toBe(2);
  // Application 4's clocks were cancelled by the withdrawal; application 5 was answered in 30 min.
  expect(own.sla.first_response).toMatchObject({ met: 1, breached: 0, attainment: 1, medianMinutes: 30 });
  expect(own.decisionsOwed).toEqual([]);
  // Application 4 answered 3 (detractor), application 5 answered 9 (promoter): 50 % − 50 %.
  expect(own.candidateNps).toEqual({ score: 0, responses: 2, promoters: 1, detractors: 1 });
  // A filter cannot widen the scope.
  const other = await loadMetricsReport(data.users.managerB, { ...WINDOW, jobId: data.jobs.jobA.id }, NOW);
  expect(other.applications).toBe(0);
  const none = await loadMetricsReport(data.users.interviewer, WINDOW, NOW);
  expect(none.applications).toBe(0);
  expect(none.sla.first_response.attainment).toBeNull();
  expect(none.silentCandidates).toBe(0);
});

test("filters by job, department, recruiter and hiring manager", async () => {
  const count = async (filters: Partial<MetricsFilters>) =>
    (await loadMetricsReport(admin, { ...WINDOW, ...filters }, NOW)).applications;
  expect(await count({ jobId: data.jobs.jobB.id })).toBe(2);
  expect(await count({ department: "Engineering" })).toBe(3);
  expect(await count({ recruiterId: data.users.recruiter.id })).toBe(3);
  expect(await count({ hiringManagerId: data.users.managerB.id })).toBe(2);
  expect(await count({ department: "Engineering", hiringManagerId: data.users.managerB.id })).toBe(0);
});

test("an erased candidate still counts", async () => {
  const erased = await prisma.candidate.findUniqueOrThrow({
    where: { id: data.apps.app5.candidateId },
    select: { erasedAt: true },
  });
  expect(erased.erasedAt).not.toBeNull();
  const report = await loadMetricsReport(admin, { ...WINDOW, jobId: data.jobs.jobB.id }, NOW);
  expect(report.applications).toBe(2);
  expect(report.closureRate).toEqual({ told: 0, rejected: 1, rate: 0 });
  expect(report.sla.closure).toMatchObject({ met: 0, breached: 1 });
});

test("no data: zeros and nulls, never NaN", async () => {
  const report = await loadMetricsReport(admin, { ...WINDOW, jobId: data.jobs.jobEmpty.id }, NOW);
  expect(report).toMatchObject({
    applications: 0,
    silentCandidates: 0,
    timeInStage: [],
    decisionsOwed: [],
    funnel: [],
    closureRate: { told: 0, rejected: 0, rate: null },
    promiseKept: { kept: 0, shown: 0, rate: null },
    timeToHire: { count: 0, medianMinutes: null, p90Minutes: null },
    candidateNps: { score: null, responses: 0, promoters: 0, detractors: 0 },
    friction: { per100: null, responses: 0, byTag: {} },
  });
  for (const figures of [
    report.sla.first_response,
    report.sla.next_response,
    report.sla.periodic_update,
    report.sla.closure,
  ]) {
    expect(figures).toMatchObject({ met: 0, breached: 0, attainment: null, count: 0, medianMinutes: null });
  }
  expect(report.weekly).toHaveLength(2);
  expect(report.weekly[0]).toMatchObject({ applications: 0, firstResponseAttainment: null, promiseKeptRate: null });
  expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
});

test("one application: its own time is the median and the p90", async () => {
  const job = await createTestJob({ title: "Solo", department: "Solo" });
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2025-06-02T09:00:00Z") });
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "Hi",
      automated: false,
      awaitsCandidate: false,
      occurredAt: at("2025-06-02T09:45:00Z"),
    },
    admin,
  );
  const report = await loadMetricsReport(
    admin,
    { from: at("2025-06-01T00:00:00Z"), to: at("2025-07-01T00:00:00Z") },
    NOW,
  );
  expect(report.applications).toBe(1);
  expect(report.sla.first_response).toMatchObject({
    met: 1,
    breached: 0,
    attainment: 1,
    count: 1,
    medianMinutes: 45,
    p90Minutes: 45,
  });
  expect(report.weekly.map((week) => week.weekStart.slice(0, 10))).toEqual([
    "2025-05-26",
    "2025-06-02",
    "2025-06-09",
    "2025-06-16",
    "2025-06-23",
    "2025-06-30",
  ]);
});
