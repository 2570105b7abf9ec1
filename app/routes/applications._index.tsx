import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ApplicationStatusBadge, APPLICATION_STATUS_LABELS } from "~/components/status-badges";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { pageHref, PageLinks, requestedPage } from "~/components/ui/page-links";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/applications";
import { listApplications } from "~/models/application-search.server";
import { getJob } from "~/models/job.server";
import { requireUser } from "~/web/auth.server";
import { RouteError } from "~/components/route-error";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

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
  const page = requestedPage(params);
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
  const pageLink = (target: number) => pageHref({ q: query, status, job: job?.id ?? "" }, target);
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
      <PageLinks page={page} pageCount={pageCount} hrefFor={pageLink} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
