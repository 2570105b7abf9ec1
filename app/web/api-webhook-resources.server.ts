// What the webhooks API answers (/api/v1/webhooks and below): a zod schema per resource, described in the OpenAPI
// document, and the functions that present a model's result as it. Secrets appear only in the answer to a create.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "~/domain/webhooks/events";
import type {
  CreatedWebhookEndpoint,
  DeliveryLogRow,
  WebhookEndpointListItem,
} from "~/models/webhooks/endpoints.server";

const id = z.string().describe("Opaque identifier.");
const timestamp = z.iso.datetime().describe("ISO 8601 instant in UTC.");

export const webhookEndpointResource = z.object({
  id,
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).describe("The event types it receives (docs/webhooks.md)."),
  allowPrivate: z.boolean().describe("Whether a loopback, link-local or private network address may be reached."),
  state: z
    .enum(["active", "failing", "disabled"])
    .describe("failing: deliveries fail since failingSince; disabled: turned off after a day of failures."),
  createdAt: timestamp,
  failingSince: timestamp.nullable(),
  lastDeliveredAt: timestamp.nullable(),
  disabledAt: timestamp.nullable(),
  disabledReason: z.string().nullable(),
  counts: z
    .object({ delivered: z.number().int(), failing: z.number().int(), queued: z.number().int() })
    .describe("Deliveries of the last 7 days: delivered, failing (retrying or given up), not tried yet."),
  lastStatusCode: z.number().int().nullable().describe("The HTTP status of the latest attempt."),
  lastError: z.string().nullable().describe("Why the latest attempt got no 2xx answer."),
});

export const webhookEndpointCreatedResource = webhookEndpointResource.extend({
  secret: z.string().describe("The whsec_ signing secret (Standard Webhooks). Shown this once only."),
});

export const webhookEndpointListResource = z.object({ webhooks: z.array(webhookEndpointResource) });

export const webhookDeliveryResource = z.object({
  id: id.describe("The webhook-id header: the same on every attempt and on a redelivery."),
  eventType: z.string(),
  status: z.enum(["queued", "sending", "delivered", "failed"]),
  attempts: z.number().int(),
  createdAt: timestamp,
  deliveredAt: timestamp.nullable(),
  nextAttemptAt: timestamp.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  redeliverable: z.boolean().describe("Delivered or given up on: POST …/redeliver sends it again."),
  attemptLog: z.array(
    z.object({
      attemptedAt: timestamp,
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
    }),
  ),
});

export const webhookDeliveryListResource = z.object({ deliveries: z.array(webhookDeliveryResource) });

export const queuedDeliveryResource = z.object({
  deliveryId: id.describe("The queued delivery (its webhook-id)."),
});

export function endpointState(endpoint: Pick<WebhookEndpointListItem, "disabledAt" | "failingSince">) {
  if (endpoint.disabledAt) return "disabled" as const;
  return endpoint.failingSince ? ("failing" as const) : ("active" as const);
}

export function presentWebhookEndpoint(endpoint: WebhookEndpointListItem): z.output<typeof webhookEndpointResource> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events.filter((event): event is (typeof WEBHOOK_EVENT_TYPES)[number] =>
      (WEBHOOK_EVENT_TYPES as readonly string[]).includes(event),
    ),
    allowPrivate: endpoint.allowPrivate,
    state: endpointState(endpoint),
    createdAt: endpoint.createdAt.toISOString(),
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    lastDeliveredAt: endpoint.lastDeliveredAt?.toISOString() ?? null,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    disabledReason: endpoint.disabledReason,
    counts: { delivered: endpoint.delivered, failing: endpoint.failing, queued: endpoint.queued },
    lastStatusCode: endpoint.lastStatusCode,
    lastError: endpoint.lastError,
  };
}

export function presentCreatedWebhookEndpoint(
  endpoint: CreatedWebhookEndpoint,
): z.output<typeof webhookEndpointCreatedResource> {
  const none = { delivered: 0, failing: 0, queued: 0, lastStatusCode: null, lastError: null };
  return { ...presentWebhookEndpoint({ ...endpoint, ...none }), secret: endpoint.secret };
}

export function presentWebhookDelivery(delivery: DeliveryLogRow): z.output<typeof webhookDeliveryResource> {
  return {
    id: delivery.id,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    redeliverable: delivery.redeliverable,
    attemptLog: delivery.attemptLog.map((attempt) => ({ ...attempt, attemptedAt: attempt.attemptedAt.toISOString() })),
  };
}
