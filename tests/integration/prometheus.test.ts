// GET /api/v1/prometheus, read by an independent parser: the gauges read from the database as of a fixed instant
// (delivery queues, open and breached clocks, recomputes), counted deliveries and inbound mail, request durations
// labelled by route id and never by an address's ids, and a scrape refused without a token.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { beforeAll, expect, test } from "vitest";
import { readOperationsSnapshot, refreshOperationsGauges } from "~/models/operations-metrics.server";
import { prisma } from "~/platform/db.server";
import { countDeliveries, countInboundMail, prometheusExposition } from "~/platform/prometheus.server";
import * as inboundRoute from "~/routes/api.v1.inbound.email";
import * as prometheusRoute from "~/routes/api.v1.prometheus";
import { timeRequest } from "~/web/request-metrics.server";
import { createTestApplication, createTestJob } from "../factories";
import { recordQueries } from "../query-counter";
import { apiRequest, caller, send } from "./api/helpers";

const NOW = new Date("2027-01-12T10:00:00Z");
const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

type Sample = { value?: string; labels?: Record<string, string> };
type Family = { name: string; help: string; type: string; metrics: Sample[] };

async function scrape(): Promise<Map<string, Family>> {
  await refreshOperationsGauges(NOW);
  const { body } = await prometheusExposition();
  // The parser folds a histogram's labelled series into one sample; read as untyped, each histogram's _bucket, _sum
  // and _count series are families of their own with their labels (interleaved per label set: merged here).
  const histogramsUntyped = body.replace(/^# TYPE (\S+) histogram$/gm, "# TYPE $1 untyped");
  const families = new Map<string, Family>();
  for (const family of parsePrometheusTextFormat(histogramsUntyped) as Family[]) {
    const seen = families.get(family.name);
    if (seen) seen.metrics.push(...family.metrics);
    else families.set(family.name, family);
  }
  return families;
}

function value(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  if (!family) throw new Error(`${name} is not exposed`);
  const sample = family.metrics.find((metric) =>
    Object.entries(labels).every(([key, wanted]) => metric.labels?.[key] === wanted),
  );
  if (!sample) throw new Error(`${name} has no sample ${JSON.stringify(labels)}`);
  return Number(sample.value);
}

/** A counter's value; 0 while it has not counted anything for these labels. */
function counted(families: Map<string, Family>, name: string, labels: Record<string, string>): number {
  const sample = families
    .get(name)
    ?.metrics.find((metric) => Object.entries(labels).every(([key, wanted]) => metric.labels?.[key] === wanted));
  return sample ? Number(sample.value) : 0;
}

let messageCount = 0;
async function outboundEmail(status: "queued" | "sending" | "sent", nextAttemptAt: Date, leaseUntil?: Date) {
  messageCount += 1;
  await prisma.message.create({
    data: {
      id: `metrics-message-${messageCount}`,
      direction: "outbound",
      status,
      fromAddress: "hearback@example.com",
      toAddress: "someone@example.com",
      subject: "Your application",
      bodyText: "Thank you.",
      headerMessageId: `<metrics-${messageCount}@example.com>`,
      nextAttemptAt,
      leaseUntil,
      createdAt: at(-HOUR),
    },
  });
}

async function httpDelivery(
  id: string,
  target: { endpointId: string } | { channelId: string },
  status: string,
  due: Date,
) {
  const endpointId = "endpointId" in target ? target.endpointId : null;
  const channelId = "channelId" in target ? target.channelId : null;
  await prisma.$executeRaw`
    INSERT INTO "HttpDelivery" (id, "endpointId", "channelId", "eventType", body, status, "nextAttemptAt", "createdAt", "updatedAt")
    VALUES (${id}, ${endpointId}, ${channelId}, 'application.created', '{}', ${status}::"HttpDeliveryStatus",
            ${due}, ${at(-HOUR)}, ${at(-HOUR)})`;
}

beforeAll(async () => {
  // Three emails waiting, the oldest due 120 s ago, one not due yet; a sent one and an inbound one do not count.
  await outboundEmail("queued", at(-120 * SECOND));
  await outboundEmail("sending", at(-30 * SECOND), at(60 * SECOND));
  await outboundEmail("queued", at(600 * SECOND));
  await outboundEmail("sent", at(-HOUR));
  await prisma.message.create({
    data: {
      id: "metrics-inbound",
      direction: "inbound",
      status: "received",
      fromAddress: "candidate@example.com",
      toAddress: "reply@example.com",
      subject: "Re: Your application",
      bodyText: "Thanks!",
      headerMessageId: "<metrics-inbound@example.com>",
    },
  });

  await prisma.$executeRaw`
    INSERT INTO "WebhookEndpoint" (id, url, events, "secretCipher") VALUES ('endpoint-1', 'https://example.com/hook', '{}', 'x')`;
  await prisma.$executeRaw`
    INSERT INTO "ChatChannel" (id, kind, "urlCipher", "urlHint") VALUES ('channel-1', 'slack', 'x', 'hooks.slack.com/…')`;
  await httpDelivery("webhook-1", { endpointId: "endpoint-1" }, "queued", at(-300 * SECOND));
  await httpDelivery("webhook-2", { endpointId: "endpoint-1" }, "queued", at(-10 * SECOND));
  await httpDelivery("webhook-3", { endpointId: "endpoint-1" }, "delivered", at(-HOUR));
  await httpDelivery("chat-1", { channelId: "channel-1" }, "queued", at(HOUR));

  // Clocks set by hand: two first_response clocks past due (one marked by the sweeper, one not yet), one in time,
  // a paused next_response, and a stopped breached closure clock that no longer counts.
  const job = await createTestJob();
  const applications = await Promise.all([1, 2, 3].map(() => createTestApplication({ jobId: job.id })));
  await prisma.slaClock.deleteMany();
  const clock = (applicationIndex: number, metric: "first_response" | "next_response" | "closure") => ({
    applicationId: applications[applicationIndex]!.id,
    jobId: job.id,
    metric,
    instance: 1,
    startedAt: at(-5 * HOUR),
    businessHours: false,
    targetMinutes: 60,
  });
  await prisma.slaClock.createMany({
    data: [
      { ...clock(0, "first_response"), state: "running", dueAt: at(-HOUR), breached: false },
      { ...clock(1, "first_response"), state: "running", dueAt: at(-2 * HOUR), breached: true },
      { ...clock(2, "first_response"), state: "running", dueAt: at(HOUR), breached: false },
      { ...clock(0, "next_response"), state: "paused", dueAt: null, breached: false, remainingMinutes: 20 },
      { ...clock(1, "closure"), state: "stopped", dueAt: at(-3 * HOUR), stoppedAt: at(-HOUR), breached: true },
    ],
  });

  await prisma.slaRecompute.deleteMany();
  await prisma.slaRecompute.createMany({
    data: [
      { reason: "Policy changed", status: "queued", total: 40 },
      { reason: "Schedule changed", status: "running", total: 1000, done: 250 },
      { reason: "Earlier", status: "done", total: 10, done: 10 },
    ],
  });
});

test("the delivery queues: depth and how long the oldest due delivery has waited, as of a fixed instant", async () => {
  const families = await scrape();
  expect(value(families, "hearback_delivery_queue_depth", { queue: "email" })).toBe(3);
  expect(value(families, "hearback_delivery_queue_oldest_due_seconds", { queue: "email" })).toBe(120);
  expect(value(families, "hearback_delivery_queue_depth", { queue: "webhook" })).toBe(2);
  expect(value(families, "hearback_delivery_queue_oldest_due_seconds", { queue: "webhook" })).toBe(300);
  expect(value(families, "hearback_delivery_queue_depth", { queue: "chat" })).toBe(1);
  expect(value(families, "hearback_delivery_queue_oldest_due_seconds", { queue: "chat" })).toBe(0);
  expect(families.get("hearback_delivery_queue_depth")!.help).toMatch(/queued or being sent/);
});

test("open clocks by metric: running, paused and breached; recomputes with their progress", async () => {
  const families = await scrape();
  expect(value(families, "hearback_sla_clocks_running", { metric: "first_response" })).toBe(3);
  expect(value(families, "hearback_sla_clocks_breached", { metric: "first_response" })).toBe(2);
  expect(value(families, "hearback_sla_clocks_paused", { metric: "next_response" })).toBe(1);
  expect(value(families, "hearback_sla_clocks_breached", { metric: "next_response" })).toBe(0);
  expect(value(families, "hearback_sla_clocks_breached", { metric: "closure" })).toBe(0);
  expect(families.get("hearback_sla_clocks_running")!.metrics).toHaveLength(6);

  expect(value(families, "hearback_sla_recomputes", { status: "queued" })).toBe(1);
  expect(value(families, "hearback_sla_recomputes", { status: "running" })).toBe(1);
  expect(value(families, "hearback_sla_recompute_applications", { progress: "done" })).toBe(250);
  expect(value(families, "hearback_sla_recompute_applications", { progress: "total" })).toBe(1000);
  expect(value(families, "hearback_sla_sweep_lag_seconds")).toBeGreaterThanOrEqual(0);
});

test("a scrape reads four aggregate statements, however many rows there are", async () => {
  const { result, queries } = await recordQueries(() => readOperationsSnapshot(NOW));
  expect(queries).toHaveLength(4);
  expect(queries.every((query) => /count\(\*\)/.test(query))).toBe(true);
  expect(result.clocks.map((row) => row.metric)).toContain("interviewer_feedback");
  expect(result.queues.email).toEqual({ depth: 3, oldestDueSeconds: 120 });
});

test("deliveries and inbound mail are counted by channel and result", async () => {
  const before = await scrape();
  const sentBefore = counted(before, "hearback_deliveries_total", { channel: "email", result: "sent" });
  countDeliveries("email", { sent: 2, retrying: 1, failed: 0 });
  countInboundMail("smtp", "unmatched");
  const after = await scrape();
  expect(value(after, "hearback_deliveries_total", { channel: "email", result: "sent" })).toBe(sentBefore + 2);
  expect(value(after, "hearback_deliveries_total", { channel: "email", result: "retry" })).toBeGreaterThanOrEqual(1);
  expect(value(after, "hearback_inbound_mail_total", { source: "smtp", result: "unmatched" })).toBeGreaterThanOrEqual(
    1,
  );
  expect(after.get("hearback_deliveries_total")!.type).toBe("COUNTER");
  // The process's own figures, with the same prefix.
  expect(after.has("hearback_process_cpu_seconds_total")).toBe(true);
  expect(after.has("hearback_nodejs_heap_size_used_bytes")).toBe(true);
});

test("emails posted to the inbound endpoint are counted by what became of them", async () => {
  const recruiter = await caller("recruiter");
  const raw = [
    "From: Sam Taylor <sam.taylor@example.com>",
    "To: jobs@acme.example",
    "Subject: Re: Your application",
    "Message-ID: <metrics-inbound-api@mail.example.com>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Tuesday works for me.",
  ].join("\r\n");
  const post = (body: string) =>
    inboundRoute.action({
      request: apiRequest("POST", "/api/v1/inbound/email", recruiter, {
        body,
        headers: { "Content-Type": "message/rfc822" },
      }),
      params: {},
      context: {},
    });
  const before = await scrape();
  const api = (result: string) => ({ source: "api", result });
  expect((await post(raw)).status).toBe(202);
  expect((await post(raw)).status).toBe(202);
  expect((await post("")).status).toBe(400);
  const after = await scrape();
  for (const result of ["unmatched", "duplicate", "refused"]) {
    const name = "hearback_inbound_mail_total";
    expect(counted(after, name, api(result)) - counted(before, name, api(result)), result).toBe(1);
  }
});

/** Route ids shaped like the app's (app/routes/): the root, an index, a page with an id, API routes, the API's 404. */
const MANIFEST = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/jobs.$jobId": { id: "routes/jobs.$jobId", parentId: "root", path: "jobs/:jobId" },
  "routes/api.v1.applications.$applicationId": {
    id: "routes/api.v1.applications.$applicationId",
    parentId: "root",
    path: "api/v1/applications/:applicationId",
  },
  "routes/api.$": { id: "routes/api.$", parentId: "root", path: "api/*" },
} as unknown as ServerBuild["routes"];

test("request durations are labelled by route id, never by an address's ids; pages from memory count too", async () => {
  const server = http.createServer((req, res) => {
    const timing = timeRequest(req, res, MANIFEST);
    if (req.url?.startsWith("/s/") || req.url === "/jobs/cached-job") timing.answeredFromMemory();
    res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
    res.end("ok");
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const addresses = [
    "/",
    "/jobs/job-secret-id-1?tab=board",
    "/jobs/job-secret-id-1.data",
    "/_root.data",
    "/api/v1/applications/app-secret-id-2",
    "/api/v1/nothing-here",
    "/s/AbCdEfGhIjKlMnOpQrStUvWxYz012345",
    "/jobs/cached-job",
    "/missing/page-secret-id-3",
  ];
  for (const address of addresses) await (await fetch(origin + address)).text();
  await new Promise((closed) => server.close(closed));

  const families = await scrape();
  expect(families.get("hearback_http_request_duration_seconds")!.help).toMatch(/Remix route id/);
  const samples = families.get("hearback_http_request_duration_seconds_count")!.metrics;
  const routes = new Set(samples.map((sample) => sample.labels!.route));
  expect([...routes].sort()).toEqual(
    [
      "cached:staff-page",
      "cached:status-page",
      "routes/_index",
      "routes/api.$",
      "routes/api.v1.applications.$applicationId",
      "routes/jobs.$jobId",
      "unmatched",
    ].sort(),
  );
  for (const sample of samples) expect(JSON.stringify(sample.labels)).not.toMatch(/secret|AbCdEf|cached-job|\?/);
  const jobPage = samples.find((sample) => sample.labels!.route === "routes/jobs.$jobId");
  expect(jobPage).toMatchObject({ value: "2", labels: { method: "GET", status: "200" } });
  expect(samples.find((sample) => sample.labels!.route === "unmatched")!.labels!.status).toBe("404");
});

test("the endpoint answers the text format to a token of an admin, 403 to a hiring manager, 401 without a token", async () => {
  const admin = await caller("admin");
  const answer = await prometheusRoute.loader({
    request: apiRequest("GET", "/api/v1/prometheus", admin),
    params: {},
    context: {},
  });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("Content-Type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  const families = parsePrometheusTextFormat(await answer.text()) as Family[];
  expect(families.every((family) => family.name.startsWith("hearback_") && family.help !== "")).toBe(true);

  const manager = await caller("hiring_manager");
  expect((await send(prometheusRoute, apiRequest("GET", "/api/v1/prometheus", manager))).status).toBe(403);
  const anonymous = await send(prometheusRoute, apiRequest("GET", "/api/v1/prometheus", null));
  expect(anonymous.status).toBe(401);
});
