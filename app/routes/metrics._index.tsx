// The metrics dashboard (docs/metrics.md): how fast the process treats candidates, for the jobs the viewer may see
// (hiring managers: their own; recruiters and admins: all; interviewers: none). Filters are a GET form; every figure
// links to its drill-down and every table to its CSV; the charts are SVG rendered here on the server.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MetricsFilterForm } from "~/components/metrics/filter-form";
import { ImportanceSection } from "~/components/metrics/importance-section";
import { InterviewSection } from "~/components/metrics/interview-section";
import { filterSearch, parseFilters } from "~/components/metrics/filters";
import metricsStyles from "~/components/metrics/metrics.css?url";
import {
  CandidateVoice,
  DecisionOwnersTable,
  exportHref,
  HeadlineCards,
  SlaTable,
  TimeInStageTable,
} from "~/components/metrics/report-sections";
import { StageFunnel } from "~/components/metrics/stage-funnel";
import { WeeklyTrends } from "~/components/metrics/weekly-trends";
import { RouteError } from "~/components/route-error";
import { PageHeader } from "~/components/ui/page-header";
import { interviewFigures } from "~/models/metrics/interview-figures.server";
import { loadParity, PARITY_GROUPS, type ParityGroupBy } from "~/models/metrics/parity.server";
import { loadMetricsReport } from "~/models/metrics/report.server";
import { listMetricsFilterOptions } from "~/models/metrics-filter-options.server";
import { requireMetricsViewer } from "~/web/metrics-access.server";

export const meta: MetaFunction = () => [{ title: "Dashboard · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: metricsStyles }];

function parityGroup(value: string | null): ParityGroupBy {
  return (PARITY_GROUPS as readonly string[]).includes(value ?? "") ? (value as ParityGroupBy) : "workspace";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireMetricsViewer(request);
  const now = new Date();
  const searchParams = new URL(request.url).searchParams;
  const parsed = parseFilters(searchParams, now);
  const parityBy = parityGroup(searchParams.get("parityBy"));
  const options = await listMetricsFilterOptions(user);
  const page = { values: parsed.values, options, showHiringManager: user.role !== "hiring_manager", parityBy };
  if (!parsed.ok) {
    return data({ ...page, errors: parsed.errors, report: null, parity: null, interviews: null }, { status: 400 });
  }
  const [report, parity, interviews] = await Promise.all([
    loadMetricsReport(user, parsed.filters, now),
    loadParity(user, parsed.filters, parityBy, now),
    interviewFigures(user, parsed.filters),
  ]);
  return data({ ...page, errors: {}, report, parity, interviews });
}

export default function MetricsDashboard() {
  const { values, options, showHiringManager, errors, report, parity, parityBy, interviews } =
    useLoaderData<typeof loader>();
  const search = filterSearch(values);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="How quickly we answer, decide and close with candidates, and what they tell us about it."
      />
      <MetricsFilterForm
        values={values}
        errors={errors}
        options={options}
        showHiringManager={showHiringManager}
        keep={parityBy === "workspace" ? {} : { parityBy }}
      />
      {report ? (
        <>
          <p className="muted small metrics-window">
            Applications and promises that started from {values.from} to {values.to} (UTC days, both included).
          </p>
          <HeadlineCards report={report} search={search} />
          <SlaTable report={report} search={search} />
          <WeeklyTrends weekly={report.weekly} csvHref={exportHref("weekly", search)} />
          <StageFunnel funnel={report.funnel} csvHref={exportHref("funnel", search)} />
          <TimeInStageTable report={report} search={search} />
          <DecisionOwnersTable report={report} search={search} />
          {interviews ? <InterviewSection figures={interviews} /> : null}
          <CandidateVoice report={report} search={search} />
          {/* parity */}
          {parity ? <ImportanceSection rows={parity.rows} groupBy={parityBy} values={values} /> : null}
        </>
      ) : (
        <p className="alert alert--error" role="alert">
          Check the dates above: the figures need a start and an end date, the end on or after the start.
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
