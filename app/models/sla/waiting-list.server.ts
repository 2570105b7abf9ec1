// "Waiting on us" as the page shows it: one row per application, led by its most urgent running clock (the most at
// risk, then the soonest due), with the other things owed on the same row. Grouping, counting and paging happen in
// one SQL statement; a page is found by a cursor (the lead clock's due time and the application id), never by an
// offset, so it stays fast and stable however long the list is. The API's clock-per-row list is getQueue.
import { Prisma } from "~/generated/prisma/client";
import type { SlaMetric } from "~/domain/sla/types";
import { WAITING_RISKS, WAITING_SEARCH_MAX } from "~/domain/sla/waiting";
import { prisma } from "~/platform/db.server";
import { epochMs, jsonRows } from "~/platform/json-rows.server";
import { jobScope, type Actor } from "../scope.server";
import { clocksAwaitingFeedbackFrom, interviewersOwingFeedback, peopleNamed } from "./feedback-owed.server";
import type { QueueInterview, QueueRisk } from "./queue.server";

export { WAITING_RISKS, WAITING_SEARCH_MAX };

/** Where a page starts: after (Next) or before (Previous) the row with this lead due time and application id. */
export type WaitingCursor = { dueAt: Date; applicationId: string; direction: "after" | "before" };

export type WaitingFilter = {
  jobId?: string;
  recruiterId?: string;
  metric?: SlaMetric;
  /** Part of the candidate's name or email, any case. */
  q?: string;
  /** "mine": jobs where the actor is the job's recruiter. */
  scope?: "mine" | "everyone";
  /** Only applications whose lead clock has this risk (the counts ignore it). */
  risk?: QueueRisk;
  cursor?: WaitingCursor;
  limit?: number;
  at?: Date;
};

/** One thing owed to the candidate: a running clock. */
export type WaitingClock = {
  id: string;
  metric: SlaMetric;
  dueAt: Date;
  startedAt: Date;
  risk: QueueRisk;
  /** Feedback clocks: the interview (null if it was deleted) and who still owes feedback on it; else null and []. */
  interview: QueueInterview | null;
  feedbackOwedBy: { id: string; name: string }[];
};

export type WaitingRow = {
  applicationId: string;
  candidate: { id: string; name: string; email: string; timeZone: string };
  job: { id: string; title: string; recruiter: { id: string; name: string } | null };
  stage: { id: string; name: string };
  /** The most urgent clock: it decides the row's risk, due time and place in the list. */
  lead: WaitingClock;
  /** The other running clocks, most urgent first. */
  others: WaitingClock[];
};

export type WaitingCounts = Record<QueueRisk, number> & { total: number };

export type WaitingPage = {
  rows: WaitingRow[];
  /** Applications per lead risk under every filter but the risk one. */
  counts: WaitingCounts;
  /** Cursors for the neighbouring pages, or null at either end. */
  next: WaitingCursor | null;
  previous: WaitingCursor | null;
};

/** A cursor as it travels in a link: `<due epoch ms>.<application id>`; anything else reads as no cursor. */
export function encodeCursor(cursor: Pick<WaitingCursor, "dueAt" | "applicationId">): string {
  return `${cursor.dueAt.getTime()}.${cursor.applicationId}`;
}

export function decodeCursor(text: string | undefined, direction: WaitingCursor["direction"]): WaitingCursor | null {
  const match = /^(-?\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text ?? "");
  if (!match) return null;
  const dueAt = new Date(Number(match[1]));
  if (Number.isNaN(dueAt.getTime())) return null;
  return { dueAt, applicationId: match[2]!, direction };
}

function ts(at: Date): Prisma.Sql {
  return Prisma.sql`${at.toISOString()}::timestamp(3)`;
}

/** `text` for ILIKE, its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Which running clocks count, as conditions on c (the clock) alone: the metric asked for, and for an interviewer
 * only the feedback they still owe (found among the clocks of applications they interview for). */
async function clockConditions(actor: Actor, filter: WaitingFilter): Promise<Prisma.Sql> {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.state = 'running'`, Prisma.sql`c."dueAt" IS NOT NULL`];
  if (actor.role === "interviewer") {
    const ids = await clocksAwaitingFeedbackFrom(actor, actor.id);
    conditions.push(Prisma.sql`c.id = ANY(${ids}::text[])`);
  }
  if (filter.metric) conditions.push(Prisma.sql`c.metric = ${filter.metric}::"SlaMetric"`);
  return Prisma.join(conditions, " AND ");
}

/** Which applications the actor may see under the filters, as conditions on c (one of their clocks): its job
 * (SlaClock.jobId is the application's job) and, for a search, its candidate. */
function applicationConditions(actor: Actor, filter: WaitingFilter): Prisma.Sql {
  const jobConditions: Prisma.Sql[] = [];
  if (actor.role === "hiring_manager") jobConditions.push(Prisma.sql`j."hiringManagerId" = ${actor.id}`);
  if (filter.recruiterId) jobConditions.push(Prisma.sql`j."recruiterId" = ${filter.recruiterId}`);
  else if (filter.scope === "mine") jobConditions.push(Prisma.sql`j."recruiterId" = ${actor.id}`);
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.jobId) conditions.push(Prisma.sql`c."jobId" = ${filter.jobId}`);
  if (jobConditions.length > 0) {
    conditions.push(Prisma.sql`c."jobId" IN (SELECT j.id FROM "Job" j WHERE ${Prisma.join(jobConditions, " AND ")})`);
  }
  const q = filter.q?.trim().slice(0, WAITING_SEARCH_MAX);
  if (q) {
    const pattern = containsPattern(q);
    conditions.push(
      Prisma.sql`c."applicationId" IN (SELECT a.id FROM "Application" a JOIN "Candidate" ca ON ca.id = a."candidateId"
                                        WHERE ca.name ILIKE ${pattern} OR ca.email ILIKE ${pattern})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/** A clock's risk as of `at`: 0 breached, 1 warning, 2 fine. */
function rankAt(at: Date): Prisma.Sql {
  return Prisma.sql`(CASE WHEN c.breached OR c."dueAt" < ${ts(at)} THEN 0
                          WHEN c."warnAt" IS NOT NULL AND c."warnAt" <= ${ts(at)} THEN 1 ELSE 2 END)`;
}

type ClockTuple = [string, SlaMetric, number, number, number, string | null];
type RowTuple = [
  string, // application id
  number, // lead due, epoch ms
  [string, string, string, string], // candidate id, name, email, time zone
  [string, string, string | null, string | null], // job id, title, recruiter id, recruiter name
  [string, string], // stage id, name
  ClockTuple[] | null, // id, metric, due, started, risk rank, interview id; lead first
];
type Result = { counts: [number, number, number]; rows: RowTuple[] };

/** One page of "Waiting on us" with the counts per risk, in one statement (three more when the page has feedback
 * clocks: their interviews, who owes feedback, and those people's names). */
export async function getWaitingList(actor: Actor, filter: WaitingFilter = {}): Promise<WaitingPage> {
  const at = filter.at ?? new Date();
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const clocksWhere = await clockConditions(actor, filter);
  const cursor = filter.cursor;
  const backwards = cursor?.direction === "before";
  const pageConditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.risk) pageConditions.push(Prisma.sql`rank = ${WAITING_RISKS.indexOf(filter.risk)}`);
  if (cursor) {
    const key = Prisma.sql`(${ts(cursor.dueAt)}, ${cursor.applicationId}::text)`;
    pageConditions.push(
      backwards ? Prisma.sql`(due, "applicationId") < ${key}` : Prisma.sql`(due, "applicationId") > ${key}`,
    );
  }
  const order = backwards ? Prisma.sql`due DESC, "applicationId" DESC` : Prisma.sql`due, "applicationId"`;
  const [result] = await jsonRows<Result>(
    prisma,
    Prisma.sql`
      WITH grouped AS (
        SELECT c."applicationId",
               min(c."dueAt") FILTER (WHERE c.breached OR c."dueAt" < ${ts(at)}) AS breached,
               min(c."dueAt") FILTER (WHERE c."warnAt" <= ${ts(at)}) AS warned,
               min(c."dueAt") AS due
          FROM "SlaClock" c
         WHERE ${clocksWhere} AND ${applicationConditions(actor, filter)}
         GROUP BY c."applicationId"
      ), leads AS MATERIALIZED (
        -- The lead is the soonest due among the most at-risk clocks: an overdue clock, else a warned one, else any.
        SELECT "applicationId",
               CASE WHEN breached IS NOT NULL THEN 0 WHEN warned IS NOT NULL THEN 1 ELSE 2 END AS rank,
               coalesce(breached, warned, due) AS due
          FROM grouped
      ), page AS (
        SELECT "applicationId", due FROM leads WHERE ${Prisma.join(pageConditions, " AND ")}
         ORDER BY ${order} LIMIT ${limit + 1}
      )
      SELECT json_build_array(json_build_object(
        'counts', (SELECT json_build_array(count(*) FILTER (WHERE rank = 0), count(*) FILTER (WHERE rank = 1),
                                           count(*) FILTER (WHERE rank = 2)) FROM leads),
        'rows', (SELECT coalesce(json_agg(json_build_array(
                          p."applicationId", ${epochMs(`p.due`)},
                          json_build_array(ca.id, ca.name, ca.email, ca."timeZone"),
                          json_build_array(j.id, j.title, u.id, u.name),
                          json_build_array(s.id, s.name),
                          o.clocks) ORDER BY p.due, p."applicationId"), '[]')
                   FROM page p
                   -- Each row's clocks through the (applicationId, metric, instance) index, not a scan of them all.
                   CROSS JOIN LATERAL (
                     SELECT json_agg(json_build_array(c.id, c.metric, ${epochMs(`c."dueAt"`)}, ${epochMs(`c."startedAt"`)},
                                                      ${rankAt(at)}, c."interviewId")
                                     ORDER BY ${rankAt(at)}, c."dueAt", c."startedAt", c.id) AS clocks
                       FROM "SlaClock" c
                      WHERE c."applicationId" = p."applicationId" AND ${clocksWhere}) AS o
                   JOIN "Application" a ON a.id = p."applicationId"
                   JOIN "Candidate" ca ON ca.id = a."candidateId"
                   JOIN "Job" j ON j.id = a."jobId"
                   LEFT JOIN "User" u ON u.id = j."recruiterId"
                   JOIN "Stage" s ON s.id = a."stageId")
      ))::text AS rows`,
  );
  const { counts, rows: fetched } = result ?? { counts: [0, 0, 0], rows: [] };
  const more = fetched.length > limit;
  // "Previous" from near the start (rows came and went since the link was made): show the first page instead.
  if (backwards && !more && fetched.length < limit) return getWaitingList(actor, { ...filter, cursor: undefined });
  // Backwards the extra row lies before the page; either way the page itself reads in due order.
  const rows = backwards ? fetched.slice(Math.max(fetched.length - limit, 0)) : fetched.slice(0, limit);

  const feedbackClocks = rows.flatMap(([applicationId, , , , , clocks]) =>
    (clocks ?? []).flatMap(([, , , , , interviewId]) => (interviewId ? [{ applicationId, interviewId }] : [])),
  );
  const { interviews, owed } = await feedbackDetails(feedbackClocks);
  const clock = ([id, metric, dueAt, startedAt, rank, interviewId]: ClockTuple): WaitingClock => ({
    id,
    metric,
    dueAt: new Date(dueAt),
    startedAt: new Date(startedAt),
    risk: WAITING_RISKS[rank] ?? "fine",
    interview: interviewId ? (interviews.get(interviewId) ?? null) : null,
    feedbackOwedBy: interviewId ? (owed.get(interviewId) ?? []) : [],
  });
  // A row whose clocks all stopped between the grouping and the reading (the same statement sees one snapshot, so
  // only defensively) is left out rather than shown without a lead.
  const waitingRows = rows.flatMap(([applicationId, , candidate, job, stage, clocks]): WaitingRow[] => {
    const [lead, ...others] = (clocks ?? []).map(clock);
    if (!lead) return [];
    return [
      {
        applicationId,
        candidate: { id: candidate[0], name: candidate[1], email: candidate[2], timeZone: candidate[3] },
        job: { id: job[0], title: job[1], recruiter: job[2] && job[3] ? { id: job[2], name: job[3] } : null },
        stage: { id: stage[0], name: stage[1] },
        lead,
        others,
      },
    ];
  });
  const first = rows[0];
  const last = rows.at(-1);
  const edge = (row: RowTuple | undefined, direction: WaitingCursor["direction"]) =>
    row ? { dueAt: new Date(Number(row[1])), applicationId: row[0], direction } : null;
  return {
    rows: waitingRows,
    counts: { breached: counts[0], warning: counts[1], fine: counts[2], total: counts[0] + counts[1] + counts[2] },
    next: (backwards ? Boolean(cursor) : more) ? edge(last, "after") : null,
    previous: (backwards ? more : Boolean(cursor)) ? edge(first, "before") : null,
  };
}

/** The interviews of these feedback clocks, and who still owes feedback on each: three queries at most. */
async function feedbackDetails(clocks: { applicationId: string; interviewId: string }[]) {
  if (clocks.length === 0) {
    return { interviews: new Map<string, QueueInterview>(), owed: new Map<string, { id: string; name: string }[]>() };
  }
  const [interviews, owedIds] = await Promise.all([
    prisma.interview.findMany({
      where: { id: { in: clocks.map((clock) => clock.interviewId) } },
      select: { id: true, kind: true, startsAt: true, endsAt: true },
    }),
    interviewersOwingFeedback(prisma, clocks),
  ]);
  const people = await peopleNamed(prisma, [...owedIds.values()].flat());
  const owed = new Map(
    [...owedIds].map(([interviewId, ids]) => [interviewId, ids.flatMap((id) => people.get(id) ?? [])]),
  );
  return { interviews: new Map(interviews.map((interview) => [interview.id, interview])), owed };
}

/** The jobs the actor may see, for the job filter: ids and titles only. */
export async function waitingJobOptions(actor: Actor): Promise<{ id: string; title: string }[]> {
  return prisma.job.findMany({
    where: jobScope(actor),
    select: { id: true, title: true },
    orderBy: [{ status: "asc" }, { title: "asc" }],
  });
}
