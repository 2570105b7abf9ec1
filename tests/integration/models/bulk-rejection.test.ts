// Bulk rejection through the model layer: the request checks the selection (all or nothing) and queues a job; the
// worker rejects it in batches, one personalised, humanely timed email per candidate, each candidate once however the
// batches are interrupted; candidates changed meanwhile are skipped; undo until the first email goes out, and only
// once, also while the job runs.
import { DateTime } from "luxon";
import { beforeAll, beforeEach, expect, test } from "vitest";
import { moveApplication } from "~/models/application.server";
import { decideApplication, reopenInTransaction } from "~/models/decisions.server";
import { bulkReject, undoBulkRejection } from "~/models/bulk-rejection/queue.server";
import { getBulkRejection } from "~/models/bulk-rejection/read.server";
import { MAX_ATTEMPTS, processBulkRejectionBatch, runBulkRejectionsNow } from "~/models/bulk-rejection/work.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { database, prisma } from "~/platform/db.server";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { clockNow, minutesFrom, pinClock } from "../../clock";
import { insertApplicationsInBulk } from "../../bulk-applications";
import { createTestApplication, createTestJob, createTestUser, fakeCandidate } from "../../factories";
import type { Actor } from "~/models/scope.server";
import type { BulkRejectionInput } from "~/domain/bulk-rejection";

const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  await ensureTemplateLibrary();
});

// Each test starts on a Tuesday morning; the Friday-afternoon test pins its own instant.
let NOW: Date;
beforeEach(async () => {
  NOW = pinClock();
  // Each test's worker sees its own jobs only: any an earlier test left unfinished is set aside.
  await prisma.bulkRejection.updateMany({
    where: { status: { in: ["queued", "running", "undoing"] } },
    data: { status: "failed", error: "set aside by the tests" },
  });
});

type Person = { name: string; timeZone: string; locale?: "en" | "de"; appliedAt?: Date };

let emailCounter = 0;
async function addCandidates(jobId: string, people: Person[]) {
  const applications = [];
  for (const person of people) {
    emailCounter += 1;
    applications.push(
      await createTestApplication({
        jobId,
        candidate: {
          name: person.name,
          email: `bulk${emailCounter}@example.com`,
          timeZone: person.timeZone,
          locale: person.locale ?? "en",
        },
        appliedAt: person.appliedAt ?? new Date(NOW.getTime() - 10 * DAY),
      }),
    );
  }
  return applications;
}

async function rowCounts() {
  const [batches, messages, events, audits, rejected] = await Promise.all([
    prisma.bulkRejection.count(),
    prisma.message.count(),
    prisma.event.count(),
    prisma.auditLog.count(),
    prisma.application.count({ where: { status: "rejected" } }),
  ]);
  return { batches, messages, events, audits, rejected };
}

/** Queues a bulk rejection and lets the worker finish it; the banner's view of it. */
async function rejectNow(jobId: string, input: BulkRejectionInput, actor: Actor) {
  const queued = await bulkReject(jobId, input, actor);
  await runBulkRejectionsNow();
  return (await getBulkRejection(queued.id, actor))!;
}

/** Accepts an undo and lets the worker bring everyone back. */
async function undoNow(bulkId: string, actor: Actor) {
  const accepted = await undoBulkRejection(bulkId, actor);
  await runBulkRejectionsNow();
  return accepted;
}

function localOf(instant: Date, timeZone: string) {
  return DateTime.fromJSDate(instant, { zone: timeZone });
}

test("rejects every selected candidate and queues each their own email inside their Mon–Thu 09:00–17:00", async () => {
  const recruiter = await createTestUser({ role: "recruiter", name: "Priya Raman" });
  const job = await createTestJob({ title: "Data Analyst", recruiterId: recruiter.id });
  const people: Person[] = [
    { name: "Lena Vogel", timeZone: "Europe/Berlin", locale: "de" },
    { name: "Sam Carter", timeZone: "America/Los_Angeles" },
    { name: "Aditi Rao", timeZone: "Asia/Kolkata" },
    // Applied a moment ago: the minimum delay after applying holds them back a day at least.
    { name: "Tom Baker", timeZone: "Europe/London", appliedAt: clockNow() },
  ];
  const applications = await addCandidates(job.id, people);
  await moveApplication(applications[1]!.id, { stageId: job.stages[1]!.id }, recruiter);

  const result = await rejectNow(
    job.id,
    {
      applicationIds: applications.map((application) => application.id),
      reason: "The role went to an internal candidate",
      templateKind: "rejection_after_screen",
    },
    recruiter,
  );

  expect(result).toMatchObject({ count: 4, rejected: 4, skipped: [], status: "done" });
  const batch = await prisma.bulkRejection.findUniqueOrThrow({ where: { id: result.id } });
  expect(batch).toMatchObject({
    createdById: recruiter.id,
    reason: "The role went to an internal candidate",
    templateKind: "rejection_after_screen",
    undoneAt: null,
    status: "done",
    total: 4,
    done: 4,
  });
  expect([...(batch.applicationIds as string[])].sort()).toEqual(applications.map((a) => a.id).sort());

  const messages = await prisma.message.findMany({
    where: { bulkRejectionId: result.id },
    include: { application: { include: { candidate: true } } },
  });
  expect(messages).toHaveLength(4);
  expect(new Set(messages.map((message) => message.applicationId))).toEqual(new Set(applications.map((a) => a.id)));
  for (const message of messages) {
    const { candidate, appliedAt, status, outcomeReason } = message.application!;
    expect(status).toBe("rejected");
    expect(outcomeReason).toBe("The role went to an internal candidate");
    expect(message).toMatchObject({ status: "queued", kind: "rejection_after_screen", direction: "outbound" });
    // Personal: addressed to this candidate and greeting them by name, in their language, from the recruiter.
    expect(message.toAddress).toContain(candidate.email);
    expect(message.bodyText).toContain(candidate.name.split(" ")[0]);
    expect(message.fromAddress).toContain("Priya Raman");
    const local = localOf(message.scheduledFor!, candidate.timeZone);
    expect(local.weekday, `${candidate.name}: ${local.toISO()}`).toBeLessThanOrEqual(4); // Mon–Thu
    expect(local.hour, `${candidate.name}: ${local.toISO()}`).toBeGreaterThanOrEqual(9);
    expect(local.hour, `${candidate.name}: ${local.toISO()}`).toBeLessThan(17);
    expect(message.scheduledFor!.getTime()).toBeGreaterThanOrEqual(appliedAt.getTime() + DAY);
  }
  const german = messages.find((message) => message.application!.candidate.name === "Lena Vogel")!;
  expect(german.bodyText).toMatch(/Lena/);
  expect(german.subject).not.toBe(messages.find((m) => m.application!.candidate.name === "Sam Carter")!.subject);

  const times = messages.map((message) => message.scheduledFor!.getTime());
  expect(result.earliestSendAt).toEqual(new Date(Math.min(...times)));
  expect(result.latestSendAt).toEqual(new Date(Math.max(...times)));
  expect(result.firstLocalSend).toMatch(/^(Mon|Tue|Wed|Thu) \d{1,2} [A-Z][a-z]{2}( \d{4})?, (09|1[0-6]):\d\d$/);
  expect(
    await prisma.event.count({
      where: { applicationId: { in: applications.map((a) => a.id) }, type: "decision" },
    }),
  ).toBe(4);
  expect(await prisma.auditLog.count({ where: { entityId: result.id, action: "bulk_rejection.created" } })).toBe(1);
});

test("on a Friday afternoon the emails wait for Monday 09:00 on each candidate's clock", async () => {
  // Friday 20 November 2026, 15:30 UTC: 16:30 in Berlin, 10:30 in New York, already Saturday 00:30 in Tokyo.
  pinClock("2026-11-20T15:30:00Z");
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(job.id, [
    { name: "Berlin Person", timeZone: "Europe/Berlin", appliedAt: new Date("2026-11-16T10:00:00Z") },
    { name: "New York Person", timeZone: "America/New_York", appliedAt: new Date("2026-11-16T10:00:00Z") },
    { name: "Tokyo Person", timeZone: "Asia/Tokyo", appliedAt: new Date("2026-11-20T15:00:00Z") },
  ]);

  const result = await rejectNow(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" },
    recruiter,
  );

  const scheduled = new Map(
    (
      await prisma.message.findMany({
        where: { bulkRejectionId: result.id },
        select: { applicationId: true, scheduledFor: true },
      })
    ).map((message) => [message.applicationId, message.scheduledFor!.toISOString()]),
  );
  expect(scheduled.get(applications[0]!.id)).toBe("2026-11-23T08:00:00.000Z"); // Mon 09:00 in Berlin
  expect(scheduled.get(applications[1]!.id)).toBe("2026-11-23T14:00:00.000Z"); // Mon 09:00 in New York
  expect(scheduled.get(applications[2]!.id)).toBe("2026-11-23T00:00:00.000Z"); // Mon 09:00 in Tokyo
  expect(result.earliestSendAt).toEqual(new Date("2026-11-23T00:00:00Z"));
  expect(result.latestSendAt).toEqual(new Date("2026-11-23T14:00:00Z"));
  expect(result.firstLocalSend).toBe("Mon 23 Nov, 09:00");
});

test("one application that is no longer active refuses the whole batch, naming the candidate; nothing is written", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(job.id, [
    { name: "Ada Active", timeZone: "UTC" },
    { name: "Rhea Rejected", timeZone: "UTC" },
    { name: "Bea Active", timeZone: "UTC" },
  ]);
  await decideApplication(applications[1]!.id, { outcome: "rejected", notify: false }, recruiter);
  const before = await rowCounts();

  const attempt = bulkReject(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" },
    recruiter,
  );
  await expect(attempt).rejects.toThrow(ConflictError);
  await expect(attempt).rejects.toThrow(
    "Nothing was rejected: Rhea Rejected was already rejected. Deselect them and try again.",
  );
  expect(await rowCounts()).toEqual(before);
  const statuses = await prisma.application.findMany({
    where: { id: { in: [applications[0]!.id, applications[2]!.id] } },
    select: { status: true },
  });
  expect(statuses).toEqual([{ status: "active" }, { status: "active" }]);
});

test("an application of another job refuses the whole batch, naming the candidate; nothing is written", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const otherJob = await createTestJob({ recruiterId: recruiter.id });
  const [ours] = await addCandidates(job.id, [{ name: "Olga Ours", timeZone: "UTC" }]);
  const [theirs] = await addCandidates(otherJob.id, [{ name: "Theo Theirs", timeZone: "UTC" }]);
  const before = await rowCounts();

  await expect(
    bulkReject(job.id, { applicationIds: [ours!.id, theirs!.id], templateKind: "not_progressing" }, recruiter),
  ).rejects.toThrow("Nothing was rejected: Theo Theirs applied for another job. Deselect them and try again.");
  await expect(
    bulkReject(
      job.id,
      { applicationIds: [ours!.id, "no-such-application"], templateKind: "not_progressing" },
      recruiter,
    ),
  ).rejects.toThrow(/1 of the selected applications does not exist/);
  expect(await rowCounts()).toEqual(before);
});

test("a candidate who cannot be written to refuses the batch half-way, and the transaction leaves nothing behind", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(job.id, [
    { name: "Aaron First", timeZone: "UTC" },
    { name: "Erin Erased", timeZone: "UTC" },
  ]);
  await prisma.candidate.update({
    where: { id: applications[1]!.candidateId },
    data: { erasedAt: clockNow() },
  });
  const before = await rowCounts();

  await expect(
    bulkReject(job.id, { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" }, recruiter),
  ).rejects.toThrow(/^Nothing was rejected: Erin Erased could not be rejected: .*erased/);
  expect(await rowCounts()).toEqual(before);
});

test("invalid input and people without the right to decide are refused", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const interviewer = await createTestUser({ role: "interviewer" });
  const manager = await createTestUser({ role: "hiring_manager" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const [application] = await addCandidates(job.id, [{ name: "Ivy Input", timeZone: "UTC" }]);

  await expect(bulkReject(job.id, { applicationIds: [], templateKind: "not_progressing" }, recruiter)).rejects.toThrow(
    InvalidInputError,
  );
  await expect(
    bulkReject(job.id, { applicationIds: [application!.id], templateKind: "offer" as never }, recruiter),
  ).rejects.toThrow("Choose which rejection email the candidates get.");
  await expect(
    bulkReject(job.id, { applicationIds: [application!.id], templateKind: "not_progressing" }, interviewer),
  ).rejects.toThrow(ForbiddenError);
  // A hiring manager decides on their own jobs only: this one is not theirs.
  await expect(
    bulkReject(job.id, { applicationIds: [application!.id], templateKind: "not_progressing" }, manager),
  ).rejects.toThrow(NotFoundError);
  expect((await prisma.application.findUniqueOrThrow({ where: { id: application!.id } })).status).toBe("active");
});

test("undo brings every candidate back in their stage and cancels the waiting emails", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(job.id, [
    { name: "Uma One", timeZone: "Europe/Berlin" },
    { name: "Udo Two", timeZone: "America/Chicago" },
    { name: "Una Three", timeZone: "Australia/Sydney" },
  ]);
  await moveApplication(applications[2]!.id, { stageId: job.stages[2]!.id }, recruiter);
  const { id } = await rejectNow(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "rejection_after_interview" },
    recruiter,
  );

  const pending = await getBulkRejection(id, recruiter);
  expect(pending).toMatchObject({
    count: 3,
    undoneAt: null,
    reopened: 0,
    emails: { queued: 3, sent: 0, cancelled: 0, total: 3 },
    undo: { possible: true },
  });

  await expect(undoNow(id, recruiter)).resolves.toMatchObject({ id, jobId: job.id, toReopen: 3 });

  const after = await prisma.application.findMany({
    where: { id: { in: applications.map((a) => a.id) } },
    orderBy: { appliedAt: "asc" },
    select: { id: true, status: true, stageId: true, closedAt: true, outcomeReason: true },
  });
  expect(after.map((application) => application.status)).toEqual(["active", "active", "active"]);
  expect(after.find((a) => a.id === applications[2]!.id)!.stageId).toBe(job.stages[2]!.id);
  expect(after.every((a) => a.closedAt === null && a.outcomeReason === null)).toBe(true);
  expect(
    await prisma.message.groupBy({ by: ["status"], where: { bulkRejectionId: id }, _count: { _all: true } }),
  ).toEqual([{ status: "cancelled", _count: { _all: 3 } }]);
  expect(
    await prisma.event.count({
      where: {
        type: "reopened",
        applicationId: { in: applications.map((a) => a.id) },
        data: { equals: { undoes: id } },
      },
    }),
  ).toBe(3);

  const undone = await getBulkRejection(id, recruiter);
  expect(undone).toMatchObject({
    reopened: 3,
    emails: { queued: 0, cancelled: 3 },
    undo: { possible: false, message: "This bulk rejection was already undone; nothing was changed." },
  });
  expect(undone!.undoneAt).toBeInstanceOf(Date);
});

test("undo is refused as a whole once one email has gone out", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(job.id, [
    { name: "Sid Sent", timeZone: "UTC" },
    { name: "Wes Waiting", timeZone: "UTC" },
    { name: "Wil Waiting", timeZone: "UTC" },
  ]);
  const { id } = await rejectNow(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" },
    recruiter,
  );
  await prisma.message.updateMany({
    where: { bulkRejectionId: id, applicationId: applications[0]!.id },
    data: { status: "sent", sentAt: clockNow() },
  });

  await expect(undoBulkRejection(id, recruiter)).rejects.toThrow(
    "1 of the 3 rejection emails has already gone out, so this bulk rejection can no longer be undone. Nothing was changed.",
  );
  const statuses = await prisma.application.findMany({
    where: { id: { in: applications.map((a) => a.id) } },
    select: { status: true },
  });
  expect(statuses.map((application) => application.status)).toEqual(["rejected", "rejected", "rejected"]);
  expect(await prisma.message.count({ where: { bulkRejectionId: id, status: "queued" } })).toBe(2);
  expect((await prisma.bulkRejection.findUniqueOrThrow({ where: { id } })).undoneAt).toBeNull();
  expect(await getBulkRejection(id, recruiter)).toMatchObject({
    emails: { queued: 2, sent: 1 },
    undo: { possible: false, message: expect.stringContaining("1 of the 3 rejection emails has already gone out") },
  });

  // A message the worker is sending right now counts as gone.
  await prisma.message.updateMany({
    where: { bulkRejectionId: id, applicationId: applications[0]!.id },
    data: { status: "sending" },
  });
  await expect(undoBulkRejection(id, recruiter)).rejects.toThrow(/^1 of the 3 rejection emails has already gone out/);
});

test("undoing twice is a conflict; an unknown batch or another's job is not found", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const manager = await createTestUser({ role: "hiring_manager" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(job.id, [{ name: "Tia Twice", timeZone: "UTC" }]);
  const { id } = await rejectNow(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" },
    recruiter,
  );

  await expect(undoBulkRejection(id, manager)).rejects.toThrow(NotFoundError);
  expect(await getBulkRejection(id, manager)).toBeNull();
  await undoNow(id, recruiter);
  const before = await rowCounts();
  await expect(undoBulkRejection(id, recruiter)).rejects.toThrow(
    new ConflictError("This bulk rejection was already undone; nothing was changed."),
  );
  expect(await rowCounts()).toEqual(before);
  await expect(undoBulkRejection("no-such-batch", recruiter)).rejects.toThrow(NotFoundError);
});

test("a candidate reopened by hand since is left alone by the undo", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(job.id, [
    { name: "Hana Hand", timeZone: "UTC" },
    { name: "Bert Batch", timeZone: "UTC" },
  ]);
  const { id } = await rejectNow(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" },
    recruiter,
  );
  // Reopened by hand, then rejected again on their own: that rejection is not the batch's to undo.
  await prisma.$transaction((tx) => reopenInTransaction(tx, applications[0]!.id, recruiter));
  await decideApplication(applications[0]!.id, { outcome: "rejected", notify: true }, recruiter);

  await expect(undoNow(id, recruiter)).resolves.toMatchObject({ toReopen: 1 });
  const [hand, batch] = await Promise.all(
    applications.map((a) => prisma.application.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })),
  );
  expect(hand!.status).toBe("rejected");
  expect(batch!.status).toBe("active");
  expect(
    await prisma.message.count({
      where: { applicationId: applications[0]!.id, status: "queued", bulkRejectionId: null },
    }),
  ).toBe(1);
});

test("two hundred candidates are queued at once and rejected by the worker in batches", async () => {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const appliedAt = new Date(NOW.getTime() - 20 * DAY);
  const ids = await insertApplicationsInBulk(
    Array.from({ length: 200 }, () => ({
      jobId: job.id,
      candidate: fakeCandidate(),
      appliedAt,
      createdById: null,
      steps: [],
    })),
  );

  // The request only checks and queues; the worker rejects them a batch at a time.
  const result = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
  expect(result).toMatchObject({ count: 200, status: "queued" });
  expect(await prisma.application.count({ where: { jobId: job.id, status: "rejected" } })).toBe(0);
  expect(await prisma.message.count({ where: { bulkRejectionId: result.id } })).toBe(0);

  const reports = await runBulkRejectionsNow();
  expect(reports.length).toBeGreaterThanOrEqual(4); // batches of 50 at most
  expect(await prisma.message.count({ where: { bulkRejectionId: result.id, status: "queued" } })).toBe(200);
  expect(await prisma.application.count({ where: { jobId: job.id, status: "rejected" } })).toBe(200);
  await expect(undoNow(result.id, recruiter)).resolves.toMatchObject({ toReopen: 200 });
  expect(await prisma.application.count({ where: { jobId: job.id, status: "active" } })).toBe(200);
}, 120_000);

/** How often each application was decided, and emailed, by anyone. */
async function timesDecidedAndEmailed(applicationIds: string[]) {
  const [events, messages] = await Promise.all([
    prisma.event.groupBy({
      by: ["applicationId"],
      where: { applicationId: { in: applicationIds }, type: "decision" },
      _count: { _all: true },
    }),
    prisma.message.groupBy({
      by: ["applicationId"],
      where: { applicationId: { in: applicationIds }, direction: "outbound", kind: "not_progressing" },
      _count: { _all: true },
    }),
  ]);
  const count = (rows: { applicationId: string | null; _count: { _all: number } }[], id: string) =>
    rows.find((row) => row.applicationId === id)?._count._all ?? 0;
  return applicationIds.map((id) => ({ decided: count(events, id), emailed: count(messages, id) }));
}

async function fiveCandidates(names = ["Abe", "Bo", "Cy", "Di", "Ed"]) {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({ recruiterId: recruiter.id });
  const applications = await addCandidates(
    job.id,
    names.map((name) => ({ name: `${name} Five`, timeZone: "UTC" })),
  );
  return { recruiter, job, ids: applications.map((application) => application.id).sort() };
}

test("the request writes only the queued job; the worker's batches reject each candidate once, with one email", async () => {
  const { recruiter, job, ids } = await fiveCandidates();
  const before = await rowCounts();
  const queued = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);

  expect(queued).toMatchObject({ jobId: job.id, count: 5, status: "queued" });
  const after = await rowCounts();
  expect(after).toEqual({ ...before, batches: before.batches + 1, audits: before.audits + 1 });
  expect(await getBulkRejection(queued.id, recruiter)).toMatchObject({
    status: "queued",
    progress: { status: "queued", done: 0, total: 5 },
    rejected: 0,
    emails: { total: 0 },
    undo: { possible: true },
  });

  const progress: number[] = [];
  for (;;) {
    const report = await processBulkRejectionBatch({ batchSize: 2 });
    if (!report) break;
    expect(report).toMatchObject({ id: queued.id, phase: "reject", failed: false });
    progress.push((await prisma.bulkRejection.findUniqueOrThrow({ where: { id: queued.id } })).done);
  }
  expect(progress).toEqual([2, 4, 5]);
  expect(await timesDecidedAndEmailed(ids)).toEqual(ids.map(() => ({ decided: 1, emailed: 1 })));
  const done = await prisma.bulkRejection.findUniqueOrThrow({ where: { id: queued.id } });
  expect(done).toMatchObject({ status: "done", done: 5, total: 5, attempts: 0, error: null });
  expect(done.startedAt).toBeInstanceOf(Date);
  expect(done.finishedAt).toBeInstanceOf(Date);
  // Nothing left: the worker finds no more work, and another run changes nothing.
  expect(await runBulkRejectionsNow()).toEqual([]);
  expect(await timesDecidedAndEmailed(ids)).toEqual(ids.map(() => ({ decided: 1, emailed: 1 })));
});

/** Makes the database refuse the worker's cursor move of this job, as a crash at the end of a batch would lose it. */
async function refuseCursorMoves(bulkId: string) {
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION refuse_cursor_move() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.id = '${bulkId}' AND NEW.done > OLD.done THEN RAISE EXCEPTION 'the batch was interrupted'; END IF;
      RETURN NEW;
    END $$`);
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_cursor_move BEFORE UPDATE ON "BulkRejection" FOR EACH ROW EXECUTE FUNCTION refuse_cursor_move()`,
  );
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_cursor_move ON "BulkRejection"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_cursor_move()`);
  };
}

test("a batch interrupted at its end leaves nothing behind; the job resumes at that batch and rejects each once", async () => {
  const { recruiter, job, ids } = await fiveCandidates();
  const { id } = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
  await processBulkRejectionBatch({ batchSize: 2 });

  const allow = await refuseCursorMoves(id);
  let report;
  try {
    report = await processBulkRejectionBatch({ batchSize: 2 });
  } finally {
    await allow();
  }
  expect(report).toMatchObject({ id, failed: true, finished: false });
  // The second batch's rejections, emails and touchpoints went with its transaction.
  const row = await prisma.bulkRejection.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: "running", done: 2, attempts: 1 });
  expect(row.error).toMatch(/interrupted|error/i);
  expect(await timesDecidedAndEmailed(ids)).toEqual([1, 1, 0, 0, 0].map((n) => ({ decided: n, emailed: n })));
  expect(await prisma.application.count({ where: { id: { in: ids }, status: "active" } })).toBe(3);

  // Not retried before its pause is over; then it goes on from the third candidate.
  expect(await processBulkRejectionBatch({ batchSize: 2 })).toBeNull();
  const later = () => minutesFrom(clockNow(), 1);
  await runBulkRejectionsNow({ batchSize: 2, now: later });
  expect(await prisma.bulkRejection.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "done",
    done: 5,
    attempts: 0,
    error: null,
  });
  expect(await timesDecidedAndEmailed(ids)).toEqual(ids.map(() => ({ decided: 1, emailed: 1 })));
});

test("a batch that keeps failing marks the job failed for the recruiter; what was done stays done and can be undone", async () => {
  const { recruiter, job, ids } = await fiveCandidates();
  const { id } = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
  await processBulkRejectionBatch({ batchSize: 2 });

  const allow = await refuseCursorMoves(id);
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const report = await processBulkRejectionBatch({ batchSize: 2, now: () => minutesFrom(clockNow(), attempt) });
      expect(report).toMatchObject({ failed: true, finished: attempt === MAX_ATTEMPTS });
    }
  } finally {
    await allow();
  }
  expect(await runBulkRejectionsNow({ now: () => minutesFrom(clockNow(), 10) })).toEqual([]);
  const failed = await getBulkRejection(id, recruiter);
  expect(failed).toMatchObject({
    status: "failed",
    rejected: 2,
    progress: { done: 2, total: 5 },
    emails: { queued: 2, total: 2 },
    undo: { possible: true },
  });
  expect(failed!.error).toBeTruthy();
  expect(failed!.finishedAt).toBeInstanceOf(Date);
  // The rest may be selected again: a failed job holds no candidates.
  const again = await bulkReject(job.id, { applicationIds: ids.slice(2), templateKind: "not_progressing" }, recruiter);
  await undoNow(id, recruiter);
  expect(await getBulkRejection(id, recruiter)).toMatchObject({ status: "undone", reopened: 2 });
  await runBulkRejectionsNow();
  expect(await prisma.bulkRejection.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ status: "done" });
  expect(await prisma.application.count({ where: { id: { in: ids }, status: "active" } })).toBe(2);
});

test("candidates who withdrew, or were decided by hand, before the worker reached them are skipped and named", async () => {
  const admin = await createTestUser({ role: "admin" });
  const { recruiter, job, ids } = await fiveCandidates(["Ann", "Ben", "Cat", "Dan", "Eve"]);
  const { id } = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
  // Meanwhile: one withdraws, one is rejected by hand (their own email), one is hired.
  await decideApplication(ids[0]!, { outcome: "withdrawn", notify: false }, recruiter);
  await decideApplication(ids[1]!, { outcome: "rejected", notify: true }, recruiter);
  await decideApplication(ids[3]!, { outcome: "hired", notify: false }, admin);

  await runBulkRejectionsNow({ batchSize: 2 });

  const batch = await getBulkRejection(id, recruiter);
  expect(batch).toMatchObject({ status: "done", count: 5, rejected: 2, emails: { queued: 2, total: 2 } });
  const names = new Map(
    (await prisma.application.findMany({ where: { id: { in: ids } }, select: { id: true, candidate: true } })).map(
      (application) => [application.id, application.candidate.name],
    ),
  );
  expect(batch!.skipped).toEqual([
    { applicationId: ids[0], reason: "withdrawn", name: names.get(ids[0]!) },
    { applicationId: ids[1], reason: "rejected", name: names.get(ids[1]!) },
    { applicationId: ids[3], reason: "hired", name: names.get(ids[3]!) },
  ]);
  // The one rejected by hand: one decision, one email (their own, not the batch's).
  expect((await timesDecidedAndEmailed([ids[1]!]))[0]).toEqual({ decided: 1, emailed: 1 });
  expect(await prisma.message.count({ where: { applicationId: ids[1]!, bulkRejectionId: id } })).toBe(0);
  const statuses = await prisma.application.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    select: { status: true },
  });
  expect(statuses.map((a) => a.status)).toEqual(["withdrawn", "rejected", "rejected", "hired", "rejected"]);
});

test("a selection another bulk rejection is still working on is refused, naming the candidates", async () => {
  const { recruiter, job, ids } = await fiveCandidates(["Fay", "Gil", "Hal", "Ivo", "Jo"]);
  await bulkReject(job.id, { applicationIds: ids.slice(0, 3), templateKind: "not_progressing" }, recruiter);
  const name = (await prisma.application.findUniqueOrThrow({ where: { id: ids[2]! }, include: { candidate: true } }))
    .candidate.name;

  await expect(
    bulkReject(job.id, { applicationIds: ids.slice(2), templateKind: "not_progressing" }, recruiter),
  ).rejects.toThrow(
    `Nothing was rejected: ${name} is already being rejected by another bulk rejection. Deselect them and try again.`,
  );
  await expect(
    bulkReject(job.id, { applicationIds: ids.slice(3), templateKind: "not_progressing" }, recruiter),
  ).resolves.toMatchObject({ count: 2 });
});

test("undo while the job runs stops it and brings back those done, in one step; the rest are never rejected", async () => {
  const { recruiter, job, ids } = await fiveCandidates();
  const { id } = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
  await processBulkRejectionBatch({ batchSize: 2 });

  const accepted = await undoBulkRejection(id, recruiter);
  expect(accepted).toMatchObject({ id, status: "undoing", toReopen: 2 });
  // Accepted means final: every email of the job is cancelled before any candidate is back, so none can go out.
  expect(await prisma.message.groupBy({ by: ["status"], where: { bulkRejectionId: id }, _count: true })).toEqual([
    { status: "cancelled", _count: 2 },
  ]);
  expect(await getBulkRejection(id, recruiter)).toMatchObject({
    status: "undoing",
    progress: { status: "undoing", done: 0, total: 2 },
    undo: { possible: false, message: "This bulk rejection is already being undone; nothing more was changed." },
  });
  await expect(undoBulkRejection(id, recruiter)).rejects.toThrow(ConflictError);

  const reports = await runBulkRejectionsNow({ batchSize: 1 });
  expect(reports.map((report) => report.phase)).toEqual(["undo", "undo"]);
  expect(await prisma.application.count({ where: { id: { in: ids }, status: "active" } })).toBe(5);
  expect(await timesDecidedAndEmailed(ids)).toEqual([1, 1, 0, 0, 0].map((n) => ({ decided: n, emailed: n })));
  const undone = await getBulkRejection(id, recruiter);
  expect(undone).toMatchObject({ status: "undone", reopened: 2, progress: { done: 2, total: 2 } });
  expect(undone!.undoneAt).toBeInstanceOf(Date);
  // The job never picks up again.
  expect(await runBulkRejectionsNow()).toEqual([]);
  expect((await prisma.bulkRejection.findUniqueOrThrow({ where: { id } })).done).toBe(2);
});

test("undo of a job the worker has not started cancels it at once", async () => {
  const { recruiter, job, ids } = await fiveCandidates();
  const { id } = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
  await expect(undoBulkRejection(id, recruiter)).resolves.toMatchObject({ status: "undone", toReopen: 0 });
  expect(await runBulkRejectionsNow()).toEqual([]);
  expect(await prisma.application.count({ where: { id: { in: ids }, status: "active" } })).toBe(5);
  expect(await getBulkRejection(id, recruiter)).toMatchObject({ status: "undone", reopened: 0 });
});

test("a candidate reopened by hand after the undo was accepted, and rejected again, is left to that decision", async () => {
  const { recruiter, job, ids } = await fiveCandidates();
  const { id } = await rejectNow(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
  await undoBulkRejection(id, recruiter);
  await prisma.$transaction((tx) => reopenInTransaction(tx, ids[0]!, recruiter));
  await decideApplication(ids[0]!, { outcome: "rejected", notify: true }, recruiter);

  await runBulkRejectionsNow();
  const statuses = await prisma.application.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    select: { status: true },
  });
  expect(statuses.map((a) => a.status)).toEqual(["rejected", "active", "active", "active", "active"]);
  expect(await getBulkRejection(id, recruiter)).toMatchObject({ status: "undone", reopened: 4 });
});

test.runIf(database.kind === "postgres")(
  "a job whose batch another instance holds is skipped, not waited for",
  async () => {
    const { recruiter, job, ids } = await fiveCandidates();
    const { id } = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another instance's batch: the job's row locked in an open transaction.
    const other = prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "BulkRejection" WHERE id = ${id} FOR UPDATE`;
      locked();
      await held;
    });
    await isLocked;
    try {
      expect(await processBulkRejectionBatch({ batchSize: 2 })).toBeNull();
    } finally {
      release();
      await other;
    }
    expect(await processBulkRejectionBatch({ batchSize: 2 })).toMatchObject({ id, worked: 2 });
  },
);
