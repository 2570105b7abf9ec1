// /api/v1/jobs: creating jobs with default or custom pipelines, field-level validation, listing and scoping.
import { expect, test } from "vitest";
import { createJob } from "~/models/job.server";
import * as jobRoute from "~/routes/api.v1.jobs.$jobId";
import * as jobsRoute from "~/routes/api.v1.jobs";
import { jobListResource, jobResource } from "~/web/api-resources.server";
import { apiRequest, caller, expectShape, rowCounts, send, type ErrorBody } from "./helpers";

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };

test("POST /jobs creates a job with the default stages Applied, Screen, Interview, Offer", async () => {
  const recruiter = await caller("recruiter");
  const answer = await send(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", recruiter, {
      body: { title: "  Backend Engineer ", department: "Engineering" },
    }),
  );
  expect(answer.status).toBe(201);
  const job = expectShape(jobResource, answer.body);
  expect(answer.headers.get("Location")).toBe(`/api/v1/jobs/${job.id}`);
  expect(job).toMatchObject({ title: "Backend Engineer", department: "Engineering", status: "open" });
  expect(job.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(
    job.stages.map(({ name, kind, position, decisionMinutes }) => ({ name, kind, position, decisionMinutes })),
  ).toEqual([
    { name: "Applied", kind: "applied", position: 0, decisionMinutes: null },
    { name: "Screen", kind: "screen", position: 1, decisionMinutes: null },
    { name: "Interview", kind: "interview", position: 2, decisionMinutes: null },
    { name: "Offer", kind: "offer", position: 3, decisionMinutes: null },
  ]);
  expect(job.stages.every((stage) => typeof stage.id === "string" && stage.id.length > 0)).toBe(true);
  expect(job.stages.map((stage) => stage.entryTemplateKind)).toEqual([null, null, null, null]);
});

test("POST /jobs takes custom stages with decision times", async () => {
  const admin = await caller("admin");
  const answer = await send(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, {
      body: {
        title: "Designer",
        stages: [
          { name: "New", kind: "applied", decisionMinutes: 4320 },
          { name: "Portfolio review", kind: "assessment", decisionMinutes: 2880 },
          { name: "Offer", kind: "offer" },
        ],
      },
    }),
  );
  expect(answer.status).toBe(201);
  const job = expectShape(jobResource, answer.body);
  expect(job.stages.map((stage) => [stage.name, stage.kind, stage.position, stage.decisionMinutes])).toEqual([
    ["New", "applied", 0, 4320],
    ["Portfolio review", "assessment", 1, 2880],
    ["Offer", "offer", 2, null],
  ]);
});

test("POST /jobs takes a template to email on entering a stage, and GET returns it", async () => {
  const admin = await caller("admin");
  const answer = await send(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, {
      body: {
        title: "Account Executive",
        stages: [
          { name: "Applied", kind: "applied" },
          { name: "Screen", kind: "screen", entryTemplateKind: "screen_invite" },
          { name: "Offer", kind: "offer", entryTemplateKind: null },
        ],
      },
    }),
  );
  expect(answer.status).toBe(201);
  const job = expectShape(jobResource, answer.body);
  expect(job.stages.map((stage) => [stage.name, stage.entryTemplateKind])).toEqual([
    ["Applied", null],
    ["Screen", "screen_invite"],
    ["Offer", null],
  ]);

  const found = await send(jobRoute, apiRequest("GET", `/api/v1/jobs/${job.id}`, admin), { jobId: job.id });
  expect(expectShape(jobResource, found.body).stages[1]).toMatchObject({ entryTemplateKind: "screen_invite" });
});

test("POST /jobs refuses a one-off or unknown template kind on a stage, naming the field", async () => {
  const admin = await caller("admin");
  const before = await rowCounts();
  const answer = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, {
      body: {
        title: "Account Executive",
        stages: [
          { name: "Applied", kind: "applied", entryTemplateKind: "custom" },
          { name: "Screen", kind: "screen", entryTemplateKind: "coffee_invite" },
        ],
      },
    }),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.error.issues.map((issue) => issue.path)).toEqual([
    "stages.0.entryTemplateKind",
    "stages.1.entryTemplateKind",
  ]);
  expect(answer.body.error.issues[0]!.message).toMatch(
    /^Email on entering the stage must be one of the stage emails: /,
  );
  expect(await rowCounts()).toEqual(before);
});

test("POST /jobs names every invalid field and writes nothing", async () => {
  const admin = await caller("admin");
  const before = await rowCounts();
  const answer = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, {
      body: {
        title: "",
        status: "paused",
        stages: [
          { name: "Screen", kind: "screen" },
          { name: "Chat", kind: "coffee", decisionMinutes: -5 },
        ],
      },
    }),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe("validation_error");
  const paths = answer.body.error.issues.map((issue) => issue.path);
  expect(paths).toEqual(["title", "status", "stages.1.kind", "stages.1.decisionMinutes"]);
  expect(answer.body.error.issues.find((issue) => issue.path === "title")?.message).toBe("Title is required.");

  const pipeline = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, { body: { title: "Ops", stages: [{ name: "Screen", kind: "screen" }] } }),
  );
  expect(pipeline.status).toBe(400);
  expect(pipeline.body.error.issues).toEqual([
    { path: "stages.0.kind", message: "The first stage must be of kind applied, where new applications land." },
  ]);
  expect(await rowCounts()).toEqual(before);
});

test("POST /jobs with an unknown hiring manager is a 400 naming hiringManagerId", async () => {
  const admin = await caller("admin");
  const answer = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, { body: { title: "Support lead", hiringManagerId: "nobody" } }),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.error.issues).toEqual([{ path: "hiringManagerId", message: "Choose an active hiring manager." }]);
});

test("only staff who manage jobs may create them", async () => {
  for (const role of ["hiring_manager", "interviewer"] as const) {
    const who = await caller(role);
    const answer = await send<ErrorBody>(
      jobsRoute,
      apiRequest("POST", "/api/v1/jobs", who, { body: { title: "Not allowed" } }),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("forbidden");
  }
});

test("GET /jobs lists what the token's account may see, filtered by status", async () => {
  const admin = await caller("admin");
  const manager = await caller("hiring_manager");
  const mine = await createJob(
    { title: "Managed role", status: "open", ...noPeople, hiringManagerId: manager.user!.id },
    null,
  );
  const draft = await createJob({ title: "Draft role", status: "draft", ...noPeople }, null);

  const all = await send(jobsRoute, apiRequest("GET", "/api/v1/jobs", admin));
  expect(all.status).toBe(200);
  const ids = expectShape(jobListResource, all.body).items.map((job) => job.id);
  expect(ids).toEqual(expect.arrayContaining([mine.id, draft.id]));

  const drafts = expectShape(
    jobListResource,
    (await send(jobsRoute, apiRequest("GET", "/api/v1/jobs?status=draft", admin))).body,
  );
  expect(drafts.items.length).toBeGreaterThan(0);
  expect(drafts.items.every((job) => job.status === "draft")).toBe(true);

  const managed = expectShape(
    jobListResource,
    (await send(jobsRoute, apiRequest("GET", "/api/v1/jobs", manager))).body,
  );
  expect(managed.items.map((job) => job.id)).toEqual([mine.id]);

  const badFilter = await send<ErrorBody>(jobsRoute, apiRequest("GET", "/api/v1/jobs?status=someday", admin));
  expect(badFilter.status).toBe(400);
  expect(badFilter.body.error.issues.map((issue) => issue.path)).toEqual(["status"]);
});

test("GET /jobs/:id returns the job, or 404 for unknown ids and jobs the account may not see", async () => {
  const admin = await caller("admin");
  const manager = await caller("hiring_manager");
  const job = await createJob({ title: "Data Engineer", status: "open", ...noPeople }, null);

  const found = await send(jobRoute, apiRequest("GET", `/api/v1/jobs/${job.id}`, admin), { jobId: job.id });
  expect(found.status).toBe(200);
  expect(expectShape(jobResource, found.body)).toMatchObject({ id: job.id, title: "Data Engineer" });

  const unknown = await send<ErrorBody>(jobRoute, apiRequest("GET", "/api/v1/jobs/nope", admin), { jobId: "nope" });
  expect(unknown.status).toBe(404);
  expect(unknown.body).toEqual({ error: { code: "not_found", message: "The job was not found.", issues: [] } });

  const hidden = await send<ErrorBody>(jobRoute, apiRequest("GET", `/api/v1/jobs/${job.id}`, manager), {
    jobId: job.id,
  });
  expect(hidden.status).toBe(404);
});

test("a job is published on the careers page through the API, keeps its address, and is taken off again", async () => {
  const recruiter = await caller("recruiter");
  const created = await send(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", recruiter, {
      body: { title: "Night Porter", published: true, description: "Welcome guests after dark." },
    }),
  );
  expect(created.status).toBe(201);
  const job = expectShape(jobResource, created.body);
  expect(job).toMatchObject({ published: true, description: "Welcome guests after dark." });
  expect(job.careersUrl).toMatch(/\/careers\/night-porter(-\d+)?$/);

  const path = `/api/v1/jobs/${job.id}`;
  const params = { jobId: job.id };
  const off = await send(jobRoute, apiRequest("PATCH", path, recruiter, { body: { published: false } }), params);
  expect(off.status).toBe(200);
  expect(off.body).toMatchObject({ published: false, careersUrl: null, description: "Welcome guests after dark." });
  const back = await send(
    jobRoute,
    apiRequest("PATCH", path, recruiter, { body: { published: true, description: "" } }),
    params,
  );
  expect(back.body).toMatchObject({ published: true, careersUrl: job.careersUrl, description: null });

  const unknown = await send(jobRoute, apiRequest("PATCH", path, recruiter, { body: { title: "Renamed" } }), params);
  expect(unknown.status).toBe(400);
  const manager = await send(
    jobRoute,
    apiRequest("PATCH", path, await caller("hiring_manager"), { body: { published: false } }),
    params,
  );
  expect(manager.status).toBe(403);
  const missing = await send(
    jobRoute,
    apiRequest("PATCH", "/api/v1/jobs/nope", recruiter, { body: { published: true } }),
  );
  expect((missing.body as ErrorBody).error.code).toBe("not_found");
});
