// The metrics dashboard's loader on 100,000 applications and 2,000,000 events (bench/datasets/metrics.ts) for the
// last 90 days: for the whole workspace, one job, one department and a hiring manager's own jobs, and one drill-down
// page. Target: p95 under 500 ms. Also writes the plan of every statement the loader sends, run with EXPLAIN
// (ANALYZE, BUFFERS), to bench/results/metrics.plans[.postgres].txt.
// METRICS_BENCH_APPLICATIONS runs a smaller trial (events stay 20 per application); the target is judged on 100,000.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Prisma } from "~/generated/prisma/client";
import { drillDownSlug, type DrillDown } from "~/domain/metrics/drill-downs";
import type { MetricsFilters, MetricsReport } from "~/domain/metrics/report";
import { SORTING_SETTINGS } from "~/models/metrics/sql.server";
import type { Actor } from "~/models/scope.server";
import { database, prisma } from "~/platform/db.server";
import { createMetricsDataset } from "./datasets/metrics";
import { environment, measure, singleRun, withTarget, type Benchmark, type BenchmarkResult } from "./harness";

const APPLICATIONS = Number(process.env.METRICS_BENCH_APPLICATIONS ?? 100_000);
const EVENTS = 20 * APPLICATIONS;
const TARGET_MS = 500;
const WINDOW_DAYS = 90;
const DRILL_DOWN: DrillDown = { kind: "breached", metric: "first_response" };
const DAY_MS = 24 * 60 * 60 * 1000;

type LoadReport = (actor: Actor, filters: MetricsFilters, now?: Date) => Promise<MetricsReport>;
type ListDrillDown = (
  actor: Actor,
  filters: MetricsFilters,
  drillDown: DrillDown,
  page: { limit: number; offset: number },
  now?: Date,
) => Promise<{ total: number; rows: unknown[] }>;

// Imported by path at run time, so that the benchmark still builds and times the dataset while they are written.
const REPORT_MODULE = "../app/models/metrics/report.server";
const DRILL_DOWN_MODULE = "../app/models/metrics/drill-down.server";

async function importFunction<T>(module: string, name: string): Promise<T | { reason: string }> {
  try {
    const loaded = (await import(/* @vite-ignore */ module)) as Record<string, unknown>;
    return typeof loaded[name] === "function" ? (loaded[name] as T) : { reason: `${module} exports no ${name}` };
  } catch (error) {
    return { reason: `${module} could not be loaded: ${error instanceof Error ? error.message : error}` };
  }
}

type RecordedStatement = { sql: string; values: unknown[] };
type RawQuery = (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Promise<unknown>;

/** Runs `work` and returns the raw SQL statements (with their parameters) it sent through prisma.$queryRaw. The
 * metrics models send all their SQL that way; the client's own query events are off outside tests. */
async function recordRawQueries(work: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const client = prisma as unknown as { $queryRaw: RawQuery };
  const original = client.$queryRaw;
  const statements: RecordedStatement[] = [];
  client.$queryRaw = (query, ...values) => {
    const sql = Array.isArray(query) ? Prisma.sql(query as unknown as TemplateStringsArray, ...values) : query;
    statements.push({ sql: (sql as Prisma.Sql).text, values: (sql as Prisma.Sql).values });
    return original.call(prisma, query, ...values);
  };
  try {
    await work();
  } finally {
    client.$queryRaw = original;
  }
  return statements;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, one after another, slowest first, as a text report. Every statement
 * is explained with querySorting's settings: the report's small statements plan the same either way. */
async function explainAll(label: string, statements: RecordedStatement[]): Promise<string> {
  const explained: { ms: number; text: string }[] = [];
  for (const [index, statement] of statements.entries()) {
    // With the settings the loader runs its sorting statements with (more work_mem, no JIT, no parallel workers).
    const [, rows] = await prisma.$transaction([
      prisma.$executeRaw(SORTING_SETTINGS),
      prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
        ...statement.values,
      ),
    ]);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    explained.push({
      ms,
      text: [
        `--- ${label}, statement ${index + 1} of ${statements.length}: ${ms} ms`,
        statement.sql.replace(/\n\s*\n/g, "\n").trim(),
        `-- parameters: ${JSON.stringify(statement.values)}`,
        plan,
        "",
      ].join("\n"),
    });
  }
  const slowestFirst = [...explained].sort((a, b) => b.ms - a.ms);
  return [
    `=== ${label}: ${statements.length} statements, execution times (ms, slowest first): ${slowestFirst
      .map((entry) => entry.ms)
      .join(", ")}`,
    "",
    ...slowestFirst.map((entry) => entry.text),
  ].join("\n");
}

export const metricsBenchmark: Benchmark = {
  name: "metrics",
  title: `Metrics dashboard, ${APPLICATIONS.toLocaleString("en")} applications, ${EVENTS.toLocaleString("en")} events, ${WINDOW_DAYS}-day window`,
  async run(context) {
    const dataset = await createMetricsDataset({ applications: APPLICATIONS, events: EVENTS });
    // Planner statistics, and the visibility map autovacuum would have set on a database in use (index-only scans
    // depend on it): right after a bulk load neither exists yet.
    const analyzeStarted = performance.now();
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    const analyzeMs = performance.now() - analyzeStarted;
    const { now } = dataset;
    const result: BenchmarkResult = {
      name: "metrics",
      title: this.title,
      target: `p95 under ${TARGET_MS} ms`,
      date: new Date().toISOString(),
      environment: environment(context.database),
      dataset: {
        ...dataset.counts,
        buildSeconds: Math.round(dataset.buildMs / 100) / 10,
        buildSteps: dataset.steps.map((step) => `${step.step} ${(step.ms / 1000).toFixed(1)} s`).join("; "),
        analyzeSeconds: Math.round(analyzeMs / 100) / 10,
        window: `${WINDOW_DAYS} days up to the dataset's now`,
      },
      measurements: [singleRun("build the dataset (set-based SQL, one transaction)", dataset.buildMs)],
      skipped: [],
    };

    const loadReport = await importFunction<LoadReport>(REPORT_MODULE, "loadMetricsReport");
    const listDrillDown = await importFunction<ListDrillDown>(DRILL_DOWN_MODULE, "listDrillDown");
    const window: MetricsFilters = { from: new Date(now.getTime() - WINDOW_DAYS * DAY_MS), to: now };

    if (typeof loadReport !== "function") {
      result.skipped.push({ label: "loadMetricsReport", reason: loadReport.reason });
    } else {
      // The loader must see the dataset: its application count is checked against a direct count.
      const report = await loadReport(dataset.admin, window, now);
      const [expected] = await prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM "Application"
         WHERE "appliedAt" >= ${window.from.toISOString()}::timestamp(3) AND "appliedAt" < ${now.toISOString()}::timestamp(3)`;
      if (report.applications !== expected?.count) {
        throw new Error(
          `The report counts ${report.applications} applications in the window, the table ${expected?.count}`,
        );
      }
      result.dataset.applicationsInWindow = report.applications;
      const variants: { label: string; actor: Actor; filters: MetricsFilters }[] = [
        { label: "loadMetricsReport, admin, whole workspace", actor: dataset.admin, filters: window },
        { label: "loadMetricsReport, one job", actor: dataset.admin, filters: { ...window, jobId: dataset.jobId } },
        {
          label: `loadMetricsReport, department ${dataset.department}`,
          actor: dataset.admin,
          filters: { ...window, department: dataset.department },
        },
        { label: "loadMetricsReport, a hiring manager (own jobs)", actor: dataset.hiringManager, filters: window },
      ];
      for (const variant of variants) {
        const timing = await measure(variant.label, () => loadReport(variant.actor, variant.filters, now), context);
        result.measurements.push(withTarget(timing, TARGET_MS));
      }
    }
    const drillDownPage = { limit: 50, offset: 0 };
    if (typeof listDrillDown !== "function") {
      result.skipped.push({ label: `listDrillDown ${drillDownSlug(DRILL_DOWN)}`, reason: listDrillDown.reason });
    } else {
      const call = () => listDrillDown(dataset.admin, window, DRILL_DOWN, drillDownPage, now);
      const timing = await measure(`listDrillDown ${drillDownSlug(DRILL_DOWN)}, first page of 50`, call, context);
      result.measurements.push(withTarget(timing, TARGET_MS));
    }

    // The plans, from a run of each with every statement recorded and explained on its own.
    const plans: string[] = [
      `Plans of the statements the metrics loader sends (EXPLAIN (ANALYZE, BUFFERS), run one after another after the`,
      `timed runs; the loader itself sends them side by side). ${result.title}; ${context.database}; ${result.date}.`,
      `Dataset: ${Object.entries(result.dataset)
        .map(([key, value]) => `${key} ${value}`)
        .join(", ")}.`,
      "",
    ];
    if (typeof loadReport === "function") {
      const statements = await recordRawQueries(() => loadReport(dataset.admin, window, now));
      plans.push(await explainAll("loadMetricsReport, admin, whole workspace, 90 days", statements));
      const scoped = await recordRawQueries(() => loadReport(dataset.hiringManager, window, now));
      plans.push(await explainAll("loadMetricsReport, a hiring manager (own jobs), 90 days", scoped));
    }
    if (typeof listDrillDown === "function") {
      const statements = await recordRawQueries(() =>
        listDrillDown(dataset.admin, window, DRILL_DOWN, drillDownPage, now),
      );
      plans.push(await explainAll(`listDrillDown ${drillDownSlug(DRILL_DOWN)}, first page of 50`, statements));
    }
    const plansFile = `metrics.plans${database.kind === "postgres" ? ".postgres" : ""}.txt`;
    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");
    fs.writeFileSync(path.join(resultsDir, plansFile), `${plans.join("\n")}\n`);
    return result;
  },
};
