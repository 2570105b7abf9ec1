// Importance parity (docs/metrics.md): the candidates' side of the three metrics that have a customer-support counterpart,
// per workspace, department, job or recruiter, beside the entered customer figures, with the Importance Index.
// Two grouped SQL aggregates (clocks, closed applications) using the report's own definitions (./sql.server.ts).
import { Prisma } from "~/generated/prisma/client";
import { windowEnd } from "~/domain/metrics/figures";
import {
  CANDIDATE_COUNTERPARTS,
  CUSTOMER_METRICS,
  importanceIndex,
  type CustomerMetricName,
  type ImportanceIndex,
} from "~/domain/metrics/importance";
import type { MetricsFilters } from "~/domain/metrics/report";
import { prisma } from "~/platform/db.server";
import { getCustomerBenchmarks, type CustomerBenchmark } from "../customer-benchmark.server";
import type { Actor } from "../scope.server";
import { CLOCK_MET, CLOCK_MINUTES, clockBreached, clockInWindow, jobCondition, minutesBetween, ts } from "./sql.server";

export const PARITY_GROUPS = ["workspace", "department", "job", "recruiter"] as const;
export type ParityGroupBy = (typeof PARITY_GROUPS)[number];

export type CandidateSide = {
  /** Clocks decided in the window: met in time, or breached (running past due at the window's end included). */
  met: number;
  breached: number;
  attainment: number | null;
  /** Measurements behind the median: stopped clocks, or applications closed in the window for time to outcome. */
  count: number;
  medianMinutes: number | null;
  /** The most common target of the clocks behind the attainment (policies may differ per job). */
  targetMinutes: number | null;
};

export type ParityMetric = ImportanceIndex & {
  metric: CustomerMetricName;
  candidateMetric: (typeof CANDIDATE_COUNTERPARTS)[CustomerMetricName];
  candidate: CandidateSide;
  customer: CustomerBenchmark | null;
};

export type ParityRow = {
  /** The group's id (job, recruiter), department name, "workspace", or null for jobs without one. */
  key: string | null;
  label: string;
  metrics: ParityMetric[];
};

export type ParityReport = {
  groupBy: ParityGroupBy;
  customer: Record<CustomerMetricName, CustomerBenchmark | null>;
  rows: ParityRow[];
};

type Grouping = { key: Prisma.Sql; label: Prisma.Sql; join: Prisma.Sql; emptyLabel: string };

// `key` and `label` are expressions over `j` (and `r`, the job's recruiter).
const GROUPINGS: Record<ParityGroupBy, Grouping> = {
  workspace: { key: Prisma.sql`'workspace'`, label: Prisma.sql`'All jobs'`, join: Prisma.empty, emptyLabel: "" },
  department: {
    key: Prisma.sql`j.department`,
    label: Prisma.sql`j.department`,
    join: Prisma.empty,
    emptyLabel: "No department",
  },
  job: { key: Prisma.sql`j.id`, label: Prisma.sql`j.title`, join: Prisma.empty, emptyLabel: "" },
  recruiter: {
    key: Prisma.sql`j."recruiterId"`,
    label: Prisma.sql`r.name`,
    join: Prisma.sql`LEFT JOIN "User" r ON r.id = j."recruiterId"`,
    emptyLabel: "No recruiter",
  },
};

type ClockRow = {
  key: string | null;
  label: string | null;
  metric: "first_response" | "next_response" | "closure";
  met: number;
  breached: number;
  count: number;
  median: number | null;
  target: number | null;
};

type OutcomeRow = { key: string | null; label: string | null; count: number; median: number | null };

function clockRows(actor: Actor, filters: MetricsFilters, end: Date, grouping: Grouping): Promise<ClockRow[]> {
  return prisma.$queryRaw<ClockRow[]>`
    SELECT ${grouping.key} AS key, ${grouping.label} AS label, c.metric::text AS metric,
           (count(*) FILTER (WHERE ${CLOCK_MET}))::int AS met,
           (count(*) FILTER (WHERE ${clockBreached(end)}))::int AS breached,
           (count(*) FILTER (WHERE c.state = 'stopped'))::int AS count,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${CLOCK_MINUTES}) FILTER (WHERE c.state = 'stopped'))::float8
             AS median,
           mode() WITHIN GROUP (ORDER BY c."targetMinutes") AS target
      FROM "SlaClock" c JOIN "Application" a ON a.id = c."applicationId" JOIN "Job" j ON j.id = a."jobId"
           ${grouping.join}
     WHERE c.metric IN ('first_response', 'next_response', 'closure')
       AND ${clockInWindow(filters)} AND ${jobCondition(actor, filters)}
     GROUP BY 1, 2, c.metric`;
}

/** Time to outcome: applied → closed, for applications we decided (hired or rejected) inside the window. */
function outcomeRows(actor: Actor, filters: MetricsFilters, grouping: Grouping): Promise<OutcomeRow[]> {
  const minutes = minutesBetween(Prisma.sql`a."appliedAt"`, Prisma.sql`a."closedAt"`);
  return prisma.$queryRaw<OutcomeRow[]>`
    SELECT ${grouping.key} AS key, ${grouping.label} AS label, count(*)::int AS count,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes}))::float8 AS median
      FROM "Application" a JOIN "Job" j ON j.id = a."jobId" ${grouping.join}
     WHERE a.status IN ('hired', 'rejected') AND a."appliedAt" < ${ts(filters.to)}
       AND a."closedAt" >= ${ts(filters.from)} AND a."closedAt" < ${ts(filters.to)}
       AND ${jobCondition(actor, filters)}
     GROUP BY 1, 2`;
}

const NO_CLOCKS = { met: 0, breached: 0, count: 0, median: null, target: null };

function candidateSide(
  clocks: Pick<ClockRow, "met" | "breached" | "count" | "median" | "target">,
  outcome?: Pick<OutcomeRow, "count" | "median">,
): CandidateSide {
  const decided = clocks.met + clocks.breached;
  return {
    met: clocks.met,
    breached: clocks.breached,
    attainment: decided > 0 ? clocks.met / decided : null,
    count: outcome ? outcome.count : clocks.count,
    medianMinutes: outcome ? outcome.median : clocks.median,
    targetMinutes: clocks.target,
  };
}

function groupId(key: string | null): string {
  return key ?? "\u0000none";
}

export async function loadParity(
  actor: Actor,
  filters: MetricsFilters,
  groupBy: ParityGroupBy,
  now: Date = new Date(),
): Promise<ParityReport> {
  const grouping = GROUPINGS[groupBy];
  const [clocks, outcomes, customer] = await Promise.all([
    clockRows(actor, filters, windowEnd(filters.to, now), grouping),
    outcomeRows(actor, filters, grouping),
    getCustomerBenchmarks(),
  ]);

  const groups = new Map<string, { key: string | null; label: string }>();
  for (const row of [...clocks, ...outcomes]) {
    groups.set(groupId(row.key), { key: row.key, label: row.label ?? grouping.emptyLabel });
  }
  // The workspace always has its row, so "no data yet" is shown rather than an empty table.
  if (groupBy === "workspace" && groups.size === 0)
    groups.set(groupId("workspace"), { key: "workspace", label: "All jobs" });

  const clockFor = new Map(clocks.map((row) => [`${groupId(row.key)}|${row.metric}`, row]));
  const outcomeFor = new Map(outcomes.map((row) => [groupId(row.key), row]));
  const rows: ParityRow[] = [...groups.values()].map(({ key, label }) => {
    const id = groupId(key);
    const sides: Record<CustomerMetricName, CandidateSide> = {
      first_reply: candidateSide(clockFor.get(`${id}|first_response`) ?? NO_CLOCKS),
      next_reply: candidateSide(clockFor.get(`${id}|next_response`) ?? NO_CLOCKS),
      resolution: candidateSide(
        clockFor.get(`${id}|closure`) ?? NO_CLOCKS,
        outcomeFor.get(id) ?? { count: 0, median: null },
      ),
    };
    const metrics = CUSTOMER_METRICS.map((metric) => ({
      metric,
      candidateMetric: CANDIDATE_COUNTERPARTS[metric],
      candidate: sides[metric],
      customer: customer[metric],
      ...importanceIndex(metric, sides[metric], customer[metric]),
    }));
    return { key, label, metrics };
  });
  // Named groups alphabetically; "No department" / "No recruiter" last.
  rows.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, "en")));
  return { groupBy, customer, rows };
}
