// The present-tense and survey figures of the metrics report: decisions owed and silent candidates (as of now,
// whatever the window) and candidate NPS and friction from the survey answers given in the window.
import { Prisma } from "~/generated/prisma/client";
import type { DecisionOwedFigure, MetricsFilters } from "~/domain/metrics/report";
import { prisma } from "~/platform/db.server";
import type { Actor } from "../scope.server";
import { jobCondition, minutesBetween, silentApplicationIds, ts } from "./sql.server";

/** Running stage-decision clocks grouped by who owes the decision (the job's hiring manager), oldest wait first. The
 * running clocks (few, by the SlaClock(state, dueAt) index) are picked before the jobs in view narrow them; the
 * longest wait is that of the earliest start, converted to minutes once. */
export function decisionsOwed(actor: Actor, filters: MetricsFilters, now: Date): Promise<DecisionOwedFigure[]> {
  return prisma.$queryRaw<DecisionOwedFigure[]>`
    WITH running AS MATERIALIZED (
      SELECT c."jobId", c."startedAt" FROM "SlaClock" c WHERE c.state = 'running' AND c.metric = 'stage_decision'
    )
    SELECT j."hiringManagerId" AS "ownerId", u.name AS "ownerName", count(*)::int AS count,
           ${minutesBetween(Prisma.sql`min(c."startedAt")`, ts(now))} AS "oldestWaitingMinutes"
      FROM running c JOIN "Job" j ON j.id = c."jobId" LEFT JOIN "User" u ON u.id = j."hiringManagerId"
     WHERE ${jobCondition(actor, filters)}
     GROUP BY j."hiringManagerId", u.name
     ORDER BY "oldestWaitingMinutes" DESC, u.name NULLS LAST`;
}

export async function silentCount(actor: Actor, filters: MetricsFilters, now: Date): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count
      FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
     WHERE a.status = 'active' AND a.id IN (${silentApplicationIds(now)}) AND ${jobCondition(actor, filters)}`;
  return row?.count ?? 0;
}

export type SurveyFigures = {
  responses: number;
  promoters: number;
  detractors: number;
  tags: number;
  byTag: Record<string, number>;
};

/** Survey answers given in [from, to) on applications in scope: NPS counts and friction tags. */
export async function surveyFigures(actor: Actor, filters: MetricsFilters): Promise<SurveyFigures> {
  const [row] = await prisma.$queryRaw<(Omit<SurveyFigures, "byTag"> & { byTag: string })[]>`
    WITH answers AS (
      SELECT r.nps, r."frictionTags"
        FROM "SurveyResponse" r JOIN "Application" a ON a.id = r."applicationId" JOIN "Job" j ON j.id = a."jobId"
       WHERE r."createdAt" >= ${ts(filters.from)} AND r."createdAt" < ${ts(filters.to)} AND ${jobCondition(actor, filters)}
    )
    SELECT (SELECT count(*) FROM answers)::int AS responses,
           (SELECT count(*) FROM answers WHERE nps >= 9)::int AS promoters,
           (SELECT count(*) FROM answers WHERE nps <= 6)::int AS detractors,
           (SELECT coalesce(sum(cardinality("frictionTags")), 0) FROM answers)::int AS tags,
           (SELECT coalesce(json_object_agg(tag, n ORDER BY tag), '{}')::text
              FROM (SELECT tag, count(*)::int AS n FROM answers, unnest(answers."frictionTags") AS tag GROUP BY tag) t)
             AS "byTag"`;
  return { ...row!, byTag: JSON.parse(row!.byTag) as Record<string, number> };
}
