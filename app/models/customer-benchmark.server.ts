// The customer-support figures (CustomerBenchmark, one row per metric) that candidate figures are compared with.
// Saving, importing and clearing are admin actions; each change writes its audit entry in the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { BenchmarkInput } from "~/domain/metrics/customer-benchmarks";
import { CUSTOMER_METRICS, type CustomerMetricName } from "~/domain/metrics/importance";
import { prisma } from "~/platform/db.server";
import { recordAudit } from "./audit.server";

export type CustomerBenchmark = {
  metric: CustomerMetricName;
  targetMinutes: number;
  attainment: number | null;
  medianMinutes: number | null;
  source: string | null;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
};

const benchmarkSelect = {
  metric: true,
  targetMinutes: true,
  attainment: true,
  medianMinutes: true,
  source: true,
  updatedAt: true,
  updatedBy: { select: { id: true, name: true } },
} satisfies Prisma.CustomerBenchmarkSelect;

/** The entered figures per metric; null for a metric nobody entered. Anyone who sees metrics may read them. */
export async function getCustomerBenchmarks(
  db: Prisma.TransactionClient = prisma,
): Promise<Record<CustomerMetricName, CustomerBenchmark | null>> {
  const rows = await db.customerBenchmark.findMany({ select: benchmarkSelect });
  const byMetric = new Map(rows.map((row) => [row.metric, row]));
  return Object.fromEntries(CUSTOMER_METRICS.map((metric) => [metric, byMetric.get(metric) ?? null])) as Record<
    CustomerMetricName,
    CustomerBenchmark | null
  >;
}

function figures(input: BenchmarkInput) {
  return {
    targetMinutes: input.targetMinutes,
    attainment: input.attainment,
    medianMinutes: input.medianMinutes,
    source: input.source,
  };
}

function sameFigures(a: ReturnType<typeof figures>, b: ReturnType<typeof figures>): boolean {
  return (
    a.targetMinutes === b.targetMinutes &&
    a.attainment === b.attainment &&
    a.medianMinutes === b.medianMinutes &&
    a.source === b.source
  );
}

async function upsertWithAudit(
  tx: Prisma.TransactionClient,
  input: BenchmarkInput,
  actorId: string,
  action: string,
  extra: Prisma.InputJsonObject = {},
): Promise<boolean> {
  const before = await tx.customerBenchmark.findUnique({
    where: { metric: input.metric },
    select: { id: true, targetMinutes: true, attainment: true, medianMinutes: true, source: true },
  });
  const after = figures(input);
  const { id: beforeId, ...beforeFigures } = before ?? { id: null };
  // Re-importing the same file changes nothing, so it leaves no audit entry that claims otherwise.
  if (before && sameFigures(before, after)) return false;
  const saved = await tx.customerBenchmark.upsert({
    where: { metric: input.metric },
    create: { metric: input.metric, ...after, updatedById: actorId },
    update: { ...after, updatedById: actorId },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId,
    action,
    entityType: "CustomerBenchmark",
    entityId: beforeId ?? saved.id,
    data: { metric: input.metric, before: before ? beforeFigures : null, after, ...extra },
  });
  return true;
}

/** Saves one metric's figures from the settings form. */
export async function saveCustomerBenchmark(input: BenchmarkInput, actorId: string): Promise<void> {
  await prisma.$transaction((tx) => upsertWithAudit(tx, input, actorId, "customer_benchmark.saved"));
}

/** Saves every row of an import (already checked in full: a bad file never reaches this). Returns how many
 * metrics changed. */
export async function importCustomerBenchmarks(
  rows: BenchmarkInput[],
  actorId: string,
  fileName: string,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    let changed = 0;
    for (const row of rows) {
      if (await upsertWithAudit(tx, row, actorId, "customer_benchmark.imported", { fileName })) changed += 1;
    }
    return changed;
  });
}

/** Removes one metric's figures; the dashboard then shows the candidate side alone. False when there were none. */
export async function clearCustomerBenchmark(metric: CustomerMetricName, actorId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.customerBenchmark.findUnique({
      where: { metric },
      select: { id: true, targetMinutes: true, attainment: true, medianMinutes: true, source: true },
    });
    if (!existing) return false;
    await tx.customerBenchmark.delete({ where: { id: existing.id } });
    const { id, ...before } = existing;
    await recordAudit(tx, {
      actorId,
      action: "customer_benchmark.cleared",
      entityType: "CustomerBenchmark",
      entityId: id,
      data: { metric, before, after: null },
    });
    return true;
  });
}
