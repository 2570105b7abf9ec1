// What the dashboard says about a MetricsReport, in words and as tables: the headline figures with the drill-down
// behind each, and every table the page shows as header + rows, so the page and its CSV exports can never disagree.
import { formatDuration } from "~/domain/metrics/figures";
import { formatPercent } from "~/domain/metrics/importance";
import type { DrillDown, FigureDrillDownKind } from "~/domain/metrics/drill-downs";
import type { MetricsReport } from "~/domain/metrics/report";
import { SLA_METRIC_LABELS, SLA_METRICS, type SlaMetric } from "~/domain/sla/types";
import { SURVEY_TEXTS } from "~/domain/survey";
import type { CsvCell } from "~/web/csv.server";

/** The report as the dashboard page receives it: its own funnel and trends replace the report's. */
export type DashboardReport = Omit<MetricsReport, "weekly" | "funnel">;

export type Headline = {
  id: string;
  label: string;
  value: string;
  /** The numbers behind the value, in words ("12 of 40 in time"). */
  detail: string;
  drillDown: DrillDown;
  /** How the drill-down link reads ("See the 3 applications"). */
  linkText: string;
};

const LATE_CLOCK_TITLES: Record<SlaMetric, string> = {
  first_response: "First responses later than promised",
  next_response: "Replies to candidates later than promised",
  periodic_update: "Regular updates later than promised",
  stage_decision: "Stage decisions later than promised",
  closure: "Rejected candidates told later than promised",
  interviewer_feedback: "Interview feedback later than promised",
};

const FIGURE_TITLES: Record<FigureDrillDownKind, string> = {
  applications: "Applications in this period",
  breached_now: "Overdue right now",
  silent: "Silent candidates",
  decisions_owed: "Decisions owed",
  rejected_not_told: "Rejected candidates who were not told",
  promises_broken: "“Hear back by” dates missed",
  hired: "Hires",
  detractors: "Candidates who would not recommend us (NPS 0–6)",
  friction: "Candidates who reported friction",
};

export function drillDownTitle(drillDown: DrillDown): string {
  return drillDown.kind === "breached" ? LATE_CLOCK_TITLES[drillDown.metric] : FIGURE_TITLES[drillDown.kind];
}

/** Every percentage on the dashboard: "44%" (importance.ts's rounding, so 99.6% never reads as 100%). */
export function percent(fraction: number | null): string {
  return fraction === null ? "–" : formatPercent(fraction);
}

export function duration(minutes: number | null): string {
  return minutes === null ? "–" : formatDuration(minutes);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function frictionLabel(tag: string): string {
  const labels: Record<string, string> = SURVEY_TEXTS.en.tags.labels;
  return labels[tag] ?? tag;
}

export function headlines(report: DashboardReport): Headline[] {
  const first = report.sla.first_response;
  const owed = report.decisionsOwed.reduce((sum, owner) => sum + owner.count, 0);
  const breachedNow = SLA_METRICS.reduce((sum, metric) => sum + report.sla[metric].breachedNow, 0);
  const oldestOwed = Math.max(0, ...report.decisionsOwed.map((owner) => owner.oldestWaitingMinutes));
  const nps = report.candidateNps;
  return [
    {
      id: "applications",
      label: "Applications",
      value: String(report.applications),
      detail: "Applied in this period",
      drillDown: { kind: "applications" },
      linkText: "See the applications",
    },
    {
      id: "first-response",
      label: "Time to first response",
      value: duration(first.medianMinutes),
      detail: `Median · 90th percentile ${duration(first.p90Minutes)} · ${plural(first.count, "response", "responses")}`,
      drillDown: { kind: "breached", metric: "first_response" },
      linkText: `See the ${plural(first.breached, "late first response", "late first responses")}`,
    },
    {
      id: "first-response-attainment",
      label: "First responses on time",
      value: percent(first.attainment),
      detail: `${first.met} of ${first.met + first.breached} within target`,
      drillDown: { kind: "breached", metric: "first_response" },
      linkText: `See the ${plural(first.breached, "late one", "late ones")}`,
    },
    {
      id: "breached-now",
      label: "Overdue now",
      value: String(breachedNow),
      detail: "Promises already past due and still open",
      drillDown: { kind: "breached_now" },
      linkText: "See who is overdue",
    },
    {
      id: "silent",
      label: "Silent candidates",
      value: String(report.silentCandidates),
      detail: "Active, and not written to for longer than the update target",
      drillDown: { kind: "silent" },
      linkText: "See the silent candidates",
    },
    {
      id: "decisions-owed",
      label: "Decisions owed",
      value: String(owed),
      detail: owed > 0 ? `Longest wait ${formatDuration(oldestOwed)}` : "Nobody waits on a stage decision",
      drillDown: { kind: "decisions_owed" },
      linkText: "See the decisions owed",
    },
    {
      id: "closure-rate",
      label: "Rejected candidates told",
      value: percent(report.closureRate.rate),
      detail: `${report.closureRate.told} of ${report.closureRate.rejected} rejections`,
      drillDown: { kind: "rejected_not_told" },
      linkText: `See the ${plural(report.closureRate.rejected - report.closureRate.told, "one", "ones")} not told`,
    },
    {
      id: "promise-kept",
      label: "Promises kept",
      value: percent(report.promiseKept.rate),
      detail: `${report.promiseKept.kept} of ${report.promiseKept.shown} “hear back by” dates met`,
      drillDown: { kind: "promises_broken" },
      linkText: "See the promises missed",
    },
    {
      id: "time-to-hire",
      label: "Time to hire",
      value: duration(report.timeToHire.medianMinutes),
      detail: `Median · 90th percentile ${duration(report.timeToHire.p90Minutes)} · ${plural(report.timeToHire.count, "hire", "hires")}`,
      drillDown: { kind: "hired" },
      linkText: "See the hires",
    },
    {
      id: "nps",
      label: "Candidate NPS",
      value: nps.score === null ? "–" : String(Math.round(nps.score)),
      detail: `${plural(nps.responses, "response", "responses")} · ${nps.promoters} promoters, ${nps.detractors} detractors`,
      drillDown: { kind: "detractors" },
      linkText: "See the detractors",
    },
    {
      id: "friction",
      label: "Friction per 100 candidates",
      value: report.friction.per100 === null ? "–" : String(Math.round(report.friction.per100 * 10) / 10),
      detail: `Reported in ${plural(report.friction.responses, "survey answer", "survey answers")}`,
      drillDown: { kind: "friction" },
      linkText: "See who reported friction",
    },
  ];
}

export type Table = { header: string[]; rows: CsvCell[][] };

/** Minutes in exports are plain numbers (one decimal) so a spreadsheet can compute with them. */
function minutes(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function fraction(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

export function headlineTable(report: MetricsReport): Table {
  return {
    header: ["Figure", "Value", "Details"],
    rows: headlines(report).map((figure) => [figure.label, figure.value, figure.detail]),
  };
}

export function slaTable(report: MetricsReport): Table {
  return {
    header: ["Promise", "Met", "Breached", "Attainment", "Median minutes", "P90 minutes", "Measured", "Overdue now"],
    rows: SLA_METRICS.map((metric) => {
      const figures = report.sla[metric];
      return [
        SLA_METRIC_LABELS[metric],
        figures.met,
        figures.breached,
        fraction(figures.attainment),
        minutes(figures.medianMinutes),
        minutes(figures.p90Minutes),
        figures.count,
        figures.breachedNow,
      ];
    }),
  };
}

export function timeInStageTable(report: MetricsReport): Table {
  return {
    header: ["Stage", "Kind", "Median minutes", "P90 minutes", "Measured"],
    rows: report.timeInStage.map((stage) => [
      stage.stageName,
      stage.stageKind,
      minutes(stage.medianMinutes),
      minutes(stage.p90Minutes),
      stage.count,
    ]),
  };
}

export function decisionOwnersTable(report: MetricsReport): Table {
  return {
    header: ["Owner", "Decisions owed", "Longest wait (minutes)"],
    rows: report.decisionsOwed.map((owner) => [
      owner.ownerName ?? "No hiring manager",
      owner.count,
      minutes(owner.oldestWaitingMinutes),
    ]),
  };
}

export function frictionTable(report: MetricsReport): Table {
  const responses = report.friction.responses;
  return {
    header: ["Friction", "Reports", "Per 100 candidates"],
    rows: Object.entries(report.friction.byTag)
      .sort(([, a], [, b]) => b - a)
      .map(([tag, count]) => [
        frictionLabel(tag),
        count,
        responses > 0 ? Math.round((count * 1000) / responses) / 10 : null,
      ]),
  };
}

export function weeklyTable(report: MetricsReport): Table {
  return {
    header: [
      "Week starting",
      "Applications",
      "First response median minutes",
      "First response attainment",
      "Promise-kept rate",
    ],
    rows: report.weekly.map((week) => [
      week.weekStart.slice(0, 10),
      week.applications,
      minutes(week.firstResponseMedianMinutes),
      fraction(week.firstResponseAttainment),
      fraction(week.promiseKeptRate),
    ]),
  };
}

export function funnelTable(report: MetricsReport): Table {
  const first = [...report.funnel].sort((a, b) => a.position - b.position)[0]?.reached ?? 0;
  return {
    header: ["Stage", "Kind", "Reached", "Share of the first stage"],
    rows: [...report.funnel]
      .sort((a, b) => a.position - b.position)
      .map((step) => [step.stageName, step.stageKind, step.reached, first > 0 ? fraction(step.reached / first) : null]),
  };
}

/** The exportable tables by the name in their URL (/metrics/export/<name>). */
export const REPORT_TABLES = {
  figures: headlineTable,
  "sla-attainment": slaTable,
  "time-in-stage": timeInStageTable,
  "decision-owners": decisionOwnersTable,
  "friction-tags": frictionTable,
  weekly: weeklyTable,
  funnel: funnelTable,
} satisfies Record<string, (report: MetricsReport) => Table>;
export type ReportTableName = keyof typeof REPORT_TABLES;
