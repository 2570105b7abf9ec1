// The key figures: each with its value for the period, its target, a small trend of the last eight weeks and the
// applications behind it; then what stands open right now (target: none), which has no weekly history to draw.
import { Link } from "@remix-run/react";
import { formatDuration, ratio } from "~/domain/metrics/figures";
import { weekDay } from "~/domain/metrics/trend";
import { SLA_METRICS } from "~/domain/sla/types";
import type { WeeklySeriesPoint } from "~/models/metrics/weekly-series.server";
import { duration, percent, type DashboardReport } from "./dashboard-figures";
import { drillDownHref, exportHref } from "./report-sections";
import { CsvLink } from "./csv-link";
import { TrendBars } from "./trend-bars";
import type { DrillDown } from "~/domain/metrics/drill-downs";

export type Targets = { firstResponseMinutes: number | null; nextResponseMinutes: number | null };

type KeyFigure = {
  id: string;
  label: string;
  value: string;
  target: string;
  detail: string;
  trend: (number | null)[];
  format: (value: number) => string;
  max?: number;
  drillDown: DrillDown;
  linkText: string;
};

function within(minutes: number | null): string {
  return minutes === null ? "" : ` within ${formatDuration(minutes)}`;
}

function figures(report: DashboardReport, weekly: WeeklySeriesPoint[], targets: Targets): KeyFigure[] {
  const first = report.sla.first_response;
  const next = report.sla.next_response;
  const share = (value: number) => percent(value);
  return [
    {
      id: "first-response",
      label: "Time to first response",
      value: duration(first.medianMinutes),
      target:
        targets.firstResponseMinutes === null
          ? "No target set"
          : `Target: ${formatDuration(targets.firstResponseMinutes)}`,
      detail: `Median of ${first.count} · 90th percentile ${duration(first.p90Minutes)}`,
      trend: weekly.map((week) => week.firstResponseMedianMinutes),
      format: formatDuration,
      drillDown: { kind: "breached", metric: "first_response" },
      linkText: `See the ${first.breached} late`,
    },
    {
      id: "first-response-attainment",
      label: "First responses on time",
      value: percent(first.attainment),
      target: `Target: 100%${within(targets.firstResponseMinutes)}`,
      detail: `${first.met} of ${first.met + first.breached} in time`,
      trend: weekly.map((week) => ratio(week.firstResponseMet, week.firstResponseMet + week.firstResponseBreached)),
      format: share,
      max: 1,
      drillDown: { kind: "breached", metric: "first_response" },
      linkText: `See the ${first.breached} late`,
    },
    {
      id: "next-response-attainment",
      label: "Replies on time",
      value: percent(next.attainment),
      target: `Target: 100%${within(targets.nextResponseMinutes)}`,
      detail: `${next.met} of ${next.met + next.breached} replies to candidates in time`,
      trend: weekly.map((week) => ratio(week.nextResponseMet, week.nextResponseMet + week.nextResponseBreached)),
      format: share,
      max: 1,
      drillDown: { kind: "breached", metric: "next_response" },
      linkText: `See the ${next.breached} late`,
    },
    {
      id: "promise-kept",
      label: "Promises kept",
      value: percent(report.promiseKept.rate),
      target: "Target: 100%",
      detail: `${report.promiseKept.kept} of ${report.promiseKept.shown} “hear back by” dates met`,
      trend: weekly.map((week) => ratio(week.promisesKept, week.promisesShown)),
      format: share,
      max: 1,
      drillDown: { kind: "promises_broken" },
      linkText: "See the promises missed",
    },
    {
      id: "closure-rate",
      label: "Rejected candidates told",
      value: percent(report.closureRate.rate),
      target: "Target: 100%",
      detail: `${report.closureRate.told} of ${report.closureRate.rejected} rejections`,
      trend: weekly.map((week) => ratio(week.told, week.rejected)),
      format: share,
      max: 1,
      drillDown: { kind: "rejected_not_told" },
      linkText: `See the ${report.closureRate.rejected - report.closureRate.told} not told`,
    },
    {
      id: "applications",
      label: "Applications",
      value: String(report.applications),
      target: "No target: how many applied",
      detail: "Applied in this period",
      trend: weekly.map((week) => week.applications),
      format: (value) => String(value),
      drillDown: { kind: "applications" },
      linkText: "See the applications",
    },
  ];
}

export function KeyFigures({
  report,
  weekly,
  targets,
  search,
}: {
  report: DashboardReport;
  weekly: WeeklySeriesPoint[];
  targets: Targets;
  search: string;
}) {
  const owed = report.decisionsOwed.reduce((sum, owner) => sum + owner.count, 0);
  const overdue = SLA_METRICS.reduce((sum, metric) => sum + report.sla[metric].breachedNow, 0);
  const firstWeek = weekly[0]?.week;
  const lastWeek = weekly.at(-1)?.week;
  return (
    <section aria-labelledby="headlines-heading" className="metrics-section">
      <div className="metrics-section__head">
        <h2 id="headlines-heading">Key figures</h2>
        <CsvLink href={exportHref("figures", search)} label="key figures" />
      </div>
      <ul className="metric-cards">
        {figures(report, weekly, targets).map((figure) => (
          <li key={figure.id} className="metric-card">
            <h3 className="metric-card__label" id={`figure-${figure.id}`}>
              {figure.label}
            </h3>
            <div className="metric-card__row">
              <p className="metric-card__value">{figure.value}</p>
              <TrendBars values={figure.trend} format={figure.format} max={figure.max} />
            </div>
            <p className="metric-card__target">{figure.target}</p>
            <p className="metric-card__detail">{figure.detail}</p>
            <Link
              className="metric-card__link"
              to={drillDownHref(figure.drillDown, search)}
              aria-describedby={`figure-${figure.id}`}
            >
              {figure.linkText}
            </Link>
          </li>
        ))}
      </ul>
      {firstWeek && lastWeek ? (
        <p className="muted small">
          Bars: the last {weekly.length} weeks, weeks starting Monday in UTC, from {weekDay(firstWeek)} to the week of{" "}
          {weekDay(lastWeek)}; the darkest bar is the latest week, a grey dash a week without data.{" "}
          <Link to={exportHref("weekly", search)}>Weekly figures as CSV</Link>.
        </p>
      ) : null}
      <h3 className="metrics-now__heading">Right now</h3>
      <ul className="metrics-now">
        <li>
          <Link to={drillDownHref({ kind: "breached_now" }, search)}>
            <strong>{overdue}</strong> overdue promises
          </Link>
        </li>
        <li>
          <Link to={drillDownHref({ kind: "silent" }, search)}>
            <strong>{report.silentCandidates}</strong> silent candidates
          </Link>
        </li>
        <li>
          <Link to={drillDownHref({ kind: "decisions_owed" }, search)}>
            <strong>{owed}</strong> decisions owed
          </Link>
        </li>
        <li>
          <Link to={drillDownHref({ kind: "hired" }, search)}>
            Time to hire <strong>{duration(report.timeToHire.medianMinutes)}</strong>
          </Link>{" "}
          <span className="muted small">(median of {report.timeToHire.count})</span>
        </li>
      </ul>
      <p className="muted small">
        The target for what stands open is none: every overdue or silent candidate is one too many.
      </p>
    </section>
  );
}
