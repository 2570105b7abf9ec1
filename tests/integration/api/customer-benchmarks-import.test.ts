// POST /api/v1/customer-benchmarks/import: a helpdesk export in, the customer figures out (and stored, with where they
// came from); a bad file, a bad query or a too-large body stores nothing.
import fs from "node:fs";
import { beforeAll, beforeEach, expect, test } from "vitest";
import * as route from "~/routes/api.v1.customer-benchmarks.import";
import { getCustomerBenchmarks } from "~/models/customer-benchmark.server";
import { prisma } from "~/platform/db.server";
import { customerBenchmarkImportResource } from "~/web/api-metrics-resources.server";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "./helpers";

const zendesk = fs.readFileSync("tests/fixtures/helpdesk/zendesk-tickets.csv", "utf8");
let admin: Caller;
let recruiter: Caller;

beforeAll(async () => {
  admin = await caller("admin");
  recruiter = await caller("recruiter");
});

beforeEach(async () => {
  await prisma.customerBenchmark.deleteMany();
});

const post = (query: string, body: BodyInit, who: Caller = admin, contentType = "text/csv") =>
  send(
    route,
    apiRequest("POST", `/api/v1/customer-benchmarks/import${query}`, who, {
      body: body as string,
      headers: { "Content-Type": contentType },
    }),
  );

test("an admin's token imports a Zendesk export: the figures are answered and stored with their provenance", async () => {
  const answer = await post("?fileName=zendesk-nov.csv", zendesk);
  expect(answer.status).toBe(200);
  const figures = expectShape(customerBenchmarkImportResource, answer.body);
  expect(figures).toMatchObject({
    stored: true,
    changed: 2,
    vendor: "zendesk",
    period: { from: "2026-09-02", to: "2026-11-30" },
    tickets: 5,
  });
  expect(figures.metrics.map((metric) => [metric.metric, metric.attainment, metric.medianMinutes])).toEqual([
    ["first_reply", 0.6, 37.5],
    ["resolution", 0.75, 400],
  ]);
  const stored = await getCustomerBenchmarks();
  expect(stored.first_reply).toMatchObject({ targetMinutes: 60, attainment: 0.6, medianMinutes: 37.5 });
  expect(stored.first_reply?.provenance).toMatchObject({
    kind: "helpdesk_import",
    vendor: "zendesk",
    fileName: "zendesk-nov.csv",
    tickets: 5,
    businessHours: true,
  });
  expect(stored.next_reply).toBeNull();
  // The same file again changes nothing.
  expect((await post("?fileName=zendesk-nov.csv", zendesk)).body).toMatchObject({ stored: true, changed: 0 });
});

test("dryRun answers the figures and stores nothing; targets and period come from the query", async () => {
  const answer = await post(
    "?dryRun=true&from=2026-11-01&to=2026-11-30&firstReplyTargetMinutes=30&resolutionTargetMinutes=1000",
    zendesk,
  );
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ stored: false, changed: 0, tickets: 3 });
  const firstReply = (answer.body as { metrics: { metric: string; attainment: number; targetMinutes: number }[] })
    .metrics[0];
  expect(firstReply).toMatchObject({ metric: "first_reply", targetMinutes: 30, attainment: 0.3333 });
  expect(await prisma.customerBenchmark.count()).toBe(0);
});

test("a bad file is refused with every problem by row, and nothing is stored", async () => {
  const bad = "created_at,first_response_at\n2026-09-01T09:00:00Z,later\nnot a date,\n";
  const answer = await post("", bad);
  expect(answer.status).toBe(400);
  expect((answer.body as ErrorBody).error.issues.map((issue) => issue.message)).toEqual([
    "Row 2: “first_response_at” is not a date and time (found “later”).",
    "Row 3: “created_at” is not a date and time (found “not a date”).",
  ]);
  expect(await prisma.customerBenchmark.count()).toBe(0);
  const empty = await post("", "");
  expect(empty.status).toBe(400);
  const wrongQuery = await post("?vendor=salesforce&firstReplyTargetMinutes=soon", zendesk);
  expect(wrongQuery.status).toBe(400);
  expect((wrongQuery.body as ErrorBody).error.issues.map((issue) => issue.path).sort()).toEqual([
    "firstReplyTargetMinutes",
    "vendor",
  ]);
});

test("not CSV, too large, or not an admin", async () => {
  expect((await post("", zendesk, admin, "application/json")).status).toBe(415);
  const huge = await send(
    route,
    apiRequest("POST", "/api/v1/customer-benchmarks/import", admin, {
      body: "x",
      headers: { "Content-Type": "text/csv", "Content-Length": String(21 * 1024 * 1024) },
    }),
  );
  expect(huge.status).toBe(413);
  expect((huge.body as ErrorBody).error.message).toMatch(/larger than 20 MB/);
  expect((await post("", zendesk, recruiter)).status).toBe(403);
  expect(await prisma.customerBenchmark.count()).toBe(0);
});
