// The jobs pages: list and scoping, the job form with its stage editor (with and without JavaScript), conflicts.
import { expect, test } from "vitest";
import { jobFormValues, type JobFormValues } from "~/domain/job-form";
import { createApplication } from "~/models/application-intake.server";
import { createJob, getJob } from "~/models/job.server";
import * as jobsList from "~/routes/jobs._index";
import * as editJob from "~/routes/jobs.$jobId.edit";
import * as newJob from "~/routes/jobs.new";
import { prisma } from "~/platform/db.server";
import { getRequest, postRequest, run, signIn } from "./helpers";

function formFields(values: JobFormValues, intent = "save"): string[][] {
  const fields: string[][] = [
    ["intent", intent],
    ["title", values.title],
    ["department", values.department],
    ["location", values.location],
    ["status", values.status],
    ["hiringManagerId", values.hiringManagerId],
    ["recruiterId", values.recruiterId],
    ["scheduleId", values.scheduleId],
    ["decisionCounting", values.decisionCounting],
  ];
  values.stages.forEach((stage, index) => {
    fields.push(
      [`stages.${index}.id`, stage.id],
      [`stages.${index}.name`, stage.name],
      [`stages.${index}.kind`, stage.kind],
      [`stages.${index}.decisionAmount`, stage.decisionAmount],
      [`stages.${index}.decisionUnit`, stage.decisionUnit],
      [`stages.${index}.entryTemplateKind`, stage.entryTemplateKind],
    );
  });
  return fields;
}

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };

test("the jobs list shows each role the jobs it may see, filtered by status", async () => {
  const admin = await signIn("admin");
  const manager = await signIn("hiring_manager");
  const mine = await createJob(
    { title: "Managed role", status: "open", ...noPeople, hiringManagerId: manager.user.id },
    admin.user.id,
  );
  await createJob({ title: "Someone else's role", status: "draft", ...noPeople }, admin.user.id);
  await createApplication(
    { jobId: mine.id, candidate: { name: "Ann", email: "ann@example.com" }, notify: false },
    null,
  );

  const forAdmin = await run<Awaited<ReturnType<typeof jobsList.loader>>>(jobsList.loader, getRequest("/jobs", admin));
  expect(forAdmin.data.jobs.map((job) => job.title)).toEqual(
    expect.arrayContaining(["Managed role", "Someone else's role"]),
  );
  expect(forAdmin.data.canManageJobs).toBe(true);

  const drafts = await run<Awaited<ReturnType<typeof jobsList.loader>>>(
    jobsList.loader,
    getRequest("/jobs?status=draft", admin),
  );
  expect(drafts.data.jobs.every((job) => job.status === "draft")).toBe(true);

  const forManager = await run<Awaited<ReturnType<typeof jobsList.loader>>>(
    jobsList.loader,
    getRequest("/jobs", manager),
  );
  expect(forManager.data.jobs).toMatchObject([{ title: "Managed role", activeApplications: 1 }]);
  expect(forManager.data.canManageJobs).toBe(false);
});

test("signed-out visitors are sent to sign in, and only job managers reach the job form", async () => {
  const signedOut = await run(jobsList.loader, getRequest("/jobs"));
  expect(signedOut.status).toBe(302);
  expect(signedOut.location).toBe("/login?redirectTo=%2Fjobs");

  const manager = await signIn("hiring_manager");
  expect((await run(newJob.loader, getRequest("/jobs/new", manager))).status).toBe(403);
  const jobsBefore = await prisma.job.count();
  const post = await run(newJob.action, postRequest("/jobs/new", manager, formFields(jobFormValues())));
  expect(post.status).toBe(403);
  expect(await prisma.job.count()).toBe(jobsBefore);
});

test("an invalid job form answers 400 with field messages, keeps the input and writes nothing", async () => {
  const recruiter = await signIn("recruiter");
  const values = jobFormValues();
  values.title = "  ";
  values.stages[1]!.decisionAmount = "soon";
  values.stages[2]!.name = "";
  const before = { jobs: await prisma.job.count(), stages: await prisma.stage.count() };

  const result = await run<{ errors: Record<string, string>; values: JobFormValues }>(
    newJob.action,
    postRequest("/jobs/new", recruiter, formFields(values)),
  );

  expect(result.status).toBe(400);
  expect(result.data.errors).toMatchObject({
    title: "Title is required.",
    "stages.1.decisionMinutes": "Enter a whole number of business days, 1 to 60.",
    "stages.2.name": "Stage name is required.",
  });
  expect(result.data.values.stages[1]!).toMatchObject({ decisionAmount: "soon", decisionUnit: "days" });
  expect(result.data.values.stages.map((stage) => stage.name)).toEqual(["Applied", "Screen", "", "Offer"]);
  expect({ jobs: await prisma.job.count(), stages: await prisma.stage.count() }).toEqual(before);
});

test("a valid job form creates the job with its stages and opens its board", async () => {
  const recruiter = await signIn("recruiter");
  const manager = await signIn("hiring_manager");
  const values: JobFormValues = {
    ...jobFormValues(),
    title: "Site Reliability Engineer",
    department: "Platform",
    hiringManagerId: manager.user.id,
    recruiterId: recruiter.user.id,
  };
  // "2 days" on the default policy's business time: 2 business days of 8 open hours, not 2880 business minutes.
  values.stages[2]!.decisionAmount = "2";

  const result = await run(newJob.action, postRequest("/jobs/new", recruiter, formFields(values)));

  expect(result.status).toBe(302);
  const jobId = result.location!.split("/").pop()!;
  const job = await getJob(jobId, recruiter.user);
  expect(job).toMatchObject({
    title: "Site Reliability Engineer",
    department: "Platform",
    hiringManager: { id: manager.user.id },
    recruiter: { id: recruiter.user.id },
  });
  expect(job!.stages.map((stage) => [stage.name, stage.decisionMinutes])).toEqual([
    ["Applied", null],
    ["Screen", null],
    ["Interview", 960],
    ["Offer", null],
  ]);
  const edit = await run<Awaited<ReturnType<typeof editJob.loader>>>(
    editJob.loader,
    getRequest(`/jobs/${jobId}/edit`, recruiter),
    { jobId },
  );
  expect(edit.data.values.stages[2]).toMatchObject({ decisionAmount: "2", decisionUnit: "days" });
});

test("without JavaScript the stage buttons rearrange the submitted form and save nothing", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Analyst", status: "open", ...noPeople }, admin.user.id);
  const values = jobFormValues(job);
  values.title = "Analyst (edited, not saved)";
  const path = `/jobs/${job.id}/edit`;
  const params = { jobId: job.id };
  type Answer = { values: JobFormValues; notice: string };

  const movedUp = await run<Answer>(editJob.action, postRequest(path, admin, formFields(values, "move-up:2")), params);
  expect(movedUp.status).toBe(200);
  expect(movedUp.data.values.stages.map((stage) => stage.name)).toEqual(["Applied", "Interview", "Screen", "Offer"]);
  expect(movedUp.data.values.title).toBe("Analyst (edited, not saved)");
  expect(movedUp.data.notice).toBe("Moved Interview to position 2 of 4. Save the job to keep this order.");

  const added = await run<Answer>(
    editJob.action,
    postRequest(path, admin, formFields(movedUp.data.values, "add-stage")),
    params,
  );
  expect(added.data.values.stages).toHaveLength(5);
  expect(added.data.values.stages[4]).toEqual({
    id: "",
    name: "",
    kind: "interview",
    decisionAmount: "",
    decisionUnit: "days",
    entryTemplateKind: "",
  });

  const removed = await run<Answer>(
    editJob.action,
    postRequest(path, admin, formFields(added.data.values, "remove-stage:3")),
    params,
  );
  expect(removed.data.values.stages.map((stage) => stage.name)).toEqual(["Applied", "Interview", "Screen", ""]);

  const stored = await getJob(job.id, admin.user);
  expect(stored!.title).toBe("Analyst");
  expect(stored!.stages.map((stage) => stage.name)).toEqual(["Applied", "Screen", "Interview", "Offer"]);
});

test("saving the stage editor reorders, renames, adds and removes stages in one go", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Support Lead", status: "open", ...noPeople }, admin.user.id);
  const [applied, screen, interview, offer] = job.stages.map((stage) => stage.id);
  const values = jobFormValues(job);
  values.stages = [
    { id: applied!, name: "New", kind: "applied", decisionAmount: "", decisionUnit: "days", entryTemplateKind: "" },
    {
      id: interview!,
      name: "Panel interview",
      kind: "interview",
      decisionAmount: "3",
      decisionUnit: "days",
      entryTemplateKind: "interview_invite",
    },
    {
      id: "",
      name: "Work sample",
      kind: "assessment",
      decisionAmount: "",
      decisionUnit: "days",
      entryTemplateKind: "delay_update",
    },
    { id: offer!, name: "Offer", kind: "offer", decisionAmount: "", decisionUnit: "days", entryTemplateKind: "" },
  ];

  const result = await run(editJob.action, postRequest(`/jobs/${job.id}/edit`, admin, formFields(values)), {
    jobId: job.id,
  });

  expect(result).toMatchObject({ status: 302, location: `/jobs/${job.id}` });
  const stored = await getJob(job.id, admin.user);
  expect(
    stored!.stages.map((stage) => [stage.name, stage.kind, stage.decisionMinutes, stage.entryTemplateKind]),
  ).toEqual([
    ["New", "applied", null, null],
    ["Panel interview", "interview", 1440, "interview_invite"],
    ["Work sample", "assessment", null, "delay_update"],
    ["Offer", "offer", null, null],
  ]);
  expect(await prisma.stage.findUniqueOrThrow({ where: { id: screen! } })).toMatchObject({
    archivedAt: expect.any(Date),
  });
});

test("the job edit form saves, shows and clears the email sent on entering a stage", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Account Manager", status: "open", ...noPeople }, admin.user.id);
  const path = `/jobs/${job.id}/edit`;
  const params = { jobId: job.id };
  const values = jobFormValues(job);
  expect(values.stages.map((stage) => stage.entryTemplateKind)).toEqual(["", "", "", ""]);
  values.stages[1]!.entryTemplateKind = "screen_invite";

  const saved = await run(editJob.action, postRequest(path, admin, formFields(values)), params);

  expect(saved).toMatchObject({ status: 302, location: `/jobs/${job.id}` });
  const stored = await getJob(job.id, admin.user);
  expect(stored!.stages.map((stage) => [stage.name, stage.entryTemplateKind])).toEqual([
    ["Applied", null],
    ["Screen", "screen_invite"],
    ["Interview", null],
    ["Offer", null],
  ]);
  const loaded = await run<Awaited<ReturnType<typeof editJob.loader>>>(editJob.loader, getRequest(path, admin), params);
  expect(loaded.data.values.stages[1]!.entryTemplateKind).toBe("screen_invite");

  const cleared = { ...loaded.data.values, stages: loaded.data.values.stages.map((stage) => ({ ...stage })) };
  cleared.stages[1]!.entryTemplateKind = "";
  await run(editJob.action, postRequest(path, admin, formFields(cleared)), params);
  expect((await getJob(job.id, admin.user))!.stages[1]!.entryTemplateKind).toBeNull();
});

test("a one-off email kind on a stage is a field error, and nothing is saved", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Copywriter", status: "open", ...noPeople }, admin.user.id);
  const values = jobFormValues(job);
  values.stages[2]!.entryTemplateKind = "custom";

  const result = await run<{ errors: Record<string, string>; values: JobFormValues }>(
    editJob.action,
    postRequest(`/jobs/${job.id}/edit`, admin, formFields(values)),
    { jobId: job.id },
  );

  expect(result.status).toBe(400);
  expect(Object.keys(result.data.errors)).toEqual(["stages.2.entryTemplateKind"]);
  expect(result.data.errors["stages.2.entryTemplateKind"]).toMatch(/must be one of the stage emails/);
  expect(result.data.values.stages[2]!.entryTemplateKind).toBe("custom");
  expect((await getJob(job.id, admin.user))!.stages.every((stage) => stage.entryTemplateKind === null)).toBe(true);
});

test("removing a stage that still has applications is refused with the model's message, and nothing changes", async () => {
  const admin = await signIn("admin");
  const job = await createJob({ title: "Occupied", status: "open", ...noPeople }, admin.user.id);
  await createApplication(
    { jobId: job.id, candidate: { name: "Bo", email: "bo@example.com" }, notify: false },
    admin.user.id,
  );
  const values = jobFormValues(job);
  values.title = "Occupied (renamed)";
  values.stages = values.stages.filter((stage) => stage.name !== "Applied");
  values.stages.unshift({
    id: "",
    name: "Inbox",
    kind: "applied",
    decisionAmount: "",
    decisionUnit: "days",
    entryTemplateKind: "",
  });

  const result = await run<{ errors: Record<string, string>; values: JobFormValues }>(
    editJob.action,
    postRequest(`/jobs/${job.id}/edit`, admin, formFields(values)),
    { jobId: job.id },
  );

  expect(result.status).toBe(409);
  expect(result.data.errors.stages).toBe("Move the applications out of Applied (1) before removing it.");
  expect(result.data.values.stages[0]!.name).toBe("Inbox");
  const stored = await getJob(job.id, admin.user);
  expect(stored!.title).toBe("Occupied");
  expect(stored!.stages.map((stage) => stage.name)).toEqual(["Applied", "Screen", "Interview", "Offer"]);
});

test("the edit page loader shows which stages are occupied and refuses jobs outside the user's scope", async () => {
  const admin = await signIn("admin");
  const recruiter = await signIn("recruiter");
  const job = await createJob({ title: "Scoped", status: "open", ...noPeople }, admin.user.id);
  await createApplication({ jobId: job.id, candidate: { name: "Cy", email: "cy@example.com" }, notify: false }, null);

  const loaded = await run<Awaited<ReturnType<typeof editJob.loader>>>(
    editJob.loader,
    getRequest(`/jobs/${job.id}/edit`, recruiter),
    { jobId: job.id },
  );
  expect(loaded.data.occupancy).toEqual({ [job.stages[0]!.id]: 1 });
  expect(loaded.data.values.stages).toHaveLength(4);

  const missing = await run(editJob.loader, getRequest(`/jobs/nope/edit`, recruiter), { jobId: "nope" });
  expect(missing.status).toBe(404);
});
