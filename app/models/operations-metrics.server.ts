// The database side of the Prometheus metrics (app/platform/prometheus.server.ts): at each scrape, four aggregate
// statements read the delivery queues (email outbox, webhooks, chat), the open SLA clocks by metric and the clock
// recomputes, whatever the number of rows, and set the gauges. A scrape never lists rows.
import { SLA_METRICS } from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
import { setOperationsGauges, type OperationsSnapshot } from "~/platform/prometheus.server";

type QueueRow = { queue: "email" | "webhook" | "chat"; depth: number; oldestDueSeconds: number | null };

/** Queued and sending outbound emails; how long the oldest due one (queued and due, or its lease expired) has waited
 * since it fell due. The same as the outbox worker's claim (app/models/outbox/delivery.server.ts). */
async function emailQueue(at: string): Promise<QueueRow[]> {
  return prisma.$queryRaw<QueueRow[]>`
    SELECT 'email' AS queue, count(*)::int AS depth,
           extract(epoch FROM ${at}::timestamp(3) - min("nextAttemptAt") FILTER (
             WHERE (status = 'queued' AND "nextAttemptAt" <= ${at}::timestamp(3))
                OR (status = 'sending' AND "leaseUntil" < ${at}::timestamp(3))))::float8 AS "oldestDueSeconds"
      FROM "Message"
     WHERE direction = 'outbound' AND status IN ('queued', 'sending')`;
}

/** The same for HTTP deliveries: to webhook endpoints and to chat channels. */
async function httpQueues(at: string): Promise<QueueRow[]> {
  return prisma.$queryRaw<QueueRow[]>`
    SELECT CASE WHEN "endpointId" IS NOT NULL THEN 'webhook' ELSE 'chat' END AS queue, count(*)::int AS depth,
           extract(epoch FROM ${at}::timestamp(3) - min("nextAttemptAt") FILTER (
             WHERE (status = 'queued' AND "nextAttemptAt" <= ${at}::timestamp(3))
                OR (status = 'sending' AND "leaseUntil" < ${at}::timestamp(3))))::float8 AS "oldestDueSeconds"
      FROM "HttpDelivery"
     WHERE status IN ('queued', 'sending')
     GROUP BY 1`;
}

/** Open clocks by metric. Breached as the pages show it (clockRisk in app/domain/sla/clocks.ts): marked breached by
 * the sweeper, or running past its due time before the next sweep marks it. */
async function openClocks(at: string) {
  return prisma.$queryRaw<{ metric: string; running: number; paused: number; breached: number }[]>`
    SELECT metric::text AS metric,
           count(*) FILTER (WHERE state = 'running')::int AS running,
           count(*) FILTER (WHERE state = 'paused')::int AS paused,
           count(*) FILTER (WHERE breached OR (state = 'running' AND "dueAt" < ${at}::timestamp(3)))::int AS breached
      FROM "SlaClock"
     WHERE state IN ('running', 'paused')
     GROUP BY metric`;
}

/** Queued and running recomputes, and the applications of the running ones: done of total. */
async function recomputes() {
  const [row] = await prisma.$queryRaw<OperationsSnapshot["recomputes"][]>`
    SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
           count(*) FILTER (WHERE status = 'running')::int AS running,
           coalesce(sum(done) FILTER (WHERE status = 'running'), 0)::int AS done,
           coalesce(sum(total) FILTER (WHERE status = 'running'), 0)::int AS total
      FROM "SlaRecompute"
     WHERE status IN ('queued', 'running')`;
  return row ?? { queued: 0, running: 0, done: 0, total: 0 };
}

/** What the gauges show as of `now`: every queue and every metric, with 0 where there is nothing. */
export async function readOperationsSnapshot(now: Date): Promise<OperationsSnapshot> {
  const at = now.toISOString();
  const [email, http, clocks, recompute] = await Promise.all([
    emailQueue(at),
    httpQueues(at),
    openClocks(at),
    recomputes(),
  ]);
  const queues: OperationsSnapshot["queues"] = {
    email: { depth: 0, oldestDueSeconds: 0 },
    webhook: { depth: 0, oldestDueSeconds: 0 },
    chat: { depth: 0, oldestDueSeconds: 0 },
  };
  for (const row of [...email, ...http]) {
    queues[row.queue] = { depth: row.depth, oldestDueSeconds: Math.max(0, row.oldestDueSeconds ?? 0) };
  }
  const byMetric = new Map(clocks.map((row) => [row.metric, row]));
  return {
    queues,
    clocks: SLA_METRICS.map((metric) => ({
      metric,
      running: byMetric.get(metric)?.running ?? 0,
      paused: byMetric.get(metric)?.paused ?? 0,
      breached: byMetric.get(metric)?.breached ?? 0,
    })),
    recomputes: recompute,
  };
}

/** Reads the database and sets the gauges for a scrape as of `now`. */
export async function refreshOperationsGauges(now: Date = new Date()): Promise<void> {
  setOperationsGauges(await readOperationsSnapshot(now), now);
}
