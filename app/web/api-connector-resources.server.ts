// What the connectors API answers (GET/POST /api/v1/connectors, GET/DELETE /api/v1/connectors/:id): a zod schema per
// resource, described in the OpenAPI document, and the functions that present a model's result as it.
import { z } from "zod";
import { CONNECTOR_EMAIL_MODES, CONNECTOR_KINDS } from "~/domain/connectors/events";
import type { ConnectorSummary, CreatedConnector } from "~/models/connectors/connectors.server";
import type { DeliveryLogEntry } from "~/models/connectors/deliveries.server";
import type { WorkOutcome } from "~/models/connectors/work.server";

const id = z.string().describe("Opaque identifier.");
const timestamp = z.iso.datetime().describe("ISO 8601 instant in UTC.");

export const connectorResource = z.object({
  id,
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string(),
  webhookUrl: z.string().describe("Where the ATS posts its webhooks (no session; verified by the signature)."),
  emails: z
    .enum(CONNECTOR_EMAIL_MODES)
    .describe("hearback: Hearback writes to candidates about what the ATS reports; ats: the ATS does, Hearback not."),
  apiBaseUrl: z.string().nullable().describe("Lever only: the API its payloads' ids are read from."),
  createdAt: timestamp,
  lastDeliveryAt: timestamp.nullable(),
  consecutiveFailures: z.number().int().describe("Deliveries that failed to apply since the last that applied."),
});

export const connectorCreatedResource = connectorResource.extend({
  secret: z
    .string()
    .describe("The signing secret to enter in the ATS (for Lever, the token you gave). Shown this once only."),
});

export const connectorListResource = z.object({ connectors: z.array(connectorResource) });

export const deliveryResource = z.object({
  id,
  eventType: z.string(),
  status: z.enum(["received", "applied", "ignored", "failed"]),
  summary: z.string().nullable().describe("What it changed, by ATS ids and stage names."),
  error: z.string().nullable(),
  attempts: z.number().int(),
  receivedAt: timestamp,
  retryable: z.boolean().describe("Failed, with its body kept: POST …/deliveries/:id/retry applies it again."),
});

export const connectorDetailResource = connectorResource.extend({ deliveries: z.array(deliveryResource) });

export function presentConnector(connector: ConnectorSummary): z.output<typeof connectorResource> {
  return {
    id: connector.id,
    kind: connector.kind,
    name: connector.name,
    webhookUrl: connector.webhookUrl,
    emails: connector.emails,
    apiBaseUrl: connector.apiBaseUrl,
    createdAt: connector.createdAt.toISOString(),
    lastDeliveryAt: connector.lastDeliveryAt?.toISOString() ?? null,
    consecutiveFailures: connector.consecutiveFailures,
  };
}

export function presentCreatedConnector(connector: CreatedConnector): z.output<typeof connectorCreatedResource> {
  return { ...presentConnector(connector), secret: connector.secret };
}

export function presentDelivery(delivery: DeliveryLogEntry): z.output<typeof deliveryResource> {
  return {
    id: delivery.id,
    eventType: delivery.eventType,
    status: delivery.status,
    summary: delivery.summary,
    error: delivery.error,
    attempts: delivery.attempts,
    receivedAt: delivery.receivedAt.toISOString(),
    retryable: delivery.retryable,
  };
}

export const retryResultResource = z.object({
  deliveryId: id,
  outcome: z
    .enum(["applied", "ignored", "failed", "received"])
    .describe("received: another instance is applying this connector's deliveries; it applies within seconds."),
  message: z.string().nullable().describe("What it changed, or why it failed again."),
});

export function presentRetry(result: WorkOutcome): z.output<typeof retryResultResource> {
  const message = "summary" in result ? result.summary : "error" in result ? result.error : null;
  return { deliveryId: result.deliveryId, outcome: result.outcome, message };
}
