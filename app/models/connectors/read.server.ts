// Reading a connector's delivery: the connector with its sealed secrets, and a verified body into what it means —
// each vendor's pure mapping, and for Lever (whose payloads carry ids only) what Lever's API says about them.
import type { ConnectorEmailMode, ConnectorKind, MappedDelivery } from "~/domain/connectors/events";
import { UnreadablePayload } from "~/domain/connectors/events";
import { mapAshby } from "~/domain/connectors/ashby";
import { mapGreenhouse } from "~/domain/connectors/greenhouse";
import {
  leverFollowUpPaths,
  leverDeliveryId,
  leverNeedsOpportunity,
  leverOpportunityPath,
  mapLever,
  readLeverWebhook,
} from "~/domain/connectors/lever";
import { mapGenericWebhook } from "~/domain/connectors/webhook";
import { prisma } from "~/platform/db.server";
import { fetchJson } from "~/platform/http-json.server";
import { openSecret } from "~/platform/secret-box.server";

export type ConnectorForReading = {
  id: string;
  name: string;
  kind: ConnectorKind;
  emails: ConnectorEmailMode;
  secretCipher: string;
  apiKeyCipher: string | null;
  apiBaseUrl: string | null;
};

export async function loadConnector(connectorId: string): Promise<ConnectorForReading | null> {
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

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new UnreadablePayload("The body is not JSON.");
  }
}

/** What a Lever webhook means, from what Lever's API says now about its opportunity (its stage, the posting's
 * title, an archive reason's text), asked with the connector's key. */
async function readLever(connector: ConnectorForReading, body: unknown): Promise<MappedDelivery> {
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

/**
 * Reads a verified body into what it means. `askLever: false` stops short of Lever's API: a Lever delivery that
 * needs it is then only named (its key and event), to be read in full when it is applied. Throws UnreadablePayload
 * for a body that cannot be read, HttpFetchError when Lever's API could not be asked.
 */
export async function readDelivery(
  connector: ConnectorForReading,
  body: string,
  headers: Headers,
  receivedAt: Date,
  options: { askLever: boolean },
): Promise<MappedDelivery> {
  const json = parseJson(body);
  switch (connector.kind) {
    case "greenhouse":
      return mapGreenhouse(json, headers, receivedAt);
    case "ashby":
      return mapAshby(json, receivedAt);
    case "webhook":
      return mapGenericWebhook(json, headers.get("webhook-id") ?? "");
    case "lever": {
      if (options.askLever) return readLever(connector, json);
      const webhook = readLeverWebhook(json);
      if (!leverNeedsOpportunity(webhook) || !webhook.data.opportunityId) return mapLever(webhook, null);
      return { outcome: "events", deliveryId: leverDeliveryId(webhook), eventType: webhook.event, events: [] };
    }
  }
}
