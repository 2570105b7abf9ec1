// Materialised stage stays (StageStay): each application's time in each stage, rebuilt from its pipeline touchpoints
// in the transaction that appends one, with the furthest stage it reached (Application.furthestPosition), so the
// time-in-stage and funnel figures read narrow facts instead of pairing a quarter of the touchpoint log with window
// functions on every dashboard load (docs/decisions/015).
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

/**
 * Sets Application.furthestPosition of the applications `a` that `applications` selects: the position of the furthest
 * stage each stayed in (by the stays in `stays`: the StageStay table, or the fresh stays of the same statement) or
 * stands in now, by the positions the job's stages have now (the funnel's "got that far"), writing only the rows
 * that change.
 */
function setFurthestPositions(applications: Prisma.Sql, stays: Prisma.Sql = Prisma.sql`"StageStay"`): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Application" AS target SET "furthestPosition" = furthest.position
      FROM (SELECT a.id, greatest(current.position, max(s.position)) AS position
              FROM "Application" a JOIN "Stage" current ON current.id = a."stageId"
              LEFT JOIN ${stays} stay ON stay."applicationId" = a.id
              LEFT JOIN "Stage" s ON s.id = stay."stageId"
             WHERE ${applications}
             GROUP BY a.id, current.position) AS furthest
     WHERE target.id = furthest.id AND target."furthestPosition" IS DISTINCT FROM furthest.position`;
}

/** Rebuilds the stays of these applications from their touchpoints, and how far each got, in the caller's transaction:
 * one statement that writes only the stays that changed (upserted by their place in the history, the ones beyond
 * the new history deleted; the two touch different keys). */
export async function refreshStageStays(db: Db, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  const selected = Prisma.sql`a.id = ANY(${applicationIds}::text[])`;
  await db.$executeRaw`
    WITH fresh AS (${staysOf(selected)}),
    upserted AS (
      ${INSERT_STAYS} SELECT * FROM fresh
      ON CONFLICT ("applicationId", sequence) DO UPDATE
         SET "jobId" = EXCLUDED."jobId", "stageId" = EXCLUDED."stageId", "enteredAt" = EXCLUDED."enteredAt",
             "leftAt" = EXCLUDED."leftAt"
       WHERE ("StageStay"."jobId", "StageStay"."stageId", "StageStay"."enteredAt", "StageStay"."leftAt")
             IS DISTINCT FROM (EXCLUDED."jobId", EXCLUDED."stageId", EXCLUDED."enteredAt", EXCLUDED."leftAt")),
    removed AS (
      DELETE FROM "StageStay" old WHERE old."applicationId" = ANY(${applicationIds}::text[])
         AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh."applicationId" = old."applicationId"
                                               AND fresh.sequence = old.sequence))
    ${setFurthestPositions(selected, Prisma.sql`fresh`)}`;
}

/** After a job's stages are renumbered, how far each of its applications got, by the new positions. */
export async function refreshFurthestPositions(db: Db, jobId: string): Promise<void> {
  await db.$executeRaw(setFurthestPositions(Prisma.sql`a."jobId" = ${jobId}`));
}

/** The statements that write every application's stays into an empty StageStay and then how far each got, for bulk
 * loads that write touchpoints directly (the benchmark's dataset). They have no parameters. */
export const INSERT_EVERY_STAGE_STAY: Prisma.Sql = Prisma.sql`${INSERT_STAYS} ${staysOf(Prisma.sql`TRUE`)}`;
export const SET_EVERY_FURTHEST_POSITION: Prisma.Sql = setFurthestPositions(Prisma.sql`TRUE`);
