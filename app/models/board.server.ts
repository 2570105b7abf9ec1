// The pipeline board of a job: live stages and their active applications, in a constant number of queries.
import { prisma } from "~/platform/db.server";
import { jobScope, type Actor } from "./scope.server";
import { soonestOpenClocks, type SoonestClock } from "./sla/queue.server";

export type BoardCard = {
  id: string;
  stageId: string;
  candidateName: string;
  appliedAt: Date;
  lastActivityAt: Date;
  /** When the candidate last heard from us (or applied): how long they have been waiting on us. */
  waitingSince: Date;
  /** The soonest open SLA clock (a running one before a paused one). */
  clock: SoonestClock | null;
};

/**
 * Raw queries return instants as ISO text: the PGlite adapter reads timestamp columns of raw results in the process's
 * local time zone (the stored values are UTC), which shifted them by the offset when TZ was not UTC.
 */
const ISO_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

export type BoardOptions = {
  /** Cards per stage; the oldest applications come first. Unlimited when left out. */
  perStageLimit?: number;
  /** A stage shown in full whatever the limit ("Show all"). */
  expandStageId?: string;
};

/**
 * The pipeline board of a job: live stages with their active applications and a count per stage. Four queries
 * whatever the size of the pipeline (job, its stages, the cards with last activity and per-stage totals, and the
 * cards' open SLA clocks); a test counts them.
 */
export async function getBoard(jobId: string, actor: Actor, options: BoardOptions = {}) {
  if (actor.role === "interviewer") return null; // interviewers see single applications, not pipelines
  const job = await prisma.job.findFirst({
    where: { id: jobId, ...jobScope(actor) },
    select: {
      id: true,
      title: true,
      department: true,
      status: true,
      stages: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, name: true, kind: true },
      },
    },
  });
  if (!job) return null;
  const limit = options.perStageLimit ?? 2_147_483_647;
  const rows = await prisma.$queryRaw<
    {
      id: string;
      stageId: string;
      candidateName: string;
      appliedAt: string;
      lastActivityAt: string;
      waitingSince: string;
      stageTotal: bigint | number;
    }[]
  >`
    SELECT t.id, t."stageId", t."candidateName", t."stageTotal",
           to_char(t."appliedAt", ${ISO_UTC}) AS "appliedAt",
           to_char(COALESCE((SELECT max(e."occurredAt") FROM "Event" e WHERE e."applicationId" = t.id), t."appliedAt"),
                   ${ISO_UTC}) AS "lastActivityAt",
           to_char(COALESCE((SELECT max(e."occurredAt") FROM "Event" e
                             WHERE e."applicationId" = t.id AND e.visibility = 'candidate'
                               AND e.type IN ('stage_changed', 'message_out', 'interview', 'decision')),
                            t."appliedAt"), ${ISO_UTC}) AS "waitingSince"
    FROM (
      SELECT a.id, a."stageId", c.name AS "candidateName", a."appliedAt",
             row_number() OVER (PARTITION BY a."stageId" ORDER BY a."appliedAt" ASC, a.id ASC) AS "rank",
             count(*) OVER (PARTITION BY a."stageId") AS "stageTotal"
      FROM "Application" a
      JOIN "Candidate" c ON c.id = a."candidateId"
      WHERE a."jobId" = ${jobId} AND a.status = 'active'
    ) t
    WHERE t."rank" <= ${limit} OR t."stageId" = ${options.expandStageId ?? ""}
    ORDER BY t."appliedAt" ASC, t.id ASC`;
  const clocks = await soonestOpenClocks(rows.map((row) => row.id));
  const counts: Record<string, number> = Object.fromEntries(job.stages.map((stage) => [stage.id, 0]));
  const cards: BoardCard[] = rows.map(({ stageTotal, ...row }) => {
    counts[row.stageId] = Number(stageTotal);
    return {
      ...row,
      appliedAt: new Date(row.appliedAt),
      lastActivityAt: new Date(row.lastActivityAt),
      waitingSince: new Date(row.waitingSince),
      clock: clocks.get(row.id) ?? null,
    };
  });
  return { job, cards, counts };
}
