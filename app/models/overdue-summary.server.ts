// The morning summary of what is overdue: each recruiter hears once a day how many candidates wait past a promise on
// their jobs, and each admin the same for the whole workspace. A summary is due from 08:00 in the person's time zone
// (or at once for someone who has never had one, so a fresh workspace shows it on first start); the unique
// (person, kind, local day) key makes it one a day however many instances look. Nothing overdue: no summary.
import { DateTime } from "luxon";
import type { SlaMetric } from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
import { createNotifications, type NewNotification } from "./notification.server";
import type { Db } from "./sla/config.server";

/** From this local hour a person's summary for the day is due. */
export const SUMMARY_HOUR = 8;

type OverdueRow = { recruiterId: string | null; metric: SlaMetric; clocks: number };
type TotalRow = { recruiterId: string | null; candidates: number; jobs: number; whole: boolean };

/** Overdue clocks, by metric, how many candidates and how many jobs: per recruiter of the job, and in total. */
export type OverdueCounts = { candidates: number; jobs: number; byMetric: Partial<Record<SlaMetric, number>> };

const METRIC_WORDS: Record<SlaMetric, [string, string]> = {
  first_response: ["first response", "first responses"],
  next_response: ["reply to a candidate", "replies to candidates"],
  periodic_update: ["update", "updates"],
  stage_decision: ["decision", "decisions"],
  closure: ["rejection nobody was told about", "rejections nobody was told about"],
  interviewer_feedback: ["interview feedback", "interview feedbacks"],
};

const METRIC_ORDER: SlaMetric[] = [
  "first_response",
  "next_response",
  "stage_decision",
  "periodic_update",
  "interviewer_feedback",
  "closure",
];

/** "3 first responses, 2 decisions and 1 update": the overdue clocks by kind, most pressing kind first. */
export function describeOverdue(byMetric: OverdueCounts["byMetric"]): string {
  const parts = METRIC_ORDER.flatMap((metric) => {
    const count = byMetric[metric] ?? 0;
    return count > 0 ? [`${count} ${METRIC_WORDS[metric][count === 1 ? 0 : 1]}`] : [];
  });
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Overdue running clocks as of `now`, per recruiter of their job (null: a job without one) and for the workspace. */
export async function countOverdue(
  db: Db,
  now: Date,
): Promise<{ workspace: OverdueCounts; byRecruiter: Map<string, OverdueCounts> }> {
  const at = now.toISOString();
  const [byMetric, totals] = await Promise.all([
    db.$queryRaw<OverdueRow[]>`
      SELECT j."recruiterId", c.metric, count(*)::int AS clocks
        FROM "SlaClock" c JOIN "Job" j ON j.id = c."jobId"
       WHERE c.state = 'running' AND c."dueAt" < ${at}::timestamp(3)
       GROUP BY j."recruiterId", c.metric`,
    db.$queryRaw<TotalRow[]>`
      SELECT j."recruiterId", count(DISTINCT c."applicationId")::int AS candidates, count(DISTINCT c."jobId")::int AS jobs,
             GROUPING(j."recruiterId") = 1 AS whole
        FROM "SlaClock" c JOIN "Job" j ON j.id = c."jobId"
       WHERE c.state = 'running' AND c."dueAt" < ${at}::timestamp(3)
       GROUP BY GROUPING SETS ((j."recruiterId"), ())`,
  ]);
  const workspace: OverdueCounts = { candidates: 0, jobs: 0, byMetric: {} };
  const byRecruiter = new Map<string, OverdueCounts>();
  for (const total of totals) {
    if (total.whole) Object.assign(workspace, { candidates: total.candidates, jobs: total.jobs });
    else if (total.recruiterId)
      byRecruiter.set(total.recruiterId, { candidates: total.candidates, jobs: total.jobs, byMetric: {} });
  }
  for (const row of byMetric) {
    workspace.byMetric[row.metric] = (workspace.byMetric[row.metric] ?? 0) + row.clocks;
    const mine = row.recruiterId ? byRecruiter.get(row.recruiterId) : undefined;
    if (mine) mine.byMetric[row.metric] = row.clocks;
  }
  return { workspace, byRecruiter };
}

export function recruiterSummary(counts: OverdueCounts): { title: string; body: string } {
  return {
    title: `${plural(counts.candidates, "candidate is", "candidates are")} overdue on your jobs`,
    body: `Overdue now: ${describeOverdue(counts.byMetric)}. The Waiting page lists them, most overdue first.`,
  };
}

export function workspaceSummary(counts: OverdueCounts): { title: string; body: string } {
  return {
    title: `${plural(counts.candidates, "candidate", "candidates")} overdue across the workspace, on ${plural(counts.jobs, "job", "jobs")}`,
    body: `Overdue now: ${describeOverdue(counts.byMetric)}. The Waiting page lists them, most overdue first.`,
  };
}

/** The person's local day, if their summary for it is due at `now`; else null. */
function summaryDayDue(timeZone: string, now: Date, hadOne: boolean): string | null {
  let local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: "UTC" });
  return local.hour >= SUMMARY_HOUR || !hadOne ? local.toISODate() : null;
}

/**
 * Creates the summaries due at `now` (recruiters: their jobs; admins: the workspace) and returns how many were new.
 * Cheap when none are due: one small query for the people, none for the clocks.
 */
export async function createDueOverdueSummaries(now: Date, db: Db = prisma): Promise<number> {
  const people = await db.user.findMany({
    where: { active: true, role: { in: ["recruiter", "admin"] } },
    select: {
      id: true,
      role: true,
      timeZone: true,
      notifications: {
        where: { kind: { in: ["overdue_summary", "workspace_overdue_summary"] } },
        orderBy: { summaryDate: "desc" },
        take: 1,
        select: { summaryDate: true },
      },
    },
  });
  const due = people.flatMap((person) => {
    const last = person.notifications[0]?.summaryDate ?? null;
    const day = summaryDayDue(person.timeZone, now, last !== null);
    return day && (last === null || day > last) ? [{ ...person, day }] : [];
  });
  if (due.length === 0) return 0;
  const { workspace, byRecruiter } = await countOverdue(db, now);
  const notices = due.flatMap((person): NewNotification[] => {
    if (person.role === "admin") {
      if (workspace.candidates === 0) return [];
      return [
        {
          userId: person.id,
          kind: "workspace_overdue_summary",
          summaryDate: person.day,
          ...workspaceSummary(workspace),
        },
      ];
    }
    const mine = byRecruiter.get(person.id);
    if (!mine || mine.candidates === 0) return [];
    return [{ userId: person.id, kind: "overdue_summary", summaryDate: person.day, ...recruiterSummary(mine) }];
  });
  return createNotifications(db, notices, now);
}
