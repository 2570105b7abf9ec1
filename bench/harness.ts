// What every benchmark shares: timing with warm-up, percentiles, and the result format written to bench/results/.
import os from "node:os";

export type Timing = { label: string; runs: number; p50Ms: number; p95Ms: number; maxMs: number; meanMs: number };

/** The same rows written by hand-written SQL (a write's floor): its timing and statements, and op p50 / floor p50. */
export type FloorComparison = {
  p50Ms: number;
  p95Ms: number;
  statements: number;
  ratio: number;
  maxRatio: number;
  withinRatio: boolean;
};

/** `informational` measurements show a known weak spot; they are reported against the target but never fail a run.
 * `judgedBy` names the percentile the target judges (p95 when absent). `statements`: SQL statements one run sends. */
export type Measurement = Timing & {
  targetMs?: number;
  withinTarget?: boolean;
  informational?: boolean;
  judgedBy?: "p50" | "p95";
  statements?: number;
  floor?: FloorComparison;
  /** Pages: the HTML's size uncompressed (judged against maxHtmlKb) and as sent with gzip. */
  htmlKb?: number;
  gzipKb?: number;
  maxHtmlKb?: number;
  throughput?: Throughput;
  /** Pages: the same page when every request is rendered (nothing stored), for information beside the target. */
  rendered?: { p50Ms: number; p95Ms: number; requestsPerSecond: number; share: number };
};

/** A page under concurrent load, as a share of the floor's requests/s (`/healthz`) measured in the same run. */
export type Throughput = {
  requestsPerSecond: number;
  p50Ms: number;
  floorRequestsPerSecond: number;
  share: number;
  minShare: number;
  withinShare: boolean;
  failures: number;
};

export type BenchmarkResult = {
  name: string;
  title: string;
  target: string;
  date: string;
  environment: { database: string; node: string; platform: string; cpu: string };
  dataset: Record<string, number | string>;
  measurements: Measurement[];
  skipped: { label: string; reason: string }[];
};

export type BenchmarkContext = { database: string; runs: number; warmUpRuns: number };

export type Benchmark = {
  name: string;
  title: string;
  run(context: BenchmarkContext): Promise<BenchmarkResult>;
};

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Summarises durations already taken, in any order (latencies from a load generator, health checks, runs). */
export function timingOf(label: string, durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    label,
    runs: sorted.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    maxMs: round(sorted.at(-1) ?? 0),
    meanMs: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
  };
}

/** Runs `work` `warmUpRuns` times untimed, then `runs` times one after another, and summarises the durations. */
export async function measure(
  label: string,
  work: () => Promise<unknown>,
  { runs, warmUpRuns }: Pick<BenchmarkContext, "runs" | "warmUpRuns">,
): Promise<Timing> {
  for (let index = 0; index < warmUpRuns; index += 1) await work();
  const durations: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return timingOf(label, durations);
}

/** A measurement taken once (a long rebuild, a slow comparison run): every percentile is that one duration. */
export function singleRun(label: string, durationMs: number): Timing {
  const ms = Math.round(durationMs);
  return { label, runs: 1, p50Ms: ms, p95Ms: ms, maxMs: ms, meanMs: ms };
}

/** Judges a timing by its p95 (most page loads, not just the typical one, must be within the target), or by its p50
 * where the target is stated for the typical run (`percentile: "p50"`). */
export function withTarget(
  timing: Timing,
  targetMs: number,
  options: { informational?: boolean; percentile?: "p50" | "p95" } = {},
): Measurement {
  const { percentile = "p95", ...flags } = options;
  const value = percentile === "p50" ? timing.p50Ms : timing.p95Ms;
  return {
    ...timing,
    targetMs,
    withinTarget: value < targetMs,
    ...(percentile === "p50" ? { judgedBy: "p50" as const } : {}),
    ...flags,
  };
}

/** Adds a write's floor (see FloorComparison); the write must take at most `maxRatio` times the floor's p50. */
export function againstFloor(
  measurement: Measurement,
  floor: Timing & { statements: number },
  maxRatio: number,
): Measurement {
  const exact = measurement.p50Ms / Math.max(floor.p50Ms, 0.1);
  const { p50Ms, p95Ms, statements } = floor;
  const ratio = Math.round(exact * 10) / 10;
  return { ...measurement, floor: { p50Ms, p95Ms, statements, ratio, maxRatio, withinRatio: exact <= maxRatio } };
}

export function environment(database: string): BenchmarkResult["environment"] {
  return {
    database,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
  };
}
