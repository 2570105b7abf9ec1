// GET /api/v1/applications/:id/sla (clocks replayed as of an instant) and GET /api/v1/queue ("waiting on us"):
// as-of replay, ordering, limits, filters, scoping and query errors. The default policy and schedule from the
// migration apply: first response within 960 business minutes, Mon–Fri 09:00–17:00 UTC.
import { expect, test } from "vitest";
import * as slaRoute from "~/routes/api.v1.applications.$applicationId.sla";
import * as messagesRoute from "~/routes/api.v1.applications.$applicationId.messages";
import * as applicationsRoute from "~/routes/api.v1.applications";
import * as jobsRoute from "~/routes/api.v1.jobs";
import * as queueRoute from "~/routes/api.v1.queue";
import * as schedulesRoute from "~/routes/api.v1.schedules";
import * as scheduleRoute from "~/routes/api.v1.schedules.$scheduleId";
import { applicationSlaResource, queueResource } from "~/web/api-sla-resources.server";
import { clockNow, pinClock } from "../../clock";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "./helpers";

pinClock();

let emailCounter = 0;

async function createJob(who: Caller, body: Record<string, unknown> = {}) {
  const answer = await send<{ id: string }>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", who, { body: { title: "Backend Engineer", ...body } }),
  );
  expect(answer.status).toBe(201);
  return answer.body.id;
}

async function apply(who: Caller, jobId: string, appliedAt: string) {
  emailCounter += 1;
  const answer = await send<{ id: string }>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", who, {
      body: {
        jobId,
        candidate: { name: `Candidate ${emailCounter}`, email: `sla-candidate${emailCounter}@example.com` },
        appliedAt,
        notify: false,
      },
    }),
  );
  expect(answer.status).toBe(201);
  return answer.body.id;
}

async function reply(who: Caller, applicationId: string, occurredAt: string) {
  const answer = await send(
    messagesRoute,
    apiRequest("POST", `/api/v1/applications/${applicationId}/messages`, who, {
      body: { direction: "outbound", body: "Thanks for applying — we are reading your application.", occurredAt },
    }),
    { applicationId },
  );
  expect(answer.status).toBe(201);
}

async function slaAt(who: Caller, applicationId: string, at?: string) {
  const query = at ? `?at=${encodeURIComponent(at)}` : "";
  return send(slaRoute, apiRequest("GET", `/api/v1/applications/${applicationId}/sla${query}`, who), { applicationId });
}

async function queue(who: Caller | null, query = "") {
  return send<ErrorBody>(queueRoute, apiRequest("GET", `/api/v1/queue${query ? `?${query}` : ""}`, who));
}

test("/sla replays the clocks as of `at`: running before the reply, stopped after it", async () => {
  const recruiter = await caller("recruiter");
  const jobId = await createJob(recruiter);
  // Monday 2 March 2026, 09:00 UTC; we reply at 12:00 the same day.
  const applicationId = await apply(recruiter, jobId, "2026-03-02T09:00:00Z");
  await reply(recruiter, applicationId, "2026-03-02T12:00:00Z");

  const before = await slaAt(recruiter, applicationId, "2026-03-02T11:00:00Z");
  expect(before.status).toBe(200);
  const asOfEleven = expectShape(applicationSlaResource, before.body);
  expect(asOfEleven).toMatchObject({
    applicationId,
    at: "2026-03-02T11:00:00.000Z",
    policy: { id: "default-policy" },
    scheduleId: "default-schedule",
  });
  const firstResponse = (clocks: typeof asOfEleven.clocks) =>
    clocks.filter((clock) => clock.metric === "first_response");
  // 960 business minutes = two working days: Tuesday 17:00; warned 240 business minutes earlier.
  expect(firstResponse(asOfEleven.clocks)).toEqual([
    {
      metric: "first_response",
      instance: 1,
      state: "running",
      startedAt: "2026-03-02T09:00:00.000Z",
      dueAt: "2026-03-03T17:00:00.000Z",
      stoppedAt: null,
      breached: false,
      businessHours: true,
      targetMinutes: 960,
      warnAt: "2026-03-03T13:00:00.000Z",
      remainingMinutes: null,
      stageId: null,
      interviewId: null,
    },
  ]);
  // The reply at 12:00 has not happened yet as of 11:00: no second periodic-update instance either.
  expect(asOfEleven.clocks.filter((clock) => clock.metric === "periodic_update")).toHaveLength(1);
  expect(asOfEleven.clocks.every((clock) => clock.startedAt <= asOfEleven.at)).toBe(true);
  expect(asOfEleven.hearBackBy).not.toBeNull();

  const after = expectShape(
    applicationSlaResource,
    (await slaAt(recruiter, applicationId, "2026-03-02T13:00:00Z")).body,
  );
  expect(firstResponse(after.clocks)).toEqual([
    expect.objectContaining({
      state: "stopped",
      startedAt: "2026-03-02T09:00:00.000Z",
      dueAt: "2026-03-03T17:00:00.000Z",
      stoppedAt: "2026-03-02T12:00:00.000Z",
      breached: false,
    }),
  ]);
  const updates = after.clocks.filter((clock) => clock.metric === "periodic_update");
  expect(updates.map((clock) => [clock.instance, clock.state, clock.startedAt])).toEqual([
    [1, "stopped", "2026-03-02T09:00:00.000Z"],
    [2, "running", "2026-03-02T12:00:00.000Z"],
  ]);

  // Before the application existed there is nothing to show.
  const earlier = expectShape(
    applicationSlaResource,
    (await slaAt(recruiter, applicationId, "2026-03-01T09:00:00Z")).body,
  );
  expect(earlier.clocks).toEqual([]);
  expect(earlier.hearBackBy).toBeNull();
});

test("/sla without `at` answers as of now; a reply never sent leaves first response breached", async () => {
  const recruiter = await caller("recruiter");
  const applicationId = await apply(recruiter, await createJob(recruiter), "2026-03-02T09:00:00Z");
  const started = clockNow().getTime();
  const answer = expectShape(applicationSlaResource, (await slaAt(recruiter, applicationId)).body);
  expect(Date.parse(answer.at)).toBeGreaterThanOrEqual(started - 1000);
  expect(Date.parse(answer.at)).toBeLessThanOrEqual(clockNow().getTime());
  expect(answer.clocks.find((clock) => clock.metric === "first_response")).toMatchObject({
    state: "running",
    dueAt: "2026-03-03T17:00:00.000Z",
    breached: Date.parse(answer.at) > Date.parse("2026-03-03T17:00:00Z"),
  });
  // As of Tuesday 16:59 it was not late yet.
  const inTime = expectShape(
    applicationSlaResource,
    (await slaAt(recruiter, applicationId, "2026-03-03T16:59:00Z")).body,
  );
  expect(inTime.clocks.find((clock) => clock.metric === "first_response")!.breached).toBe(false);
  const late = expectShape(
    applicationSlaResource,
    (await slaAt(recruiter, applicationId, "2026-03-03T17:01:00Z")).body,
  );
  expect(late.clocks.find((clock) => clock.metric === "first_response")!.breached).toBe(true);
});

test("/sla is scoped like the application: 401 without a token, 404 when not visible, 400 naming `at`", async () => {
  const admin = await caller("admin");
  const manager = await caller("hiring_manager");
  const othersJob = await createJob(admin);
  const ownJob = await createJob(admin, { hiringManagerId: manager.user!.id });
  const hidden = await apply(admin, othersJob, "2026-03-02T09:00:00Z");
  const visible = await apply(admin, ownJob, "2026-03-02T09:00:00Z");

  expect((await slaAt(manager, visible, "2026-03-02T10:00:00Z")).status).toBe(200);
  const notYours = await send<ErrorBody>(slaRoute, apiRequest("GET", `/api/v1/applications/${hidden}/sla`, manager), {
    applicationId: hidden,
  });
  expect([notYours.status, notYours.body.error.code]).toEqual([404, "not_found"]);
  const unknown = await send<ErrorBody>(slaRoute, apiRequest("GET", "/api/v1/applications/nope/sla", admin), {
    applicationId: "nope",
  });
  expect(unknown.status).toBe(404);
  const anonymous = await send(slaRoute, apiRequest("GET", `/api/v1/applications/${visible}/sla`, null), {
    applicationId: visible,
  });
  expect(anonymous.status).toBe(401);
  const badAt = await send<ErrorBody>(
    slaRoute,
    apiRequest("GET", `/api/v1/applications/${visible}/sla?at=last-tuesday`, admin),
    { applicationId: visible },
  );
  expect(badAt.status).toBe(400);
  expect(badAt.body.error.issues.map((issue) => issue.path)).toEqual(["at"]);
});

test("/sla on a schedule without open hours is a 409, not a silent 24/7 count", async () => {
  const admin = await caller("admin");
  const schedule = { name: "Soon closed", timeZone: "UTC", hours: [{ day: "mon", open: "09:00", close: "17:00" }] };
  const created = await send<{ id: string }>(
    schedulesRoute,
    apiRequest("POST", "/api/v1/schedules", admin, { body: { ...schedule, holidays: [] } }),
  );
  expect(created.status).toBe(201);
  const scheduleId = created.body.id;
  const applicationId = await apply(admin, await createJob(admin, { scheduleId }), "2026-03-02T09:00:00Z");
  const closed = await send(
    scheduleRoute,
    apiRequest("PUT", `/api/v1/schedules/${scheduleId}`, admin, { body: { ...schedule, hours: [], holidays: [] } }),
    { scheduleId },
  );
  expect(closed.status).toBe(200);
  const answer = await send<ErrorBody>(
    slaRoute,
    apiRequest("GET", `/api/v1/applications/${applicationId}/sla?at=2026-03-02T10:00:00Z`, admin),
    { applicationId },
  );
  expect([answer.status, answer.body.error.code]).toEqual([409, "conflict"]);
  expect(answer.body.error.message).toMatch(/no open hours/);
});

test("/queue lists running clocks soonest due first, honours limit, filters and `at`", async () => {
  const admin = await caller("admin");
  const recruiter = await caller("recruiter");
  const colleague = await caller("recruiter");
  const mine = `recruiterId=${recruiter.user!.id}`;
  const jobA = await createJob(admin, { title: "Platform Engineer", recruiterId: recruiter.user!.id });
  const jobB = await createJob(admin, { title: "Designer", recruiterId: recruiter.user!.id });
  const elsewhere = await apply(
    admin,
    await createJob(admin, { recruiterId: colleague.user!.id }),
    "2026-03-02T09:00:00Z",
  );
  // Applied Wednesday, Monday, Tuesday: first responses due Thursday, Tuesday, Wednesday 17:00.
  const wednesday = await apply(admin, jobA, "2026-03-04T09:00:00Z");
  const monday = await apply(admin, jobB, "2026-03-02T09:00:00Z");
  const tuesday = await apply(admin, jobA, "2026-03-03T09:00:00Z");
  const answered = await apply(admin, jobB, "2026-03-02T08:00:00Z");
  await reply(admin, answered, "2026-03-02T10:00:00Z");

  const firstResponses = expectShape(
    queueResource,
    (await queue(recruiter, `${mine}&metric=first_response&at=2026-03-04T14:00:00Z`)).body,
  );
  expect(firstResponses.total).toBe(3);
  expect(firstResponses.items.map((item) => [item.applicationId, item.dueAt, item.breached, item.risk])).toEqual([
    // As of Wednesday 14:00: Monday's is late, Tuesday's within its 240-minute warning, Wednesday's fine.
    [monday, "2026-03-03T17:00:00.000Z", true, "breached"],
    [tuesday, "2026-03-04T17:00:00.000Z", false, "warning"],
    [wednesday, "2026-03-05T17:00:00.000Z", false, "fine"],
  ]);
  expect(firstResponses.items[0]).toMatchObject({
    metric: "first_response",
    instance: 1,
    startedAt: "2026-03-02T09:00:00.000Z",
    candidate: { name: expect.stringMatching(/^Candidate /) },
    job: { id: jobB, title: "Designer" },
    stage: { name: "Applied" },
  });

  // Judged as of now (long after March), every one of them is late.
  const now = expectShape(queueResource, (await queue(recruiter, `${mine}&metric=first_response`)).body);
  expect(now.items.map((item) => [item.applicationId, item.breached, item.risk])).toEqual([
    [monday, true, "breached"],
    [tuesday, true, "breached"],
    [wednesday, true, "breached"],
  ]);

  // Every metric: still soonest due first; the answered application owes no first response.
  const all = expectShape(queueResource, (await queue(recruiter, `${mine}&at=2026-03-03T10:00:00Z`)).body);
  expect(all.total).toBeGreaterThan(3);
  const dueTimes = all.items.map((item) => item.dueAt);
  expect(dueTimes).toEqual([...dueTimes].sort());
  expect(new Set(all.items.map((item) => item.metric))).toEqual(
    new Set(["first_response", "periodic_update", "stage_decision"]),
  );
  expect(all.items.some((item) => item.applicationId === answered && item.metric === "first_response")).toBe(false);
  expect(all.items.some((item) => item.applicationId === elsewhere)).toBe(false);

  const limited = expectShape(queueResource, (await queue(recruiter, `${mine}&limit=2`)).body);
  expect(limited.items).toHaveLength(2);
  expect(limited.total).toBe(all.total);
  expect(limited.items).toEqual(all.items.slice(0, 2).map((item) => ({ ...item, breached: true, risk: "breached" })));

  const byJob = expectShape(queueResource, (await queue(recruiter, `jobId=${jobA}&metric=first_response`)).body);
  expect(byJob.items.map((item) => item.applicationId)).toEqual([tuesday, wednesday]);
  const everyone = expectShape(queueResource, (await queue(recruiter, "metric=first_response")).body);
  expect(everyone.items.map((item) => item.applicationId)).toEqual(expect.arrayContaining([elsewhere, monday]));
  expect(everyone.total).toBeGreaterThanOrEqual(4);
});

test("/queue shows hiring managers only their jobs, and checks its parameters", async () => {
  const admin = await caller("admin");
  const manager = await caller("hiring_manager");
  const ownJob = await createJob(admin, { hiringManagerId: manager.user!.id });
  const own = await apply(admin, ownJob, "2026-03-02T09:00:00Z");
  await apply(admin, await createJob(admin), "2026-03-02T09:00:00Z");

  const mine = expectShape(queueResource, (await queue(manager)).body);
  expect(mine.items.length).toBeGreaterThan(0);
  expect(new Set(mine.items.map((item) => item.applicationId))).toEqual(new Set([own]));

  expect((await queue(null)).status).toBe(401);
  const cases: [query: string, path: string][] = [
    ["limit=0", "limit"],
    ["limit=1001", "limit"],
    ["limit=ten", "limit"],
    ["at=tomorrow", "at"],
    ["metric=happiness", "metric"],
    ["jobId=", "jobId"],
  ];
  for (const [query, path] of cases) {
    const answer = await queue(admin, query);
    expect({ query, status: answer.status, paths: answer.body.error?.issues.map((issue) => issue.path) }).toEqual({
      query,
      status: 400,
      paths: [path],
    });
  }
});
