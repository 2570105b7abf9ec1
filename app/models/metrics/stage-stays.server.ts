// Materialised stage stays (StageStay): each application's time in each stage, rebuilt from its pipeline touchpoints
// in the transaction that appends one, so the time-in-stage and funnel figures read a narrow table by date instead of
// pairing a quarter of the touchpoint log with window functions on every dashboard load (docs/decisions/015).
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "../sla/config.server";

/** The touchpoints that begin or end a stay, or decide whether a stay still open is counted (the status). */
const STAGE_EVENT_TYPES = new Set(["applied", "stage_changed", "decision", "withdrawn", "reopened"]);

export function movesStages(type: string): boolean {
  return STAGE_EVENT_TYPES.has(type);
}

/**
 * The stays of the applications `a` that `applications` selects, as StageStay rows. A stay runs from the touchpoint
 * that put the application in the stage (its application, or a move) to the one that took it out (the next move, a
 * decision or a withdrawal). The first stage is where the first move left from, else where the application still is.
 * The last stay of an application no longer active and with no such touchpoint has no end and is left out; that of
 * an active application is open (leftAt null). The definition of docs/metrics.md, "Time in stage".
 */
function staysOf(applications: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT m."applicationId",
           (row_number() OVER (PARTITION BY m."applicationId" ORDER BY m."occurredAt", m."recordedAt"))::int AS sequence,
           m."jobId", s.id AS "stageId", m."occurredAt" AS "enteredAt", m."nextAt" AS "leftAt"
      FROM (SELECT e."applicationId", e.type, e."occurredAt", e."recordedAt", e.data->>'toStageId' AS "toStageId",
                   a.status, a."stageId", a."jobId",
                   lead(e."occurredAt") OVER next AS "nextAt", lead(e.type) OVER next AS "nextType",
                   lead(e.data->>'fromStageId') OVER next AS "nextFromStageId"
              FROM "Event" e JOIN "Application" a ON a.id = e."applicationId"
             WHERE e.type IN ('applied', 'stage_changed', 'decision', 'withdrawn') AND ${applications}
            WINDOW next AS (PARTITION BY e."applicationId" ORDER BY e."occurredAt", e."recordedAt")) m
      JOIN "Stage" s ON s.id = CASE WHEN m.type = 'stage_changed' THEN m."toStageId"
                                    WHEN m."nextType" = 'stage_changed' THEN m."nextFromStageId"
                                    ELSE m."stageId" END
     WHERE m.type IN ('applied', 'stage_changed') AND (m."nextAt" IS NOT NULL OR m.status = 'active')`;
}

const INSERT_STAYS = Prisma.sql`INSERT INTO "StageStay" ("applicationId", sequence, "jobId", "stageId", "enteredAt", "leftAt")`;

/** Rebuilds the stays of these applications from their touchpoints, in the caller's transaction. */
export async function refreshStageStays(db: Db, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await db.$executeRaw`DELETE FROM "StageStay" WHERE "applicationId" = ANY(${applicationIds}::text[])`;
  await db.$executeRaw`${INSERT_STAYS} ${staysOf(Prisma.sql`a.id = ANY(${applicationIds}::text[])`)}`;
}

/** The statement that writes every application's stays into an empty StageStay, for bulk loads that write
 * touchpoints directly (the benchmark's dataset). It has no parameters. */
export const INSERT_EVERY_STAGE_STAY: Prisma.Sql = Prisma.sql`${INSERT_STAYS} ${staysOf(Prisma.sql`TRUE`)}`;
