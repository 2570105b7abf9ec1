// What the metrics report reads instead of re-deriving from the log on every load: stage stays (StageStay) and when a
// clock's date was first shown (SlaClock.promiseShownAt). The models keep both in step touchpoint by touchpoint; here
// they are checked against hand-worked histories, against touchpoints recorded late with earlier dates, and against a
// rebuild from the log (what the migration and the benchmark's dataset write).
import { beforeAll, expect, test } from "vitest";
import { decideApplication, moveApplication, recordMessage, reopenApplication } from "~/models/application.server";
import { refreshStageStays } from "~/models/metrics/stage-stays.server";
import type { Actor } from "~/models/scope.server";
import { syncClocks } from "~/models/sla/clocks.server";
import { recordStatusView } from "~/models/status-page.server";
import { prisma } from "~/utils/db.server";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";
import { applyRoundTheClockPolicy, at } from "./dataset";

let admin: Actor;
let job: Awaited<ReturnType<typeof createTestJob>>;
const stage = (name: string) => job.stages.find((candidate) => candidate.name === name)!.id;

beforeAll(async () => {
  await applyRoundTheClockPolicy();
  admin = await createTestUser({ role: "admin" });
  job = await createTestJob({ title: "Engineer", department: "Engineering" });
});

async function stays(applicationId: string) {
  const rows = await prisma.stageStay.findMany({ where: { applicationId }, orderBy: { sequence: "asc" } });
  return rows.map((row) => ({
    sequence: row.sequence,
    jobId: row.jobId,
    stage: job.stages.find((candidate) => candidate.id === row.stageId)?.name,
    enteredAt: row.enteredAt.toISOString(),
    leftAt: row.leftAt?.toISOString() ?? null,
  }));
}

async function shownAt(applicationId: string, metric: "periodic_update" | "stage_decision" | "first_response") {
  const clocks = await prisma.slaClock.findMany({
    where: { applicationId, metric },
    orderBy: { instance: "asc" },
    select: { instance: true, promiseShownAt: true },
  });
  return clocks.map((clock) => clock.promiseShownAt?.toISOString() ?? null);
}

/** Every materialised row of the application, as a rebuild from its log writes them. */
async function rebuiltFromLog(applicationId: string) {
  const before = {
    stays: await stays(applicationId),
    clocks: await prisma.slaClock.findMany({ where: { applicationId } }),
  };
  await prisma.$transaction(async (tx) => {
    await tx.stageStay.deleteMany({ where: { applicationId } });
    await tx.slaClock.updateMany({ where: { applicationId }, data: { promiseShownAt: null } });
    await refreshStageStays(tx, [applicationId]);
    await syncClocks(tx, [applicationId]);
  });
  const after = {
    stays: await stays(applicationId),
    clocks: await prisma.slaClock.findMany({ where: { applicationId } }),
  };
  const shown = (clocks: typeof before.clocks) =>
    clocks.map((clock) => `${clock.metric} ${clock.instance} ${clock.promiseShownAt?.toISOString() ?? "-"}`).sort();
  return {
    before: { stays: before.stays, shown: shown(before.clocks) },
    after: { stays: after.stays, shown: shown(after.clocks) },
  };
}

test("a stay per stage, from the touchpoint that put the application there to the one that took it out", async () => {
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2026-03-02T10:00:00Z") });
  expect(await stays(application.id)).toEqual([
    { sequence: 1, jobId: job.id, stage: "Applied", enteredAt: "2026-03-02T10:00:00.000Z", leftAt: null },
  ]);

  await moveApplication(application.id, { stageId: stage("Screen"), occurredAt: at("2026-03-03T10:00:00Z") }, admin);
  await moveApplication(application.id, { stageId: stage("Interview"), occurredAt: at("2026-03-05T10:00:00Z") }, admin);
  await decideApplication(
    application.id,
    { outcome: "rejected", occurredAt: at("2026-03-06T10:00:00Z"), notify: false },
    admin,
  );
  expect(await stays(application.id)).toEqual([
    {
      sequence: 1,
      jobId: job.id,
      stage: "Applied",
      enteredAt: "2026-03-02T10:00:00.000Z",
      leftAt: "2026-03-03T10:00:00.000Z",
    },
    {
      sequence: 2,
      jobId: job.id,
      stage: "Screen",
      enteredAt: "2026-03-03T10:00:00.000Z",
      leftAt: "2026-03-05T10:00:00.000Z",
    },
    {
      sequence: 3,
      jobId: job.id,
      stage: "Interview",
      enteredAt: "2026-03-05T10:00:00.000Z",
      leftAt: "2026-03-06T10:00:00.000Z",
    },
  ]);

  // Reopened and moved on: the time after the rejection was undone is not a stay until the next move.
  await reopenApplication(application.id, admin);
  await moveApplication(application.id, { stageId: stage("Offer"), occurredAt: at("2026-03-09T10:00:00Z") }, admin);
  expect((await stays(application.id)).slice(3)).toEqual([
    { sequence: 4, jobId: job.id, stage: "Offer", enteredAt: "2026-03-09T10:00:00.000Z", leftAt: null },
  ]);
  expect((await rebuiltFromLog(application.id)).after.stays).toEqual(await stays(application.id));
});

test("a move recorded late with an earlier date splits the stay it falls in", async () => {
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2026-04-01T10:00:00Z") });
  await moveApplication(application.id, { stageId: stage("Interview"), occurredAt: at("2026-04-05T10:00:00Z") }, admin);
  await moveApplication(application.id, { stageId: stage("Screen"), occurredAt: at("2026-04-03T10:00:00Z") }, admin);
  // In time order the late move comes first. It was recorded leaving Interview (where the application stood then),
  // and the first stay is "where the first move left from" (docs/metrics.md), as the report always read the log.
  expect((await stays(application.id)).map(({ stage: name, enteredAt, leftAt }) => [name, enteredAt, leftAt])).toEqual([
    ["Interview", "2026-04-01T10:00:00.000Z", "2026-04-03T10:00:00.000Z"],
    ["Screen", "2026-04-03T10:00:00.000Z", "2026-04-05T10:00:00.000Z"],
    ["Interview", "2026-04-05T10:00:00.000Z", null],
  ]);
});

test("a status-page view marks the dates running then as shown, once, as a sync from the log would", async () => {
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2026-05-04T10:00:00Z") });
  // Round the clock: the regular update is due a day after applying, the stage decision two days after.
  expect(await shownAt(application.id, "periodic_update")).toEqual([null]);

  await recordStatusView(application.id, at("2026-05-04T12:00:00Z"));
  expect(await shownAt(application.id, "periodic_update")).toEqual(["2026-05-04T12:00:00.000Z"]);
  expect(await shownAt(application.id, "stage_decision")).toEqual(["2026-05-04T12:00:00.000Z"]);
  expect(await shownAt(application.id, "first_response")).toEqual([null]); // no date of it is ever shown

  // A later view keeps the first moment.
  await recordStatusView(application.id, at("2026-05-04T15:00:00Z"));
  expect(await shownAt(application.id, "periodic_update")).toEqual(["2026-05-04T12:00:00.000Z"]);

  // An email stops the regular-update clock and starts the next, whose date it carries: shown at once.
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "An update",
      automated: false,
      awaitsCandidate: false,
      occurredAt: at("2026-05-05T09:00:00Z"),
    },
    admin,
  );
  expect(await shownAt(application.id, "periodic_update")).toEqual([
    "2026-05-04T12:00:00.000Z",
    "2026-05-05T09:00:00.000Z",
  ]);
  expect(await shownAt(application.id, "stage_decision")).toEqual(["2026-05-04T12:00:00.000Z"]);

  const { before, after } = await rebuiltFromLog(application.id);
  expect(after).toEqual(before);
});

test("an email recorded late with an earlier date moves a finished clock's shown moment earlier", async () => {
  const application = await createTestApplication({ jobId: job.id, appliedAt: at("2026-06-01T10:00:00Z") });
  await recordStatusView(application.id, at("2026-06-02T08:00:00Z"));
  await moveApplication(application.id, { stageId: stage("Screen"), occurredAt: at("2026-06-02T09:00:00Z") }, admin);
  // The first stage's decision clock stopped with the move; it was shown at the view.
  expect(await shownAt(application.id, "stage_decision")).toEqual(["2026-06-02T08:00:00.000Z", null]);

  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "Hello",
      automated: false,
      awaitsCandidate: false,
      occurredAt: at("2026-06-01T11:00:00Z"),
    },
    admin,
  );
  expect((await shownAt(application.id, "stage_decision"))[0]).toBe("2026-06-01T11:00:00.000Z");
  const { before, after } = await rebuiltFromLog(application.id);
  expect(after).toEqual(before);
});
