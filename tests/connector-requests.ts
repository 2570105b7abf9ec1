// Signed webhook requests as each vendor sends them, for the connector tests: the fixture's bytes as on disk, signed
// with the connector's secret in the vendor's scheme (Standard Webhooks by its own package).
import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { receiveWebhook } from "~/models/connectors/receive.server";
import { applyReceivedDeliveries } from "~/models/connectors/work.server";
import { action as hookAction } from "~/routes/hooks.$connectorId";
import { readFixture, type FixtureVendor } from "./connector-fixtures";

export type SignedRequest = { raw: Buffer; headers: Headers };

const hex = (secret: string, data: string | Buffer) => createHmac("sha256", secret).update(data).digest("hex");

export function signGreenhouse(body: string, secret: string, eventId: string): SignedRequest {
  const raw = Buffer.from(body, "utf8");
  const headers = new Headers({
    "content-type": "application/json",
    signature: `sha256 ${hex(secret, raw)}`,
    "greenhouse-event-id": eventId,
  });
  return { raw, headers };
}

export function signAshby(body: string, secret: string): SignedRequest {
  const raw = Buffer.from(body, "utf8");
  return {
    raw,
    headers: new Headers({ "content-type": "application/json", "ashby-signature": `sha256=${hex(secret, raw)}` }),
  };
}

/** Lever signs inside the body: `signature` = HMAC(token + triggeredAt). The fixture's signature is replaced. */
export function signLever(body: string, secret: string): SignedRequest {
  const parsed = JSON.parse(body) as { token: string; triggeredAt: number; signature?: string };
  parsed.signature = hex(secret, `${parsed.token}${parsed.triggeredAt}`);
  return { raw: Buffer.from(JSON.stringify(parsed)), headers: new Headers({ "content-type": "application/json" }) };
}

export function signStandard(body: string, secret: string, id: string, at: Date): SignedRequest {
  const raw = Buffer.from(body, "utf8");
  const headers = new Headers({
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, raw),
  });
  return { raw, headers };
}

export function fixtureBody(vendor: FixtureVendor, name: string): string {
  return readFixture(vendor, name);
}

/** POSTs a signed request to the connector's webhook route, as the ATS would; returns the status and JSON answer. */
export async function postHook(
  connectorId: string,
  request: SignedRequest,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await hookAction({
    request: new Request(`http://localhost/hooks/${connectorId}`, {
      method: "POST",
      headers: request.headers,
      body: new Uint8Array(request.raw),
    }),
    params: { connectorId },
    context: {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Receives a signed request as the webhook route does, then lets the connector worker apply it at the same instant;
 * answers what became of the delivery (applied, failed) or why it was not queued (duplicate, ignored, ping, …). */
export async function receiveAndApply(connectorId: string, request: SignedRequest, receivedAt: Date) {
  const received = await receiveWebhook(connectorId, request.raw, request.headers, receivedAt);
  if (received.outcome !== "received") return received;
  const outcomes = await applyReceivedDeliveries({ connectorId, now: receivedAt });
  return outcomes.find((outcome) => outcome.deliveryId === received.deliveryId) ?? received;
}
