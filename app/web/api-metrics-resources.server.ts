// GET /api/v1/metrics: the report as JSON (docs/api.md; definitions in docs/metrics.md), described by a zod schema
// the OpenAPI document is generated from and the tests check answers against.
import { z } from "zod";
import type { MetricsReport, SlaMetricFigures } from "~/domain/metrics/report";
import { SLA_METRICS, type SlaMetric } from "~/domain/sla/types";

const minutes = (what: string) => z.number().nullable().describe(`${what}, in wall-clock minutes; null without data.`);
const fraction = (what: string) => z.number().min(0).max(1).nullable().describe(`${what}, 0–1; null when 0 ÷ 0.`);
const count = (what: string) => z.number().int().min(0).describe(what);

const duration = {
  count: count("How many measurements the figure is computed from."),
  medianMinutes: minutes("Median"),
  p90Minutes: minutes("90th percentile (interpolated)"),
};

const slaFigures = z.object({
  metric: z.enum(SLA_METRICS),
  met: count("Clocks started in the window that stopped in time."),
  breached: count("Clocks started in the window that stopped late, or still ran past due at the window's end."),
  attainment: fraction("met ÷ (met + breached)"),
  ...duration,
  breachedNow: count("Running clocks past due at the window's end (now, when the window reaches now), any start."),
});

/** Each SLA metric's figures are a field of their own in the API, under these names: published, so they stay. */
const SLA_FIELDS = {
  first_response: "firstResponse",
  next_response: "nextResponse",
  periodic_update: "periodicUpdate",
  stage_decision: "stageDecision",
  closure: "closure",
  interviewer_feedback: "interviewerFeedback",
} as const satisfies Record<SlaMetric, string>;
type SlaField = (typeof SLA_FIELDS)[SlaMetric];

function slaFields<T>(valueOf: (metric: SlaMetric) => T): Record<SlaField, T> {
  return Object.fromEntries(SLA_METRICS.map((metric) => [SLA_FIELDS[metric], valueOf(metric)])) as Record<SlaField, T>;
}

export const metricsResource = z.object({
  filters: z.object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    jobId: z.string().optional(),
    department: z.string().optional(),
    recruiterId: z.string().optional(),
    hiringManagerId: z.string().optional(),
  }),
  applications: count("Applications with appliedAt in the window."),
  ...slaFields(() => slaFigures),
  silentCandidates: count("Active applications now whose regular-update clock runs past due."),
  timeInStage: z.array(
    z.object({ stageName: z.string(), stageKind: z.string(), position: z.number().int(), ...duration }),
  ),
  decisionsOwed: z.array(
    z.object({
      ownerId: z.string().nullable().describe("The job's hiring manager; null when the job has none."),
      ownerName: z.string().nullable(),
      count: count("Running stage-decision clocks now."),
      oldestWaitingMinutes: z.number(),
    }),
  ),
  closureRate: z.object({
    told: count("Rejected and told."),
    rejected: count("Rejected in the window."),
    rate: fraction("told ÷ rejected"),
  }),
  promiseKept: z.object({
    kept: count("Hear-back-by dates met."),
    shown: count("Hear-back-by dates shown and decided."),
    rate: fraction("kept ÷ shown"),
  }),
  timeToHire: z.object(duration),
  candidateNps: z.object({
    score: z.number().min(-100).max(100).nullable().describe("% promoters (9–10) − % detractors (0–6)."),
    responses: count("Survey answers in the window."),
    promoters: count("Answers of 9 or 10."),
    detractors: count("Answers of 0 to 6."),
  }),
  friction: z.object({
    per100: z.number().nullable().describe("Friction tags reported per 100 survey answers."),
    responses: count("Survey answers in the window."),
    byTag: z.record(z.string(), z.number().int()),
  }),
  weekly: z.array(
    z.object({
      weekStart: z.iso.datetime().describe("Monday 00:00 UTC."),
      applications: count("Applications in the week (and the window)."),
      firstResponseMedianMinutes: minutes("Median first response"),
      firstResponseAttainment: fraction("First-response attainment"),
      promiseKeptRate: fraction("Promise-kept rate"),
    }),
  ),
  funnel: z.array(
    z.object({ stageName: z.string(), stageKind: z.string(), position: z.number().int(), reached: z.number().int() }),
  ),
});

export type MetricsResource = z.output<typeof metricsResource>;

export function presentMetrics(report: MetricsReport): MetricsResource {
  const { filters, applications, sla, ...rest } = report;
  return {
    filters: { ...filters, from: filters.from.toISOString(), to: filters.to.toISOString() },
    applications,
    ...slaFields<SlaMetricFigures>((metric) => sla[metric]),
    ...rest,
  };
}

/** POST /api/v1/customer-benchmarks/import: the customer figures worked out from a helpdesk's ticket export. */
export const customerBenchmarkImportResource = z.object({
  stored: z.boolean().describe("true when the figures were saved (false with dryRun=true)."),
  changed: count("Metrics whose stored figures changed (0 with dryRun=true, or when they were the same already)."),
  vendor: z.enum(["zendesk", "freshdesk", "helpscout", "zammad", "chatwoot"]),
  vendorLabel: z.string().describe("The helpdesk's name, as shown: “Help Scout”."),
  period: z.object({
    from: z.iso.date().describe("First day (UTC) of ticket creation counted."),
    to: z.iso.date().describe("Last day (UTC), included."),
  }),
  tickets: count("Tickets created in the period."),
  ticketsInFile: count("Tickets in the whole file."),
  metrics: z.array(
    z.object({
      metric: z.enum(["first_reply", "resolution"]),
      targetMinutes: z.number().int().describe("The team's customer target the attainment is measured against."),
      attainment: fraction(
        "Tickets answered within the target ÷ tickets judged (answered, or waiting past the target)",
      ),
      medianMinutes: z.number().nullable().describe("Median of the answered tickets, in minutes; null when none was."),
      answered: count("Tickets with a first reply (or resolution)."),
      met: count("Of those, within the target."),
      overdue: count("Tickets without one that had waited longer than the target by the file's last recorded time."),
      pending: count("Tickets without one, younger than the target: not judged."),
      businessHours: z.boolean().describe("true when the helpdesk's business-hours times were used (Zendesk)."),
      column: z.string().describe("The column the times were read from."),
    }),
  ),
});
