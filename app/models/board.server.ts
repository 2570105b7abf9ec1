// The pipeline board of a job: live stages and their active applications, in a constant number of queries.
import {
  CLOSED_COLUMNS,
  containsPattern,
  NO_SOURCE,
  type BoardFilters,
  type BoardOwedFilter,
  type ClosedColumn,
} from "~/domain/board-filters";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { jobScope, type Actor } from "./scope.server";
import { soonestOpenClocks, type SoonestClock } from "./sla/queue.server";

export type BoardCard = {
  id: string;
  stageId: string;
  /** The column the card sits in: its stage while active, else "rejected" or "hired". */
  column: string;
  /** Why a card is no longer in the pipeline; null while active. */
  closed: ClosedColumn | null;
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
  /** Cards per column, or how many for a board of so many columns; the oldest applications come first. Unlimited
   * when left out. */
  perStageLimit?: number | ((columns: number) => number);
  /** A stage shown in full whatever the limit ("Show all"). */
  expandStageId?: string;
  /** Search and filters; closed applications are left out unless `showClosed`. */
  filters?: BoardFilters;
  /** The instant "overdue" and "due soon" are judged at. */
  at?: Date;
};

/** Where a card sits: a live stage of the job, or a closed column (rejected, hired). */
export type BoardColumnKey = string;

/**
 * The pipeline board of a job: live stages with their active applications (and, when asked, the rejected and hired
 * ones) matching the filters, a count per column, the number of closed applications and the sources to filter by.
 * Five queries whatever the size of the pipeline (job, its stages, the cards with last activity and per-column totals,
 * the cards' open SLA clocks, and the job's totals by status and source); a test counts them.
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
  const filters = options.filters ?? { q: "", owed: null, source: null, showClosed: false };
  const columns = job.stages.length + (filters.showClosed ? CLOSED_COLUMNS.length : 0);
  const limit =
    typeof options.perStageLimit === "function"
      ? options.perStageLimit(columns)
      : (options.perStageLimit ?? 2_147_483_647);
  const at = options.at ?? new Date();
  const statuses = filters.showClosed ? ["active", ...CLOSED_COLUMNS] : ["active"];
  const rows = await prisma.$queryRaw<
    {
      id: string;
      stageId: string;
      status: string;
      column: string;
      candidateName: string;
      appliedAt: string;
      lastActivityAt: string;
      waitingSince: string;
      columnTotal: bigint | number;
    }[]
  >`
    SELECT t.id, t."stageId", t.status, t."column", t."candidateName", t."columnTotal",
           to_char(t."appliedAt", ${ISO_UTC}) AS "appliedAt",
           to_char(COALESCE((SELECT max(e."occurredAt") FROM "Event" e WHERE e."applicationId" = t.id), t."appliedAt"),
                   ${ISO_UTC}) AS "lastActivityAt",
           to_char(COALESCE((SELECT max(e."occurredAt") FROM "Event" e
                             WHERE e."applicationId" = t.id AND e.visibility = 'candidate'
                               AND e.type IN ('stage_changed', 'message_out', 'interview', 'decision')),
                            t."appliedAt"), ${ISO_UTC}) AS "waitingSince"
    FROM (
      SELECT m.*,
             row_number() OVER (PARTITION BY m."column" ORDER BY m."appliedAt" ASC, m.id ASC) AS "rank",
             count(*) OVER (PARTITION BY m."column") AS "columnTotal"
      FROM (
        SELECT a.id, a."stageId", a.status::text AS status, c.name AS "candidateName", a."appliedAt",
               CASE WHEN a.status = 'active' THEN a."stageId" ELSE a.status::text END AS "column"
        FROM "Application" a
        JOIN "Candidate" c ON c.id = a."candidateId"
        WHERE a."jobId" = ${jobId} AND a.status::text = ANY(${statuses}::text[])
          ${searchCondition(filters.q)}
          ${sourceCondition(filters.source)}
          ${owedCondition(filters.owed, at)}
      ) m
    ) t
    WHERE t."rank" <= ${limit} OR t."column" = ${options.expandStageId ?? ""}
    ORDER BY t."appliedAt" ASC, t.id ASC`;
  const clocks = await soonestOpenClocks(rows.filter((row) => row.status === "active").map((row) => row.id));
  const facets = await prisma.$queryRaw<{ status: string; source: string | null; total: bigint | number }[]>`
    SELECT a.status::text AS status, a.source, count(*) AS total
    FROM "Application" a
    WHERE a."jobId" = ${jobId}
    GROUP BY a.status, a.source`;
  const counts: Record<BoardColumnKey, number> = Object.fromEntries(
    [...job.stages.map((stage) => stage.id), ...(filters.showClosed ? CLOSED_COLUMNS : [])].map((key) => [key, 0]),
  );
  const cards: BoardCard[] = rows.map(({ columnTotal, column, status, ...row }) => {
    counts[column] = Number(columnTotal);
    return {
      ...row,
      column,
      closed: status === "active" ? null : (status as ClosedColumn),
      appliedAt: new Date(row.appliedAt),
      lastActivityAt: new Date(row.lastActivityAt),
      waitingSince: new Date(row.waitingSince),
      clock: clocks.get(row.id) ?? null,
    };
  });
  const closedCounts: Record<ClosedColumn, number> = { rejected: 0, hired: 0 };
  const sources = new Set<string>();
  for (const facet of facets) {
    if (facet.status === "rejected" || facet.status === "hired") closedCounts[facet.status] += Number(facet.total);
    if (facet.source?.trim()) sources.add(facet.source.trim());
  }
  return {
    job,
    cards,
    counts,
    closedCounts,
    sources: [...sources].sort((a, b) => a.localeCompare(b)),
    filters,
  };
}

function searchCondition(q: string): Prisma.Sql {
  if (!q) return Prisma.empty;
  const pattern = containsPattern(q);
  return Prisma.sql`AND (c.name ILIKE ${pattern} OR c.email ILIKE ${pattern})`;
}

function sourceCondition(source: string | null): Prisma.Sql {
  if (source === null) return Prisma.empty;
  if (source === NO_SOURCE) return Prisma.sql`AND (a.source IS NULL OR btrim(a.source) = '')`;
  return Prisma.sql`AND lower(btrim(a.source)) = lower(${source})`;
}

/** "We owe them something": an open (running) SLA clock, overdue or due soon as asked. */
function owedCondition(owed: BoardOwedFilter | null, at: Date): Prisma.Sql {
  if (owed === null) return Prisma.empty;
  const due =
    owed === "overdue"
      ? Prisma.sql`AND (k.breached OR k."dueAt" <= ${at})`
      : owed === "at_risk"
        ? Prisma.sql`AND (k.breached OR k."dueAt" <= ${at} OR k."warnAt" <= ${at})`
        : Prisma.empty;
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "SlaClock" k
                                 WHERE k."applicationId" = a.id AND k.state = 'running' ${due})`;
}
