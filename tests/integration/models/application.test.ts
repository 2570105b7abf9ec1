// Applications through the model layer: every change writes its event and audit entry, and failures write nothing.
import { expect, test } from "vitest";
import { addNote, moveApplication, recordMessage } from "~/models/application.server";
import { createApplication } from "~/models/application-intake.server";
import { decideApplication } from "~/models/decisions.server";
import { getBoard } from "~/models/board.server";
import { createJob } from "~/models/job.server";
import { createUser } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";

let counter = 0;
async function staff(role: "admin" | "recruiter" | "hiring_manager" | "interviewer") {
  counter += 1;
  return createUser({
    email: `${role}${counter}@example.com`,
    name: `${role} ${counter}`,
    role,
    password: "correct horse battery",
  });
}

async function rowCounts() {
  const [applications, candidates, events, audits] = await Promise.all([
    prisma.application.count(),
    prisma.candidate.count(),
    prisma.event.count(),
    prisma.auditLog.count(),
  ]);
  return { applications, candidates, events, audits };
}

function openJob(title: string, actorId: string, people: { hiringManagerId?: string; recruiterId?: string } = {}) {
  return createJob(
    { title, status: "open", hiringManagerId: null, recruiterId: null, scheduleId: null, ...people },
    actorId,
  );
}

const candidate = { name: "Ana Silva", email: "Ana.Silva@Example.com" };

test("adding a candidate lands them in the first stage with an applied event and a status link", async () => {
  const admin = await staff("admin");
  const job = await openJob("Backend Engineer", admin.id);
  const appliedAt = new Date("2026-10-01T08:00:00Z");
  const application = await createApplication(
    { jobId: job.id, candidate, appliedAt, source: "careers page", notify: true },
    admin.id,
  );

  expect(application.stageId).toBe(job.stages[0]!.id);
  expect(application.status).toBe("active");
  expect(application.statusUrl).toMatch(/^http:\/\/hearback\.test\/s\/[A-Za-z0-9_-]{32}$/);
  const stored = await prisma.application.findUniqueOrThrow({
    where: { id: application.id },
    include: { candidate: true, events: true },
  });
  expect(stored.statusTokenHash).not.toContain(application.statusUrl.split("/s/")[1]);
  expect(stored.candidate.emailKey).toBe("ana.silva@example.com");
  expect(stored.events).toMatchObject([
    { type: "applied", visibility: "candidate", occurredAt: appliedAt, data: { source: "careers page" } },
  ]);
  expect(await prisma.auditLog.count({ where: { entityId: application.id, action: "application.created" } })).toBe(1);
});

test("the same person applying twice to one job is a conflict, whatever the email's case", async () => {
  const admin = await staff("admin");
  const job = await openJob("Designer", admin.id);
  const first = await createApplication({ jobId: job.id, candidate, notify: true }, admin.id);
  const before = await rowCounts();
  await expect(
    createApplication(
      { jobId: job.id, candidate: { ...candidate, email: "ANA.SILVA@example.com" }, notify: true },
      admin.id,
    ),
  ).rejects.toBeInstanceOf(ConflictError);
  expect(await rowCounts()).toEqual(before);

  // The same candidate may apply to another job, and again to this one once the first application closed.
  const other = await openJob("Writer", admin.id);
  const second = await createApplication(
    { jobId: other.id, candidate: { ...candidate, email: "ana.silva@EXAMPLE.com" }, notify: true },
    admin.id,
  );
  expect(second.candidateId).toBe(first.candidateId);
  await decideApplication(first.id, { outcome: "withdrawn", notify: false }, admin);
  await expect(createApplication({ jobId: job.id, candidate, notify: true }, admin.id)).resolves.toMatchObject({
    candidateId: first.candidateId,
  });
});

test("moving, noting and deciding append events in order and close the application", async () => {
  const recruiter = await staff("recruiter");
  const job = await openJob("Support Lead", recruiter.id, { recruiterId: recruiter.id });
  const application = await createApplication(
    {
      jobId: job.id,
      candidate: { name: "Bo Chen", email: "bo@example.com" },
      appliedAt: new Date("2026-10-01T08:00:00Z"),
      notify: true,
    },
    recruiter.id,
  );
  const screen = job.stages[1]!;

  await moveApplication(
    application.id,
    { stageId: screen.id, occurredAt: new Date("2026-10-02T08:00:00Z") },
    recruiter,
  );
  await addNote(application.id, "Strong customer empathy.", recruiter);
  await recordMessage(
    application.id,
    {
      direction: "outbound",
      body: "Thanks for applying!",
      automated: false,
      awaitsCandidate: true,
      occurredAt: new Date("2026-10-02T09:00:00Z"),
    },
    recruiter,
  );
  await decideApplication(
    application.id,
    {
      outcome: "rejected",
      reason: "Role filled internally",
      occurredAt: new Date("2026-10-05T10:00:00Z"),
      notify: true,
    },
    recruiter,
  );

  const stored = await prisma.application.findUniqueOrThrow({
    where: { id: application.id },
    include: { events: { orderBy: { recordedAt: "asc" } } },
  });
  expect(stored).toMatchObject({
    status: "rejected",
    stageId: screen.id,
    outcomeReason: "Role filled internally",
    closedAt: new Date("2026-10-05T10:00:00Z"),
  });
  expect(stored.events.map((event) => [event.type, event.visibility])).toEqual([
    ["applied", "candidate"],
    ["stage_changed", "candidate"],
    ["note", "internal"],
    ["message_out", "candidate"],
    ["decision", "candidate"],
  ]);
  expect(stored.events[1]!.data).toEqual({
    fromStageId: job.stages[0]!.id,
    fromStageName: "Applied",
    toStageId: screen.id,
    toStageName: "Screen",
  });
  expect(stored.events[3]!.data).toMatchObject({ awaitsCandidate: true, automated: false });
  const audits = await prisma.auditLog.findMany({
    where: { entityId: application.id },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
  expect(audits.map((audit) => audit.action)).toEqual([
    "application.created",
    "application.moved",
    "application.note_added",
    "application.message_recorded",
    "application.rejected",
  ]);

  // A closed application cannot be moved or decided again, and the refusal writes nothing.
  const before = await rowCounts();
  await expect(moveApplication(application.id, { stageId: job.stages[2]!.id }, recruiter)).rejects.toBeInstanceOf(
    ConflictError,
  );
  await expect(decideApplication(application.id, { outcome: "hired", notify: true }, recruiter)).rejects.toBeInstanceOf(
    ConflictError,
  );
  expect(await rowCounts()).toEqual(before);
});

test("a stage from another job is refused and nothing is written", async () => {
  const admin = await staff("admin");
  const job = await openJob("A", admin.id);
  const other = await openJob("B", admin.id);
  const application = await createApplication(
    { jobId: job.id, candidate: { name: "Cy", email: "cy@example.com" }, notify: true },
    admin.id,
  );
  const before = await rowCounts();
  await expect(moveApplication(application.id, { stageId: other.stages[1]!.id }, admin)).rejects.toBeInstanceOf(
    InvalidInputError,
  );
  expect(await rowCounts()).toEqual(before);
});

test("a message or decision dated before the application is refused", async () => {
  const admin = await staff("admin");
  const job = await openJob("C", admin.id);
  const application = await createApplication(
    {
      jobId: job.id,
      candidate: { name: "Di", email: "di@example.com" },
      appliedAt: new Date("2026-10-10T00:00:00Z"),
      notify: true,
    },
    admin.id,
  );
  await expect(
    recordMessage(
      application.id,
      {
        direction: "inbound",
        body: "Hello?",
        automated: false,
        awaitsCandidate: false,
        occurredAt: new Date("2026-10-09T00:00:00Z"),
      },
      admin,
    ),
  ).rejects.toBeInstanceOf(InvalidInputError);
  await expect(
    decideApplication(
      application.id,
      { outcome: "rejected", occurredAt: new Date("2026-10-09T00:00:00Z"), notify: true },
      admin,
    ),
  ).rejects.toBeInstanceOf(InvalidInputError);
});

test("hiring managers and interviewers only reach what is theirs", async () => {
  const admin = await staff("admin");
  const manager = await staff("hiring_manager");
  const otherManager = await staff("hiring_manager");
  const interviewer = await staff("interviewer");
  const job = await openJob("D", admin.id, { hiringManagerId: manager.id });
  const application = await createApplication(
    { jobId: job.id, candidate: { name: "Ed", email: "ed@example.com" }, notify: true },
    admin.id,
  );

  await expect(moveApplication(application.id, { stageId: job.stages[1]!.id }, otherManager)).rejects.toBeInstanceOf(
    NotFoundError,
  );
  await expect(moveApplication(application.id, { stageId: job.stages[1]!.id }, manager)).resolves.toMatchObject({
    stageId: job.stages[1]!.id,
  });
  expect(await getBoard(job.id, otherManager)).toBeNull();
  expect(await getBoard(job.id, interviewer)).toBeNull();

  await expect(addNote(application.id, "Feedback", interviewer)).rejects.toBeInstanceOf(NotFoundError);
  await prisma.applicationInterviewer.create({ data: { applicationId: application.id, userId: interviewer.id } });
  await expect(addNote(application.id, "Feedback", interviewer)).resolves.toMatchObject({ type: "note" });
});

test("the board groups active applications under live stages", async () => {
  const admin = await staff("admin");
  const job = await openJob("E", admin.id);
  const a = await createApplication(
    {
      jobId: job.id,
      candidate: { name: "Fay", email: "fay@example.com" },
      appliedAt: new Date("2026-10-01T00:00:00Z"),
      notify: true,
    },
    admin.id,
  );
  const b = await createApplication(
    {
      jobId: job.id,
      candidate: { name: "Gus", email: "gus@example.com" },
      appliedAt: new Date("2026-10-02T00:00:00Z"),
      notify: true,
    },
    admin.id,
  );
  const c = await createApplication(
    { jobId: job.id, candidate: { name: "Hal", email: "hal@example.com" }, notify: true },
    admin.id,
  );
  await moveApplication(b.id, { stageId: job.stages[2]!.id, occurredAt: new Date("2026-10-03T00:00:00Z") }, admin);
  await decideApplication(c.id, { outcome: "rejected", notify: false }, admin);

  const board = await getBoard(job.id, admin);
  expect(board!.job.stages.map((stage) => stage.name)).toEqual(["Applied", "Screen", "Interview", "Offer"]);
  expect(board!.cards.map((card) => [card.candidateName, card.stageId])).toEqual([
    ["Fay", job.stages[0]!.id],
    ["Gus", job.stages[2]!.id],
  ]);
  expect(board!.cards.find((card) => card.id === b.id)!.lastActivityAt).toEqual(new Date("2026-10-03T00:00:00Z"));
  expect(board!.cards.find((card) => card.id === a.id)!.lastActivityAt).toEqual(new Date("2026-10-01T00:00:00Z"));
});
