// The interview figures of the dashboard: how often interviews of the people hired in the window were moved, and how
// long candidates took to book once offered times (the offers booked in the window), for the jobs in view.
import type { MetricsFilters } from "~/domain/metrics/report";
import { prisma } from "~/platform/db.server";
import type { Actor } from "../scope.server";
import { jobCondition, minutesBetween, ts } from "./sql.server";
import { Prisma } from "~/generated/prisma/client";

export type InterviewFigures = {
  /** Applications hired in the window, and the moves of all their interviews. */
  hires: number;
  reschedules: number;
  /** reschedules / hires; null without hires. */
  reschedulesPerHire: number | null;
  /** Offers booked in the window: how many, and the median and 90th percentile minutes from offered to booked. */
  booked: number;
  medianMinutesToBook: number | null;
  p90MinutesToBook: number | null;
};

export async function interviewFigures(actor: Actor, filters: MetricsFilters): Promise<InterviewFigures> {
  const toBook = minutesBetween(Prisma.sql`i."offeredAt"`, Prisma.sql`i."bookedAt"`);
  const [row] = await prisma.$queryRaw<Omit<InterviewFigures, "reschedulesPerHire">[]>`
    WITH hired AS (
      SELECT a.id FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
       WHERE a.status = 'hired' AND a."closedAt" >= ${ts(filters.from)} AND a."closedAt" < ${ts(filters.to)}
         AND ${jobCondition(actor, filters)}
    ), booked AS (
      SELECT ${toBook} AS minutes
        FROM "Interview" i JOIN "Application" a ON a.id = i."applicationId" JOIN "Job" j ON j.id = a."jobId"
       WHERE i."offeredAt" IS NOT NULL AND i."bookedAt" >= ${ts(filters.from)} AND i."bookedAt" < ${ts(filters.to)}
         AND ${jobCondition(actor, filters)}
    )
    SELECT (SELECT count(*) FROM hired)::int AS hires,
           (SELECT coalesce(sum(i."rescheduleCount"), 0) FROM "Interview" i
             WHERE i."applicationId" IN (SELECT id FROM hired))::int AS reschedules,
           (SELECT count(*) FROM booked)::int AS booked,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FROM booked)::float8 AS "medianMinutesToBook",
           (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) FROM booked)::float8 AS "p90MinutesToBook"`;
  const figures = row!;
  return { ...figures, reschedulesPerHire: figures.hires > 0 ? figures.reschedules / figures.hires : null };
}
