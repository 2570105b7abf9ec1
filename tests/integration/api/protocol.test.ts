// What every endpoint shares: bearer tokens, the error format, the JSON body reader (size, syntax, type), methods
// and unknown paths, and how tokens without an owner act.
import { expect, test } from "vitest";
import { createApiToken, revokeApiToken } from "~/models/api-token.server";
import { createJob } from "~/models/job.server";
import { setUserActive } from "~/models/user.server";
import * as splatRoute from "~/routes/api.$";
import * as applicationRoute from "~/routes/api.v1.applications.$applicationId";
import * as decisionRoute from "~/routes/api.v1.applications.$applicationId.decision";
import * as applicationsRoute from "~/routes/api.v1.applications";
import * as jobsRoute from "~/routes/api.v1.jobs";
import { prisma } from "~/platform/db.server";
import { clockNow, pinClock } from "../../clock";
import { apiRequest, caller, rowCounts, send, type ErrorBody } from "./helpers";

const NOW = pinClock();

const noPeople = { hiringManagerId: null, recruiterId: null, scheduleId: null };

test("a request without a token is a 401 in the error format, with a hint how to authenticate", async () => {
  const answer = await send<ErrorBody>(jobsRoute, apiRequest("GET", "/api/v1/jobs", null));
  expect(answer.status).toBe(401);
  expect(answer.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  expect(answer.body).toEqual({
    error: { code: "unauthorized", message: expect.stringMatching(/Authorization: Bearer/), issues: [] },
  });
});

test("unknown, malformed and revoked tokens are refused, and so are tokens of deactivated accounts", async () => {
  const admin = await caller("admin");
  const recruiter = await caller("recruiter");
  const statusWith = async (authorization: string) =>
    (await send(jobsRoute, apiRequest("GET", "/api/v1/jobs", null, { headers: { Authorization: authorization } })))
      .status;

  expect(await statusWith(`Bearer ${admin.token}`)).toBe(200);
  expect(await statusWith(`bearer   ${admin.token}`)).toBe(200);
  expect(await statusWith(`Bearer ${admin.token}x`)).toBe(401);
  expect(await statusWith("Bearer hb_guessed")).toBe(401);
  expect(await statusWith(`Basic ${Buffer.from(`x:${admin.token}`).toString("base64")}`)).toBe(401);
  expect(await statusWith(admin.token)).toBe(401);

  await revokeApiToken(admin.tokenId, admin.user!.id);
  const revoked = await send<ErrorBody>(jobsRoute, apiRequest("GET", "/api/v1/jobs", admin));
  expect(revoked.status).toBe(401);
  expect(revoked.body.error.message).toBe("This API token was revoked.");

  await setUserActive(recruiter.user!.id, false, recruiter.user!.id);
  const deactivated = await send<ErrorBody>(jobsRoute, apiRequest("GET", "/api/v1/jobs", recruiter));
  expect(deactivated.status).toBe(401);
  expect(deactivated.body.error.message).toMatch(/deactivated/);
});

test("a refused request changes nothing", async () => {
  const job = await createJob({ title: "Anything", status: "open", ...noPeople }, null);
  const before = await rowCounts();
  const answer = await send<ErrorBody>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", null, {
      token: "hb_not-a-token",
      body: { jobId: job.id, candidate: { name: "Ana", email: "ana.refused@example.com" } },
    }),
  );
  expect(answer.status).toBe(401);
  expect(await rowCounts()).toEqual(before);
});

test("using a token records when it was last used", async () => {
  const admin = await caller("admin");
  const before = await prisma.apiToken.findUniqueOrThrow({ where: { id: admin.tokenId } });
  expect(before.lastUsedAt).toBeNull();
  await send(jobsRoute, apiRequest("GET", "/api/v1/jobs", admin));
  const after = await prisma.apiToken.findUniqueOrThrow({ where: { id: admin.tokenId } });
  expect(after.lastUsedAt).toBeInstanceOf(Date);
  expect(after.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
  expect(after.lastUsedAt!.getTime()).toBeLessThanOrEqual(clockNow().getTime());
});

test("a token without an owner acts as an admin; its changes name the token, not a person", async () => {
  const cli = await caller(null);
  const created = await send<{ id: string; stages: { id: string }[] }>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", cli, { body: { title: "Imported role" } }),
  );
  expect(created.status).toBe(201);
  const application = await send<{ id: string }>(
    applicationsRoute,
    apiRequest("POST", "/api/v1/applications", cli, {
      body: { jobId: created.body.id, candidate: { name: "Ana", email: "ana.cli@example.com" }, notify: false },
    }),
  );
  expect(application.status).toBe(201);
  const decided = await send(
    decisionRoute,
    apiRequest("POST", `/api/v1/applications/${application.body.id}/decision`, cli, { body: { outcome: "hired" } }),
    { applicationId: application.body.id },
  );
  expect(decided.status).toBe(200);

  const audits = await prisma.auditLog.findMany({
    where: { entityId: { in: [created.body.id, application.body.id] } },
    orderBy: { createdAt: "asc" },
  });
  expect(audits.map((audit) => audit.action)).toEqual(["job.created", "application.created", "application.hired"]);
  for (const audit of audits) {
    expect(audit.actorId).toBeNull();
    expect(audit.data).toMatchObject({ apiTokenId: cli.tokenId });
  }
  const decision = await prisma.event.findFirstOrThrow({
    where: { applicationId: application.body.id, type: "decision" },
  });
  expect(decision.actorId).toBeNull();
});

test("audit entries written outside API requests carry no token id", async () => {
  const { token } = await createApiToken({ name: "outside" }, null);
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: token.id } });
  expect(audit.data).not.toHaveProperty("apiTokenId");
});

test("malformed JSON, a non-object body, an empty body and NUL characters are 400s", async () => {
  const admin = await caller("admin");
  const post = (body: string) => send<ErrorBody>(jobsRoute, apiRequest("POST", "/api/v1/jobs", admin, { body }));

  const malformed = await post('{"title": "Backend",');
  expect(malformed.status).toBe(400);
  expect(malformed.body.error.code).toBe("validation_error");
  expect(malformed.body.error.message).toMatch(/^The request body is not valid JSON/);

  expect((await post('["title"]')).body.error.message).toBe("The request body must be a JSON object.");
  expect((await post("null")).status).toBe(400);
  expect((await post("")).body.error.message).toMatch(/empty/);

  const nul = await post(JSON.stringify({ title: "Back\u0000end" }));
  expect(nul.status).toBe(400);
  expect(nul.body.error.issues).toEqual([{ path: "title", message: expect.stringMatching(/NUL/) }]);
});

test("bodies nested deeper than 64 levels are a 400 naming the limit; 64 levels are read", async () => {
  const admin = await caller("admin");
  const before = await rowCounts();
  const post = (body: string) => send<ErrorBody>(jobsRoute, apiRequest("POST", "/api/v1/jobs", admin, { body }));
  const nested = (depth: number, open: string, close: string) =>
    `{"title":"Deep","department":${open.repeat(depth - 1)}1${close.repeat(depth - 1)}}`;

  for (const body of [nested(5_000, '{"a":', "}"), nested(5_000, "[", "]"), nested(65, "[", "]")]) {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: "validation_error",
      message: "The request body is nested too deeply: at most 64 levels of objects and arrays.",
      issues: [{ path: expect.stringMatching(/^department(\.(a|0)){63}$/), message: expect.any(String) }],
    });
  }
  // 64 levels (the body and 63 below it) pass the reader, and the schema names the field.
  const atLimit = await post(nested(64, "[", "]"));
  expect(atLimit.status).toBe(400);
  expect(atLimit.body.error.issues.map((issue) => issue.path)).toEqual(["department"]);
  // NUL characters are still found, in document order, however the body is shaped.
  const nul = await post(
    JSON.stringify({ title: "Backend", stages: [{ name: "ok" }, { name: "x\u0000" }], z: "\u0000" }),
  );
  expect(nul.body.error.issues).toEqual([{ path: "stages.1.name", message: expect.stringMatching(/NUL/) }]);
  expect(await rowCounts()).toEqual(before);
});

test("a NUL character in an id in the path is a 404, in a query parameter a 400 naming it", async () => {
  const admin = await caller("admin");
  const missing = await send<ErrorBody>(applicationRoute, apiRequest("GET", "/api/v1/applications/a%00b", admin), {
    applicationId: "a\u0000b",
  });
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe("not_found");
  const query = await send<ErrorBody>(jobsRoute, apiRequest("GET", "/api/v1/jobs?status=open%00", admin));
  expect(query.status).toBe(400);
  expect(query.body.error.issues).toEqual([{ path: "status", message: expect.stringMatching(/NUL/) }]);
});

test("a body that is not JSON is a 415", async () => {
  const admin = await caller("admin");
  const answer = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, {
      body: "title=Backend",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  expect(answer.status).toBe(415);
  expect(answer.body.error.code).toBe("unsupported_media_type");
  const vendorJson = await send(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, {
      body: JSON.stringify({ title: "Vendor JSON" }),
      headers: { "Content-Type": "application/vnd.api+json; charset=utf-8" },
    }),
  );
  expect(vendorJson.status).toBe(201);
});

function streamOf(totalBytes: number, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  let pulls = 0;
  return new ReadableStream({
    pull(controller) {
      pulls += 1;
      if (pulls > 1000) throw new Error("the reader kept reading after the limit");
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      // A JSON string full of spaces: well-formed until cut off, so only the size can make it fail.
      const chunk = new Uint8Array(size).fill(0x20);
      if (sent === 0) chunk.set(new TextEncoder().encode('{"title":"'));
      sent += size;
      controller.enqueue(chunk);
    },
  });
}

test("bodies over 1 MB are a 413, whether or not they announce their length", async () => {
  const admin = await caller("admin");
  const before = await rowCounts();
  const big = JSON.stringify({ title: "Backend", department: "x".repeat(1024 * 1024) });
  const announced = await send<ErrorBody>(jobsRoute, apiRequest("POST", "/api/v1/jobs", admin, { body: big }));
  expect(announced.status).toBe(413);
  expect(announced.body.error.code).toBe("payload_too_large");

  const chunked = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, { body: streamOf(3 * 1024 * 1024) }),
  );
  expect(chunked.status).toBe(413);
  expect(chunked.body.error.code).toBe("payload_too_large");

  const lying = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, { body: streamOf(2 * 1024 * 1024), headers: { "Content-Length": "20" } }),
  );
  expect(lying.status).toBe(413);
  expect(await rowCounts()).toEqual(before);

  // Just under the limit is fine (and then fails validation on its own merits).
  const underLimit = await send<ErrorBody>(
    jobsRoute,
    apiRequest("POST", "/api/v1/jobs", admin, { body: JSON.stringify({ title: "x".repeat(1024 * 1024 - 20) }) }),
  );
  expect(underLimit.status).toBe(400);
  expect(underLimit.body.error.issues).toEqual([{ path: "title", message: "Title must be at most 120 characters." }]);
});

test("a method an endpoint does not support is a 405 naming the allowed ones", async () => {
  const admin = await caller("admin");
  const deleteJobs = await send<ErrorBody>(jobsRoute, apiRequest("DELETE", "/api/v1/jobs", admin));
  expect(deleteJobs.status).toBe(405);
  expect(deleteJobs.headers.get("Allow")).toBe("GET, POST, HEAD");
  expect(deleteJobs.body.error.code).toBe("method_not_allowed");

  const listApplications = await send<ErrorBody>(applicationsRoute, apiRequest("GET", "/api/v1/applications", admin));
  expect(listApplications.status).toBe(405);
  expect(listApplications.headers.get("Allow")).toBe("POST");

  const putApplication = await send<ErrorBody>(
    applicationRoute,
    apiRequest("PUT", "/api/v1/applications/x", admin, { body: {} }),
    { applicationId: "x" },
  );
  expect(putApplication.status).toBe(405);

  // The method is checked before the token: a wrong method is wrong for everyone.
  const anonymous = await send<ErrorBody>(jobsRoute, apiRequest("PATCH", "/api/v1/jobs", null));
  expect(anonymous.status).toBe(405);
});

test("unknown API paths are a JSON 404 for every method", async () => {
  for (const method of ["GET", "POST", "DELETE"]) {
    const answer = await send<ErrorBody>(splatRoute, apiRequest(method, "/api/v1/candidates", null), {
      "*": "v1/candidates",
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({
      code: "not_found",
      message: expect.stringContaining("/api/v1/candidates"),
      issues: [],
    });
  }
});
