import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ApplicationStatusBadge, APPLICATION_STATUS_LABELS } from "~/components/status-badges";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/applications";
import { listApplications } from "~/models/application-search.server";
import { getJob } from "~/models/job.server";
import { requireUser } from "~/web/auth.server";
import { RouteError } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Applications · Hearback" }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").trim().slice(0, 100);
  const jobId = params.get("job") || undefined;
  const requestedStatus = params.get("status") ?? "";
  const status = (APPLICATION_STATUSES as readonly string[]).includes(requestedStatus)
    ? (requestedStatus as ApplicationStatus)
    : undefined;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const [result, job] = await Promise.all([
    listApplications(user, { query, jobId, status, page, pageSize: PAGE_SIZE }),
    jobId ? getJob(jobId, user) : Promise.resolve(null),
  ]);
  return {
    ...result,
    query,
    status: status ?? "",
    job: job ? { id: job.id, title: job.title } : null,
    timeZone: user.timeZone,
    interviewer: user.role === "interviewer",
  };
}

export default function ApplicationsPage() {
  const { items, total, page, pageSize, pageCount, query, status, job, timeZone, interviewer } =
    useLoaderData<typeof loader>();
  const pageLink = (target: number) => {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    if (status) params.set("status", status);
    if (job) params.set("job", job.id);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `?${search}` : ".";
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <>
      <PageHeader
        title={job ? `Applications for ${job.title}` : interviewer ? "Your applications" : "Applications"}
        description={
          interviewer
            ? "The applications you are assigned to interview."
            : "Recent applications across your jobs, newest first."
        }
      />
      <Form method="get" className="filter-bar" role="search" aria-label="Search applications">
        {job ? <input type="hidden" name="job" value={job.id} /> : null}
        <div className="field field--grow">
          <label htmlFor="application-search">Name or email</label>
          <input id="application-search" type="search" name="q" defaultValue={query} />
        </div>
        <div className="field">
          <label htmlFor="application-status">Status</label>
          <select id="application-status" name="status" defaultValue={status}>
            <option value="">Any status</option>
            {APPLICATION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {APPLICATION_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
        {query || status || job ? <Link to=".">Clear</Link> : null}
      </Form>
      <p className="muted small" aria-live="polite">
        {total === 0
          ? query || status
            ? "No applications match."
            : interviewer
              ? "You are not assigned to any applications yet. Recruiters assign interviewers on the application page."
              : "No applications yet."
          : `Showing ${first}–${first + items.length - 1} of ${total} ${total === 1 ? "application" : "applications"}.`}
      </p>
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">Applications, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Job</th>
                <th scope="col">Stage</th>
                <th scope="col">Status</th>
                <th scope="col">Applied</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/applications/${item.id}`}>{item.candidate.name}</Link>
                    <div className="muted small">{item.candidate.email}</div>
                  </th>
                  <td data-label="Job">{item.job.title}</td>
                  <td data-label="Stage">{item.stage.name}</td>
                  <td data-label="Status">
                    <ApplicationStatusBadge status={item.status} />
                  </td>
                  <td data-label="Applied">
                    <DateTime value={item.appliedAt} timeZone={timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link to={pageLink(page + 1)} rel="next">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
