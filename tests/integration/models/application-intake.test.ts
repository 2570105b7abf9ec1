// Adding many candidates in one transaction (what imports and ATS connectors deliver): all or nothing, the refusal
// naming the input; candidates found by email; the acknowledgement only where asked and possible.
import { beforeAll, expect, test } from "vitest";
import { createApplications, IntakeRefusal } from "~/models/application-intake.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { createTestJob, createTestUser, fakeCandidate, seedFactories } from "../../factories";

let recruiterId: string;
let jobId: string;

beforeAll(async () => {
  seedFactories(31);
  await ensureTemplateLibrary();
  recruiterId = (await createTestUser({ role: "recruiter" })).id;
  jobId = (await createTestJob({ recruiterId })).id;
});

test("a batch lands every candidate in the first stage with a touchpoint, clocks, an audit entry and an email", async () => {
  const candidates = [fakeCandidate(), fakeCandidate(), fakeCandidate()];
  const created = await prisma.$transaction((tx) =>
    createApplications(
      tx,
      candidates.map((candidate, index) => ({ jobId, candidate, notify: index !== 1, source: "Greenhouse" })),
      recruiterId,
    ),
  );
  const ids = created.map((application) => application.id);
  expect(created.map((application) => application.candidateId)).toHaveLength(3);
  const stored = await prisma.application.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, source: true, stage: { select: { position: true } } },
  });
  expect(stored.every((application) => application.status === "active" && application.source === "Greenhouse")).toBe(
    true,
  );
  expect(new Set(stored.map((application) => application.stage.position)).size).toBe(1);
  expect(await prisma.event.count({ where: { applicationId: { in: ids }, type: "applied" } })).toBe(3);
  expect(await prisma.auditLog.count({ where: { entityId: { in: ids }, action: "application.created" } })).toBe(3);
  expect(await prisma.slaClock.count({ where: { applicationId: { in: ids } } })).toBeGreaterThanOrEqual(3);
  const emailed = await prisma.message.findMany({
    where: { applicationId: { in: ids } },
    select: { applicationId: true },
  });
  expect(emailed.map((message) => message.applicationId).sort()).toEqual([ids[0], ids[2]].sort());
});

test("a candidate already known by email (in any case) is reused, not duplicated", async () => {
  const candidate = fakeCandidate();
  const other = (await createTestJob({ recruiterId })).id;
  const [first, second] = await prisma.$transaction((tx) =>
    createApplications(
      tx,
      [
        { jobId, candidate, notify: false },
        { jobId: other, candidate: { ...candidate, email: candidate.email.toUpperCase() }, notify: false },
      ],
      recruiterId,
    ),
  );
  expect(second!.candidateId).toBe(first!.candidateId);
  expect(await prisma.candidate.count({ where: { emailKey: candidate.email.toLowerCase() } })).toBe(1);
});

test("a duplicate in the batch or an unknown job refuses the whole batch, naming the input, and writes nothing", async () => {
  const candidate = fakeCandidate();
  const before = await prisma.application.count();
  const duplicate = prisma.$transaction((tx) =>
    createApplications(
      tx,
      [
        { jobId, candidate: fakeCandidate(), notify: true },
        { jobId, candidate, notify: true },
        { jobId, candidate, notify: true },
      ],
      recruiterId,
    ),
  );
  await expect(duplicate).rejects.toMatchObject({ index: 2, message: expect.stringMatching(/already has an active/) });
  await expect(duplicate).rejects.toBeInstanceOf(IntakeRefusal);
  const unknownJob = prisma.$transaction((tx) =>
    createApplications(tx, [{ jobId: "no-such-job", candidate: fakeCandidate(), notify: false }], recruiterId),
  );
  await expect(unknownJob).rejects.toMatchObject({ index: 0, message: "The job does not exist." });
  expect(await prisma.application.count()).toBe(before);
  expect(await prisma.candidate.count({ where: { emailKey: candidate.email.toLowerCase() } })).toBe(0);
});
