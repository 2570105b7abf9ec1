// What the metrics report reads instead of re-deriving from the log on every load: stage stays (StageStay), how far
// each application got (Application.furthestPosition), when the candidate was told the outcome
// (Application.outcomeToldAt) and when a clock's date was first shown (SlaClock.promiseShownAt). The models keep them in
// step touchpoint by touchpoint; here they are checked against hand-worked histories, against touchpoints recorded
// late with earlier dates, and against a rebuild from the log (what the migration and the benchmark's dataset write).
import { beforeAll, expect, test } from "vitest";
import { moveApplication, recordMessage } from "~/models/application.server";
import { decideApplication, reopenApplication } from "~/models/decisions.server";
import { updateJob } from "~/models/job.server";
import { refreshOutcomeTold } from "~/models/metrics/outcome-told.server";
import { refreshStageStays } from "~/models/metrics/stage-stays.server";
import { sendCandidateMessage } from "~/models/outbox/compose.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import type { Actor } from "~/models/scope.server";
import { syncClocks } from "~/models/sla/clocks.server";
import { recordStatusView } from "~/models/status-page.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { localOutboxTransport } from "~/platform/mail.server";
import { clockNow, minutesFrom, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";
import { applyRoundTheClockPolicy, at } from "./dataset";

const DAY = 24 * 60 * 60 * 1000;
const NOW = pinClock();
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

/** How far the application got (a stage name, by the job's positions now) and when its candidate was told. */
async function applicationFacts(applicationId: string) {
  const { furthestPosition, outcomeToldAt, jobId } = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { furthestPosition: true, outcomeToldAt: true, jobId: true },
  });
  const furthest = await prisma.stage.findFirst({
    where: { jobId, position: furthestPosition ?? -1, archivedAt: null },
    select: { name: true },
  });
  return { furthest: furthest?.name ?? null, toldAt: outcomeToldAt?.toISOString() ?? null };
}

/** Every materialised row of the application, as a rebuild from its log writes them. */
async function rebuiltFromLog(applicationId: string) {
  const materialised = async () => ({
    stays: await stays(applicationId),
    facts: await applicationFacts(applicationId),
    shown: (await prisma.slaClock.findMany({ where: { applicationId } }))
      .map((clock) => `${clock.metric} ${clock.instance} ${clock.promiseShownAt?.toISOString() ?? "-"}`)
      .sort(),
  });
  const before = await materialised();
  await prisma.$transaction(async (tx) => {
    await tx.stageStay.deleteMany({ where: { applicationId } });
    await tx.slaClock.updateMany({ where: { applicationId }, data: { promiseShownAt: null } });
    await tx.application.update({
      where: { id: applicationId },
      data: { furthestPosition: null, outcomeToldAt: null },
    });
    await refreshStageStays(tx, [applicationId]);
    await refreshOutcomeTold(tx, [applicationId]);
    await syncClocks(tx, [applicationId]);
  });
  return { before, after: await materialised() };
}

const outbound = (occurredAt: Date) =>
  ({ direction: "outbound", body: "An update", automated: false, awaitsCandidate: false, occurredAt }) as const;

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
  const { before, after } = await rebuiltFromLog(application.id);
  expect(after).toEqual(before);
});

test("how far an application got: its furthest stage, kept when it moves back, renumbered with the job's stages", async () => {
  const pipeline = await createTestJob({ title: "Analyst", department: "Data" });
  const [applied, screen, interview, offer] = pipeline.stages;
  const application = await createTestApplication({ jobId: pipeline.id, appliedAt: at("2026-03-02T10:00:00Z") });
  const furthest = async () => {
    const { furthestPosition } = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    const stages = await prisma.stage.findMany({ where: { jobId: pipeline.id, archivedAt: null } });
    return stages.find((candidate) => candidate.position === furthestPosition)?.name;
  };
  expect(await furthest()).toBe("Applied");

  await moveApplication(application.id, { stageId: interview!.id, occurredAt: at("2026-03-04T10:00:00Z") }, admin);
  await moveApplication(application.id, { stageId: screen!.id, occurredAt: at("2026-03-05T10:00:00Z") }, admin);
  expect(await furthest()).toBe("Interview");

  // Interview moves to the end: still the furthest the application got, at its new position.
  const stage = (ref: typeof applied, decisionMinutes: number | null = null) => ({
    id: ref!.id,
    name: ref!.name,
    kind: ref!.kind,
    decisionMinutes,
  });
  await updateJob(
    pipeline.id,
    {
      title: "Analyst",
      department: "Data",
      status: "open",
      hiringManagerId: null,
      recruiterId: null,
      scheduleId: null,
      stages: [stage(applied), stage(screen), stage(offer), stage(interview)],
    },
    admin,
  );
  expect(await furthest()).toBe("Interview");
  const { before, after } = await rebuiltFromLog(application.id);
  expect(after).toEqual(before);
});

test("told: the first email at or after the decision, by recording or by the outbox; reopening clears it", async () => {
  const appliedAt = new Date(NOW.getTime() - 10 * DAY);
  const after = (days: number) => new Date(appliedAt.getTime() + days * DAY);
  const application = await createTestApplication({ jobId: job.id, appliedAt });
  await recordMessage(application.id, outbound(after(1)), admin);
  expect((await applicationFacts(application.id)).toldAt).toBeNull(); // open: no outcome to tell

  await decideApplication(application.id, { outcome: "rejected", occurredAt: after(2), notify: false }, admin);
  expect((await applicationFacts(application.id)).toldAt).toBeNull(); // the earlier email does not tell it
  await recordMessage(application.id, outbound(after(4)), admin);
  expect((await applicationFacts(application.id)).toldAt).toBe(after(4).toISOString());
  await recordMessage(application.id, outbound(after(3)), admin); // recorded late, dated earlier
  expect((await applicationFacts(application.id)).toldAt).toBe(after(3).toISOString());
  await reopenApplication(application.id, admin);
  expect((await applicationFacts(application.id)).toldAt).toBeNull(); // nothing to tell any more

  // Rejected now, with the automatic rejection email: told when the outbox sends it, not when it is queued.
  await ensureTemplateLibrary();
  await decideApplication(application.id, { outcome: "rejected", notify: true }, admin);
  expect((await applicationFacts(application.id)).toldAt).toBeNull();
  const { scheduledFor } = await prisma.message.findFirstOrThrow({
    where: { applicationId: application.id, status: "queued" },
    select: { scheduledFor: true },
  });
  const sentAt = new Date(scheduledFor!.getTime() + 60_000); // the humane time the outbox chose, and a minute
  await deliverDueMessages(localOutboxTransport(null), { now: () => sentAt });
  expect((await applicationFacts(application.id)).toldAt).toBe(sentAt.toISOString());

  const { before, after: rebuilt } = await rebuiltFromLog(application.id);
  expect(rebuilt).toEqual(before);
});

test("told: a rejection email sent before the rejection is recorded counts; for a hire it does not", async () => {
  await ensureTemplateLibrary();
  const template = await prisma.template.findFirstOrThrow({ where: { kind: "not_progressing", locale: "en" } });
  const tellFirst = async (outcome: "rejected" | "hired") => {
    const application = await createTestApplication({ jobId: job.id, appliedAt: new Date(NOW.getTime() - 5 * DAY) });
    const email = { subject: template.subject, body: template.body, templateId: template.id };
    await sendCandidateMessage(application.id, { ...email, awaitsCandidate: false, timing: { kind: "now" } }, admin);
    // Explicit instants: the pinned clock moves in 20 ms steps, so two "now"s read apart can still be equal.
    const sentAt = minutesFrom(clockNow(), 1);
    await deliverDueMessages(localOutboxTransport(null), { now: () => sentAt });
    const occurredAt = minutesFrom(sentAt, 1); // the decision, a minute after the email left
    await decideApplication(application.id, { outcome, occurredAt, notify: false }, admin);
    const message = await prisma.message.findFirstOrThrow({ where: { applicationId: application.id } });
    expect(message.sentAt).toEqual(sentAt);
    return { toldAt: (await applicationFacts(application.id)).toldAt, sentAt: sentAt.toISOString() };
  };
  const rejected = await tellFirst("rejected");
  expect(rejected.sentAt).toEqual(expect.any(String));
  expect(rejected.toldAt).toBe(rejected.sentAt);
  expect((await tellFirst("hired")).toldAt).toBeNull();
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
  await recordMessage(application.id, outbound(at("2026-05-05T09:00:00Z")), admin);
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
