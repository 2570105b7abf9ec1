// The metrics dashboard (docs/metrics.md): first the answer to the product's question (do candidates hear back as fast
// as customers?), then the key figures with their targets and eight-week trends, the funnel of each job, and the
// tables behind them — for the jobs the viewer may see (hiring managers: their own; recruiters and admins: all;
// interviewers: none). Filters are a GET form; every figure links to its drill-down and every table to its CSV; the
// drawings are SVG or plain HTML rendered here on the server. The loader sends only what the page shows.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MetricsFilterForm } from "~/components/metrics/filter-form";
import { ImportanceSection } from "~/components/metrics/importance-section";
import { InterviewSection } from "~/components/metrics/interview-section";
import { filterSearch, parseFilters } from "~/components/metrics/filters";
import { JobFunnels, MAX_FUNNELS } from "~/components/metrics/job-funnels";
import { KeyFigures } from "~/components/metrics/key-figures";
import metricsStyles from "~/components/metrics/metrics.css?url";
import type { ParityTableRow } from "~/components/metrics/parity-table";
import {
  CandidateVoice,
  DecisionOwnersTable,
  exportHref,
  SlaTable,
  TimeInStageTable,
} from "~/components/metrics/report-sections";
import { VerdictSection } from "~/components/metrics/verdict-section";
import { provenanceSentence } from "~/domain/metrics/helpdesk-import/provenance";
import { RouteError } from "~/components/route-error";
import { PageHeader } from "~/components/ui/page-header";
import { verdicts } from "~/domain/metrics/verdict";
import { interviewFigures } from "~/models/metrics/interview-figures.server";
import { loadParity, PARITY_GROUPS, type ParityGroupBy, type ParityReport } from "~/models/metrics/parity.server";
import { funnelByJob } from "~/models/metrics/pipeline-figures.server";
import { loadMetricsReport } from "~/models/metrics/report.server";
import { weeklySeries } from "~/models/metrics/weekly-series.server";
import { listMetricsFilterOptions } from "~/models/metrics-filter-options.server";
import { requireMetricsViewer } from "~/web/metrics-access.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Dashboard · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: metricsStyles }];

function parityGroup(value: string | null): ParityGroupBy {
  return (PARITY_GROUPS as readonly string[]).includes(value ?? "") ? (value as ParityGroupBy) : "workspace";
}

/** The parity table's rows as the page shows them: the figures only, not the customer figures' provenance. */
function parityRows(parity: ParityReport): ParityTableRow[] {
  return parity.rows.map((row) => ({
    key: row.key,
    label: row.label,
    metrics: row.metrics.map((metric) => ({
      metric: metric.metric,
      candidate: {
        attainment: metric.candidate.attainment,
        medianMinutes: metric.candidate.medianMinutes,
        targetMinutes: metric.candidate.targetMinutes,
        count: metric.candidate.count,
      },
      customer: metric.customer
        ? {
            attainment: metric.customer.attainment,
            medianMinutes: metric.customer.medianMinutes,
            targetMinutes: metric.customer.targetMinutes,
          }
        : null,
      attainmentIndex: metric.attainmentIndex,
      medianRatio: metric.medianRatio,
      verdict: metric.verdict,
      attainmentSentence: metric.attainmentSentence,
    })),
  }));
}

/** Where the workspace's customer figures came from, one sentence per distinct source ("Imported from Zendesk export,
 * 1,204 tickets 1 Sep–30 Nov 2026, … on 6 Dec 2026 by Priya Raman."). */
function customerSources(workspace: ParityReport["rows"][number]["metrics"], timeZone: string): string[] {
  const sentences = workspace.flatMap((metric) =>
    metric.customer ? [provenanceSentence(metric.customer.provenance, timeZone)] : [],
  );
  return [...new Set(sentences)];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireMetricsViewer(request);
  const now = new Date();
  const searchParams = new URL(request.url).searchParams;
  const parsed = parseFilters(searchParams, now);
  const parityBy = parityGroup(searchParams.get("parityBy"));
  const options = await listMetricsFilterOptions(user);
  const page = {
    values: parsed.values,
    options,
    showHiringManager: user.role !== "hiring_manager",
    canEnterBenchmarks: user.role === "admin",
    parityBy,
  };
  if (!parsed.ok) {
    return data({ ...page, errors: parsed.errors, dashboard: null }, { status: 400 });
  }
  const filters = parsed.filters;
  const [report, parity, grouped, weekly, funnels, interviews] = await Promise.all([
    loadMetricsReport(user, filters, now),
    loadParity(user, filters, "workspace", now),
    parityBy === "workspace" ? null : loadParity(user, filters, parityBy, now),
    weeklySeries(user, filters, now),
    funnelByJob(user, filters),
    interviewFigures(user, filters),
  ]);
  const workspace = parity.rows[0]?.metrics ?? [];
  const side = (metric: "first_reply" | "next_reply" | "resolution") => {
    const figures = workspace.find((entry) => entry.metric === metric);
    return {
      candidate: figures?.candidate ?? { attainment: null, medianMinutes: null, targetMinutes: null },
      customer: figures?.customer ?? null,
    };
  };
  // The report's funnel and weekly points are the API's and the exports'; the page draws its own.
  const { funnel: _funnel, weekly: _weekly, ...shown } = report;
  return data({
    ...page,
    errors: {},
    dashboard: {
      report: shown,
      verdicts: verdicts({
        first_reply: side("first_reply"),
        next_reply: side("next_reply"),
        resolution: side("resolution"),
      }),
      targets: {
        firstResponseMinutes: side("first_reply").candidate.targetMinutes ?? null,
        nextResponseMinutes: side("next_reply").candidate.targetMinutes ?? null,
      },
      weekly,
      funnels: funnels.slice(0, MAX_FUNNELS),
      funnelJobs: funnels.length,
      parity: parityRows(grouped ?? parity),
      customerSources: customerSources(workspace, user.timeZone),
      interviews,
    },
  });
}

export default function MetricsDashboard() {
  const { values, options, showHiringManager, canEnterBenchmarks, errors, dashboard, parityBy } =
    useLoaderData<typeof loader>();
  const search = filterSearch(values);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Whether candidates hear back as fast as customers, and how quickly we answer, decide and close."
      />
      <MetricsFilterForm
        values={values}
        errors={errors}
        options={options}
        showHiringManager={showHiringManager}
        keep={parityBy === "workspace" ? {} : { parityBy }}
      />
      {dashboard ? (
        <>
          <p className="muted small metrics-window">
            Applications and promises that started from {values.from} to {values.to} (UTC days, both included).
          </p>
          <VerdictSection
            verdicts={dashboard.verdicts}
            customerSources={dashboard.customerSources}
            canEnterBenchmarks={canEnterBenchmarks}
          />
          <KeyFigures report={dashboard.report} weekly={dashboard.weekly} targets={dashboard.targets} search={search} />
          <JobFunnels
            jobs={dashboard.funnels}
            total={dashboard.funnelJobs}
            values={values}
            csvHref={exportHref("funnel", search)}
          />
          <SlaTable report={dashboard.report} search={search} />
          <TimeInStageTable report={dashboard.report} search={search} />
          <DecisionOwnersTable report={dashboard.report} search={search} />
          <InterviewSection figures={dashboard.interviews} />
          <CandidateVoice report={dashboard.report} search={search} />
          <ImportanceSection rows={dashboard.parity} groupBy={parityBy} values={values} />
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
