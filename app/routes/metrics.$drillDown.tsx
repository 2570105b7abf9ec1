// A dashboard figure's drill-down: the applications behind it, with the dashboard's filters, 50 to a page, each
// linking to its application page, plus the whole list as CSV.
import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CsvLink } from "~/components/metrics/csv-link";
import { drillDownTitle } from "~/components/metrics/dashboard-figures";
import { DrillDownTable } from "~/components/metrics/drill-down-table";
import { filterSearch, parseFilters } from "~/components/metrics/filters";
import metricsStyles from "~/components/metrics/metrics.css?url";
import { exportHref } from "~/components/metrics/report-sections";
import { RouteError } from "~/components/route-error";
import { PageHeader } from "~/components/ui/page-header";
import { parseDrillDown } from "~/domain/metrics/drill-downs";
import { listDrillDown } from "~/models/metrics/drill-down.server";
import { requireMetricsViewer } from "~/web/metrics-access.server";

const PAGE_SIZE = 50;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? drillDownTitle(data.drillDown) : "Drill-down"} · Dashboard · Hearback` },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: metricsStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireMetricsViewer(request);
  const drillDown = parseDrillDown(params.drillDown ?? "");
  if (!drillDown) throw new Response("There is no such figure.", { status: 404 });
  const searchParams = new URL(request.url).searchParams;
  const now = new Date();
  const parsed = parseFilters(searchParams, now);
  if (!parsed.ok) throw new Response("Check the dates: the end must be on or after the start.", { status: 400 });
  const pageNumber = Math.max(1, Math.min(10_000, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1));
  const { total, rows } = await listDrillDown(
    user,
    parsed.filters,
    drillDown,
    { limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE },
    now,
  );
  return { drillDown, values: parsed.values, total, rows, pageNumber, timeZone: user.timeZone };
}

export default function DrillDownPage() {
  const { drillDown, values, total, rows, pageNumber, timeZone } = useLoaderData<typeof loader>();
  const search = filterSearch(values);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (pageNumber - 1) * PAGE_SIZE + 1;
  return (
    <>
      <p className="small">
        <Link to={`/metrics${search}`}>← Back to the dashboard</Link>
      </p>
      <PageHeader
        title={drillDownTitle(drillDown)}
        description={`From ${values.from} to ${values.to} (UTC days, both included), with the dashboard's filters.`}
        actions={<CsvLink href={exportHref(drillDown, search)} label={drillDownTitle(drillDown)} />}
      />
      {rows.length === 0 ? (
        <div className="card empty-state">
          <h2>No applications</h2>
          <p>
            {total > 0 ? "This page is past the end of the list." : "Nothing behind this figure for these filters."}
          </p>
        </div>
      ) : (
        <>
          <p className="muted small">
            {total > rows.length
              ? `Showing ${first}–${first + rows.length - 1} of ${total}.`
              : `${total} ${total === 1 ? "application" : "applications"}.`}
          </p>
          <DrillDownTable rows={rows} caption={drillDownTitle(drillDown)} timeZone={timeZone} />
        </>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          {pageNumber > 1 ? (
            <Link to={filterSearch(values, { page: String(pageNumber - 1) })} rel="prev">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {pageNumber} of {pages}
          </span>
          {pageNumber < pages ? (
            <Link to={filterSearch(values, { page: String(pageNumber + 1) })} rel="next">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
