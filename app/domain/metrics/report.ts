// The shape of the metrics report (docs/metrics.md): what the dashboard, the CSV exports, the weekly digest and
// GET /api/v1/metrics all show. Pure types and the filter schema; the SQL that fills them is in app/models/metrics/.
import { z } from "zod";
import type { SlaMetric } from "../sla/types";

/** The dashboard's filters. The window is [from, to): clocks and applications are counted by when they started. */
export const metricsFiltersSchema = z.object({
  from: z.coerce.date({ message: "Enter a start date." }),
  to: z.coerce.date({ message: "Enter an end date." }),
  jobId: z.string().min(1).optional(),
  department: z.string().min(1).optional(),
  recruiterId: z.string().min(1).optional(),
  hiringManagerId: z.string().min(1).optional(),
});
export type MetricsFilters = z.infer<typeof metricsFiltersSchema>;

/** Attainment = met / (met + breached); null when no clock has been decided yet (never 0/0 shown as 0 %). */
export type Attainment = { met: number; breached: number; attainment: number | null };

export type DurationFigure = {
  /** How many measurements the figure is computed from. */
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
};

export type SlaMetricFigures = Attainment &
  DurationFigure & {
    metric: SlaMetric;
    /** Running clocks past due now (or at the window's end when it lies in the past). */
    breachedNow: number;
  };

export type StageTimeFigure = { stageName: string; stageKind: string; position: number } & DurationFigure;

export type DecisionOwedFigure = {
  /** Who owes the decision: the job's hiring manager (null when the job has none). */
  ownerId: string | null;
  ownerName: string | null;
  count: number;
  oldestWaitingMinutes: number;
};

export type WeeklyPoint = {
  /** Monday 00:00 UTC of the week. */
  weekStart: string;
  applications: number;
  firstResponseMedianMinutes: number | null;
  firstResponseAttainment: number | null;
  promiseKeptRate: number | null;
};

export type FunnelStep = { stageName: string; stageKind: string; position: number; reached: number };

export type MetricsReport = {
  filters: MetricsFilters;
  /** Applications that applied inside the window. */
  applications: number;
  /** The figures of each SLA metric's clocks. */
  sla: Record<SlaMetric, SlaMetricFigures>;
  /** Active applications with no outbound message for longer than the periodic_update target. */
  silentCandidates: number;
  timeInStage: StageTimeFigure[];
  decisionsOwed: DecisionOwedFigure[];
  /** Rejected applications whose candidate was told ÷ all rejected. */
  closureRate: { told: number; rejected: number; rate: number | null };
  /** "Hear back by" dates met ÷ dates shown. */
  promiseKept: { kept: number; shown: number; rate: number | null };
  timeToHire: DurationFigure;
  /** %promoters(9–10) − %detractors(0–6), -100…100; null without responses. */
  candidateNps: { score: number | null; responses: number; promoters: number; detractors: number };
  /** Survey friction tags reported per 100 candidates who answered, and the count per tag. */
  friction: { per100: number | null; responses: number; byTag: Record<string, number> };
  weekly: WeeklyPoint[];
  funnel: FunnelStep[];
};
