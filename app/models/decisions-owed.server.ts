// "Decisions owed": applications waiting on a hiring manager — a stage decision whose clock is running, or feedback on
// an interview that has taken place — oldest wait first. Hiring managers see their own jobs; recruiters and admins
// everyone's, by owner (the job's hiring manager). One SQL statement; scope and filters sit in its WHERE.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { ISO_UTC, minutesBetween, ts } from "./metrics/sql.server";
import type { Actor } from "./scope.server";

export type DecisionOwedKind = "decision" | "feedback";

export type DecisionOwedRow = {
  applicationId: string;
  candidateName: string;
  jobId: string;
  jobTitle: string;
  stageName: string;
  kind: DecisionOwedKind;
  /** When the wait began: the stage-decision clock's start, or the interview's time. ISO 8601 UTC. */
  waitingSince: string;
  waitingMinutes: number;
  /** The stage decision's due date (null for feedback, which has no target). */
  dueAt: string | null;
  ownerId: string | null;
  ownerName: string | null;
};

/** `ownerId: null` asks for jobs without a hiring manager; undefined for every owner. */
export type DecisionsOwedFilter = { ownerId?: string | null; jobId?: string };

// An interview event's `when` is written by our own code as an ISO instant; anything else falls back to when the
// interview was recorded, so a malformed value can never make the query fail.
const ISO_INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})$";
const INTERVIEW_TIME = Prisma.sql`CASE WHEN e.data->>'when' ~ ${ISO_INSTANT}
  THEN ((e.data->>'when')::timestamptz AT TIME ZONE 'UTC')::timestamp(3) ELSE e."occurredAt" END`;

function scopeCondition(actor: Actor, filter: DecisionsOwedFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`a.status = 'active'`];
  if (actor.role === "interviewer") conditions.push(Prisma.sql`FALSE`);
  if (actor.role === "hiring_manager") conditions.push(Prisma.sql`j."hiringManagerId" = ${actor.id}`);
  if (filter.ownerId === null) conditions.push(Prisma.sql`j."hiringManagerId" IS NULL`);
  else if (filter.ownerId) conditions.push(Prisma.sql`j."hiringManagerId" = ${filter.ownerId}`);
  if (filter.jobId) conditions.push(Prisma.sql`j.id = ${filter.jobId}`);
  return Prisma.join(conditions, " AND ");
}

const RUNNING_DECISION_CLOCK = Prisma.sql`FROM "SlaClock" c
  WHERE c."applicationId" = a.id AND c.metric = 'stage_decision' AND c.state = 'running'`;

/**
 * What each application is waiting on, at most one entry each. Interview feedback comes first: the latest interview
 * in an interview stage that has taken place by `now`, with no stage change or decision recorded since and no note
 * from the hiring manager after it. Otherwise a running stage-decision clock (every stage has one under the default
 * policy). Feedback rows carry the stage decision's due date, since the decision waits on the feedback.
 */
function owedLateral(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'decision' AS kind, c."startedAt" AS since, c."dueAt" AS "dueAt" ${RUNNING_DECISION_CLOCK}
    UNION ALL
    SELECT 'feedback', interview.at, (SELECT c."dueAt" ${RUNNING_DECISION_CLOCK} ORDER BY c."startedAt" LIMIT 1)
      FROM (SELECT ${INTERVIEW_TIME} AS at, e."occurredAt" AS recorded
              FROM "Event" e
             WHERE e."applicationId" = a.id AND e.type = 'interview' AND s.kind = 'interview'
             ORDER BY e."occurredAt" DESC
             LIMIT 1) interview
     WHERE interview.at <= ${ts(now)}
       AND NOT EXISTS (SELECT 1 FROM "Event" later
                        WHERE later."applicationId" = a.id AND later.type IN ('stage_changed', 'decision')
                          AND later."occurredAt" > interview.recorded)
       AND NOT EXISTS (SELECT 1 FROM "Event" note
                        WHERE note."applicationId" = a.id AND note.type = 'note' AND note."occurredAt" >= interview.at
                          AND (j."hiringManagerId" IS NULL OR note."actorId" = j."hiringManagerId"))
    ORDER BY kind DESC, since
    LIMIT 1`;
}

export async function listDecisionsOwed(
  actor: Actor,
  filter: DecisionsOwedFilter,
  page: { limit: number; offset: number },
  now: Date = new Date(),
): Promise<{ total: number; rows: DecisionOwedRow[] }> {
  const rows = await prisma.$queryRaw<(DecisionOwedRow & { total: number })[]>`
    SELECT a.id AS "applicationId", cand.name AS "candidateName", j.id AS "jobId", j.title AS "jobTitle",
           s.name AS "stageName", owed.kind AS kind,
           to_char(owed.since, ${ISO_UTC}) AS "waitingSince",
           greatest(0, ${minutesBetween(Prisma.sql`owed.since`, ts(now))}) AS "waitingMinutes",
           to_char(owed."dueAt", ${ISO_UTC}) AS "dueAt",
           j."hiringManagerId" AS "ownerId", u.name AS "ownerName",
           (count(*) OVER ())::int AS total
      FROM "Application" a
      JOIN "Job" j ON j.id = a."jobId"
      JOIN "Stage" s ON s.id = a."stageId"
      JOIN "Candidate" cand ON cand.id = a."candidateId"
      LEFT JOIN "User" u ON u.id = j."hiringManagerId"
      CROSS JOIN LATERAL (${owedLateral(now)}) owed
     WHERE ${scopeCondition(actor, filter)}
     ORDER BY owed.since, a.id
     LIMIT ${page.limit} OFFSET ${page.offset}`;
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ total: _total, ...row }) => row),
  };
}

export type DecisionOwner = { id: string; name: string };

/** Hiring managers with at least one job the actor can see: the owner filter's choices. */
export function listDecisionOwners(actor: Actor): Promise<DecisionOwner[]> {
  if (actor.role === "interviewer") return Promise.resolve([]);
  return prisma.user.findMany({
    where: {
      managedJobs: { some: actor.role === "hiring_manager" ? { hiringManagerId: actor.id } : {} },
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
