// The applications behind each figure of the metrics report, paged, oldest or most urgent first, each with a short
// human detail ("waited 3 d 4 h", "due 2 Dec"). The same SQL conditions as the figures (sql.server.ts), so a drill-down
// lists exactly what its figure counts — one row per application even where the figure counts clocks.
import { Prisma } from "~/generated/prisma/client";
import { formatDay, formatDuration, windowEnd } from "~/domain/metrics/figures";
import type { DrillDown } from "~/domain/metrics/drill-downs";
import type { MetricsFilters } from "~/domain/metrics/report";
import type { SlaMetric } from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
import type { Actor } from "../scope.server";
import { appliedInWindow, closedInWindow } from "./pipeline-figures.server";
import {
  ISO_UTC,
  LAST_HEARD,
  PROMISE_METRICS,
  clockBreached,
  clockInWindow,
  CANDIDATE_NOT_TOLD,
  clockOverdueAt,
  jobCondition,
  minutesBetween,
  promiseShown,
  silentApplicationIds,
  ts,
} from "./sql.server";

export type DrillDownRow = {
  applicationId: string;
  candidateName: string;
  jobTitle: string;
  stageName: string;
  status: string;
  appliedAt: string;
  detail: string | null;
};

export type DrillDownPage = { limit: number; offset: number };

/** What a drill-down's subquery yields per application: the sort key and the parts its detail is written from. */
type Row = Omit<DrillDownRow, "detail"> & {
  detailAt: string | null;
  detailMinutes: number | null;
  detailText: string | null;
};

const METRIC_LABELS: Record<SlaMetric, string> = {
  first_response: "first response",
  next_response: "reply",
  periodic_update: "update",
  stage_decision: "stage decision",
  closure: "rejection email",
  interviewer_feedback: "interview feedback",
};

const APPS = Prisma.sql`"Application" a JOIN "Job" j ON j.id = a."jobId"`;
/** Clocks with their job (SlaClock.jobId), for the scope: the applications are joined only for the page's rows. */
const CLOCKS = Prisma.sql`"SlaClock" c JOIN "Job" j ON j.id = c."jobId"`;
const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, ${ISO_UTC})`;

/** The earliest-due clock per application among `where`: sorted by due date, detail = due date and lateness. */
function clocksByDue(where: Prisma.Sql, lateUntil: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT ON (c."applicationId") c."applicationId", c."dueAt" AS sort,
           ${iso(Prisma.sql`c."dueAt"`)} AS "detailAt",
           ${minutesBetween(Prisma.sql`c."dueAt"`, lateUntil)} AS "detailMinutes", c.metric::text AS "detailText"
      FROM ${CLOCKS} WHERE ${where}
     ORDER BY c."applicationId", c."dueAt" ASC NULLS LAST`;
}

/** Per drill-down: one row per application with "applicationId", sort, "detailAt", "detailMinutes", "detailText". */
function source(actor: Actor, filters: MetricsFilters, drillDown: DrillDown, now: Date): Prisma.Sql {
  const end = windowEnd(filters.to, now);
  const scope = jobCondition(actor, filters);
  switch (drillDown.kind) {
    case "breached":
      return clocksByDue(
        Prisma.sql`${clockInWindow(filters)} AND c.metric = ${drillDown.metric}::"SlaMetric" AND ${clockBreached(end)} AND ${scope}`,
        Prisma.sql`coalesce(c."stoppedAt", ${ts(end)})`,
      );
    case "applications":
      return Prisma.sql`SELECT a.id AS "applicationId", a."appliedAt" AS sort, NULL::text AS "detailAt",
                               NULL::float8 AS "detailMinutes", NULL::text AS "detailText"
                          FROM ${APPS} WHERE ${appliedInWindow(actor, filters)}`;
    case "breached_now":
      return clocksByDue(Prisma.sql`${clockOverdueAt(end, now)} AND ${scope}`, ts(end));
    case "promises_broken":
      return clocksByDue(
        Prisma.sql`${clockInWindow(filters)} AND ${PROMISE_METRICS} AND ${clockBreached(end)} AND ${promiseShown(end)}
                   AND ${scope}`,
        Prisma.sql`coalesce(c."stoppedAt", ${ts(end)})`,
      );
    case "silent": {
      return Prisma.sql`SELECT a.id AS "applicationId", ${LAST_HEARD} AS sort, NULL::text AS "detailAt",
                               ${minutesBetween(LAST_HEARD, ts(now))} AS "detailMinutes", NULL::text AS "detailText"
                          FROM ${APPS}
                         WHERE a.status = 'active' AND a.id IN (${silentApplicationIds(now)}) AND ${scope}`;
    }
    case "decisions_owed":
      return Prisma.sql`SELECT c."applicationId", c."startedAt" AS sort, NULL::text AS "detailAt",
                               ${minutesBetween(Prisma.sql`c."startedAt"`, ts(now))} AS "detailMinutes",
                               u.name AS "detailText"
                          FROM ${CLOCKS} LEFT JOIN "User" u ON u.id = j."hiringManagerId"
                         WHERE c.state = 'running' AND c.metric = 'stage_decision' AND ${scope}`;
    case "rejected_not_told":
    case "hired":
      return Prisma.sql`SELECT a.id AS "applicationId", a."closedAt" AS sort, ${iso(Prisma.sql`a."closedAt"`)} AS "detailAt",
                               ${minutesBetween(Prisma.sql`a."appliedAt"`, Prisma.sql`a."closedAt"`)} AS "detailMinutes",
                               NULL::text AS "detailText"
                          FROM ${APPS}
                         WHERE ${drillDown.kind === "hired" ? closedInWindow(actor, filters, "hired") : Prisma.sql`${closedInWindow(actor, filters, "rejected")} AND ${CANDIDATE_NOT_TOLD}`}`;
    case "detractors":
    case "friction":
      return Prisma.sql`SELECT a.id AS "applicationId", r."createdAt" AS sort, NULL::text AS "detailAt",
                               -- The score travels in the number column: it is the detractor's detail.
                               r.nps::float8 AS "detailMinutes", array_to_string(r."frictionTags", ', ') AS "detailText"
                          FROM "SurveyResponse" r JOIN ${APPS} ON a.id = r."applicationId"
                         WHERE r."createdAt" >= ${ts(filters.from)} AND r."createdAt" < ${ts(filters.to)} AND ${scope}
                           AND ${drillDown.kind === "detractors" ? Prisma.sql`r.nps <= 6` : Prisma.sql`cardinality(r."frictionTags") > 0`}`;
  }
  throw new Error(`Unknown drill-down ${JSON.stringify(drillDown)}`);
}

function detail(drillDown: DrillDown, row: Row, now: Date): string | null {
  const minutes = row.detailMinutes ?? 0;
  const day = row.detailAt ? formatDay(new Date(row.detailAt), now) : null;
  switch (drillDown.kind) {
    case "applications":
      return null;
    case "breached_now":
      return `${METRIC_LABELS[row.detailText as SlaMetric]} overdue by ${formatDuration(minutes)}`;
    case "promises_broken":
      return day ? `promised by ${day}, ${formatDuration(minutes)} late` : "promise broken";
    case "silent":
      return `no email for ${formatDuration(minutes)}`;
    case "decisions_owed":
      return `waited ${formatDuration(minutes)}${row.detailText ? ` on ${row.detailText}` : ""}`;
    case "rejected_not_told":
      return `rejected ${day}, not told`;
    case "hired":
      return `hired ${day} after ${formatDuration(minutes)}`;
    case "detractors":
      return `scored ${minutes} of 10`;
    case "friction":
      return row.detailText ? row.detailText.replaceAll("_", " ") : null;
    case "breached":
      // A breached clock: stopped or still running late; a paused one has no due date of its own any more.
      return day ? `due ${day}, ${formatDuration(minutes)} late` : "late, now paused";
  }
}

export async function listDrillDown(
  actor: Actor,
  filters: MetricsFilters,
  drillDown: DrillDown,
  page: DrillDownPage,
  now: Date = new Date(),
): Promise<{ total: number; rows: DrillDownRow[] }> {
  const rows = source(actor, filters, drillDown, now);
  const limit = Math.min(Math.max(Math.trunc(page.limit), 1), 1000);
  const offset = Math.max(Math.trunc(page.offset), 0);
  const [counted, found] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${rows}) x`,
    prisma.$queryRaw<Row[]>`
      SELECT x."applicationId", cand.name AS "candidateName", j.title AS "jobTitle", s.name AS "stageName",
             a.status::text AS status, ${iso(Prisma.sql`a."appliedAt"`)} AS "appliedAt",
             x."detailAt", x."detailMinutes", x."detailText"
        FROM (${rows}) x
        JOIN "Application" a ON a.id = x."applicationId" JOIN "Job" j ON j.id = a."jobId"
        JOIN "Candidate" cand ON cand.id = a."candidateId" JOIN "Stage" s ON s.id = a."stageId"
       ORDER BY x.sort ASC NULLS LAST, a."appliedAt", a.id
       LIMIT ${limit} OFFSET ${offset}`,
  ]);
  return {
    total: counted[0]?.total ?? 0,
    rows: found.map((row) => ({
      applicationId: row.applicationId,
      candidateName: row.candidateName,
      jobTitle: row.jobTitle,
      stageName: row.stageName,
      status: row.status,
      appliedAt: row.appliedAt,
      detail: detail(drillDown, row, now),
    })),
  };
}
