// Receiving a connector's webhook: verify it in the vendor's own scheme, read it enough to know what it is, and log
// it once — a change waits for the connector worker (app/models/connectors/work.server.ts), which applies it within
// seconds, in batches; a ping or an event Hearback ignores is logged as done. Nothing is written for a request that
// fails verification or cannot be read.
import type { MappedDelivery } from "~/domain/connectors/events";
import { UnreadablePayload } from "~/domain/connectors/events";
import { wakeConnectorWorker } from "~/platform/connector-signal.server";
import { NotFoundError } from "~/platform/errors.server";
import { openSecret, UnreadableSecretError } from "~/platform/secret-box.server";
import {
  verifyAshby,
  verifyGreenhouse,
  verifyLever,
  verifyStandardWebhook,
  type SignatureCheck,
} from "~/platform/webhook-signatures.server";
import { leverTokens } from "~/domain/connectors/connector-form";
import { logDelivery, requeueFailedDelivery } from "./deliveries.server";
import { loadConnector, readDelivery, type ConnectorForReading } from "./read.server";
import { applyReceivedDeliveries, type WorkOutcome } from "./work.server";

export type ReceiveResult =
  | { outcome: "unknown_connector" }
  | { outcome: "unverified"; reason: string }
  | { outcome: "unreadable"; message: string }
  | { outcome: "received"; deliveryId: string }
  | { outcome: "ping" | "ignored"; deliveryId: string; summary: string }
  | { outcome: "duplicate" };

/** The request headers a mapping reads (delivery ids), kept with the body for the worker and for retries. */
const KEPT_HEADERS = ["greenhouse-event-id", "webhook-id"];

function verify(connector: ConnectorForReading, raw: Buffer, headers: Headers): SignatureCheck {
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
      // Lever shows a signature token per webhook: the connector keeps each (one per line), and any may sign.
      const signed = typeof body === "object" && body !== null ? body : {};
      const checks = leverTokens(secret).map((token) => verifyLever(signed, token));
      return checks.find((check) => check.ok) ?? checks[0] ?? { ok: false, reason: "No signature token is set." };
    }
  }
}

function logLine(mapped: MappedDelivery): string | undefined {
  if (mapped.outcome === "ping") return "Ping: the connection works.";
  if (mapped.outcome === "ignored") return `Ignored: ${mapped.why}`;
  return undefined;
}

/** Verifies and logs one webhook delivery; a change is applied by the connector worker, woken here. */
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
  const body = raw.toString("utf8");
  let mapped: MappedDelivery;
  try {
    mapped = await readDelivery(connector, body, headers, receivedAt, { askLever: false });
  } catch (error) {
    if (error instanceof UnreadablePayload) return { outcome: "unreadable", message: error.message };
    throw error;
  }
  const kept = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => (headers.has(name) ? [[name, headers.get(name)!]] : [])),
  );
  const pending = mapped.outcome === "events";
  const summary = logLine(mapped);
  const deliveryId = await logDelivery(
    connector.id,
    { key: mapped.deliveryId, eventType: mapped.eventType, summary, pending },
    { body, headers: kept },
    receivedAt,
  );
  if (!deliveryId) return { outcome: "duplicate" };
  if (pending) {
    wakeConnectorWorker();
    return { outcome: "received", deliveryId };
  }
  return { outcome: mapped.outcome === "ping" ? "ping" : "ignored", deliveryId, summary: summary ?? "" };
}

/** Applies a failed delivery again from its stored body (it was verified when it arrived), now, and says how it went. */
export async function retryDelivery(
  connectorId: string,
  deliveryId: string,
  now: Date = new Date(),
): Promise<WorkOutcome> {
  if (!(await requeueFailedDelivery(connectorId, deliveryId, now))) {
    throw new NotFoundError("A failed delivery with this id");
  }
  const outcomes = await applyReceivedDeliveries({ connectorId, only: [deliveryId], now });
  return outcomes.find((outcome) => outcome.deliveryId === deliveryId) ?? { deliveryId, outcome: "received" };
}
