// /api/v1/sla-policies: the ordered list of promises — creating, reading, replacing, deleting; matching by department
// and job decides which policy an application's clocks run under (seen through /applications/:id/sla).
import { expect, test } from "vitest";
import * as slaRoute from "~/routes/api.v1.applications.$applicationId.sla";
import * as applicationsRoute from "~/routes/api.v1.applications";
import * as jobsRoute from "~/routes/api.v1.jobs";
import * as schedulesRoute from "~/routes/api.v1.schedules";
import * as policyRoute from "~/routes/api.v1.sla-policies.$policyId";
import * as policiesRoute from "~/routes/api.v1.sla-policies";
import { applicationSlaResource, slaPolicyListResource, slaPolicyResource } from "~/web/api-sla-resources.server";
import { prisma } from "~/platform/db.server";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "./helpers";

const quickReply = {
  name: "Engineering promise",
  match: { departments: ["Engineering"] },
  targets: [{ metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 15 }],
};

async function createPolicy(admin: Caller, body: Record<string, unknown> = quickReply) {
  const answer = await send(policiesRoute, apiRequest("POST", "/api/v1/sla-policies", admin, { body }));
  expect(answer.status).toBe(201);
  return expectShape(slaPolicyResource, answer.body);
}

async function listPolicies(who: Caller) {
  const answer = await send(policiesRoute, apiRequest("GET", "/api/v1/sla-policies", who));
  expect(answer.status).toBe(200);
  return expectShape(slaPolicyListResource, answer.body).items;
}

let emailCounter = 0;

async function applyTo(who: Caller, job: Record<string, unknown>) {
  const created = await send<{ id: string }>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", who, { body: { title: "Engineer", ...job } }),
  );
  expect(created.status).toBe(201);
  emailCounter += 1;
  const application = await send<{ id: string }>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", who, {
      body: {
        jobId: created.body.id,
        candidate: { name: "Rosa Díaz", email: `policy-candidate${emailCounter}@example.com` },
        appliedAt: "2026-03-02T09:00:00Z",
        notify: false,
      },
    }),
  );
  expect(application.status).toBe(201);
  return { jobId: created.body.id, applicationId: application.body.id };
}

async function clocksOf(who: Caller, applicationId: string) {
  const answer = await send(
    slaRoute,
    apiRequest("GET", `/api/v1/applications/${applicationId}/sla?at=2026-03-02T09:30:00Z`, who),
    { applicationId },
  );
  expect(answer.status).toBe(200);
  return expectShape(applicationSlaResource, answer.body);
}

test("POST /sla-policies stores a policy tried before the default; GET returns it", async () => {
  const admin = await caller("admin");
  const created = await createPolicy(admin);
  expect(created).toMatchObject({
    name: "Engineering promise",
    position: 1,
    isDefault: false,
    match: { departments: ["Engineering"], jobIds: [] },
    scheduleId: null,
    countAutomatedReplies: false,
    targets: [{ metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 15 }],
  });

  const recruiter = await caller("recruiter");
  const read = await send(policyRoute, apiRequest("GET", `/api/v1/sla-policies/${created.id}`, recruiter), {
    policyId: created.id,
  });
  expect(read.status).toBe(200);
  expect(read.body).toEqual(created);
  const policies = await listPolicies(recruiter);
  expect(policies.map((policy) => policy.id)).toEqual([created.id, "default-policy"]);
  expect(policies[1]).toMatchObject({ isDefault: true, match: { departments: [], jobIds: [] } });

  const audit = await prisma.auditLog.findFirstOrThrow({
    where: { entityId: created.id, action: "sla_policy.created" },
  });
  expect(audit.actorId).toBe(admin.user!.id);
});

test("the first matching policy decides an application's clocks: by department, by job, by position", async () => {
  const admin = await caller("admin");
  // Each test file shares one database: this test's department is its own.
  const engineering = await applyTo(admin, { department: "Platform" });
  const sales = await applyTo(admin, { department: "Sales" });

  const before = await clocksOf(admin, engineering.applicationId);
  expect(before.policy).toEqual({ id: "default-policy", name: "Standard promise" });
  expect(before.clocks.find((clock) => clock.metric === "first_response")).toMatchObject({
    businessHours: true,
    dueAt: "2026-03-03T17:00:00.000Z",
  });

  const policy = await createPolicy(admin, {
    ...quickReply,
    name: "Platform promise",
    match: { departments: ["platform"] },
  });
  const after = await clocksOf(admin, engineering.applicationId);
  // Departments match case-insensitively.
  expect(after.policy).toEqual({ id: policy.id, name: "Platform promise" });
  // 60 calendar minutes after 09:00, and no targets for the other metrics in this policy.
  expect(after.clocks.map((clock) => [clock.metric, clock.businessHours, clock.dueAt, clock.warnAt])).toEqual([
    ["first_response", false, "2026-03-02T10:00:00.000Z", "2026-03-02T09:45:00.000Z"],
  ]);
  expect((await clocksOf(admin, sales.applicationId)).policy.id).toBe("default-policy");

  // A policy for the sales job, put first, wins for that job only.
  const salesPolicy = await createPolicy(admin, {
    name: "Sales job",
    position: 1,
    match: { jobIds: [sales.jobId] },
    targets: [{ metric: "first_response", minutes: 30, businessHours: false }],
  });
  const order = (await listPolicies(admin)).map((item) => item.id);
  expect(order[0]).toBe(salesPolicy.id);
  expect(order.indexOf(policy.id)).toBeGreaterThan(0);
  expect(order.at(-1)).toBe("default-policy");
  const salesClocks = await clocksOf(admin, sales.applicationId);
  expect(salesClocks.policy.id).toBe(salesPolicy.id);
  expect(salesClocks.clocks.find((clock) => clock.metric === "first_response")!.dueAt).toBe("2026-03-02T09:30:00.000Z");
  expect((await clocksOf(admin, engineering.applicationId)).policy.id).toBe(policy.id);
});

test("a policy's schedule is used for its jobs' business-hours targets", async () => {
  const admin = await caller("admin");
  const schedule = await send<{ id: string }>(
    schedulesRoute,
    apiRequest("POST", "/api/v1/schedules", admin, {
      body: { name: "Mornings", timeZone: "UTC", hours: [{ day: "mon", open: "09:00", close: "10:00" }], holidays: [] },
    }),
  );
  expect(schedule.status).toBe(201);
  const policy = await createPolicy(admin, {
    name: "Mornings only",
    match: { departments: ["Support"] },
    scheduleId: schedule.body.id,
    targets: [{ metric: "first_response", minutes: 90, businessHours: true }],
  });
  expect(policy.scheduleId).toBe(schedule.body.id);
  const { applicationId } = await applyTo(admin, { department: "Support" });
  const clocks = await clocksOf(admin, applicationId);
  expect(clocks.scheduleId).toBe(schedule.body.id);
  // One business hour a week: 60 minutes on 2 March, 30 on 9 March.
  expect(clocks.clocks[0]).toMatchObject({ metric: "first_response", dueAt: "2026-03-09T09:30:00.000Z" });
});

test("PUT replaces a policy; the default keeps no match conditions; DELETE removes, but not the default", async () => {
  const admin = await caller("admin");
  const created = await createPolicy(admin);
  const params = { policyId: created.id };
  const put = await send(
    policyRoute,
    apiRequest("PUT", `/api/v1/sla-policies/${created.id}`, admin, {
      body: { ...quickReply, name: "Engineering, faster", countAutomatedReplies: true },
    }),
    params,
  );
  expect(put.status).toBe(200);
  expect(expectShape(slaPolicyResource, put.body)).toMatchObject({
    name: "Engineering, faster",
    countAutomatedReplies: true,
  });

  const defaultParams = { policyId: "default-policy" };
  const putDefault = await send(
    policyRoute,
    apiRequest("PUT", "/api/v1/sla-policies/default-policy", admin, {
      body: { ...quickReply, name: "Standard promise" },
    }),
    defaultParams,
  );
  expect(putDefault.status).toBe(200);
  expect(expectShape(slaPolicyResource, putDefault.body)).toMatchObject({
    isDefault: true,
    position: 0,
    match: { departments: [], jobIds: [] },
  });

  const removed = await send(policyRoute, apiRequest("DELETE", `/api/v1/sla-policies/${created.id}`, admin), params);
  expect(removed).toMatchObject({ status: 200, body: { id: created.id, deleted: true } });
  expect((await send(policyRoute, apiRequest("GET", `/api/v1/sla-policies/${created.id}`, admin), params)).status).toBe(
    404,
  );
  const keep = await send<ErrorBody>(
    policyRoute,
    apiRequest("DELETE", "/api/v1/sla-policies/default-policy", admin),
    defaultParams,
  );
  expect([keep.status, keep.body.error.code]).toEqual([409, "conflict"]);
  expect(await prisma.slaPolicy.findUnique({ where: { id: "default-policy" } })).not.toBeNull();

  const missing = { policyId: "no-such-policy" };
  const notFound = [
    await send<ErrorBody>(policyRoute, apiRequest("GET", "/api/v1/sla-policies/no-such-policy", admin), missing),
    await send<ErrorBody>(
      policyRoute,
      apiRequest("PUT", "/api/v1/sla-policies/no-such-policy", admin, { body: quickReply }),
      missing,
    ),
    await send<ErrorBody>(policyRoute, apiRequest("DELETE", "/api/v1/sla-policies/no-such-policy", admin), missing),
  ];
  expect(notFound.map((answer) => answer.status)).toEqual([404, 404, 404]);
});

test("invalid policies are a 400 naming the field; writes need manage_settings", async () => {
  const admin = await caller("admin");
  const recruiter = await caller("recruiter");
  const before = await prisma.slaPolicy.count();
  const cases: [body: Record<string, unknown>, path: string][] = [
    [{ ...quickReply, name: "" }, "name"],
    [{ ...quickReply, targets: [{ metric: "happiness", minutes: 60, businessHours: true }] }, "targets.0.metric"],
    [{ ...quickReply, targets: [{ metric: "first_response", minutes: -5, businessHours: true }] }, "targets.0.minutes"],
    [{ ...quickReply, targets: [{ metric: "first_response", minutes: 60 }] }, "targets.0.businessHours"],
    [{ ...quickReply, scheduleId: "no-such-schedule" }, "scheduleId"],
    [{ ...quickReply, match: { jobIds: ["no-such-job"] } }, "match.jobIds.0"],
  ];
  for (const [body, path] of cases) {
    const answer = await send<ErrorBody>(policiesRoute, apiRequest("POST", "/api/v1/sla-policies", admin, { body }));
    expect({ path, status: answer.status }).toEqual({ path, status: 400 });
    expect(answer.body.error.issues.map((issue) => issue.path)).toContain(path);
  }

  const forbidden = await send<ErrorBody>(
    policiesRoute,
    apiRequest("POST", "/api/v1/sla-policies", recruiter, { body: quickReply }),
  );
  expect([forbidden.status, forbidden.body.error.code]).toEqual([403, "forbidden"]);
  const forbiddenPut = await send(
    policyRoute,
    apiRequest("PUT", "/api/v1/sla-policies/default-policy", recruiter, { body: quickReply }),
    { policyId: "default-policy" },
  );
  expect(forbiddenPut.status).toBe(403);
  expect((await send(policiesRoute, apiRequest("GET", "/api/v1/sla-policies", null))).status).toBe(401);
  expect(await prisma.slaPolicy.count()).toBe(before);
  expect((await listPolicies(recruiter)).length).toBe(before);
});
