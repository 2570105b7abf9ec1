// The metrics benchmark's generator (bench/datasets/metrics.ts) writes SLA clocks with set-based SQL instead of the
// clock engine. Here a small dataset is replayed through the engine (app/models/sla/clocks.server.ts): every stored
// clock must be the row the engine computes from the same events, policy and schedule, so the benchmark measures the
// metrics over clocks the app itself would have written.
import { beforeAll, expect, test } from "vitest";
import { clockRow } from "~/domain/sla/clock-writes";
import { refreshOutcomeTold } from "~/models/metrics/outcome-told.server";
import { refreshStageStays } from "~/models/metrics/stage-stays.server";
import { computeApplicationsClocks } from "~/models/sla/clocks.server";
import { prisma } from "~/platform/db.server";
import { createMetricsDataset, type MetricsDataset } from "../../bench/datasets/metrics";

const APPLICATIONS = 1_500;
const EVENTS = 30_000;
const NOW = new Date("2026-11-30T10:00:00Z");

let dataset: MetricsDataset;

beforeAll(async () => {
  dataset = await createMetricsDataset({ applications: APPLICATIONS, events: EVENTS, now: NOW });
}, 120_000);

const key = (row: { applicationId: string; metric: string; instance: number }) =>
  `${row.applicationId} ${row.metric} ${row.instance}`;

test("writes the requested number of applications and events, deterministically", async () => {
  expect(dataset.counts).toMatchObject({ applications: APPLICATIONS, events: EVENTS, jobs: 40 });
  const [summary] = await prisma.$queryRaw<{ active: number; hired: number; surveyed: number; closed: number }[]>`
    SELECT count(*) FILTER (WHERE status = 'active')::int AS active, count(*) FILTER (WHERE status = 'hired')::int AS hired,
           (SELECT count(*) FROM "SurveyResponse")::int AS surveyed, count(*) FILTER (WHERE status <> 'active')::int AS closed
      FROM "Application"`;
  // Fixed by the seed: the same numbers on every run and on both databases.
  expect(summary).toEqual({ active: 113, hired: 51, surveyed: 137, closed: 1387 });
});

test("every stored clock is the row the clock engine computes from the events", async () => {
  const applicationIds = (await prisma.application.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (application) => application.id,
  );
  const computed = new Map(
    (await computeApplicationsClocks(prisma, applicationIds, NOW)).flatMap(
      ({ applicationId, inForce, clocks, touchpoints }) =>
        clocks.map((clock) => {
          const row = clockRow(applicationId, inForce.policyId, clock, touchpoints);
          return [key(row), row] as const;
        }),
    ),
  );
  const stored = await prisma.slaClock.findMany();
  expect(stored.length).toBe(computed.size);
  const differences: string[] = [];
  for (const clock of stored) {
    const expected = computed.get(key(clock));
    const actual = {
      applicationId: clock.applicationId,
      metric: clock.metric,
      instance: clock.instance,
      state: clock.state,
      startedAt: clock.startedAt.getTime(),
      dueAt: clock.dueAt?.getTime() ?? null,
      warnAt: clock.warnAt?.getTime() ?? null,
      stoppedAt: clock.stoppedAt?.getTime() ?? null,
      breached: clock.breached,
      businessHours: clock.businessHours,
      targetMinutes: clock.targetMinutes,
      remainingMinutes: clock.remainingMinutes,
      stageId: clock.stageId,
      interviewId: clock.interviewId,
      policyId: clock.policyId,
      promiseShownAt: clock.promiseShownAt?.getTime() ?? null,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      differences.push(`${key(clock)}: stored ${JSON.stringify(actual)}, engine ${JSON.stringify(expected)}`);
    }
  }
  expect(differences.slice(0, 5)).toEqual([]);
}, 60_000);

test("how far each application got and when its candidate was told are what the models' refresh writes", async () => {
  const facts = () =>
    prisma.application.findMany({
      orderBy: { id: "asc" },
      select: { id: true, furthestPosition: true, outcomeToldAt: true },
    });
  const stored = await facts();
  expect(stored.filter((row) => row.outcomeToldAt !== null).length).toBeGreaterThan(0);
  await prisma.$transaction(
    async (tx) => {
      await tx.application.updateMany({ data: { furthestPosition: null, outcomeToldAt: null } });
      const ids = stored.map((row) => row.id);
      await refreshStageStays(tx, ids);
      await refreshOutcomeTold(tx, ids);
    },
    { timeout: 60_000 },
  );
  expect(await facts()).toEqual(stored);
}, 60_000);
