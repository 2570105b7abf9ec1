// The OpenAPI document lists exactly the endpoints the route files implement, with the request schemas they
// validate with; and the health check answers for the database.
import { expect, test, vi } from "vitest";
import * as healthRoute from "~/routes/healthz";
import * as openApiRoute from "~/routes/api.v1.openapi[.]json";
import { prisma } from "~/platform/db.server";
import { apiRequest, endpointRoutes, send, type ErrorBody } from "./helpers";

type Schema = {
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: string[];
  format?: string;
  $ref?: string;
};
type OperationDoc = {
  security: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { content: { "application/json": { schema: Schema } } }>;
};
type OpenApiDoc = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, OperationDoc>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, Schema> };
};

async function openApiDocument(): Promise<OpenApiDoc> {
  const answer = await send<OpenApiDoc>(openApiRoute, apiRequest("GET", "/api/v1/openapi.json", null));
  expect(answer.status).toBe(200);
  return answer.body;
}

test("every endpoint a route file implements is in the document, and nothing else", async () => {
  const endpoints = await endpointRoutes();
  expect(endpoints.size).toBeGreaterThanOrEqual(9);
  const implemented: string[] = [];
  for (const [routePath, route] of endpoints) {
    const url = routePath.replace(/\{(\w+)\}/g, "x");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      // Methods are checked before the token, so an anonymous probe tells implemented (not 405) from the rest.
      const answer = await send(route, apiRequest(method, url, null, method === "GET" ? {} : { body: {} }), {});
      if (answer.status !== 405) implemented.push(`${method} ${routePath}`);
    }
  }
  const document = await openApiDocument();
  const documented = Object.entries(document.paths).flatMap(([route, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
  );
  expect(documented.sort()).toEqual(implemented.sort());
  expect(implemented).toEqual(
    expect.arrayContaining([
      "GET /healthz",
      "GET /readyz",
      "GET /api/v1/openapi.json",
      "GET /api/v1/jobs",
      "POST /api/v1/jobs",
      "GET /api/v1/jobs/{jobId}",
      "POST /api/v1/applications",
      "GET /api/v1/applications/{applicationId}",
      "POST /api/v1/applications/{applicationId}/stage",
      "POST /api/v1/applications/{applicationId}/decision",
      "POST /api/v1/applications/{applicationId}/messages",
      "GET /api/v1/applications/{applicationId}/sla",
      "GET /api/v1/schedules",
      "POST /api/v1/schedules",
      "GET /api/v1/schedules/{scheduleId}",
      "PUT /api/v1/schedules/{scheduleId}",
      "DELETE /api/v1/schedules/{scheduleId}",
      "GET /api/v1/schedules/{scheduleId}/due",
      "GET /api/v1/schedules/{scheduleId}/elapsed",
      "GET /api/v1/sla-policies",
      "POST /api/v1/sla-policies",
      "GET /api/v1/sla-policies/{policyId}",
      "PUT /api/v1/sla-policies/{policyId}",
      "DELETE /api/v1/sla-policies/{policyId}",
      "GET /api/v1/queue",
    ]),
  );
});

test("the document is OpenAPI 3.1 with bearer security and the error schema", async () => {
  const document = await openApiDocument();
  expect(document.openapi).toBe("3.1.0");
  expect(document.servers).toEqual([{ url: "http://hearback.test" }]);
  expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  const error = document.components.schemas.Error!;
  expect(error.required).toEqual(["error"]);
  expect(error.properties!.error!.required).toEqual(["code", "message", "issues"]);
  expect(error.properties!.error!.properties!.code!.enum).toEqual(
    expect.arrayContaining(["validation_error", "unauthorized", "forbidden", "not_found", "conflict"]),
  );

  const createApplication = document.paths["/api/v1/applications"]!.post!;
  expect(createApplication.security).toEqual([{ bearerAuth: [] }]);
  expect(Object.keys(createApplication.responses)).toEqual(["201", "400", "401", "403", "409", "413", "415", "500"]);
  expect(createApplication.responses["409"]!.content["application/json"].schema).toEqual({
    $ref: "#/components/schemas/Error",
  });
  expect(document.paths["/healthz"]!.get!.security).toEqual([]);
});

test("request bodies are the endpoints' own zod schemas, input side", async () => {
  const document = await openApiDocument();
  const body = (route: string) => document.paths[route]!.post!.requestBody!.content["application/json"].schema;

  const application = body("/api/v1/applications");
  expect(application.required).toEqual(["jobId", "candidate"]);
  expect(application.properties!.candidate!.required).toEqual(["name", "email"]);
  expect(application.properties!.candidate!.properties!.locale!.enum).toEqual(["en", "de"]);
  expect(application.properties!.appliedAt).toMatchObject({ type: "string", format: "date-time" });
  // notify has a default, so callers may leave it out.
  expect(application.required).not.toContain("notify");

  const job = body("/api/v1/jobs");
  expect(job.required).toEqual(["title"]);
  expect(job.properties!.stages!.items!.required).toEqual(["name", "kind"]);
  expect(job.properties!.stages!.items!.properties!.kind!.enum).toEqual([
    "applied",
    "screen",
    "interview",
    "assessment",
    "offer",
  ]);
  expect(body("/api/v1/applications/{applicationId}/stage").required).toEqual(["stageId"]);
  expect(body("/api/v1/applications/{applicationId}/decision").properties!.outcome!.enum).toEqual([
    "rejected",
    "hired",
    "withdrawn",
  ]);
  expect(body("/api/v1/applications/{applicationId}/messages").required).toEqual(["direction", "body"]);

  const getApplication = document.paths["/api/v1/applications/{applicationId}"]!.get!;
  expect(getApplication.parameters).toEqual([
    { name: "applicationId", in: "path", required: true, schema: { type: "string" } },
  ]);
  const answer = getApplication.responses["200"]!.content["application/json"].schema;
  expect(answer.required).toEqual(expect.arrayContaining(["candidate", "stage", "status", "appliedAt"]));
  expect(document.paths["/api/v1/jobs"]!.get!.parameters).toEqual([
    expect.objectContaining({ name: "status", in: "query", required: false }),
  ]);
});

test("the SLA endpoints document their bodies, query parameters and answers from the same schemas", async () => {
  const document = await openApiDocument();
  const schedule = document.paths["/api/v1/schedules"]!.post!;
  const scheduleBody = schedule.requestBody!.content["application/json"].schema;
  expect(JSON.stringify(scheduleBody)).toContain('"timeZone"');
  expect(JSON.stringify(scheduleBody)).toContain('"closedUntil"');
  expect(Object.keys(schedule.responses)).toEqual(["201", "400", "401", "403", "413", "415", "500"]);
  expect(Object.keys(document.paths["/api/v1/schedules/{scheduleId}"]!.delete!.responses)).toEqual(
    expect.arrayContaining(["200", "404", "409"]),
  );

  const query = (route: string) =>
    document.paths[route]!.get!.parameters!.filter((parameter) => parameter.in === "query");
  expect(query("/api/v1/schedules/{scheduleId}/due")).toEqual([
    expect.objectContaining({ name: "from", required: true }),
    expect.objectContaining({ name: "minutes", required: true }),
  ]);
  expect(query("/api/v1/schedules/{scheduleId}/elapsed").map((parameter) => parameter.name)).toEqual(["from", "to"]);
  expect(query("/api/v1/applications/{applicationId}/sla")).toEqual([
    expect.objectContaining({ name: "at", required: false }),
  ]);
  expect(query("/api/v1/queue").map((parameter) => [parameter.name, parameter.required])).toEqual([
    ["at", false],
    ["limit", false],
    ["jobId", false],
    ["recruiterId", false],
    ["metric", false],
  ]);
  const policyTarget =
    document.paths["/api/v1/sla-policies"]!.post!.requestBody!.content["application/json"].schema.properties!.targets!
      .items!.properties!;
  expect(policyTarget.metric!.enum).toEqual([
    "first_response",
    "next_response",
    "periodic_update",
    "stage_decision",
    "closure",
    "interviewer_feedback",
  ]);
  expect(policyTarget.stageDecisionRestartsAt!.enum).toEqual(["last_feedback", "interview_end"]);
  const queueItem =
    document.paths["/api/v1/queue"]!.get!.responses["200"]!.content["application/json"].schema.properties!.items!
      .items!;
  expect(queueItem.required).toEqual(expect.arrayContaining(["interview", "feedbackOwedBy"]));
  const sla =
    document.paths["/api/v1/applications/{applicationId}/sla"]!.get!.responses["200"]!.content["application/json"]
      .schema;
  expect(sla.required).toEqual(expect.arrayContaining(["applicationId", "at", "clocks", "hearBackBy"]));
});

test("GET /healthz answers ok while the database does, and 503 when it does not", async () => {
  const healthy = await send(healthRoute, apiRequest("GET", "/healthz", null));
  expect(healthy).toMatchObject({ status: 200, body: { ok: true } });

  // The database driver is the one thing replaced here: a database that fails cannot be made on demand.
  const failing = vi
    .spyOn(prisma, "$queryRaw")
    .mockImplementation((() => Promise.reject(new Error("connection refused"))) as never);
  try {
    const down = await send<ErrorBody>(healthRoute, apiRequest("GET", "/healthz", null));
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe("service_unavailable");
  } finally {
    failing.mockRestore();
  }
});
