import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { JobStatusBadge } from "~/components/status-badges";
import { PageHeader } from "~/components/ui/page-header";
import { JOB_STATUS_LABELS, JOB_STATUSES } from "~/domain/jobs";
import { can } from "~/domain/permissions";
import { listJobs } from "~/models/job.server";
import { requireUser } from "~/web/auth.server";
import { RouteError } from "~/components/route-error";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Jobs · Hearback" }];

type JobStatus = (typeof JOB_STATUSES)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const requested = new URL(request.url).searchParams.get("status") ?? "";
  const status = (JOB_STATUSES as readonly string[]).includes(requested) ? (requested as JobStatus) : undefined;
  const jobs = await listJobs(user, { status });
  return {
    jobs,
    status: status ?? null,
    canManageJobs: can(user.role, "manage_jobs"),
    // Interviewers work from single applications, not pipelines.
    seesBoards: user.role !== "interviewer",
  };
}

export default function JobsPage() {
  const { jobs, status, canManageJobs, seesBoards } = useLoaderData<typeof loader>();
  const statusLabel = status ? JOB_STATUS_LABELS[status].toLowerCase() : "";
  return (
    <>
      <PageHeader
        title="Jobs"
        description={seesBoards ? "Every pipeline you work on." : "Jobs with applications you interview for."}
        actions={
          canManageJobs ? (
            <>
              <Link className="button button--secondary" to="/jobs/import">
                Import candidates
              </Link>
              <Link className="button" to="/jobs/new">
                New job
              </Link>
            </>
          ) : null
        }
      />
      <Form method="get" className="filter-bar" aria-label="Filter jobs">
        <div className="field">
          <label htmlFor="status-filter">Status</label>
          <select id="status-filter" name="status" defaultValue={status ?? ""}>
            <option value="">All statuses</option>
            {JOB_STATUSES.map((value) => (
              <option key={value} value={value}>
                {JOB_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>
      {jobs.length === 0 ? (
        <div className="card empty-state">
          <p>{status ? `No ${statusLabel} jobs.` : "No jobs yet."}</p>
          {canManageJobs && !status ? (
            <Link className="button" to="/jobs/new">
              Create the first job
            </Link>
          ) : null}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">
              {jobs.length} {statusLabel} {jobs.length === 1 ? "job" : "jobs"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Status</th>
                <th scope="col">Department</th>
                <th scope="col">Hiring manager</th>
                <th scope="col">Recruiter</th>
                <th scope="col" className="numeric">
                  Active applications
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    <Link to={seesBoards ? `/jobs/${job.id}` : `/applications?job=${job.id}`}>{job.title}</Link>
                    {job.location ? <div className="muted small">{job.location}</div> : null}
                  </th>
                  <td data-label="Status">
                    <JobStatusBadge status={job.status} />
                  </td>
                  <td data-label="Department">{job.department ?? <span className="muted">—</span>}</td>
                  <td data-label="Hiring manager">
                    {job.hiringManager?.name ?? <span className="muted">Not set</span>}
                  </td>
                  <td data-label="Recruiter">{job.recruiter?.name ?? <span className="muted">Not set</span>}</td>
                  <td data-label="Active applications" className="numeric">
                    {job.activeApplications}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
