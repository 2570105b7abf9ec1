// The application-based figures of the metrics report: applications per week, the stage funnel, time in stage, time to
// hire and the closure rate — set-based SQL over Application, Stage and the touchpoint log.
import { Prisma } from "~/generated/prisma/client";
import type { FunnelStep, MetricsFilters, StageTimeFigure } from "~/domain/metrics/report";
import { prisma } from "~/utils/db.server";
import type { Actor } from "../scope.server";
import {
  ANY_STATUS,
  candidateNotTold,
  floatMinutesBetween,
  jobCondition,
  medianAndP90,
  querySorting,
  ts,
} from "./sql.server";

/** Applications that applied in [from, to), as a condition on `a` (with `j` joined). */
export function appliedInWindow(actor: Actor, filters: MetricsFilters): Prisma.Sql {
  return Prisma.sql`${ANY_STATUS} AND a."appliedAt" >= ${ts(filters.from)} AND a."appliedAt" < ${ts(filters.to)}
                    AND ${jobCondition(actor, filters)}`;
}

/** Hired or rejected (both when no status is given) applications closed in [from, to). The decision touchpoint is
 * written with closedAt in the same transaction, so the Event(type, occurredAt) index finds the candidates; closedAt
 * and status then decide. */
export function closedInWindow(actor: Actor, filters: MetricsFilters, status?: "hired" | "rejected"): Prisma.Sql {
  return Prisma.sql`a.id IN (SELECT d."applicationId" FROM "Event" d WHERE d.type = 'decision'
                                AND d."occurredAt" >= ${ts(filters.from)} AND d."occurredAt" < ${ts(filters.to)})
                    AND ${status ? Prisma.sql`a.status = ${status}::"ApplicationStatus"` : Prisma.sql`a.status IN ('hired', 'rejected')`}
                    AND a."closedAt" >= ${ts(filters.from)} AND a."closedAt" < ${ts(filters.to)}
                    AND ${jobCondition(actor, filters)}`;
}

export type WeekCount = { week: string | null; applications: number };

export function applicationCounts(actor: Actor, filters: MetricsFilters): Promise<WeekCount[]> {
  return prisma.$queryRaw<WeekCount[]>`
    SELECT CASE WHEN GROUPING(date_trunc('week', a."appliedAt")) = 1 THEN NULL
                ELSE to_char(date_trunc('week', a."appliedAt"), 'YYYY-MM-DD') END AS week,
           count(*)::int AS applications
      FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
     WHERE ${appliedInWindow(actor, filters)}
     GROUP BY ROLLUP (date_trunc('week', a."appliedAt"))`;
}

/** Per stage position (and name and kind) of the jobs applied to in the window: how many of those applications got
 * that far — to the stage itself or beyond it, by the furthest stage they ever entered (or stand in now). */
export function funnel(actor: Actor, filters: MetricsFilters): Promise<FunnelStep[]> {
  return querySorting<FunnelStep>(Prisma.sql`
    WITH apps AS (
      SELECT a.id, a."jobId", cs.position AS current
        FROM "Application" a JOIN "Job" j ON j.id = a."jobId" JOIN "Stage" cs ON cs.id = a."stageId"
       WHERE ${appliedInWindow(actor, filters)}
    ), furthest AS (
      SELECT apps."jobId", greatest(apps.current, coalesce(max(s.position), apps.current)) AS position
        FROM apps
        -- Moves of applications of the window happen after they applied, so only moves since \`from\` (an index range).
        LEFT JOIN "Event" e ON e."applicationId" = apps.id AND e.type = 'stage_changed'
                           AND e."occurredAt" >= ${ts(filters.from)}
        LEFT JOIN "Stage" s ON s.id = e.data->>'toStageId'
       GROUP BY apps.id, apps."jobId", apps.current
    )
    SELECT st.name AS "stageName", st.kind::text AS "stageKind", st.position,
           (count(*) FILTER (WHERE f.position >= st.position))::int AS reached
      FROM furthest f JOIN "Stage" st ON st."jobId" = f."jobId" AND st."archivedAt" IS NULL
     GROUP BY st.position, st.name, st.kind
     ORDER BY st.position, st.name`);
}

/**
 * Stays in a stage that began in [from, to): from the touchpoint that put the application there (its application, or
 * a move) to the one that took it out (the next move, a decision or a withdrawal); a stay still going is counted up
 * to `now`. Grouped by stage position, name and kind across jobs. One pass over the pipeline touchpoints since `from`
 * (every stay of the window ends after it began), each paired with the next by a window function.
 */
export async function timeInStage(actor: Actor, filters: MetricsFilters, now: Date): Promise<StageTimeFigure[]> {
  const rows = await querySorting<
    Omit<StageTimeFigure, "medianMinutes" | "p90Minutes"> & { percentiles: number[] | null }
  >(Prisma.sql`
    WITH moves AS (
      SELECT e.type, e."occurredAt", e.data->>'toStageId' AS "toStageId", a.status, a."stageId",
             lead(e."occurredAt") OVER next AS "nextAt", lead(e.type) OVER next AS "nextType",
             lead(e.data->>'fromStageId') OVER next AS "nextFromStageId"
        FROM "Event" e JOIN "Application" a ON a.id = e."applicationId" JOIN "Job" j ON j.id = a."jobId"
       WHERE e.type IN ('applied', 'stage_changed', 'decision', 'withdrawn')
         AND e."occurredAt" >= ${ts(filters.from)} AND ${jobCondition(actor, filters)}
      WINDOW next AS (PARTITION BY e."applicationId" ORDER BY e."occurredAt", e."recordedAt")
    ), stays AS (
      SELECT CASE WHEN m.type = 'stage_changed' THEN m."toStageId"
                  -- The first stage: where the first move left from, else where the application still is.
                  WHEN m."nextType" = 'stage_changed' THEN m."nextFromStageId"
                  ELSE m."stageId" END AS "stageId",
             ${floatMinutesBetween(Prisma.sql`m."occurredAt"`, Prisma.sql`coalesce(m."nextAt", CASE WHEN m.status = 'active' THEN ${ts(now)} END)`)} AS minutes
        FROM moves m
       WHERE m.type IN ('applied', 'stage_changed') AND m."occurredAt" < ${ts(filters.to)}
    )
    SELECT s.name AS "stageName", s.kind::text AS "stageKind", s.position, count(*)::int AS count,
           ${medianAndP90(Prisma.sql`stays.minutes`)} AS percentiles
      FROM stays JOIN "Stage" s ON s.id = stays."stageId"
     WHERE stays.minutes IS NOT NULL
     GROUP BY s.position, s.name, s.kind
     ORDER BY s.position, s.name`);
  return rows.map(({ percentiles, ...row }) => ({
    ...row,
    medianMinutes: percentiles?.[0] ?? null,
    p90Minutes: percentiles?.[1] ?? null,
  }));
}

export type ClosedFigures = {
  hired: number;
  hireMedian: number | null;
  hireP90: number | null;
  rejected: number;
  told: number;
};

/** Time to hire (applied → hired) of hires closed in the window, and how many rejections closed in it were told. The
 * closed applications are found once and then counted (hires, rejections, the untold) from that one set. */
export async function closedFigures(actor: Actor, filters: MetricsFilters): Promise<ClosedFigures> {
  const [row] = await querySorting<ClosedFigures & { percentiles: number[] | null; notTold: number }>(Prisma.sql`
    WITH closed AS MATERIALIZED (
      SELECT a.id, a.status, a."appliedAt", a."closedAt"
        FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
       WHERE ${closedInWindow(actor, filters)}
    )
    SELECT (count(*) FILTER (WHERE a.status = 'hired'))::int AS hired,
           ${medianAndP90(floatMinutesBetween(Prisma.sql`a."appliedAt"`, Prisma.sql`a."closedAt"`), Prisma.sql`a.status = 'hired'`)} AS percentiles,
           (count(*) FILTER (WHERE a.status = 'rejected'))::int AS rejected,
           (SELECT count(*) FROM closed a WHERE a.status = 'rejected' AND ${candidateNotTold(filters)})::int AS "notTold"
      FROM closed a`);
  const { percentiles, notTold, ...figures } = row!;
  return {
    ...figures,
    hireMedian: percentiles?.[0] ?? null,
    hireP90: percentiles?.[1] ?? null,
    told: figures.rejected - notTold,
  };
}
