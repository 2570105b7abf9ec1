// Jobs and the stage editor: reorder, rename, add and remove stages without losing history.
import { expect, test } from "vitest";
import { createApplication } from "~/models/application-intake.server";
import { createJob, getJob, listJobs, updateJob } from "~/models/job.server";
import { createUser } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };

test("a new job gets the default pipeline and an audit entry", async () => {
  const admin = await createUser({
    email: "admin@example.com",
    name: "Admin",
    role: "admin",
    password: "correct horse battery",
  });
  const job = await createJob({ title: "Data Analyst", department: "Data", status: "open", ...noPeople }, admin.id);
  expect(job.stages.map((stage) => [stage.name, stage.kind, stage.position])).toEqual([
    ["Applied", "applied", 0],
    ["Screen", "screen", 1],
    ["Interview", "interview", 2],
    ["Offer", "offer", 3],
  ]);
  expect(await prisma.auditLog.count({ where: { entityId: job.id, action: "job.created" } })).toBe(1);
});

test("the stage editor reorders, renames, adds and removes stages", async () => {
  const admin = await createUser({
    email: "admin2@example.com",
    name: "Admin",
    role: "admin",
    password: "correct horse battery",
  });
  const job = await createJob({ title: "QA Engineer", status: "open", ...noPeople }, admin.id);
  const [applied, screen, interview, offer] = job.stages;
  const updated = await updateJob(
    job.id,
    {
      title: "QA Engineer",
      status: "open",
      ...noPeople,
      stages: [
        { id: applied!.id, name: "New", kind: "applied", decisionMinutes: null },
        { id: interview!.id, name: "Interview", kind: "interview", decisionMinutes: 2880 },
        { name: "Take-home task", kind: "assessment", decisionMinutes: null },
        { id: offer!.id, name: "Offer", kind: "offer", decisionMinutes: null },
      ],
    },
    admin,
  );
  expect(updated.stages.map((stage) => [stage.name, stage.position, stage.decisionMinutes])).toEqual([
    ["New", 0, null],
    ["Interview", 1, 2880],
    ["Take-home task", 2, null],
    ["Offer", 3, null],
  ]);
  // The removed stage is archived, not deleted, so old events still name it.
  expect(await prisma.stage.findUniqueOrThrow({ where: { id: screen!.id } })).toMatchObject({
    archivedAt: expect.any(Date),
  });
});

test("a stage with applications in it cannot be removed, and nothing changes", async () => {
  const admin = await createUser({
    email: "admin3@example.com",
    name: "Admin",
    role: "admin",
    password: "correct horse battery",
  });
  const job = await createJob({ title: "Support Agent", status: "open", ...noPeople }, admin.id);
  await createApplication(
    { jobId: job.id, candidate: { name: "Ivy", email: "ivy@example.com" }, notify: true },
    admin.id,
  );
  const withoutApplied = job.stages
    .slice(1)
    .map((stage, index) => ({ ...stage, kind: index === 0 ? ("applied" as const) : stage.kind }));
  await expect(
    updateJob(job.id, { title: "Renamed", status: "open", ...noPeople, stages: withoutApplied }, admin),
  ).rejects.toThrow(ConflictError);
  await expect(
    updateJob(job.id, { title: "Renamed", status: "open", ...noPeople, stages: withoutApplied }, admin),
  ).rejects.toThrow(/Move the applications out of Applied \(1\)/);
  expect(await getJob(job.id, admin)).toMatchObject({ title: "Support Agent", stages: job.stages });
});

test("people on a job must be active staff in a fitting role", async () => {
  const admin = await createUser({
    email: "admin4@example.com",
    name: "Admin",
    role: "admin",
    password: "correct horse battery",
  });
  const interviewer = await createUser({
    email: "int@example.com",
    name: "Int",
    role: "interviewer",
    password: "correct horse battery",
  });
  await expect(
    createJob({ title: "X", status: "open", ...noPeople, recruiterId: interviewer.id }, admin.id),
  ).rejects.toThrow(InvalidInputError);
  await expect(
    createJob({ title: "X", status: "open", ...noPeople, hiringManagerId: "nope" }, admin.id),
  ).rejects.toThrow(InvalidInputError);
  expect(await prisma.job.count({ where: { title: "X" } })).toBe(0);
});

test("hiring managers list and open only their own jobs", async () => {
  const admin = await createUser({
    email: "admin5@example.com",
    name: "Admin",
    role: "admin",
    password: "correct horse battery",
  });
  const mine = await createUser({
    email: "hm1@example.com",
    name: "Hm One",
    role: "hiring_manager",
    password: "correct horse battery",
  });
  const theirs = await createUser({
    email: "hm2@example.com",
    name: "Hm Two",
    role: "hiring_manager",
    password: "correct horse battery",
  });
  const myJob = await createJob({ title: "Mine", status: "open", ...noPeople, hiringManagerId: mine.id }, admin.id);
  const theirJob = await createJob(
    { title: "Theirs", status: "open", ...noPeople, hiringManagerId: theirs.id },
    admin.id,
  );
  expect((await listJobs(mine)).map((job) => job.title)).toEqual(["Mine"]);
  expect(await getJob(theirJob.id, mine)).toBeNull();
  await expect(updateJob(theirJob.id, { title: "Hijack", status: "open", ...noPeople }, mine)).rejects.toThrow(
    NotFoundError,
  );
  expect(await getJob(myJob.id, mine)).not.toBeNull();
});
