// Connectors: the ATSs (and generic senders) whose webhooks Hearback receives. Admins add them (Settings →
// Connectors, POST /api/v1/connectors); the signing secret is shown once and kept sealed, never in the clear.
import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import {
  connectorSecretIssues,
  LEVER_API_BASE_URL,
  type ConnectorInput,
  type ConnectorUpdate,
} from "~/domain/connectors/connector-form";
import type { StageKind } from "~/domain/jobs";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { sealSecret } from "~/platform/secret-box.server";
import { generateSecret } from "~/platform/tokens.server";
import { standardWebhookSecret } from "~/platform/webhook-signatures.server";
import { recordAudit } from "../audit.server";
import { requestRecompute } from "../sla/recompute.server";

export const connectorSelect = {
  id: true,
  kind: true,
  name: true,
  emails: true,
  apiBaseUrl: true,
  createdAt: true,
  lastDeliveryAt: true,
  consecutiveFailures: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.ConnectorSelect;

type ConnectorRow = Prisma.ConnectorGetPayload<{ select: typeof connectorSelect }>;
export type ConnectorSummary = ConnectorRow & { webhookUrl: string };
export type CreatedConnector = ConnectorSummary & { secret: string };

/** Where the ATS posts its webhooks: no session, verified by the connector's own signature scheme. */
export function webhookUrlFor(connectorId: string): string {
  return `${publicUrl()}/hooks/${connectorId}`;
}

const withUrl = (row: ConnectorRow): ConnectorSummary => ({ ...row, webhookUrl: webhookUrlFor(row.id) });

function newSecretFor(input: ConnectorInput): string {
  if (input.secret) return input.secret;
  return input.kind === "webhook" ? standardWebhookSecret(randomBytes(24)) : generateSecret(32);
}

/** Adds a connector. Returns its signing secret, which cannot be read back later. */
export async function createConnector(input: ConnectorInput, actorId: string | null): Promise<CreatedConnector> {
  const secret = newSecretFor(input);
  return prisma.$transaction(async (tx) => {
    const row = await tx.connector.create({
      data: {
        kind: input.kind,
        name: input.name,
        emails: input.emails,
        secretCipher: sealSecret(secret),
        apiKeyCipher: input.apiKey ? sealSecret(input.apiKey) : null,
        apiBaseUrl: input.kind === "lever" ? (input.apiBaseUrl ?? LEVER_API_BASE_URL).replace(/\/+$/, "") : null,
        createdById: actorId,
      },
      select: connectorSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "connector.created",
      entityType: "Connector",
      entityId: row.id,
      data: { kind: input.kind, name: input.name, emails: input.emails },
    });
    return { ...withUrl(row), secret };
  });
}

export async function listConnectors(): Promise<ConnectorSummary[]> {
  const rows = await prisma.connector.findMany({ select: connectorSelect, orderBy: { createdAt: "asc" } });
  return rows.map(withUrl);
}

export async function getConnector(connectorId: string): Promise<ConnectorSummary> {
  const row = await prisma.connector.findUnique({ where: { id: connectorId }, select: connectorSelect });
  if (!row) throw new NotFoundError("The connector");
  return withUrl(row);
}

/** Removes a connector: its webhooks are refused from now on. The jobs, candidates and applications it brought stay,
 * unlinked from the ATS. */
export async function deleteConnector(connectorId: string, actorId: string | null): Promise<ConnectorSummary> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.connector.findUnique({ where: { id: connectorId }, select: connectorSelect });
    if (!row) throw new NotFoundError("The connector");
    await tx.connector.delete({ where: { id: connectorId } });
    await recordAudit(tx, {
      actorId,
      action: "connector.deleted",
      entityType: "Connector",
      entityId: connectorId,
      data: { kind: row.kind, name: row.name },
    });
    return withUrl(row);
  });
}

/** Renames a connector, changes who writes to candidates, or replaces its secrets (sealed like the first ones). */
export async function updateConnector(
  connectorId: string,
  update: ConnectorUpdate,
  actorId: string | null,
): Promise<ConnectorSummary> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.connector.findUnique({ where: { id: connectorId }, select: { kind: true } });
    if (!current) throw new NotFoundError("The connector");
    const issues = connectorSecretIssues(current.kind, update);
    if (issues.length > 0) throw new InvalidInputError(issues[0]!.message, issues);
    const row = await tx.connector.update({
      where: { id: connectorId },
      data: {
        ...(update.name ? { name: update.name } : {}),
        ...(update.emails ? { emails: update.emails } : {}),
        ...(update.secret ? { secretCipher: sealSecret(update.secret) } : {}),
        ...(update.apiKey ? { apiKeyCipher: sealSecret(update.apiKey) } : {}),
      },
      select: connectorSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "connector.updated",
      entityType: "Connector",
      entityId: connectorId,
      // Which fields changed, never the secrets themselves.
      data: { fields: Object.keys(update).filter((key) => update[key as keyof ConnectorUpdate] !== undefined) },
    });
    return withUrl(row);
  });
}

export type MappedStage = {
  stageId: string;
  externalId: string;
  stageName: string;
  kind: StageKind;
  jobId: string;
  jobTitle: string;
};

/** The ATS stages this connector has mapped to Hearback stages, job by job, in pipeline order. */
export async function listMappedStages(connectorId: string): Promise<MappedStage[]> {
  const rows = await prisma.externalRecord.findMany({
    where: { connectorId, kind: "stage", stage: { archivedAt: null } },
    select: {
      externalId: true,
      stage: {
        select: { id: true, name: true, kind: true, position: true, job: { select: { id: true, title: true } } },
      },
    },
  });
  return rows
    .flatMap(({ externalId, stage }) =>
      stage
        ? [
            {
              stageId: stage.id,
              externalId,
              stageName: stage.name,
              kind: stage.kind,
              jobId: stage.job.id,
              jobTitle: stage.job.title,
              position: stage.position,
            },
          ]
        : [],
    )
    .sort((a, b) => a.jobTitle.localeCompare(b.jobTitle) || a.jobId.localeCompare(b.jobId) || a.position - b.position)
    .map(({ position: _position, ...stage }) => stage);
}

/** Corrects what kind of stage an ATS stage is (guessed from its name when first seen). The job's clocks are rebuilt:
 * which promises run in a stage depends on its kind. */
export async function correctStageKind(
  connectorId: string,
  stageId: string,
  kind: StageKind,
  actorId: string | null,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const mapped = await tx.externalRecord.findFirst({
      where: { connectorId, kind: "stage", stageId },
      select: { stage: { select: { jobId: true, kind: true, name: true } } },
    });
    if (!mapped?.stage) throw new NotFoundError("The stage");
    if (mapped.stage.kind === kind) return;
    await tx.stage.update({ where: { id: stageId }, data: { kind } });
    await recordAudit(tx, {
      actorId,
      action: "stage.kind_corrected",
      entityType: "Stage",
      entityId: stageId,
      data: { connectorId, from: mapped.stage.kind, to: kind },
    });
    await requestRecompute(tx, {
      reason: `Stage “${mapped.stage.name}” is now of kind ${kind}`,
      jobIds: [mapped.stage.jobId],
    });
  });
}
