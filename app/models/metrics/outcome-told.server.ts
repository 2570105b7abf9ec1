// Materialised "was the candidate told" (Application.outcomeToldAt): when the candidate first heard the current
// outcome of their application, refreshed in the transaction that writes a decision, a withdrawal, a reopening or an
// email to the candidate. The closure rate and its drill-down then filter the closed applications on a column instead
// of probing the touchpoint log and the outbox once per rejection on every dashboard load (docs/decisions/015).
import { Prisma } from "~/generated/prisma/client";
import { REJECTION_KINDS } from "~/domain/templates/kinds";
import { sqlList } from "~/platform/sql-list.server";
import type { Db } from "../sla/config.server";
import { withCandidateToldDeliveries } from "../webhooks/emit.server";

const OUTCOME_TYPES = new Set(["decision", "withdrawn", "reopened"]);

/** The rejection template kinds as SQL literals, so the statements below carry no parameters and bulk loads can run
 * their text as it is. */
export const REJECTION_KIND_LIST = sqlList(REJECTION_KINDS);

/** Whether a touchpoint of this type and visibility can change when the candidate was told. */
export function changesOutcomeTold(type: string, visibility: string): boolean {
  return OUTCOME_TYPES.has(type) || (type === "message_out" && visibility === "candidate");
}

/**
 * When the candidate of application `a` was first told its current outcome: the first email they got at or after the
 * decision; for a rejection also a rejection email sent at any time (it may be logged a moment before the decision).
 * Null while the application is open, and while nobody has told them. The definition of docs/metrics.md, "closureRate".
 */
const OUTCOME_TOLD_AT = Prisma.sql`
  CASE WHEN a."closedAt" IS NOT NULL THEN least(
    (SELECT min(e."occurredAt") FROM "Event" e
      WHERE e."applicationId" = a.id AND e.type = 'message_out' AND e.visibility = 'candidate'
        AND e."occurredAt" >= a."closedAt"),
    CASE WHEN a.status = 'rejected' THEN
      (SELECT min(coalesce(m."sentAt", m."createdAt")) FROM "Message" m
        WHERE m."applicationId" = a.id AND m.direction = 'outbound' AND m.audience = 'candidate' AND m.status = 'sent'
          AND m.kind IN (${REJECTION_KIND_LIST}))
    END)
  END`;

/** Sets outcomeToldAt of the applications `a` that `applications` selects, writing only the rows that change; returns
 * each changed row's id, its value before (`was`) and after (`at`). */
function setOutcomeTold(applications: Prisma.Sql, returning = true): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Application" AS target SET "outcomeToldAt" = told.at
      FROM (SELECT a.id, a."outcomeToldAt" AS was, ${OUTCOME_TOLD_AT} AS at FROM "Application" a WHERE ${applications})
           AS told
     WHERE target.id = told.id AND target."outcomeToldAt" IS DISTINCT FROM told.at
    ${returning ? Prisma.sql`RETURNING told.id, told.was, told.at` : Prisma.empty}`;
}

/**
 * Brings outcomeToldAt of these applications in step with their log and outbox, in the caller's transaction, and in
 * the same statement queues candidate.told to the webhook endpoints for each whose candidate has just been told (its
 * outcomeToldAt went from null to a time). Returns those applications' ids.
 */
export async function refreshOutcomeTold(db: Db, applicationIds: string[], now = new Date()): Promise<string[]> {
  if (applicationIds.length === 0) return [];
  const told = await db.$queryRaw<{ id: string }[]>(
    withCandidateToldDeliveries(setOutcomeTold(Prisma.sql`a.id = ANY(${applicationIds}::text[])`), now),
  );
  return told.map((row) => row.id);
}

/** The statement that sets every application's outcomeToldAt, for bulk loads that write touchpoints directly (the
 * benchmark's dataset). It has no parameters. */
export const SET_EVERY_OUTCOME_TOLD: Prisma.Sql = setOutcomeTold(Prisma.sql`TRUE`, false);
