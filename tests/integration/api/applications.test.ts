// /api/v1/applications: adding candidates, reading, moving, deciding and recording messages — with field-level
// errors, conflicts, scoping, and nothing written when a request fails.
import { expect, test } from "vitest";
import { createApplication } from "~/models/application-intake.server";
import { createJob } from "~/models/job.server";
import * as applicationRoute from "~/routes/api.v1.applications.$applicationId";
import * as decisionRoute from "~/routes/api.v1.applications.$applicationId.decision";
import * as messagesRoute from "~/routes/api.v1.applications.$applicationId.messages";
import * as stageRoute from "~/routes/api.v1.applications.$applicationId.stage";
import * as applicationsRoute from "~/routes/api.v1.applications";
import { applicationCreatedResource, applicationResource, messageRecordedResource } from "~/web/api-resources.server";
import { prisma } from "~/platform/db.server";
import { hashSecret } from "~/platform/tokens.server";
import { clockNow, pinClock } from "../../clock";
import { apiRequest, caller, expectShape, rowCounts, send, type ErrorBody } from "./helpers";

const NOW = pinClock();

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };

let emailCounter = 0;
function uniqueEmail(name = "candidate") {
  emailCounter += 1;
  return `${name}${emailCounter}@example.com`;
}

async function openJob(hiringManagerId: string | null = null) {
  return createJob({ title: "Backend Engineer", status: "open", ...noPeople, hiringManagerId }, null);
}

async function addCandidate(jobId: string, email = uniqueEmail()) {
  return createApplication(
    { jobId, candidate: { name: "Ana Silva", email }, appliedAt: new Date("2026-03-02T09:00:00Z"), notify: false },
    null,
  );
}

test("POST /applications adds the candidate to the first stage and returns a working status link", async () => {
  const recruiter = await caller("recruiter");
  const job = await openJob();
  const answer = await send(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", recruiter, {
      body: {
        jobId: job.id,
        candidate: { name: "Ana Silva", email: "Ana.Silva@Example.com", timeZone: "Europe/Lisbon", locale: "en" },
        appliedAt: "2026-03-02T10:30:00+01:00",
        source: "careers page",
        notify: false,
      },
    }),
  );
  expect(answer.status).toBe(201);
  const created = expectShape(applicationCreatedResource, answer.body);
  expect(answer.headers.get("Location")).toBe(`/api/v1/applications/${created.id}`);
  expect(created).toMatchObject({
    jobId: job.id,
    stageId: job.stages[0]!.id,
    status: "active",
    appliedAt: "2026-03-02T09:30:00.000Z",
    source: "careers page",
  });
  const statusToken = created.statusUrl.match(/^http:\/\/hearback\.test\/s\/([\w-]{32,})$/)?.[1];
  expect(statusToken).toBeDefined();
  const stored = await prisma.application.findUniqueOrThrow({
    where: { id: created.id },
    select: { statusTokenHash: true, candidate: { select: { email: true, timeZone: true } } },
  });
  expect(stored.statusTokenHash).toBe(hashSecret(statusToken!));
  expect(stored.candidate).toEqual({ email: "Ana.Silva@Example.com", timeZone: "Europe/Lisbon" });
  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { entityId: created.id, action: "application.created" },
  });
  expect(audit.actorId).toBe(recruiter.user!.id);
  expect(audit.data).toMatchObject({ apiTokenId: recruiter.tokenId, notify: false });
});

test("the same email, in any case, is the same candidate; a second active application to a job is a 409", async () => {
  const admin = await caller("admin");
  const [first, second] = [await openJob(), await openJob()];
  const post = (jobId: string, email: string) =>
    send<Record<string, string> & ErrorBody>(
      applicationsRoute,
      apiRequest("POST", "/api/v1/applications", admin, { body: { jobId, candidate: { name: "Kim Lee", email } } }),
    );
  const one = await post(first.id, "kim.lee@example.com");
  const two = await post(second.id, "KIM.LEE@EXAMPLE.COM");
  expect([one.status, two.status]).toEqual([201, 201]);
  expect(two.body.candidateId).toBe(one.body.candidateId);

  const before = await rowCounts();
  const duplicate = await post(first.id, "Kim.Lee@Example.COM");
  expect(duplicate.status).toBe(409);
  expect(duplicate.body.error).toEqual({
    code: "conflict",
    message: "This candidate already has an active application for this job.",
    issues: [{ path: "candidate.email", message: "This candidate already has an active application for this job." }],
  });
  expect(await rowCounts()).toEqual(before);

  // Once the first application is closed, the candidate may apply to the job again.
  await send(
    decisionRoute,
    apiRequest("POST", `/api/v1/applications/${one.body.id}/decision`, admin, { body: { outcome: "withdrawn" } }),
    { applicationId: one.body.id! },
  );
  expect((await post(first.id, "kim.lee@example.com")).status).toBe(201);
});

test("POST /applications names invalid fields with dotted paths and writes nothing", async () => {
  const admin = await caller("admin");
  const job = await openJob();
  const before = await rowCounts();
  const answer = await send<ErrorBody>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", admin, {
      body: {
        jobId: job.id,
        candidate: { name: "Ana", email: "not-an-email", timeZone: "Mars/Olympus", locale: "fr" },
        appliedAt: "yesterday",
        notify: "yes",
      },
    }),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe("validation_error");
  expect(answer.body.error.issues).toEqual([
    { path: "candidate.email", message: "Enter a valid email address, like name@example.com." },
    { path: "candidate.timeZone", message: "Choose a time zone from the IANA list, like Europe/Berlin." },
    { path: "candidate.locale", message: "Language must be en or de." },
    { path: "appliedAt", message: "appliedAt must be an ISO 8601 date-time, like 2026-03-01T09:30:00Z." },
    { path: "notify", message: "notify must be true or false." },
  ]);

  const missing = await send<ErrorBody>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", admin, { body: { candidate: {} } }),
  );
  expect(missing.body.error.issues.map((issue) => issue.path)).toEqual(["jobId", "candidate.name", "candidate.email"]);
  expect(await rowCounts()).toEqual(before);
});

test("an unknown jobId in the body is a 400 naming jobId", async () => {
  const admin = await caller("admin");
  const before = await rowCounts();
  const answer = await send<ErrorBody>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", admin, {
      body: { jobId: "no-such-job", candidate: { name: "Ana", email: uniqueEmail() } },
    }),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.error.issues).toEqual([{ path: "jobId", message: "No job has this id." }]);
  expect(await rowCounts()).toEqual(before);
});

test("only staff who add candidates may post applications", async () => {
  const manager = await caller("hiring_manager");
  const job = await openJob(manager.user!.id);
  const answer = await send<ErrorBody>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", manager, {
      body: { jobId: job.id, candidate: { name: "Ana", email: uniqueEmail() } },
    }),
  );
  expect(answer.status).toBe(403);
});

test("GET /applications/:id returns candidate, stage and status; unknown and out-of-scope ids are 404", async () => {
  const admin = await caller("admin");
  const manager = await caller("hiring_manager");
  const otherManager = await caller("hiring_manager");
  const job = await openJob(manager.user!.id);
  const application = await addCandidate(job.id, "Bo.Berg@Example.org");

  const answer = await send(applicationRoute, apiRequest("GET", `/api/v1/applications/${application.id}`, manager), {
    applicationId: application.id,
  });
  expect(answer.status).toBe(200);
  expect(expectShape(applicationResource, answer.body)).toEqual({
    id: application.id,
    jobId: job.id,
    candidateId: application.candidateId,
    stageId: job.stages[0]!.id,
    status: "active",
    source: null,
    appliedAt: "2026-03-02T09:00:00.000Z",
    closedAt: null,
    outcomeReason: null,
    candidate: {
      id: application.candidateId,
      name: "Ana Silva",
      email: "Bo.Berg@Example.org",
      phone: null,
      timeZone: "UTC",
      locale: "en",
    },
    stage: { id: job.stages[0]!.id, name: "Applied", kind: "applied" },
    job: { id: job.id, title: "Backend Engineer", department: null },
  });

  const unknown = await send<ErrorBody>(applicationRoute, apiRequest("GET", "/api/v1/applications/nope", admin), {
    applicationId: "nope",
  });
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe("not_found");

  // Another manager's applications do not exist as far as this token is concerned: not even writes get through.
  const hidden = await send<ErrorBody>(
    applicationRoute,
    apiRequest("GET", `/api/v1/applications/${application.id}`, otherManager),
    { applicationId: application.id },
  );
  expect(hidden.status).toBe(404);
  const before = await rowCounts();
  const move = await send<ErrorBody>(
    stageRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/stage`, otherManager, {
      body: { stageId: job.stages[1]!.id },
    }),
    { applicationId: application.id },
  );
  expect(move.status).toBe(404);
  expect(await rowCounts()).toEqual(before);
});

test("POST /applications/:id/stage moves the application and records when", async () => {
  const recruiter = await caller("recruiter");
  const job = await openJob();
  const application = await addCandidate(job.id);
  const screen = job.stages[1]!;
  const answer = await send(
    stageRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/stage`, recruiter, {
      body: { stageId: screen.id, occurredAt: "2026-03-03T08:15:00Z" },
    }),
    { applicationId: application.id },
  );
  expect(answer.status).toBe(200);
  expect(expectShape(applicationResource, answer.body)).toMatchObject({
    stageId: screen.id,
    stage: { id: screen.id, name: "Screen", kind: "screen" },
  });
  const event = await prisma.event.findFirstOrThrow({
    where: { applicationId: application.id, type: "stage_changed" },
  });
  expect(event.occurredAt.toISOString()).toBe("2026-03-03T08:15:00.000Z");
  expect(event.actorId).toBe(recruiter.user!.id);
});

test("moving to a stage of another job, or with a bad timestamp, is a 400 that changes nothing", async () => {
  const admin = await caller("admin");
  const job = await openJob();
  const otherJob = await openJob();
  const application = await addCandidate(job.id);
  const before = await rowCounts();
  const foreign = await send<ErrorBody>(
    stageRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/stage`, admin, {
      body: { stageId: otherJob.stages[1]!.id },
    }),
    { applicationId: application.id },
  );
  expect(foreign.status).toBe(400);
  expect(foreign.body.error.issues).toEqual([{ path: "stageId", message: "Choose a stage of this job." }]);

  const badTime = await send<ErrorBody>(
    stageRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/stage`, admin, {
      body: { stageId: job.stages[1]!.id, occurredAt: "2026-13-45T25:00:00Z" },
    }),
    { applicationId: application.id },
  );
  expect(badTime.status).toBe(400);
  expect(badTime.body.error.issues.map((issue) => issue.path)).toEqual(["occurredAt"]);

  const noZone = await send<ErrorBody>(
    stageRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/stage`, admin, {
      body: { stageId: job.stages[1]!.id, occurredAt: "2026-03-03T08:15:00" },
    }),
    { applicationId: application.id },
  );
  expect(noZone.status).toBe(400);
  expect(await rowCounts()).toEqual(before);
  const unchanged = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
  expect(unchanged.stageId).toBe(job.stages[0]!.id);

  const unknown = await send<ErrorBody>(
    stageRoute,
    apiRequest("POST", "/api/v1/applications/nope/stage", admin, { body: { stageId: job.stages[1]!.id } }),
    { applicationId: "nope" },
  );
  expect(unknown.status).toBe(404);
});

test("POST /applications/:id/decision closes the application once", async () => {
  const recruiter = await caller("recruiter");
  const job = await openJob();
  const application = await addCandidate(job.id);
  const decide = (body: unknown) =>
    send<ErrorBody & Record<string, unknown>>(
      decisionRoute,
      apiRequest("POST", `/api/v1/applications/${application.id}/decision`, recruiter, { body }),
      { applicationId: application.id },
    );

  const invalid = await decide({ outcome: "ghosted" });
  expect(invalid.status).toBe(400);
  expect(invalid.body.error.issues).toEqual([
    { path: "outcome", message: "Outcome must be rejected, hired or withdrawn." },
  ]);

  const tooEarly = await decide({ outcome: "rejected", occurredAt: "2026-03-01T00:00:00Z" });
  expect(tooEarly.status).toBe(400);
  expect(tooEarly.body.error.issues.map((issue) => issue.path)).toEqual(["occurredAt"]);

  const rejected = await decide({
    outcome: "rejected",
    reason: "Chose a candidate with more Go experience",
    occurredAt: "2026-03-05T14:00:00Z",
    notify: false,
  });
  expect(rejected.status).toBe(200);
  expect(expectShape(applicationResource, rejected.body)).toMatchObject({
    status: "rejected",
    closedAt: "2026-03-05T14:00:00.000Z",
    outcomeReason: "Chose a candidate with more Go experience",
  });

  const before = await rowCounts();
  const again = await decide({ outcome: "hired" });
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe("conflict");
  const move = await send<ErrorBody>(
    stageRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/stage`, recruiter, {
      body: { stageId: job.stages[1]!.id },
    }),
    { applicationId: application.id },
  );
  expect(move.status).toBe(409);
  expect(await rowCounts()).toEqual(before);
});

test("interviewers may neither move nor decide", async () => {
  const interviewer = await caller("interviewer");
  const job = await openJob();
  const application = await addCandidate(job.id);
  const decision = await send<ErrorBody>(
    decisionRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/decision`, interviewer, {
      body: { outcome: "hired" },
    }),
    { applicationId: application.id },
  );
  expect(decision.status).toBe(403);
  const move = await send<ErrorBody>(
    stageRoute,
    apiRequest("POST", `/api/v1/applications/${application.id}/stage`, interviewer, {
      body: { stageId: job.stages[1]!.id },
    }),
    { applicationId: application.id },
  );
  expect(move.status).toBe(403);
});

test("POST /applications/:id/messages records history when occurredAt is given", async () => {
  const recruiter = await caller("recruiter");
  const job = await openJob();
  const application = await addCandidate(job.id);
  const post = (body: unknown) =>
    send<ErrorBody & Record<string, unknown>>(
      messagesRoute,
      apiRequest("POST", `/api/v1/applications/${application.id}/messages`, recruiter, { body }),
      { applicationId: application.id },
    );

  const outbound = await post({
    direction: "outbound",
    subject: "Your application",
    body: "Hi Ana, thanks for applying. We will get back to you by Friday.",
    awaitsCandidate: true,
    occurredAt: "2026-03-02T12:00:00Z",
  });
  expect(outbound.status).toBe(201);
  expect(expectShape(messageRecordedResource, outbound.body)).toMatchObject({
    applicationId: application.id,
    direction: "outbound",
    occurredAt: "2026-03-02T12:00:00.000Z",
  });
  const sent = await prisma.event.findUniqueOrThrow({ where: { id: outbound.body.id as string } });
  expect(sent).toMatchObject({ type: "message_out", visibility: "candidate", actorId: recruiter.user!.id });
  expect(sent.data).toEqual({
    subject: "Your application",
    body: "Hi Ana, thanks for applying. We will get back to you by Friday.",
    automated: false,
    awaitsCandidate: true,
  });

  // An inbound message without occurredAt arrived now; nothing has to be sent for it.
  const inbound = await post({ direction: "inbound", body: "Thanks! Friday works." });
  expect(inbound.status).toBe(201);
  const received = await prisma.event.findUniqueOrThrow({ where: { id: inbound.body.id as string } });
  expect(received.type).toBe("message_in");
  expect(received.occurredAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
  expect(received.occurredAt.getTime()).toBeLessThanOrEqual(clockNow().getTime());

  const before = await rowCounts();
  const invalid = await post({ direction: "sideways", body: "   ", occurredAt: "2026-03-02" });
  expect(invalid.status).toBe(400);
  expect(invalid.body.error.issues.map((issue) => issue.path)).toEqual(["direction", "body", "occurredAt"]);
  const beforeApplying = await post({ direction: "inbound", body: "Hello?", occurredAt: "2026-01-01T00:00:00Z" });
  expect(beforeApplying.status).toBe(400);
  expect(beforeApplying.body.error.issues.map((issue) => issue.path)).toEqual(["occurredAt"]);
  expect(await rowCounts()).toEqual(before);
});

test("an outbound message without occurredAt is queued, then delivered as a personal email with a reply address", async () => {
  const recruiter = await caller("recruiter");
  const job = await openJob();
  const application = await addCandidate(job.id);
  const post = (body: Record<string, unknown>, id = application.id) =>
    send<Record<string, unknown> & ErrorBody>(
      messagesRoute,
      apiRequest("POST", `/api/v1/applications/${id}/messages`, recruiter, { body }),
      { applicationId: id },
    );

  const before = await rowCounts();
  const noSubject = await post({ direction: "outbound", body: "Hi {{candidate.firstName}}, a quick update." });
  expect(noSubject.status).toBe(400);
  expect(noSubject.body.error.issues.map((issue) => issue.path)).toEqual(["subject"]);
  const unknownToken = await post({ direction: "outbound", subject: "Update", body: "Hi {{candidate.nickname}}" });
  expect(unknownToken.status).toBe(400);
  expect(unknownToken.body.error.issues[0]!.message).toMatch(/candidate\.nickname/);
  const sendAtWithHistory = await post({
    direction: "outbound",
    subject: "Update",
    body: "Hi",
    occurredAt: "2026-03-02T12:00:00Z",
    sendAt: "2030-01-01T00:00:00Z",
  });
  expect(sendAtWithHistory.status).toBe(400);
  expect(await rowCounts()).toEqual(before);
  expect(await prisma.message.count({ where: { applicationId: application.id } })).toBe(0);

  const answer = await post({
    direction: "outbound",
    subject: "Your application for {{job.title}}",
    body: "Hi {{candidate.firstName}},\n\nThanks for your patience. See [your status page]({{statusUrl}}).",
  });
  expect(answer.status).toBe(201);
  expect(expectShape(messageRecordedResource, answer.body)).toMatchObject({
    status: "queued",
    direction: "outbound",
    occurredAt: null,
    subject: "Your application for Backend Engineer",
  });
  const queued = await prisma.message.findUniqueOrThrow({ where: { id: answer.body.id as string } });
  expect(queued).toMatchObject({ status: "queued", kind: "custom", audience: "candidate", automated: false });
  expect(queued.replyTo).toMatch(new RegExp(`^reply\\+${application.id}\\.[0-9a-f]{16}@`));
  expect(queued.headerMessageId).toBe(`<hb.${queued.id}@localhost>`);
  expect(queued.bodyText).toContain("Hi Ana,");
  expect(queued.bodyText).toContain(application.statusUrl);
  expect(queued.fromAddress).toContain(recruiter.user!.name);

  const later = await post({
    direction: "outbound",
    subject: "Later",
    body: "Hi {{candidate.firstName}}",
    sendAt: "2030-01-01T09:00:00Z",
  });
  expect(later.body.scheduledFor).toBe("2030-01-01T09:00:00.000Z");

  const unknown = await post({ direction: "outbound", subject: "Hello", body: "Hello" }, "nope");
  expect(unknown.status).toBe(404);
});
