// The application-based figures of the metrics report: applications per week, the stage funnel, time in stage, time to
// hire and the closure rate — set-based SQL over Application, Stage and the touchpoint log.
import { Prisma } from "~/generated/prisma/client";
import type { FunnelStep, MetricsFilters, StageTimeFigure } from "~/domain/metrics/report";
import { prisma } from "~/platform/db.server";
import type { Actor } from "../scope.server";
import { CANDIDATE_NOT_TOLD, floatMinutesBetween, jobCondition, medianAndP90, querySorting, ts } from "./sql.server";

/** Applications that applied in [from, to), as a condition on `a` (with `j` joined), by the Application(appliedAt,
 * jobId, furthestPosition) index. */
export function appliedInWindow(actor: Actor, filters: MetricsFilters): Prisma.Sql {
  return Prisma.sql`a."appliedAt" >= ${ts(filters.from)} AND a."appliedAt" < ${ts(filters.to)}
                    AND ${jobCondition(actor, filters)}`;
}

/** Hired or rejected (both when no status is given) applications closed in [from, to), by the Application(closedAt,
 * status, appliedAt, jobId, outcomeToldAt) index. */
export function closedInWindow(actor: Actor, filters: MetricsFilters, status?: "hired" | "rejected"): Prisma.Sql {
  return Prisma.sql`a."closedAt" >= ${ts(filters.from)} AND a."closedAt" < ${ts(filters.to)}
                    AND ${status ? Prisma.sql`a.status = ${status}::"ApplicationStatus"` : Prisma.sql`a.status IN ('hired', 'rejected')`}
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
 * that far — to the stage itself or beyond it, by the furthest stage they ever stayed in or stand in now
 * (Application.furthestPosition, materialised with the stays: stage-stays.server.ts). */
export function funnel(actor: Actor, filters: MetricsFilters): Promise<FunnelStep[]> {
  return prisma.$queryRaw<FunnelStep[]>`
    WITH per_job AS (
      SELECT a."jobId", a."furthestPosition" AS position, count(*) AS applications
        FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
       WHERE ${appliedInWindow(actor, filters)}
       GROUP BY a."jobId", a."furthestPosition"
    )
    SELECT st.name AS "stageName", st.kind::text AS "stageKind", st.position,
           coalesce(sum(f.applications) FILTER (WHERE f.position >= st.position), 0)::int AS reached
      FROM per_job f JOIN "Stage" st ON st."jobId" = f."jobId" AND st."archivedAt" IS NULL
     GROUP BY st.position, st.name, st.kind
     ORDER BY st.position, st.name`;
}

/**
 * Stays in a stage that began in [from, to) (StageStay, materialised from the touchpoints by stage-stays.server.ts),
 * grouped by stage position, name and kind across jobs; a stay still going is counted up to `now`.
 */
export async function timeInStage(actor: Actor, filters: MetricsFilters, now: Date): Promise<StageTimeFigure[]> {
  const rows = await querySorting<
    Omit<StageTimeFigure, "medianMinutes" | "p90Minutes"> & { percentiles: number[] | null }
  >(Prisma.sql`
    SELECT s.name AS "stageName", s.kind::text AS "stageKind", s.position, count(*)::int AS count,
           ${medianAndP90(floatMinutesBetween(Prisma.sql`stay."enteredAt"`, Prisma.sql`coalesce(stay."leftAt", ${ts(now)})`))} AS percentiles
      FROM "StageStay" stay JOIN "Stage" s ON s.id = stay."stageId" JOIN "Job" j ON j.id = stay."jobId"
     WHERE stay."enteredAt" >= ${ts(filters.from)} AND stay."enteredAt" < ${ts(filters.to)}
       AND ${jobCondition(actor, filters)}
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

/** Time to hire (applied → hired) of hires closed in the window, and how many rejections closed in it were told: one
 * pass over the applications closed in the window. */
export async function closedFigures(actor: Actor, filters: MetricsFilters): Promise<ClosedFigures> {
  const [row] = await querySorting<ClosedFigures & { percentiles: number[] | null; notTold: number }>(Prisma.sql`
    SELECT (count(*) FILTER (WHERE a.status = 'hired'))::int AS hired,
           ${medianAndP90(floatMinutesBetween(Prisma.sql`a."appliedAt"`, Prisma.sql`a."closedAt"`), Prisma.sql`a.status = 'hired'`)} AS percentiles,
           (count(*) FILTER (WHERE a.status = 'rejected'))::int AS rejected,
           (count(*) FILTER (WHERE a.status = 'rejected' AND ${CANDIDATE_NOT_TOLD}))::int AS "notTold"
      FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
     WHERE ${closedInWindow(actor, filters)}`);
  const { percentiles, notTold, ...figures } = row!;
  return {
    ...figures,
    hireMedian: percentiles?.[0] ?? null,
    hireP90: percentiles?.[1] ?? null,
    told: figures.rejected - notTold,
  };
}

export type JobFunnel = { jobId: string; jobTitle: string; applications: number; steps: FunnelStep[] };

/** The funnel of each job with applications in the window, in its own pipeline: how many of the job's applications
 * reached each of its live stages (furthestPosition at or beyond the stage). Jobs with the most applications first. */
export async function funnelByJob(actor: Actor, filters: MetricsFilters): Promise<JobFunnel[]> {
  const rows = await prisma.$queryRaw<(FunnelStep & { jobId: string; jobTitle: string; applications: number })[]>`
    WITH per_job AS (
      SELECT a."jobId", a."furthestPosition" AS position, count(*) AS applications
        FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
       WHERE ${appliedInWindow(actor, filters)}
       GROUP BY a."jobId", a."furthestPosition"
    ), totals AS (
      SELECT "jobId", sum(applications)::int AS applications FROM per_job GROUP BY "jobId"
    )
    SELECT j.id AS "jobId", j.title AS "jobTitle", t.applications, st.name AS "stageName", st.kind::text AS "stageKind",
           st.position,
           coalesce(sum(f.applications) FILTER (WHERE f.position >= st.position), 0)::int AS reached
      FROM totals t JOIN "Job" j ON j.id = t."jobId"
      JOIN "Stage" st ON st."jobId" = t."jobId" AND st."archivedAt" IS NULL
      JOIN per_job f ON f."jobId" = t."jobId"
     GROUP BY j.id, j.title, t.applications, st.position, st.name, st.kind
     ORDER BY t.applications DESC, j.title, j.id, st.position`;
  const jobs = new Map<string, JobFunnel>();
  for (const { jobId, jobTitle, applications, ...step } of rows) {
    const job = jobs.get(jobId) ?? { jobId, jobTitle, applications, steps: [] };
    job.steps.push(step);
    jobs.set(jobId, job);
  }
  return [...jobs.values()];
}
