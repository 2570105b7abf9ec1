// Receiving a connector's webhook: verify it in the vendor's own scheme, read it into normalised events (for Lever,
// whose payloads carry ids only, by asking its API), then apply it once through the delivery log. Nothing is written
// for a request that fails verification or cannot be read.
import { mapAshby } from "~/domain/connectors/ashby";
import type { ConnectorKind, MappedDelivery } from "~/domain/connectors/events";
import { UnreadablePayload } from "~/domain/connectors/events";
import { mapGreenhouse } from "~/domain/connectors/greenhouse";
import {
  leverFollowUpPaths,
  leverNeedsOpportunity,
  leverOpportunityPath,
  mapLever,
  readLeverWebhook,
} from "~/domain/connectors/lever";
import { mapGenericWebhook } from "~/domain/connectors/webhook";
import { prisma } from "~/platform/db.server";
import { NotFoundError } from "~/platform/errors.server";
import { fetchJson, HttpFetchError } from "~/platform/http-json.server";
import { openSecret, UnreadableSecretError } from "~/platform/secret-box.server";
import {
  verifyAshby,
  verifyGreenhouse,
  verifyLever,
  verifyStandardWebhook,
  type SignatureCheck,
} from "~/platform/webhook-signatures.server";
import {
  loadFailedDelivery,
  recordDelivery,
  recordFailure,
  type DeliveryConnector,
  type DeliveryResult,
} from "./deliveries.server";

export type ReceiveResult =
  | { outcome: "unknown_connector" }
  | { outcome: "unverified"; reason: string }
  | { outcome: "unreadable"; message: string }
  | DeliveryResult;

type Connector = DeliveryConnector & {
  kind: ConnectorKind;
  secretCipher: string;
  apiKeyCipher: string | null;
  apiBaseUrl: string | null;
};

/** The request headers a mapping reads (delivery ids), kept with a failed delivery's body for its retry. */
const KEPT_HEADERS = ["greenhouse-event-id", "webhook-id"];

async function loadConnector(connectorId: string): Promise<Connector | null> {
  return prisma.connector.findUnique({
    where: { id: connectorId },
    select: {
      id: true,
      name: true,
      kind: true,
      emails: true,
      secretCipher: true,
      apiKeyCipher: true,
      apiBaseUrl: true,
    },
  });
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new UnreadablePayload("The body is not JSON.");
  }
}

function verify(connector: Connector, raw: Buffer, headers: Headers): SignatureCheck {
  const secret = openSecret(connector.secretCipher);
  switch (connector.kind) {
    case "greenhouse":
      return verifyGreenhouse(raw, headers, secret);
    case "ashby":
      return verifyAshby(raw, headers, secret);
    case "webhook":
      return verifyStandardWebhook(raw, headers, secret);
    case "lever": {
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return { ok: false, reason: "The body is not JSON, so its signature cannot be read." };
      }
      return verifyLever(typeof body === "object" && body !== null ? body : {}, secret);
    }
  }
}

/** Lever's payloads name the opportunity; what it is now (its stage, the posting's title, an archive reason's text)
 * comes from Lever's API, with the connector's key. */
async function readLever(connector: Connector, body: unknown): Promise<MappedDelivery> {
  const webhook = readLeverWebhook(body);
  if (!leverNeedsOpportunity(webhook) || !webhook.data.opportunityId) return mapLever(webhook, null);
  const key = connector.apiKeyCipher ? openSecret(connector.apiKeyCipher) : "";
  const get = (path: string) =>
    fetchJson(`${connector.apiBaseUrl}${path}`, {
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    });
  const opportunity = await get(leverOpportunityPath(webhook.data.opportunityId));
  const followUp = leverFollowUpPaths(webhook, opportunity);
  const [posting, archiveReason] = await Promise.all([
    followUp.posting ? get(followUp.posting) : undefined,
    followUp.archiveReason ? get(followUp.archiveReason) : undefined,
  ]);
  return mapLever(webhook, opportunity, posting, archiveReason);
}

/** Reads a verified body into what it means. Throws UnreadablePayload for a body that cannot be read, HttpFetchError
 * when the ATS's API could not be asked. */
async function readDelivery(
  connector: Connector,
  body: string,
  headers: Headers,
  receivedAt: Date,
): Promise<MappedDelivery> {
  const json = parseJson(body);
  switch (connector.kind) {
    case "greenhouse":
      return mapGreenhouse(json, headers, receivedAt);
    case "ashby":
      return mapAshby(json, receivedAt);
    case "webhook":
      return mapGenericWebhook(json, headers.get("webhook-id") ?? "");
    case "lever":
      return readLever(connector, json);
  }
}

/** The key (and event) a delivery that could not be read from the ATS's API is logged under, so that the vendor's
 * retry and the retry button find it; the same key the mapping gives it once it can be read. */
function unreadDelivery(connector: Connector, body: string, headers: Headers, receivedAt: Date) {
  const json = parseJson(body) as { token?: unknown; triggeredAt?: unknown; event?: unknown };
  if (connector.kind === "lever") {
    return {
      deliveryId: `${String(json.event)}:${String(json.token)}:${String(json.triggeredAt)}`,
      eventType: String(json.event),
    };
  }
  const deliveryId =
    headers.get("webhook-id") ?? headers.get("greenhouse-event-id") ?? `unread:${receivedAt.getTime()}`;
  return { deliveryId, eventType: "unread" };
}

async function readAndRecord(
  connector: Connector,
  body: string,
  headers: Headers,
  receivedAt: Date,
  now: Date,
): Promise<ReceiveResult> {
  const kept = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => (headers.has(name) ? [[name, headers.get(name)!]] : [])),
  );
  let mapped: MappedDelivery;
  try {
    mapped = await readDelivery(connector, body, headers, receivedAt);
  } catch (error) {
    if (error instanceof UnreadablePayload) return { outcome: "unreadable", message: error.message };
    if (!(error instanceof HttpFetchError || error instanceof UnreadableSecretError)) throw error;
    const unread = unreadDelivery(connector, body, headers, receivedAt);
    const deliveryId = await recordFailure(connector, unread, { body, headers: kept }, receivedAt, error.message, now);
    return { outcome: "failed", deliveryId, error: error.message, refused: false };
  }
  return recordDelivery(connector, mapped, { body, headers: kept }, receivedAt, now);
}

/** Verifies and applies one webhook delivery. */
export async function receiveWebhook(
  connectorId: string,
  raw: Buffer,
  headers: Headers,
  receivedAt: Date = new Date(),
): Promise<ReceiveResult> {
  const connector = await loadConnector(connectorId);
  if (!connector) return { outcome: "unknown_connector" };
  let check: SignatureCheck;
  try {
    check = verify(connector, raw, headers);
  } catch (error) {
    if (error instanceof UnreadableSecretError) return { outcome: "unverified", reason: error.message };
    throw error;
  }
  if (!check.ok) return { outcome: "unverified", reason: check.reason };
  return readAndRecord(connector, raw.toString("utf8"), headers, receivedAt, receivedAt);
}

/** Applies a failed delivery again from its stored body (it was verified when it arrived). */
export async function retryDelivery(
  connectorId: string,
  deliveryId: string,
  now: Date = new Date(),
): Promise<ReceiveResult> {
  const delivery = await loadFailedDelivery(deliveryId);
  if (!delivery || delivery.connectorId !== connectorId) throw new NotFoundError("A failed delivery with this id");
  const connector = await loadConnector(delivery.connectorId);
  if (!connector) throw new NotFoundError("The connector");
  return readAndRecord(connector, delivery.body, new Headers(delivery.headers), delivery.receivedAt, now);
}
