// Bulk rejection through the model layer: one personalised, humanely timed email per candidate; all or nothing on the
// way in; undo until the first email goes out, and only once.
import { DateTime } from "luxon";
import { beforeAll, beforeEach, expect, test } from "vitest";
import { decideApplication, moveApplication, reopenInTransaction } from "~/models/application.server";
import { bulkReject, getBulkRejection, undoBulkRejection } from "~/models/bulk-rejection.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { clockNow, pinClock } from "../../clock";
import { insertApplicationsInBulk } from "../../bulk-applications";
import { createTestApplication, createTestJob, createTestUser, fakeCandidate } from "../../factories";

const DAY = 24 * 60 * 60_000;

beforeAll(async () => {
  await ensureTemplateLibrary();
});

// Each test starts on a Tuesday morning; the Friday-afternoon test pins its own instant.
let NOW: Date;
beforeEach(() => {
  NOW = pinClock();
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

  const result = await bulkReject(
    job.id,
    {
      applicationIds: applications.map((application) => application.id),
      reason: "The role went to an internal candidate",
      templateKind: "rejection_after_screen",
    },
    recruiter,
  );

  expect(result.count).toBe(4);
  const batch = await prisma.bulkRejection.findUniqueOrThrow({ where: { id: result.id } });
  expect(batch).toMatchObject({
    createdById: recruiter.id,
    reason: "The role went to an internal candidate",
    templateKind: "rejection_after_screen",
    undoneAt: null,
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

  const result = await bulkReject(
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
  const { id } = await bulkReject(
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

  await expect(undoBulkRejection(id, recruiter)).resolves.toMatchObject({ id, jobId: job.id, reopened: 3 });

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
  const { id } = await bulkReject(
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
  const { id } = await bulkReject(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" },
    recruiter,
  );

  await expect(undoBulkRejection(id, manager)).rejects.toThrow(NotFoundError);
  expect(await getBulkRejection(id, manager)).toBeNull();
  await undoBulkRejection(id, recruiter);
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
  const { id } = await bulkReject(
    job.id,
    { applicationIds: applications.map((a) => a.id), templateKind: "not_progressing" },
    recruiter,
  );
  // Reopened by hand, then rejected again on their own: that rejection is not the batch's to undo.
  await prisma.$transaction((tx) => reopenInTransaction(tx, applications[0]!.id, recruiter));
  await decideApplication(applications[0]!.id, { outcome: "rejected", notify: true }, recruiter);

  await expect(undoBulkRejection(id, recruiter)).resolves.toMatchObject({ reopened: 1 });
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

test("two hundred candidates are rejected in one go", async () => {
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

  // About 11 s on the embedded database: inside the transaction's timeout, which is what this guards.
  const result = await bulkReject(job.id, { applicationIds: ids, templateKind: "not_progressing" }, recruiter);

  expect(result.count).toBe(200);
  expect(await prisma.message.count({ where: { bulkRejectionId: result.id, status: "queued" } })).toBe(200);
  expect(await prisma.application.count({ where: { jobId: job.id, status: "rejected" } })).toBe(200);
  await expect(undoBulkRejection(result.id, recruiter)).resolves.toMatchObject({ reopened: 200 });
}, 120_000);
