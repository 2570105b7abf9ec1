// GET /api/v1/metrics: the report's figures as JSON in the shape the OpenAPI document promises, scoped by the token's
// account, with 400s for bad windows and 401 without a token.
import { beforeAll, expect, test } from "vitest";
import * as metricsRoute from "~/routes/api.v1.metrics";
import { metricsResource } from "~/web/api-metrics-resources.server";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "../api/helpers";
import { buildDataset } from "./dataset";

let data: Awaited<ReturnType<typeof buildDataset>>;
let admin: Caller;

const WINDOW = "from=2026-03-02T00:00:00Z&to=2026-03-16";

beforeAll(async () => {
  data = await buildDataset();
  admin = await caller("admin");
});

const get = (query: string, who: Caller | null, token?: string | null) =>
  send(metricsRoute, apiRequest("GET", `/api/v1/metrics?${query}`, who, token === undefined ? {} : { token }));

test("the report as JSON: the documented fields and the same figures as the dashboard", async () => {
  const answer = await get(`${WINDOW}`, admin);
  expect(answer.status).toBe(200);
  const body = expectShape(metricsResource, answer.body);
  expect(body.applications).toBe(5);
  expect(body.firstResponse).toMatchObject({
    attainment: 0.5,
    medianMinutes: 30,
    p90Minutes: 150,
    met: 2,
    breached: 2,
  });
  // The dataset's policy has no feedback target: no interview feedback is measured, and none reads as 0 %.
  expect(body.interviewerFeedback).toMatchObject({ met: 0, breached: 0, attainment: null, medianMinutes: null });
  expect(body.filters).toEqual({ from: "2026-03-02T00:00:00.000Z", to: "2026-03-16T00:00:00.000Z" });
  expect(body.closureRate).toEqual({ told: 1, rejected: 2, rate: 0.5 });
  expect(body.candidateNps.score).toBe(25);
  expect(body.weekly.map((week) => week.applications)).toEqual([3, 2]);
});

test("filters and the caller's scope", async () => {
  expect((await get(`${WINDOW}&department=Engineering`, admin)).body.applications).toBe(3);
  expect((await get(`${WINDOW}&jobId=${data.jobs.jobB.id}`, admin)).body.applications).toBe(2);
  expect((await get(`${WINDOW}&recruiterId=${data.users.recruiter.id}`, admin)).body.applications).toBe(3);
  expect((await get(`${WINDOW}&hiringManagerId=${data.users.managerB.id}`, admin)).body.applications).toBe(2);
  const manager = await caller("hiring_manager");
  expect((await get(WINDOW, manager)).body).toMatchObject({ applications: 0, firstResponse: { attainment: null } });
  const interviewer = await caller("interviewer");
  const refused = await get(WINDOW, interviewer);
  expect(refused.status).toBe(403);
  expect((refused.body as ErrorBody).error.code).toBe("forbidden");
});

test("bad windows are a 400 naming the parameter", async () => {
  const cases: [string, string][] = [
    ["to=2026-03-16", "from"],
    ["from=2026-03-02", "to"],
    ["from=last-week&to=2026-03-16", "from"],
    ["from=2026-02-30&to=2026-03-16", "from"],
    ["from=2026-03-16&to=2026-03-16", "to"],
    ["from=2026-03-16&to=2026-03-02", "to"],
    ["from=2023-01-01&to=2026-03-02", "to"],
    [`${WINDOW}&jobId=`, "jobId"],
  ];
  for (const [query, path] of cases) {
    const answer = await get(query, admin);
    expect(answer.status, query).toBe(400);
    const body = answer.body as ErrorBody;
    expect(body.error.code).toBe("validation_error");
    expect(body.error.issues.map((issue) => issue.path)).toContain(path);
  }
});

test("without a valid token: 401", async () => {
  const missing = await get(WINDOW, null);
  expect(missing.status).toBe(401);
  expect((missing.body as ErrorBody).error.code).toBe("unauthorized");
  expect((await get(WINDOW, null, "not-a-token")).status).toBe(401);
});
