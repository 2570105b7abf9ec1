// The customer-support figures (CustomerBenchmark, one row per metric) that candidate figures are compared with.
// Saving, importing and clearing are admin actions; each change writes its audit entry in the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { BenchmarkInput } from "~/domain/metrics/customer-benchmarks";
import { benchmarkInputsFrom, type HelpdeskFigures } from "~/domain/metrics/helpdesk-import/import";
import { provenanceOf, type BenchmarkProvenance } from "~/domain/metrics/helpdesk-import/provenance";
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
  /** Where the figures came from: a helpdesk export (which, how many tickets, which days) or typed in; when and by
   * whom. Shown under the figures (provenanceSentence). */
  provenance: BenchmarkProvenance;
};

const benchmarkSelect = {
  metric: true,
  targetMinutes: true,
  attainment: true,
  medianMinutes: true,
  source: true,
  importVendor: true,
  importFileName: true,
  importTickets: true,
  importPeriodFrom: true,
  importPeriodTo: true,
  importBusinessHours: true,
  updatedAt: true,
  updatedBy: { select: { id: true, name: true } },
} satisfies Prisma.CustomerBenchmarkSelect;

/** The import columns a change writes: all null for figures typed in or read from the template. */
type ImportColumns = {
  importVendor: string | null;
  importFileName: string | null;
  importTickets: number | null;
  importPeriodFrom: Date | null;
  importPeriodTo: Date | null;
  importBusinessHours: boolean | null;
};

const NOT_IMPORTED: ImportColumns = {
  importVendor: null,
  importFileName: null,
  importTickets: null,
  importPeriodFrom: null,
  importPeriodTo: null,
  importBusinessHours: null,
};

/** The entered figures per metric; null for a metric nobody entered. Anyone who sees metrics may read them. */
export async function getCustomerBenchmarks(
  db: Prisma.TransactionClient = prisma,
): Promise<Record<CustomerMetricName, CustomerBenchmark | null>> {
  const rows = await db.customerBenchmark.findMany({ select: benchmarkSelect });
  const byMetric = new Map(
    rows.map((row): [CustomerMetricName, CustomerBenchmark] => [
      row.metric,
      {
        metric: row.metric,
        targetMinutes: row.targetMinutes,
        attainment: row.attainment,
        medianMinutes: row.medianMinutes,
        source: row.source,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
        provenance: provenanceOf(row),
      },
    ]),
  );
  return Object.fromEntries(CUSTOMER_METRICS.map((metric) => [metric, byMetric.get(metric) ?? null])) as Record<
    CustomerMetricName,
    CustomerBenchmark | null
  >;
}

function figures(input: BenchmarkInput, imported: ImportColumns) {
  return {
    targetMinutes: input.targetMinutes,
    attainment: input.attainment,
    medianMinutes: input.medianMinutes,
    source: input.source,
    ...imported,
  };
}

type Figures = ReturnType<typeof figures>;

/** Whether the stored row (which carries more, such as its id) already holds the figures `b`. */
function sameFigures(a: Figures, b: Figures): boolean {
  return (Object.keys(b) as (keyof Figures)[]).every((key) => {
    const [x, y] = [a[key], b[key]];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
}

/** Figures as an audit entry records them: the import columns only when they say something. */
function auditable(values: Partial<Figures>): Prisma.InputJsonObject {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => !(key.startsWith("import") && value === null)),
  ) as Prisma.InputJsonObject;
}

const storedFigures = {
  id: true,
  targetMinutes: true,
  attainment: true,
  medianMinutes: true,
  source: true,
  importVendor: true,
  importFileName: true,
  importTickets: true,
  importPeriodFrom: true,
  importPeriodTo: true,
  importBusinessHours: true,
} satisfies Prisma.CustomerBenchmarkSelect;

async function upsertWithAudit(
  tx: Prisma.TransactionClient,
  input: BenchmarkInput,
  actorId: string,
  action: string,
  extra: Prisma.InputJsonObject = {},
  imported: ImportColumns = NOT_IMPORTED,
): Promise<boolean> {
  const before = await tx.customerBenchmark.findUnique({ where: { metric: input.metric }, select: storedFigures });
  const after = figures(input, imported);
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
    data: {
      metric: input.metric,
      before: before ? auditable(beforeFigures) : null,
      after: auditable(after),
      ...extra,
    },
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

/** Saves the figures computed from a helpdesk export (already checked in full: a bad file never reaches this), with
 * where they came from. Metrics the export cannot give (next reply) are left as they are. Returns how many changed. */
export async function importHelpdeskBenchmarks(
  computed: HelpdeskFigures,
  actorId: string,
  fileName: string | null,
): Promise<number> {
  const rows = benchmarkInputsFrom(computed);
  const imported: ImportColumns = {
    importVendor: computed.vendor,
    importFileName: fileName ? fileName.slice(0, 255) : null,
    importTickets: computed.tickets,
    importPeriodFrom: new Date(`${computed.period.from}T00:00:00Z`),
    importPeriodTo: new Date(`${computed.period.to}T00:00:00Z`),
    importBusinessHours: false,
  };
  return prisma.$transaction(async (tx) => {
    let changed = 0;
    for (const row of rows) {
      const businessHours = computed.metrics.find((metric) => metric.metric === row.metric)?.businessHours ?? false;
      const extra = { fileName, vendor: computed.vendor, tickets: computed.tickets, period: computed.period };
      if (
        await upsertWithAudit(tx, row, actorId, "customer_benchmark.imported_from_helpdesk", extra, {
          ...imported,
          importBusinessHours: businessHours,
        })
      ) {
        changed += 1;
      }
    }
    return changed;
  });
}

/** Removes one metric's figures; the dashboard then shows the candidate side alone. False when there were none. */
export async function clearCustomerBenchmark(metric: CustomerMetricName, actorId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.customerBenchmark.findUnique({ where: { metric }, select: storedFigures });
    if (!existing) return false;
    await tx.customerBenchmark.delete({ where: { id: existing.id } });
    const { id, ...before } = existing;
    await recordAudit(tx, {
      actorId,
      action: "customer_benchmark.cleared",
      entityType: "CustomerBenchmark",
      entityId: id,
      data: { metric, before: auditable(before), after: null },
    });
    return true;
  });
}
