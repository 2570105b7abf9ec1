// The Prometheus metrics of this process (GET /api/v1/prometheus, docs/operations.md): one prom-client registry, kept
// per process so development reloads do not register its metrics twice, with the counters and histograms the rest of
// the code feeds (requests, deliveries, inbound mail, SLA sweeps) and the gauges set from the database at scrape time
// (app/models/operations-metrics.server.ts). Every name starts with hearback_.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { singleton } from "./singleton.server";

export const DELIVERY_CHANNELS = ["email", "webhook", "chat"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const INBOUND_MAIL_RESULTS = ["received", "unmatched", "captured", "duplicate", "refused", "failed"] as const;
export type InboundMailResult = (typeof INBOUND_MAIL_RESULTS)[number];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hearback_" });
  const registers = [registry];
  return {
    registry,
    startedAt: Date.now(),
    lastSweepAt: null as number | null,
    httpRequestDuration: new Histogram({
      name: "hearback_http_request_duration_seconds",
      help: "Time from a request's arrival to its last byte, by Remix route id (cached: pages answered from memory).",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    deliveries: new Counter({
      name: "hearback_deliveries_total",
      help: "Delivery attempts by channel and result: sent, retry (failed, tried again later) or failed (given up).",
      labelNames: ["channel", "result"] as const,
      registers,
    }),
    inboundMail: new Counter({
      name: "hearback_inbound_mail_total",
      help: "Inbound emails by where they came in (smtp, api) and what became of them.",
      labelNames: ["source", "result"] as const,
      registers,
    }),
    slaSweepDuration: new Histogram({
      name: "hearback_sla_sweep_duration_seconds",
      help: "How long one SLA sweep (marking breaches and warnings, with their notifications) took in this process.",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    slaSweepLag: new Gauge({
      name: "hearback_sla_sweep_lag_seconds",
      help: "Seconds since this process last completed an SLA sweep (since it started, before the first).",
      registers,
    }),
    queueDepth: new Gauge({
      name: "hearback_delivery_queue_depth",
      help: "Deliveries waiting (queued or being sent) by queue: email, webhook, chat.",
      labelNames: ["queue"] as const,
      registers,
    }),
    queueOldestDue: new Gauge({
      name: "hearback_delivery_queue_oldest_due_seconds",
      help: "How long the oldest delivery that is due has been waiting since it fell due, by queue (0: none due).",
      labelNames: ["queue"] as const,
      registers,
    }),
    clocksRunning: new Gauge({
      name: "hearback_sla_clocks_running",
      help: "SLA clocks running (not paused, not stopped) by metric.",
      labelNames: ["metric"] as const,
      registers,
    }),
    clocksPaused: new Gauge({
      name: "hearback_sla_clocks_paused",
      help: "SLA clocks paused by metric.",
      labelNames: ["metric"] as const,
      registers,
    }),
    clocksBreached: new Gauge({
      name: "hearback_sla_clocks_breached",
      help: "Open (running or paused) SLA clocks past their due time by metric: promises not kept yet.",
      labelNames: ["metric"] as const,
      registers,
    }),
    recomputes: new Gauge({
      name: "hearback_sla_recomputes",
      help: "Clock recomputes by status: queued or running.",
      labelNames: ["status"] as const,
      registers,
    }),
    recomputeApplications: new Gauge({
      name: "hearback_sla_recompute_applications",
      help: "Applications of the running recomputes: total to rebuild, and done so far.",
      labelNames: ["progress"] as const,
      registers,
    }),
  };
}

const metrics = singleton("prometheus-metrics", createMetrics);

/** The metrics' text exposition and its Content-Type. */
export async function prometheusExposition(): Promise<{ body: string; contentType: string }> {
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}

/** One answered request: its route label (a Remix route id, never a URL), method, status and duration. */
export function observeHttpRequest(route: string, method: string, status: number, seconds: number): void {
  metrics.httpRequestDuration.observe({ route, method, status: String(status) }, seconds);
}

/** A delivery round's report (the outbox worker's, the HTTP delivery worker's) added to hearback_deliveries_total. */
export function countDeliveries(
  channel: DeliveryChannel,
  report: { sent: number; retrying: number; failed: number },
): void {
  if (report.sent > 0) metrics.deliveries.inc({ channel, result: "sent" }, report.sent);
  if (report.retrying > 0) metrics.deliveries.inc({ channel, result: "retry" }, report.retrying);
  if (report.failed > 0) metrics.deliveries.inc({ channel, result: "failed" }, report.failed);
}

/** What became of one inbound email, as an outcome of receiveInboundEmail (app/models/inbound.server.ts). */
export function inboundMailResult(
  outcome: { ok: true; receipt: { status: string; duplicate: boolean } } | { ok: false },
): InboundMailResult {
  if (!outcome.ok) return "refused";
  if (outcome.receipt.duplicate) return "duplicate";
  const status = outcome.receipt.status as InboundMailResult;
  return INBOUND_MAIL_RESULTS.includes(status) ? status : "received";
}

/** One inbound email counted: what it was filed as, refused (not an email, too large) or failed (SMTP only: database
 * trouble, the sender retries; through the API such a request is a 500). */
export function countInboundMail(source: "smtp" | "api", result: InboundMailResult): void {
  metrics.inboundMail.inc({ source, result });
}

/** One completed SLA sweep (app/workers/sla-worker.server.ts). */
export function recordSlaSweep(startedAt: number, finishedAt: number): void {
  metrics.slaSweepDuration.observe((finishedAt - startedAt) / 1000);
  metrics.lastSweepAt = finishedAt;
}

export type OperationsSnapshot = {
  queues: Record<DeliveryChannel, { depth: number; oldestDueSeconds: number }>;
  clocks: { metric: string; running: number; paused: number; breached: number }[];
  recomputes: { queued: number; running: number; done: number; total: number };
};

/** Sets the gauges read from the database for this scrape, and the sweep lag as of `now`. */
export function setOperationsGauges(snapshot: OperationsSnapshot, now: Date): void {
  for (const queue of DELIVERY_CHANNELS) {
    metrics.queueDepth.set({ queue }, snapshot.queues[queue].depth);
    metrics.queueOldestDue.set({ queue }, snapshot.queues[queue].oldestDueSeconds);
  }
  for (const gauge of [metrics.clocksRunning, metrics.clocksPaused, metrics.clocksBreached]) gauge.reset();
  for (const { metric, running, paused, breached } of snapshot.clocks) {
    metrics.clocksRunning.set({ metric }, running);
    metrics.clocksPaused.set({ metric }, paused);
    metrics.clocksBreached.set({ metric }, breached);
  }
  metrics.recomputes.set({ status: "queued" }, snapshot.recomputes.queued);
  metrics.recomputes.set({ status: "running" }, snapshot.recomputes.running);
  metrics.recomputeApplications.set({ progress: "done" }, snapshot.recomputes.done);
  metrics.recomputeApplications.set({ progress: "total" }, snapshot.recomputes.total);
  const lastSweep = metrics.lastSweepAt ?? metrics.startedAt;
  metrics.slaSweepLag.set(Math.max(0, (now.getTime() - lastSweep) / 1000));
}
