// Importance parity against a small dataset with answers worked out by hand: candidate attainment and medians per
// group (workspace, department, job, recruiter), time to outcome, scope, filters, the window's end, erasure, and the
// customer figures and verdicts beside them. Every clock comes from the engine, through the models.
import { beforeAll, expect, test } from "vitest";
import type { MetricsFilters } from "~/domain/metrics/report";
import { recordMessage } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import { saveCustomerBenchmark } from "~/models/customer-benchmark.server";
import { eraseCandidate } from "~/models/erasure.server";
import { loadParity, type ParityMetric, type ParityRow } from "~/models/metrics/parity.server";
import type { Actor } from "~/models/scope.server";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";
import { at, useRoundTheClockPolicy } from "./dataset";

const NOW = at("2026-04-15T00:00:00Z");
const MARCH: MetricsFilters = { from: at("2026-03-01T00:00:00Z"), to: at("2026-04-01T00:00:00Z") };

let admin: Actor;
let recruiter: Actor & { name: string };
let managerA: Actor;
let interviewer: Actor;
let jobIds: { engineer: string; seller: string; designer: string };

async function say(applicationId: string, when: string, by: Actor) {
  const message = { direction: "outbound", body: "Hello", automated: false, awaitsCandidate: false } as const;
  await recordMessage(applicationId, { ...message, occurredAt: at(when) }, by);
}

async function hear(applicationId: string, when: string, by: Actor) {
  const message = { direction: "inbound", body: "Thanks", automated: false, awaitsCandidate: false } as const;
  await recordMessage(applicationId, { ...message, occurredAt: at(when) }, by);
}

async function decide(applicationId: string, outcome: "hired" | "rejected" | "withdrawn", when: string) {
  await decideApplication(applicationId, { outcome, occurredAt: at(when), notify: false }, admin);
}

beforeAll(async () => {
  await useRoundTheClockPolicy(); // every target 60 minutes round the clock (closure too)
  admin = await createTestUser({ role: "admin" });
  recruiter = await createTestUser({ role: "recruiter", name: "Rita Recruiter" });
  managerA = await createTestUser({ role: "hiring_manager" });
  const managerB = await createTestUser({ role: "hiring_manager" });
  interviewer = await createTestUser({ role: "interviewer" });
  const engineer = await createTestJob({
    title: "Engineer",
    department: "Engineering",
    hiringManagerId: managerA.id,
    recruiterId: recruiter.id,
  });
  const seller = await createTestJob({ title: "Seller", department: "Sales", hiringManagerId: managerB.id });
  const designer = await createTestJob({ title: "Designer", hiringManagerId: managerA.id, recruiterId: recruiter.id });
  await prisma.job.update({ where: { id: designer.id }, data: { department: null } }); // the factory picks one
  jobIds = { engineer: engineer.id, seller: seller.id, designer: designer.id };

  // 1 (Engineer): first reply in 30 min (met), follow-up answered in 20 min (met), rejected after 2 days and told
  // 30 min later (closure met). Outcome after 2880 min.
  const a1 = await createTestApplication({ jobId: engineer.id, appliedAt: at("2026-03-02T10:00:00Z") });
  await say(a1.id, "2026-03-02T10:30:00Z", recruiter);
  await hear(a1.id, "2026-03-02T11:00:00Z", recruiter);
  await say(a1.id, "2026-03-02T11:20:00Z", recruiter);
  await decide(a1.id, "rejected", "2026-03-04T10:00:00Z");
  await say(a1.id, "2026-03-04T10:30:00Z", recruiter);

  // 2 (Engineer): first reply after 180 min (breached), follow-up after 120 min (breached), hired after 2 days.
  const a2 = await createTestApplication({ jobId: engineer.id, appliedAt: at("2026-03-03T09:00:00Z") });
  await say(a2.id, "2026-03-03T12:00:00Z", recruiter);
  await hear(a2.id, "2026-03-03T13:00:00Z", recruiter);
  await say(a2.id, "2026-03-03T15:00:00Z", recruiter);
  await decide(a2.id, "hired", "2026-03-05T09:00:00Z");

  // 3 (Engineer): never answered: its first-response clock runs past due (breached, no duration).
  await createTestApplication({ jobId: engineer.id, appliedAt: at("2026-03-09T08:00:00Z") });

  // 4 (Seller): first reply in 45 min (met), rejected after a day and never told (closure running past due); the
  // candidate is erased afterwards, and the figures stay.
  const a4 = await createTestApplication({ jobId: seller.id, appliedAt: at("2026-03-04T10:00:00Z") });
  await say(a4.id, "2026-03-04T10:45:00Z", recruiter);
  await decide(a4.id, "rejected", "2026-03-05T10:00:00Z");
  await eraseCandidate(a4.candidateId, admin, at("2026-03-20T00:00:00Z"));

  // 5 (Designer, no department): first reply in 10 min (met), then withdrew: no outcome of ours.
  const a5 = await createTestApplication({ jobId: designer.id, appliedAt: at("2026-03-10T10:00:00Z") });
  await say(a5.id, "2026-03-10T10:10:00Z", recruiter);
  await decide(a5.id, "withdrawn", "2026-03-10T12:00:00Z");

  // 6 (Engineer): applied in February (its first reply is outside the window), rejected in March and told 30 min
  // later: the closure clock and the 14,400-minute outcome count.
  const a6 = await createTestApplication({ jobId: engineer.id, appliedAt: at("2026-02-20T10:00:00Z") });
  await say(a6.id, "2026-02-20T10:20:00Z", recruiter);
  await decide(a6.id, "rejected", "2026-03-02T10:00:00Z");
  await say(a6.id, "2026-03-02T10:30:00Z", recruiter);
});

function metric(row: ParityRow | undefined, name: ParityMetric["metric"]) {
  const found = row?.metrics.find((item) => item.metric === name);
  if (!found) throw new Error(`No ${name} in ${JSON.stringify(row)}`);
  return found;
}

/** The candidate figures only, compactly: [met, breached, count, median]. */
function candidate(row: ParityRow | undefined) {
  return Object.fromEntries(
    (row?.metrics ?? []).map((item) => [
      item.metric,
      [item.candidate.met, item.candidate.breached, item.candidate.count, item.candidate.medianMinutes],
    ]),
  );
}

test("the workspace: candidate figures as worked out by hand, no customer figures yet", async () => {
  const report = await loadParity(admin, MARCH, "workspace", NOW);
  expect(report.customer).toEqual({ first_reply: null, next_reply: null, resolution: null });
  expect(report.rows).toHaveLength(1);
  const [row] = report.rows;
  expect(row).toMatchObject({ key: "workspace", label: "All jobs" });
  // First: 30, 180 (late), 45, 10 stopped; application 3 running past due. Next: 20, 120 (late).
  // Resolution: closure clocks of 1 and 6 met, 4 running past due; outcomes 2880, 2880, 1440, 14400.
  expect(metric(row, "first_reply").candidate).toEqual({
    met: 3,
    breached: 2,
    attainment: 0.6,
    count: 4,
    medianMinutes: 37.5,
    targetMinutes: 60,
  });
  expect(metric(row, "next_reply").candidate).toEqual({
    met: 1,
    breached: 1,
    attainment: 0.5,
    count: 2,
    medianMinutes: 70,
    targetMinutes: 60,
  });
  expect(metric(row, "resolution").candidate).toEqual({
    met: 2,
    breached: 1,
    attainment: 2 / 3,
    count: 4,
    medianMinutes: 2880,
    targetMinutes: 60,
  });
  expect(metric(row, "first_reply")).toMatchObject({
    candidateMetric: "first_response",
    customer: null,
    attainmentIndex: null,
    medianRatio: null,
    verdict: "No customer median entered for first reply",
    attainmentSentence: "Candidates' first replies meet their target 60% of the time; no customer figure entered",
  });
  expect(metric(row, "resolution").candidateMetric).toBe("time_to_outcome");
});

test("per department, job and recruiter, named groups first and ungrouped jobs last", async () => {
  const departments = (await loadParity(admin, MARCH, "department", NOW)).rows;
  expect(departments.map((row) => [row.key, row.label])).toEqual([
    ["Engineering", "Engineering"],
    ["Sales", "Sales"],
    [null, "No department"],
  ]);
  expect(candidate(departments[0])).toEqual({
    first_reply: [1, 2, 2, 105],
    next_reply: [1, 1, 2, 70],
    resolution: [2, 0, 3, 2880],
  });
  expect(candidate(departments[1])).toEqual({
    first_reply: [1, 0, 1, 45],
    next_reply: [0, 0, 0, null],
    resolution: [0, 1, 1, 1440],
  });
  expect(candidate(departments[2])).toEqual({
    first_reply: [1, 0, 1, 10],
    next_reply: [0, 0, 0, null],
    resolution: [0, 0, 0, null],
  });
  expect(metric(departments[1], "next_reply").candidate.attainment).toBeNull();
  expect(metric(departments[1], "resolution").candidate.attainment).toBe(0);

  const jobs = (await loadParity(admin, MARCH, "job", NOW)).rows;
  expect(jobs.map((row) => [row.key, row.label])).toEqual([
    [jobIds.designer, "Designer"],
    [jobIds.engineer, "Engineer"],
    [jobIds.seller, "Seller"],
  ]);
  expect(candidate(jobs[1])).toEqual(candidate(departments[0]));

  const recruiters = (await loadParity(admin, MARCH, "recruiter", NOW)).rows;
  expect(recruiters.map((row) => [row.key, row.label])).toEqual([
    [recruiter.id, "Rita Recruiter"],
    [null, "No recruiter"],
  ]);
  // Engineer and Designer: first replies 30, 180 (late), 10, and application 3 late.
  expect(candidate(recruiters[0]).first_reply).toEqual([2, 2, 3, 30]);
  expect(candidate(recruiters[1]).first_reply).toEqual([1, 0, 1, 45]);
});

test("customer figures give the index and the verdicts", async () => {
  await saveCustomerBenchmark(
    { metric: "first_reply", targetMinutes: 60, attainment: 0.95, medianMinutes: 15, source: "Q1 desk" },
    admin.id,
  );
  await saveCustomerBenchmark(
    { metric: "next_reply", targetMinutes: 120, attainment: 0.5, medianMinutes: 70, source: null },
    admin.id,
  );
  await saveCustomerBenchmark(
    { metric: "resolution", targetMinutes: 2880, attainment: null, medianMinutes: 960, source: null },
    admin.id,
  );
  const [row] = (await loadParity(admin, MARCH, "workspace", NOW)).rows;
  expect(metric(row, "first_reply")).toMatchObject({
    customer: { targetMinutes: 60, attainment: 0.95, medianMinutes: 15, source: "Q1 desk" },
    attainmentIndex: 0.6 / 0.95,
    medianRatio: 2.5,
    verdict: "Candidates wait 2.5× longer than customers for a first reply",
    attainmentSentence: "Candidates' first replies meet their target 60% of the time; customers' 95%",
  });
  expect(metric(row, "next_reply")).toMatchObject({
    attainmentIndex: 1,
    medianRatio: 1,
    verdict: "Candidates get a reply to a follow-up as fast as customers",
  });
  expect(metric(row, "resolution")).toMatchObject({
    attainmentIndex: null,
    medianRatio: 3,
    verdict: "Candidates wait 3.0× longer for an outcome than customers wait for a resolution",
  });
});

test("hiring managers see their own jobs; interviewers see nothing", async () => {
  const [mine] = (await loadParity(managerA, MARCH, "workspace", NOW)).rows;
  // Engineer and Designer, as for the recruiter above.
  expect(candidate(mine).first_reply).toEqual([2, 2, 3, 30]);
  const jobs = (await loadParity(managerA, MARCH, "job", NOW)).rows;
  expect(jobs.map((row) => row.label)).toEqual(["Designer", "Engineer"]);

  const nothing = await loadParity(interviewer, MARCH, "workspace", NOW);
  expect(nothing.rows).toHaveLength(1);
  expect(candidate(nothing.rows[0])).toEqual({
    first_reply: [0, 0, 0, null],
    next_reply: [0, 0, 0, null],
    resolution: [0, 0, 0, null],
  });
  expect((await loadParity(interviewer, MARCH, "job", NOW)).rows).toEqual([]);
});

test("filters narrow every figure", async () => {
  const [sales] = (await loadParity(admin, { ...MARCH, department: "Sales" }, "workspace", NOW)).rows;
  expect(candidate(sales)).toEqual({
    first_reply: [1, 0, 1, 45],
    next_reply: [0, 0, 0, null],
    resolution: [0, 1, 1, 1440],
  });
  const byRecruiter = await loadParity(admin, { ...MARCH, recruiterId: recruiter.id }, "job", NOW);
  expect(byRecruiter.rows.map((row) => row.label)).toEqual(["Designer", "Engineer"]);
  const oneJob = await loadParity(admin, { ...MARCH, jobId: jobIds.seller }, "department", NOW);
  expect(oneJob.rows.map((row) => row.label)).toEqual(["Sales"]);
});

test("a clock still running but not yet due at the window's end counts neither way", async () => {
  // Application 3's first-response clock started at 08:00 and is due at 09:00.
  const morning: MetricsFilters = { from: at("2026-03-09T00:00:00Z"), to: at("2026-03-09T08:30:00Z") };
  const [before] = (await loadParity(admin, morning, "workspace", NOW)).rows;
  expect(metric(before, "first_reply").candidate).toMatchObject({ met: 0, breached: 0, attainment: null });
  // The same window seen from 08:30 while the clock runs: not yet late either.
  const [live] = (await loadParity(admin, { ...morning, to: at("2026-03-10T00:00:00Z") }, "workspace", morning.to))
    .rows;
  expect(metric(live, "first_reply").candidate).toMatchObject({ met: 0, breached: 0, attainment: null });
  // Seen from 09:30 it is late.
  const [late] = (
    await loadParity(admin, { ...morning, to: at("2026-03-10T00:00:00Z") }, "workspace", at("2026-03-09T09:30:00Z"))
  ).rows;
  expect(metric(late, "first_reply").candidate).toMatchObject({ met: 0, breached: 1, attainment: 0 });
});

test("an empty window has one workspace row of nulls and says so", async () => {
  await saveCustomerBenchmark(
    { metric: "first_reply", targetMinutes: 60, attainment: 0.95, medianMinutes: 15, source: "Q1 desk" },
    admin.id,
  );
  const empty: MetricsFilters = { from: at("2025-01-01T00:00:00Z"), to: at("2025-02-01T00:00:00Z") };
  const report = await loadParity(admin, empty, "workspace", NOW);
  expect(report.rows).toHaveLength(1);
  const first = metric(report.rows[0], "first_reply");
  expect(first).toMatchObject({
    candidate: { met: 0, breached: 0, attainment: null, count: 0, medianMinutes: null, targetMinutes: null },
    medianRatio: null,
    attainmentIndex: null,
    verdict: "No candidate first replies in this period to compare",
    attainmentSentence:
      "No candidate first replies were due in this period; customers' meet their target 95% of the time",
  });
  expect((await loadParity(admin, empty, "department", NOW)).rows).toEqual([]);
});
