// Benchmarks: `npm run bench` runs them all, `npm run bench -- board` runs one by name. Each process starts on a fresh
// embedded database in a temporary folder (or, with TEST_DATABASE_URL, a throw-away database on that PostgreSQL
// server), applies the migrations, then runs the benchmarks. Results go to bench/results/<name>.json (embedded) or
// <name>.postgres.json, and bench/results/latest.md summarises every result there. Exit code 1 when a measurement misses its target.
// Not part of `npm test`: timings depend on the machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Benchmark, BenchmarkResult, Measurement } from "./harness";

/** Every benchmark, by name. Add new ones here (one module each, named <name>.bench.ts beside this file). */
const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  board: async () => (await import("./board.bench")).boardBenchmark,
  recompute: async () => (await import("./recompute.bench")).recomputeBenchmark,
  calendar: async () => (await import("./calendar.bench")).calendarBenchmark,
  templates: async () => (await import("./templates.bench")).templatesBenchmark,
  outbox: async () => (await import("./outbox.bench")).outboxBenchmark,
  "status-page": async () => (await import("./status-page.bench")).statusPageBenchmark,
  metrics: async () => (await import("./metrics.bench")).metricsBenchmark,
  inbound: async () => (await import("./inbound.bench")).inboundBenchmark,
  "bulk-rejection": async () => (await import("./bulk-rejection.bench")).bulkRejectionBenchmark,
  writes: async () => (await import("./writes.bench")).writesBenchmark,
  connectors: async () => (await import("./connectors.bench")).connectorsBenchmark,
  imports: async () => (await import("./imports.bench")).importsBenchmark,
  pages: async () => (await import("./pages.bench")).pagesBenchmark,
};

/** Benchmarks that count the SQL statements of what they measure: Prisma's query events are turned on for them. */
const COUNTS_STATEMENTS = new Set(["writes", "connectors"]);

const RUNS = 50;
const WARM_UP_RUNS = 5;
const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");

async function main() {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const unknown = requested.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(", ")}. Available: ${Object.keys(BENCHMARKS).join(", ")}.`);
    process.exit(2);
  }
  const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);

  // The app reads its configuration when its modules load, so the database is chosen before importing any of them.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-bench-"));
  const { createTestDatabaseTarget } = await import("../tests/test-database");
  const target = await createTestDatabaseTarget();
  process.env.HEARBACK_DATA_DIR = dataDir;
  process.env.HEARBACK_DEMO = "0";
  if (names.some((name) => COUNTS_STATEMENTS.has(name))) process.env.HEARBACK_QUERY_EVENTS = "1";
  if (target.databaseUrl) process.env.DATABASE_URL = target.databaseUrl;
  else delete process.env.DATABASE_URL;
  const { database } = await import("~/platform/db.server");
  const { applyMigrations } = await import("~/platform/migrate.server");
  const databaseLabel = database.kind === "embedded" ? "embedded (PGlite)" : "PostgreSQL";

  let missed = false;
  try {
    await applyMigrations(database);
    fs.mkdirSync(resultsDir, { recursive: true });
    for (const name of names) {
      const benchmark = await BENCHMARKS[name]!();
      console.log(`\n${benchmark.title} (${databaseLabel}, ${WARM_UP_RUNS} warm-up + ${RUNS} runs)`);
      const result = await benchmark.run({ database: databaseLabel, runs: RUNS, warmUpRuns: WARM_UP_RUNS });
      const file = `${name}${database.kind === "postgres" ? ".postgres" : ""}.json`;
      fs.writeFileSync(path.join(resultsDir, file), `${JSON.stringify(result, null, 2)}\n`);
      printResult(result);
      missed ||= result.measurements.some((m) => missedTarget(m) && !m.informational);
    }
    fs.writeFileSync(path.join(resultsDir, "latest.md"), summary());
    console.log(`\nResults written to ${path.relative(process.cwd(), resultsDir)}/`);
  } finally {
    await database.close();
    await target.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (missed) process.exitCode = 1;
}

function missedTarget(m: Measurement): boolean {
  return (
    m.withinTarget === false || m.floor?.withinRatio === false || m.throughput?.withinShare === false || tooHeavy(m)
  );
}

function tooHeavy(m: Measurement): boolean {
  return m.htmlKb !== undefined && m.maxHtmlKb !== undefined && m.htmlKb > m.maxHtmlKb;
}

function printResult(result: BenchmarkResult) {
  console.log(
    `  dataset: ${Object.entries(result.dataset)
      .map(([key, value]) => `${key} ${value}`)
      .join(", ")}`,
  );
  for (const m of result.measurements) {
    const judged = m.judgedBy ?? "p95";
    const verdict =
      m.withinTarget === undefined
        ? ""
        : m.withinTarget
          ? "  ok"
          : `  MISSED (${judged} target ${m.targetMs} ms${m.informational ? ", informational" : ""})`;
    const statements = m.statements === undefined ? "" : `${m.statements} statements, `;
    const floor = m.floor
      ? `; floor ${m.floor.statements} statements, p50 ${m.floor.p50Ms} ms, ratio ${m.floor.ratio}` +
        (m.floor.withinRatio ? "" : ` MISSED (≤ ${m.floor.maxRatio}× floor)`)
      : "";
    const load = m.throughput
      ? `; ${m.htmlKb} KB; ${m.throughput.requestsPerSecond} requests/s = ${m.throughput.share}× floor` +
        (m.throughput.withinShare ? "" : ` MISSED (≥ ${m.throughput.minShare}×)`)
      : "";
    console.log(
      `  ${m.label}: ${statements}p50 ${m.p50Ms} ms, p95 ${m.p95Ms} ms, max ${m.maxMs} ms${verdict}${floor}${load}`,
    );
  }
  for (const skipped of result.skipped) console.log(`  skipped ${skipped.label}: ${skipped.reason}`);
}

function verdictCell(m: Measurement): string {
  const verdicts: string[] = [];
  if (m.withinTarget !== undefined) {
    const target = `${m.judgedBy ?? "p95"} < ${m.targetMs}`;
    if (m.withinTarget) verdicts.push(`met (${target})`);
    else verdicts.push(m.informational ? `missed (${target}; informational)` : `**missed** (${target})`);
  }
  if (m.maxHtmlKb !== undefined) {
    const target = `HTML ≤ ${m.maxHtmlKb} KB`;
    verdicts.push(tooHeavy(m) ? `**missed** (${target})` : `met (${target})`);
  }
  if (m.throughput) {
    const target = `≥ ${m.throughput.minShare}× floor requests/s`;
    verdicts.push(m.throughput.withinShare ? `met (${target})` : `**missed** (${target})`);
  }
  if (m.floor) {
    const target = `≤ ${m.floor.maxRatio}× floor`;
    verdicts.push(m.floor.withinRatio ? `met (${target})` : `**missed** (${target})`);
  }
  return verdicts.length > 0 ? verdicts.join("; ") : "–";
}

/** The table of one result: with statement counts and floors when its measurements have them (bench/writes). */
function resultTable(result: BenchmarkResult): string[] {
  const cell = (value: number | undefined) => (value === undefined ? "–" : `${value}`);
  if (result.measurements.some((m) => m.throughput)) {
    return [
      "| Page | HTML KB (gzip) | One user p50 | p95 | 10 sessions req/s | p50 | Floor req/s | Share | Target | " +
        "Rendered each time: one user p95, req/s (share) |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
      ...result.measurements.map(
        (m) =>
          `| ${m.label} | ${cell(m.htmlKb)} (${cell(m.gzipKb)}) | ${m.p50Ms} | ${m.p95Ms} | ` +
          `${cell(m.throughput?.requestsPerSecond)} | ${cell(m.throughput?.p50Ms)} | ` +
          `${cell(m.throughput?.floorRequestsPerSecond)} | ${cell(m.throughput?.share)} | ${verdictCell(m)} | ` +
          (m.rendered ? `${m.rendered.p95Ms} ms, ${m.rendered.requestsPerSecond} (${m.rendered.share}×) |` : "– |"),
      ),
    ];
  }
  if (!result.measurements.some((m) => m.statements !== undefined || m.floor)) {
    return [
      "| Measurement | Runs | p50 | p95 | Max | Target |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      ...result.measurements.map(
        (m) => `| ${m.label} | ${m.runs} | ${m.p50Ms} | ${m.p95Ms} | ${m.maxMs} | ${verdictCell(m)} |`,
      ),
      ...result.skipped.map((skipped) => `| ${skipped.label} | – | – | – | – | skipped: ${skipped.reason} |`),
    ];
  }
  return [
    "| Measurement | Runs | Statements | p50 | p95 | Floor statements | Floor p50 | Ratio | Target |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...result.measurements.map(
      (m) =>
        `| ${m.label} | ${m.runs} | ${cell(m.statements)} | ${m.p50Ms} | ${m.p95Ms} | ${cell(m.floor?.statements)} | ` +
        `${cell(m.floor?.p50Ms)} | ${cell(m.floor?.ratio)} | ${verdictCell(m)} |`,
    ),
    ...result.skipped.map((skipped) => `| ${skipped.label} | – | – | – | – | – | – | – | skipped: ${skipped.reason} |`),
  ];
}

/** A Markdown table of every result file in bench/results. */
function summary(): string {
  const results = fs
    .readdirSync(resultsDir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(resultsDir, file), "utf8")) as BenchmarkResult);
  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (bench/run.ts); one JSON file per benchmark beside this one. Times in milliseconds.",
    "",
  ];
  for (const result of results) {
    lines.push(
      `## ${result.title}`,
      "",
      `${result.date} · ${result.environment.database} · Node ${result.environment.node} · ${result.environment.cpu}`,
      "",
      `Dataset: ${Object.entries(result.dataset)
        .map(([key, value]) => `${key} ${value}`)
        .join(", ")}. Target: ${result.target}.`,
      "",
      ...resultTable(result),
      "",
    );
  }
  return `${lines.join("\n")}\n`;
}

await main();
