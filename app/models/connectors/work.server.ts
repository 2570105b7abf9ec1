// The connector worker's work: apply received deliveries, oldest first, up to a batch per connector in one
// transaction that holds the connector's lock (so instances never apply one connector's deliveries side by side, and
// its records are never created twice). A batch that one delivery spoils is applied again one delivery at a time, so
// that only that one fails and keeps its body for a retry. Lever deliveries are read from Lever's API first.
import { UnreadablePayload } from "~/domain/connectors/events";
import { prisma } from "~/platform/db.server";
import { HttpFetchError } from "~/platform/http-json.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { UnreadableSecretError } from "~/platform/secret-box.server";
import { removeLocalCopies } from "../erasure.server";
import { applyDeliveries, type DeliveryToApply } from "./apply.server";
import { isRefusal, markApplied, markIgnored, recordFailure } from "./deliveries.server";
import { loadConnector, readDelivery, type ConnectorForReading } from "./read.server";
import { logger } from "~/platform/log.server";

export const CONNECTOR_BATCH_SIZE = 100;

export type WorkOutcome =
  | { deliveryId: string; outcome: "applied" | "ignored"; summary: string }
  | { deliveryId: string; outcome: "failed"; error: string; refused: boolean }
  /** Still waiting: another instance holds the connector. */
  | { deliveryId: string; outcome: "received" };

type Received = {
  id: string;
  deliveryKey: string;
  eventType: string;
  body: string;
  headers: unknown;
  receivedAt: Date;
};

async function receivedOf(connectorId: string, only: string[] | undefined, limit: number): Promise<Received[]> {
  const rows = await prisma.connectorDelivery.findMany({
    where: { connectorId, status: "received", body: { not: null }, ...(only ? { id: { in: only } } : {}) },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, deliveryKey: true, eventType: true, body: true, headers: true, receivedAt: true },
  });
  return rows.map((row) => ({ ...row, body: row.body! }));
}

type Read = DeliveryToApply & { eventType: string };

/** Reads each delivery (for Lever, asking its API); one that asks for nothing is done, one that cannot be read fails
 * on its own. */
async function readAll(connector: ConnectorForReading, deliveries: Received[], now: Date) {
  const read: Read[] = [];
  const done: WorkOutcome[] = [];
  for (const delivery of deliveries) {
    const headers = new Headers((delivery.headers ?? {}) as Record<string, string>);
    try {
      const mapped = await readDelivery(connector, delivery.body, headers, delivery.receivedAt, { askLever: true });
      if (mapped.outcome !== "events") {
        const summary = mapped.outcome === "ignored" ? `Ignored: ${mapped.why}` : "Ping: the connection works.";
        await markIgnored(delivery.id, summary, now);
        done.push({ deliveryId: delivery.id, outcome: "ignored", summary });
        continue;
      }
      read.push({
        id: delivery.id,
        receivedAt: delivery.receivedAt,
        events: mapped.events,
        eventType: mapped.eventType,
      });
    } catch (error) {
      const known =
        error instanceof HttpFetchError || error instanceof UnreadablePayload || error instanceof UnreadableSecretError;
      if (!known) throw error;
      await recordFailure(connector, delivery.id, error.message, now);
      done.push({ deliveryId: delivery.id, outcome: "failed", error: error.message, refused: false });
      // The ATS's API is down or slow: the rest wait for the next round rather than each waiting out its timeout now,
      // holding up every other connector.
      if (error instanceof HttpFetchError) break;
    }
  }
  return { read, done };
}

const connectorLockKey = (connectorId: string) => `connector-worker/${connectorId}`;

/** Applies `batch` in one transaction holding the connector's lock; null when another instance holds it. */
async function applyBatch(connector: ConnectorForReading, batch: Read[], now: Date): Promise<WorkOutcome[] | null> {
  const result = await prisma.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${connectorLockKey(connector.id)}, 0)) AS locked`;
      if (!locked) return null;
      // Another instance may have applied some of them between our read and our lock.
      const still = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "ConnectorDelivery" WHERE id = ANY(${batch.map((one) => one.id)}::text[]) AND status = 'received'`;
      const waiting = new Set(still.map((row) => row.id));
      const todo = batch.filter((one) => waiting.has(one.id));
      const applied = await applyDeliveries(tx, connector, todo, now);
      const done = todo.map((one) => ({
        id: one.id,
        eventType: one.eventType,
        summary: (applied.summaries.get(one.id) ?? []).join(" ") || "Nothing to change.",
      }));
      if (done.length > 0) await markApplied(tx, connector.id, done, now);
      return { done, emailsQueued: applied.emailsQueued, erased: applied.erasedMessageIds };
    },
    { timeout: 60_000 },
  );
  if (!result) return null;
  if (result.emailsQueued) wakeOutboxWorker();
  removeLocalCopies(result.erased);
  return result.done.map((one) => ({ deliveryId: one.id, outcome: "applied", summary: one.summary }));
}

/** A batch, or when it fails, each delivery of it alone. */
async function applyOrSplit(connector: ConnectorForReading, batch: Read[], now: Date): Promise<WorkOutcome[]> {
  try {
    const outcomes = await applyBatch(connector, batch, now);
    return outcomes ?? batch.map((one) => ({ deliveryId: one.id, outcome: "received" as const }));
  } catch (error) {
    if (batch.length > 1) {
      const outcomes: WorkOutcome[] = [];
      for (const one of batch) outcomes.push(...(await applyOrSplit(connector, [one], now)));
      return outcomes;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (!isRefusal(error)) {
      logger.error({ err: error, connectorId: connector.id, deliveryId: batch[0]!.id }, "A connector delivery failed");
    }
    await recordFailure(connector, batch[0]!.id, message, now);
    return [{ deliveryId: batch[0]!.id, outcome: "failed", error: message, refused: isRefusal(error) }];
  }
}

/**
 * Applies the received deliveries of every connector (or of one, or only the given ones), a batch at a time, until
 * none is left or another instance holds the connector (`oneBatch`: one batch per connector). Returns what happened
 * to each.
 */
export async function applyReceivedDeliveries(
  options: { connectorId?: string; only?: string[]; now?: Date; batchSize?: number; oneBatch?: boolean } = {},
): Promise<WorkOutcome[]> {
  const batchSize = options.batchSize ?? CONNECTOR_BATCH_SIZE;
  const connectorIds = options.connectorId
    ? [options.connectorId]
    : (
        await prisma.connectorDelivery.findMany({
          where: { status: "received" },
          distinct: ["connectorId"],
          select: { connectorId: true },
        })
      ).map((row) => row.connectorId);
  const outcomes: WorkOutcome[] = [];
  for (const connectorId of connectorIds) {
    const connector = await loadConnector(connectorId);
    if (!connector) continue;
    for (;;) {
      const now = options.now ?? new Date();
      const received = await receivedOf(connectorId, options.only, batchSize);
      if (received.length === 0) break;
      const { read, done } = await readAll(connector, received, now);
      outcomes.push(...done);
      if (read.length === 0) continue;
      const applied = await applyOrSplit(connector, read, now);
      outcomes.push(...applied);
      if (applied.some((one) => one.outcome === "received")) break; // another instance has this connector
      if (options.oneBatch) break;
    }
  }
  return outcomes;
}
