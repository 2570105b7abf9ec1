// The delivery log: every verified webhook a connector received, applied exactly once (a replay finds its key and
// changes nothing), kept 30 days. A delivery that fails to apply keeps its body for a retry, from the vendor or the
// connector page; three failures in a row tell the admins.
import type { Prisma } from "~/generated/prisma/client";
import type { AtsEvent, ConnectorEmailMode, MappedDelivery } from "~/domain/connectors/events";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { IntakeRefusal } from "../application-intake.server";
import { ApplicationRefusal } from "../decisions.server";
import { removeLocalCopies } from "../erasure.server";
import { createNotifications } from "../notification.server";
import { applyAtsEvents } from "./apply.server";

export const DELIVERY_RETENTION_DAYS = 30;
/** Failures in a row after which the admins are told the connector needs them. */
export const FAILURES_BEFORE_NOTICE = 3;

export type DeliveryConnector = { id: string; name: string; emails: ConnectorEmailMode };

/** The request as it may be replayed: its body and the headers the mapping reads. */
export type DeliveryRequest = { body: string; headers: Record<string, string> };

export type DeliveryResult =
  | { outcome: "applied"; deliveryId: string; summary: string }
  | { outcome: "ignored"; deliveryId: string; summary: string }
  /** A connectivity check, logged and answered. */
  | { outcome: "ping"; deliveryId: string; summary: string }
  | { outcome: "duplicate"; deliveryId: string }
  /** `refused`: the change cannot be made as reported (a candidate without an email address, say), so the sender
   * retrying it will not help; otherwise it may (a database hiccup, the ATS's API down). */
  | { outcome: "failed"; deliveryId: string; error: string; refused: boolean };

function isRefusal(error: unknown): boolean {
  return (
    error instanceof IntakeRefusal ||
    error instanceof ApplicationRefusal ||
    error instanceof InvalidInputError ||
    error instanceof ConflictError
  );
}

type Claim = { id: string; status: "new" | "applied" | "ignored" | "failed" };

/** Takes the delivery's key: a new row, or the existing one locked (a concurrent duplicate waits here for the first to
 * commit, then finds it). */
async function claim(
  tx: Prisma.TransactionClient,
  connectorId: string,
  mapped: MappedDelivery,
  receivedAt: Date,
): Promise<Claim> {
  const id = newId();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "ConnectorDelivery" (id, "connectorId", "deliveryKey", "eventType", status, "receivedAt", "updatedAt")
    VALUES (${id}, ${connectorId}, ${mapped.deliveryId}, ${mapped.eventType.slice(0, 100)}, 'failed',
            ${receivedAt.toISOString()}::timestamp(3), ${receivedAt.toISOString()}::timestamp(3))
    ON CONFLICT ("connectorId", "deliveryKey") DO NOTHING RETURNING id`;
  if (inserted.length > 0) return { id, status: "new" };
  const [existing] = await tx.$queryRaw<Claim[]>`
    SELECT id, status::text AS status FROM "ConnectorDelivery"
     WHERE "connectorId" = ${connectorId} AND "deliveryKey" = ${mapped.deliveryId} FOR UPDATE`;
  return existing!;
}

function summaryOf(mapped: MappedDelivery, summaries: string[]): string {
  if (mapped.outcome === "ping") return "Ping: the connection works.";
  if (mapped.outcome === "ignored") return `Ignored: ${mapped.why}`;
  return summaries.join(" ").slice(0, 2000) || "Nothing to change.";
}

/** Applies a verified, mapped delivery once. `events` are the mapped delivery's, read before (they may have needed
 * the ATS's API). */
export async function recordDelivery(
  connector: DeliveryConnector,
  mapped: MappedDelivery,
  request: DeliveryRequest,
  receivedAt: Date,
  now: Date = receivedAt,
): Promise<DeliveryResult> {
  let claimed: Claim | null = null;
  try {
    const result = await prisma.$transaction(
      async (tx) => {
        claimed = await claim(tx, connector.id, mapped, receivedAt);
        if (claimed.status === "applied" || claimed.status === "ignored") {
          return { outcome: "duplicate" as const, deliveryId: claimed.id, emailsQueued: false, erased: [] };
        }
        const events: AtsEvent[] = mapped.outcome === "events" ? mapped.events : [];
        const applied = await applyAtsEvents(tx, connector, events, now);
        const summary = summaryOf(mapped, applied.summaries);
        const status: "applied" | "ignored" = mapped.outcome === "ignored" ? "ignored" : "applied";
        await tx.$executeRaw`
          WITH delivery AS (
            UPDATE "ConnectorDelivery" SET status = ${status}::"ConnectorDeliveryStatus", summary = ${summary},
                   "eventType" = ${mapped.eventType.slice(0, 100)},
                   error = NULL, body = NULL, headers = NULL, "updatedAt" = ${now.toISOString()}::timestamp(3),
                   attempts = attempts + ${claimed.status === "new" ? 0 : 1}
             WHERE id = ${claimed.id} RETURNING 1)
          UPDATE "Connector" SET "lastDeliveryAt" = ${receivedAt.toISOString()}::timestamp(3),
                 "consecutiveFailures" = 0
           WHERE id = ${connector.id}`;
        return {
          outcome: mapped.outcome === "ping" ? ("ping" as const) : status,
          deliveryId: claimed.id,
          summary,
          emailsQueued: applied.emailsQueued,
          erased: applied.erasedMessageIds,
        };
      },
      { timeout: 30_000 },
    );
    if (result.emailsQueued) wakeOutboxWorker();
    removeLocalCopies(result.erased);
    const { emailsQueued: _emails, erased: _erased, ...answer } = result;
    return answer;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const deliveryId = await recordFailure(connector, mapped, request, receivedAt, message.slice(0, 2000), now);
    if (!isRefusal(error)) console.error(`Connector ${connector.id}: delivery ${mapped.deliveryId} failed:`, error);
    return { outcome: "failed", deliveryId, error: message, refused: isRefusal(error) };
  }
}

/** Records a failed attempt in its own transaction (the change's was rolled back) and counts it against the
 * connector; the third failure in a row notifies every admin. */
export async function recordFailure(
  connector: DeliveryConnector,
  mapped: Pick<MappedDelivery, "deliveryId" | "eventType">,
  request: DeliveryRequest,
  receivedAt: Date,
  error: string,
  now: Date,
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "ConnectorDelivery" (id, "connectorId", "deliveryKey", "eventType", status, error, body, headers,
                                       "receivedAt", "updatedAt")
      VALUES (${newId()}, ${connector.id}, ${mapped.deliveryId}, ${mapped.eventType.slice(0, 100)}, 'failed', ${error},
              ${request.body}, ${JSON.stringify(request.headers)}::jsonb, ${receivedAt.toISOString()}::timestamp(3),
              ${now.toISOString()}::timestamp(3))
      ON CONFLICT ("connectorId", "deliveryKey") DO UPDATE
         SET status = 'failed', error = EXCLUDED.error, body = EXCLUDED.body, headers = EXCLUDED.headers,
             attempts = "ConnectorDelivery".attempts + 1, "updatedAt" = EXCLUDED."updatedAt"
       WHERE "ConnectorDelivery".status = 'failed'
      RETURNING id`;
    const [counted] = await tx.$queryRaw<{ consecutiveFailures: number }[]>`
      UPDATE "Connector" SET "consecutiveFailures" = "consecutiveFailures" + 1,
             "lastDeliveryAt" = ${receivedAt.toISOString()}::timestamp(3)
       WHERE id = ${connector.id} RETURNING "consecutiveFailures"`;
    if (counted?.consecutiveFailures === FAILURES_BEFORE_NOTICE) await noticeAdmins(tx, connector, error, now);
    return row?.id ?? "";
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

/** What a retry needs: the stored request of a failed delivery. */
export async function loadFailedDelivery(deliveryId: string) {
  const row = await prisma.connectorDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, connectorId: true, status: true, body: true, headers: true, receivedAt: true },
  });
  if (!row || row.status !== "failed" || row.body === null) return null;
  return {
    ...row,
    body: row.body,
    headers: (row.headers ?? {}) as Record<string, string>,
  };
}

/** Deletes deliveries older than the retention period. */
export async function pruneDeliveries(now: Date): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await prisma.connectorDelivery.deleteMany({ where: { receivedAt: { lt: before } } });
  return count;
}
