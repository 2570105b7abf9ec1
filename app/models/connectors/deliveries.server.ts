// The delivery log: every verified webhook a connector received, logged once by its key (a replay finds it and changes
// nothing) and kept 30 days. A delivery waits as received until the connector worker applies it; one that fails to
// apply keeps its body for a retry, from the vendor or the connector page; three failures in a row tell the admins.
import type { Prisma } from "~/generated/prisma/client";
import type { ConnectorEmailMode } from "~/domain/connectors/events";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { IntakeRefusal } from "../application-intake.server";
import { ApplicationRefusal } from "../decisions.server";
import { createNotifications } from "../notification.server";

export const DELIVERY_RETENTION_DAYS = 30;
/** Failures in a row after which the admins are told the connector needs them. */
export const FAILURES_BEFORE_NOTICE = 3;

export type DeliveryConnector = { id: string; name: string; emails: ConnectorEmailMode };

/** The request as it may be replayed: its body and the headers the mapping reads. */
export type DeliveryRequest = { body: string; headers: Record<string, string> };

/** A refusal: the change cannot be made as reported, so retrying it as it is will not help. */
export function isRefusal(error: unknown): boolean {
  return (
    error instanceof IntakeRefusal ||
    error instanceof ApplicationRefusal ||
    error instanceof InvalidInputError ||
    error instanceof ConflictError
  );
}

const iso = (date: Date) => date.toISOString();

/**
 * Logs a verified delivery. One with changes waits as received (with its body, for the worker); a ping or an event
 * Hearback ignores is logged as done. A key seen before is a duplicate — unless that delivery failed, when the
 * vendor's retry is taken as a retry: it waits again. Returns the row's id, or null for a duplicate.
 */
export async function logDelivery(
  connectorId: string,
  delivery: { key: string; eventType: string; summary?: string; pending: boolean },
  request: DeliveryRequest,
  receivedAt: Date,
): Promise<string | null> {
  const status = delivery.pending ? "received" : "ignored";
  const [row] = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "ConnectorDelivery" (id, "connectorId", "deliveryKey", "eventType", status, summary, body, headers,
                                     "receivedAt", "updatedAt")
    VALUES (${newId()}, ${connectorId}, ${delivery.key.slice(0, 500)}, ${delivery.eventType.slice(0, 100)},
            ${status}::"ConnectorDeliveryStatus", ${delivery.summary ?? null},
            ${delivery.pending ? request.body : null}, ${delivery.pending ? JSON.stringify(request.headers) : null}::jsonb,
            ${iso(receivedAt)}::timestamp(3), ${iso(receivedAt)}::timestamp(3))
    ON CONFLICT ("connectorId", "deliveryKey") DO UPDATE
       SET status = 'received', attempts = "ConnectorDelivery".attempts + 1, "updatedAt" = EXCLUDED."updatedAt"
     WHERE "ConnectorDelivery".status = 'failed' AND "ConnectorDelivery".body IS NOT NULL
    RETURNING id`;
  return row?.id ?? null;
}

/** Marks applied deliveries done (their bodies dropped, their summaries kept) and the connector healthy, in the
 * applying transaction. */
export async function markApplied(
  tx: Prisma.TransactionClient,
  connectorId: string,
  applied: { id: string; eventType: string; summary: string }[],
  now: Date,
): Promise<void> {
  const rows = JSON.stringify(applied.map((row) => [row.id, row.eventType.slice(0, 100), row.summary.slice(0, 2000)]));
  await tx.$executeRaw`
    WITH done AS (
      UPDATE "ConnectorDelivery" d SET status = 'applied', "eventType" = e->>1, summary = e->>2, error = NULL,
             body = NULL, headers = NULL, "updatedAt" = ${iso(now)}::timestamp(3)
        FROM jsonb_array_elements(${rows}::jsonb) AS e WHERE d.id = e->>0 RETURNING 1)
    UPDATE "Connector" SET "lastDeliveryAt" = ${iso(now)}::timestamp(3), "consecutiveFailures" = 0
     WHERE id = ${connectorId}`;
}

/** Marks a received delivery done without a change: read in full (a Lever delivery, from Lever's API), it asked for
 * nothing Hearback acts on. */
export async function markIgnored(deliveryId: string, summary: string, now: Date): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "ConnectorDelivery" SET status = 'ignored', summary = ${summary.slice(0, 2000)}, error = NULL, body = NULL,
           headers = NULL, "updatedAt" = ${iso(now)}::timestamp(3)
     WHERE id = ${deliveryId} AND status = 'received'`;
}

/** Records a failed attempt at a logged delivery (its change was rolled back; its body stays for a retry) and counts
 * it against the connector; the third failure in a row notifies every admin. */
export async function recordFailure(
  connector: DeliveryConnector,
  deliveryId: string,
  error: string,
  now: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "ConnectorDelivery" SET status = 'failed', error = ${error.slice(0, 2000)},
             "updatedAt" = ${iso(now)}::timestamp(3)
       WHERE id = ${deliveryId}`;
    const [counted] = await tx.$queryRaw<{ consecutiveFailures: number }[]>`
      UPDATE "Connector" SET "consecutiveFailures" = "consecutiveFailures" + 1,
             "lastDeliveryAt" = ${iso(now)}::timestamp(3)
       WHERE id = ${connector.id} RETURNING "consecutiveFailures"`;
    if (counted?.consecutiveFailures === FAILURES_BEFORE_NOTICE) await noticeAdmins(tx, connector, error, now);
  });
}

async function noticeAdmins(tx: Prisma.TransactionClient, connector: DeliveryConnector, error: string, now: Date) {
  const admins = await tx.user.findMany({ where: { role: "admin", active: true }, select: { id: true } });
  await createNotifications(
    tx,
    admins.map((admin) => ({
      userId: admin.id,
      kind: "connector_failing" as const,
      title: `The connector “${connector.name}” failed ${FAILURES_BEFORE_NOTICE} times in a row`,
      body: `The last error: ${error.slice(0, 300)} Open Settings → Connectors to see its deliveries and retry them.`,
    })),
    now,
  );
}

export const deliverySelect = {
  id: true,
  deliveryKey: true,
  eventType: true,
  status: true,
  summary: true,
  error: true,
  attempts: true,
  receivedAt: true,
  updatedAt: true,
} satisfies Prisma.ConnectorDeliverySelect;

export type DeliveryLogEntry = Prisma.ConnectorDeliveryGetPayload<{ select: typeof deliverySelect }> & {
  retryable: boolean;
};

/** The connector's latest deliveries, newest first. */
export async function listDeliveries(connectorId: string, limit = 50): Promise<DeliveryLogEntry[]> {
  const rows = await prisma.connectorDelivery.findMany({
    where: { connectorId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...deliverySelect, body: true },
  });
  return rows.map(({ body, ...row }) => ({ ...row, retryable: row.status === "failed" && body !== null }));
}

/** Puts a failed delivery (its body kept) back in the worker's queue; false when there is no such delivery. */
export async function requeueFailedDelivery(connectorId: string, deliveryId: string, now: Date): Promise<boolean> {
  const count = await prisma.$executeRaw`
    UPDATE "ConnectorDelivery" SET status = 'received', attempts = attempts + 1, "updatedAt" = ${iso(now)}::timestamp(3)
     WHERE id = ${deliveryId} AND "connectorId" = ${connectorId} AND status = 'failed' AND body IS NOT NULL`;
  return count > 0;
}

/** Deletes deliveries older than the retention period. */
export async function pruneDeliveries(now: Date): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await prisma.connectorDelivery.deleteMany({ where: { receivedAt: { lt: before } } });
  return count;
}
