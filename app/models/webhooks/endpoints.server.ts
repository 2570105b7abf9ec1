// Webhook endpoints: the URLs admins subscribe to Hearback's events (Settings → Webhooks, /api/v1/webhooks). The
// whsec_ signing secret is shown once and kept sealed; the delivery log and redelivery read and reset HttpDelivery rows
// that the outbox worker sends (app/models/outbox/http-delivery.server.ts).
import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { testEventBody } from "~/domain/webhooks/payloads";
import { WEBHOOK_TEST_EVENT } from "~/domain/webhooks/events";
import type { WebhookEndpointInput } from "~/domain/webhooks/form";
import { prisma } from "~/platform/db.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { sealSecret } from "~/platform/secret-box.server";
import { standardWebhookSecret } from "~/platform/webhook-signatures.server";
import { recordAudit } from "../audit.server";
import { queueHttpDeliveries, redeliver } from "../outbox/http-queue.server";

/** The delivery counts of the list look back this far. */
const COUNTS_WINDOW_MS = 7 * 24 * 60 * 60_000;
/** The endpoint page shows this many of the newest deliveries. */
const LOG_LENGTH = 50;

export const webhookEndpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  allowPrivate: true,
  createdAt: true,
  failingSince: true,
  lastDeliveredAt: true,
  disabledAt: true,
  disabledReason: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.WebhookEndpointSelect;

export type WebhookEndpointSummary = Prisma.WebhookEndpointGetPayload<{ select: typeof webhookEndpointSelect }>;
export type CreatedWebhookEndpoint = WebhookEndpointSummary & { secret: string };

export type EndpointCounts = {
  /** Over the last 7 days: delivered, still being retried or given up on, and not tried yet. */
  delivered: number;
  failing: number;
  queued: number;
  /** The latest attempt's answer: its HTTP status, or why there was none. */
  lastStatusCode: number | null;
  lastError: string | null;
};
export type WebhookEndpointListItem = WebhookEndpointSummary & EndpointCounts;

/** Adds an endpoint. Returns its signing secret, which cannot be read back later. */
export async function createWebhookEndpoint(
  input: WebhookEndpointInput,
  actorId: string | null,
): Promise<CreatedWebhookEndpoint> {
  const secret = standardWebhookSecret(randomBytes(24));
  return prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        url: input.url,
        description: input.description ?? null,
        events: input.events,
        allowPrivate: input.allowPrivate,
        secretCipher: sealSecret(secret),
        createdById: actorId,
      },
      select: webhookEndpointSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "webhook.created",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url, events: endpoint.events, allowPrivate: endpoint.allowPrivate },
    });
    return { ...endpoint, secret };
  });
}

async function countsOf(endpointIds: string[], now: Date): Promise<Map<string, EndpointCounts>> {
  if (endpointIds.length === 0) return new Map();
  const since = new Date(now.getTime() - COUNTS_WINDOW_MS).toISOString();
  const rows = await prisma.$queryRaw<(EndpointCounts & { id: string })[]>`
    SELECT e.id,
           count(d.id) FILTER (WHERE d.status = 'delivered')::int AS delivered,
           count(d.id) FILTER (WHERE d.status = 'failed' OR (d.status <> 'delivered' AND d.attempts > 0))::int
             AS failing,
           count(d.id) FILTER (WHERE d.status IN ('queued', 'sending') AND d.attempts = 0)::int AS queued,
           latest."lastStatusCode", latest."lastError"
      FROM "WebhookEndpoint" e
      LEFT JOIN "HttpDelivery" d ON d."endpointId" = e.id AND d."createdAt" >= ${since}::timestamp(3)
      LEFT JOIN LATERAL (
        SELECT l."lastStatusCode", l."lastError" FROM "HttpDelivery" l
         WHERE l."endpointId" = e.id AND l.attempts > 0
         ORDER BY l."updatedAt" DESC LIMIT 1) AS latest ON TRUE
     WHERE e.id = ANY(${endpointIds}::text[])
     GROUP BY e.id, latest."lastStatusCode", latest."lastError"`;
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}

/** Every endpoint, oldest first, with what happened to its deliveries over the last 7 days. */
export async function listWebhookEndpoints(now: Date = new Date()): Promise<WebhookEndpointListItem[]> {
  const endpoints = await prisma.webhookEndpoint.findMany({
    select: webhookEndpointSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const counts = await countsOf(
    endpoints.map((endpoint) => endpoint.id),
    now,
  );
  const none: EndpointCounts = { delivered: 0, failing: 0, queued: 0, lastStatusCode: null, lastError: null };
  return endpoints.map((endpoint) => ({ ...endpoint, ...(counts.get(endpoint.id) ?? none) }));
}

/** One endpoint with its counts. */
export async function getWebhookEndpoint(endpointId: string, now: Date = new Date()): Promise<WebhookEndpointListItem> {
  const endpoint = await prisma.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: webhookEndpointSelect,
  });
  if (!endpoint) throw new NotFoundError("The webhook endpoint");
  const counts = await countsOf([endpoint.id], now);
  return { ...endpoint, ...counts.get(endpoint.id)! };
}

/** Removes an endpoint with its queued deliveries and delivery log. */
export async function deleteWebhookEndpoint(
  endpointId: string,
  actorId: string | null,
): Promise<WebhookEndpointSummary> {
  return prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: webhookEndpointSelect });
    if (!endpoint) throw new NotFoundError("The webhook endpoint");
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(tx, {
      actorId,
      action: "webhook.deleted",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      data: { url: endpoint.url, events: endpoint.events },
    });
    return endpoint;
  });
}

/** Turns a turned-off endpoint on again: its waiting deliveries are sent from now on. Changes nothing on a live one. */
export async function enableWebhookEndpoint(
  endpointId: string,
  actorId: string | null,
): Promise<WebhookEndpointSummary> {
  const endpoint = await prisma.$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: webhookEndpointSelect });
    if (!existing) throw new NotFoundError("The webhook endpoint");
    if (!existing.disabledAt) return existing;
    const enabled = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { disabledAt: null, disabledReason: null, failingSince: null },
      select: webhookEndpointSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "webhook.enabled",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
      data: { url: enabled.url, disabledAt: existing.disabledAt.toISOString() },
    });
    return enabled;
  });
  wakeOutboxWorker();
  return endpoint;
}

/** Replaces the signing secret; returns the new one, shown once. Deliveries not yet sent are signed with it. */
export async function rotateWebhookSecret(endpointId: string, actorId: string | null): Promise<string> {
  const secret = standardWebhookSecret(randomBytes(24));
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId },
      data: { secretCipher: sealSecret(secret) },
    });
    if (count === 0) throw new NotFoundError("The webhook endpoint");
    await recordAudit(tx, {
      actorId,
      action: "webhook.secret_rotated",
      entityType: "WebhookEndpoint",
      entityId: endpointId,
    });
  });
  return secret;
}

/** Queues a webhook.test event to this endpoint alone and wakes the outbox worker; returns the delivery's id. */
export async function sendTestEvent(endpointId: string, now: Date = new Date()): Promise<string> {
  const [id] = await prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
    if (!endpoint) throw new NotFoundError("The webhook endpoint");
    return queueHttpDeliveries(
      tx,
      [
        {
          id: `msg_${newId()}`,
          endpointId,
          eventType: WEBHOOK_TEST_EVENT,
          body: testEventBody(endpointId, now),
        },
      ],
      now,
    );
  });
  wakeOutboxWorker();
  return id!;
}

export type DeliveryLogAttempt = {
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

export type DeliveryLogRow = {
  id: string;
  eventType: string;
  status: "queued" | "sending" | "delivered" | "failed";
  attempts: number;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  attemptLog: DeliveryLogAttempt[];
  /** Whether "Redeliver" applies: delivered or given up on, with its body still there (erasure empties it). */
  redeliverable: boolean;
};

/** The newest 50 deliveries to an endpoint, newest first, each with its attempts (oldest first). */
export async function listEndpointDeliveries(endpointId: string): Promise<DeliveryLogRow[]> {
  const exists = await prisma.webhookEndpoint.count({ where: { id: endpointId } });
  if (exists === 0) throw new NotFoundError("The webhook endpoint");
  const rows = await prisma.httpDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_LENGTH,
    select: {
      id: true,
      eventType: true,
      status: true,
      attempts: true,
      createdAt: true,
      deliveredAt: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      body: true,
      attemptLog: {
        orderBy: { attemptedAt: "asc" },
        select: { attemptedAt: true, statusCode: true, error: true, durationMs: true },
      },
    },
  });
  return rows.map(({ body, ...row }) => ({
    ...row,
    redeliverable: body !== "" && (row.status === "delivered" || row.status === "failed"),
  }));
}

/** Sends a delivered or failed delivery of this endpoint again under the same webhook-id. */
export async function redeliverEndpointDelivery(endpointId: string, deliveryId: string): Promise<void> {
  const delivery = await prisma.httpDelivery.findFirst({
    where: { id: deliveryId, endpointId },
    select: { status: true, body: true },
  });
  if (!delivery) throw new NotFoundError("The delivery");
  if (delivery.body === "") throw new ConflictError("This delivery was erased with its candidate's data.");
  if (!(await redeliver(prisma, deliveryId))) {
    throw new ConflictError("This delivery is still in the queue: it is sent again by itself.");
  }
  wakeOutboxWorker();
}
