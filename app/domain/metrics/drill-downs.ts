// The figures of the metrics report that drill down into the applications behind them, and their names in URLs
// (/metrics/<slug>, /metrics/export/<slug>). Every SLA metric has a drill-down into its late clocks.
import { SLA_METRICS, type SlaMetric } from "../sla/types";

/** Drill-downs behind one figure of the report each; their kind is their URL name. */
export const FIGURE_DRILL_DOWN_KINDS = [
  "applications",
  "breached_now",
  "silent",
  "decisions_owed",
  "rejected_not_told",
  "promises_broken",
  "hired",
  "detractors",
  "friction",
] as const;
export type FigureDrillDownKind = (typeof FIGURE_DRILL_DOWN_KINDS)[number];

export type DrillDown = { kind: FigureDrillDownKind } | { kind: "breached"; metric: SlaMetric };

/** How a drill-down is named in URLs and CSV file names: "silent", "first_response_breached". */
export type DrillDownSlug = FigureDrillDownKind | `${SlaMetric}_breached`;

export const DRILL_DOWNS: readonly DrillDown[] = [
  ...FIGURE_DRILL_DOWN_KINDS.map((kind) => ({ kind })),
  ...SLA_METRICS.map((metric) => ({ kind: "breached" as const, metric })),
];

export function drillDownSlug(drillDown: DrillDown): DrillDownSlug {
  return drillDown.kind === "breached" ? `${drillDown.metric}_breached` : drillDown.kind;
}

/** The drill-down a URL names, or null when there is no such figure. */
export function parseDrillDown(slug: string): DrillDown | null {
  return DRILL_DOWNS.find((drillDown) => drillDownSlug(drillDown) === slug) ?? null;
}
