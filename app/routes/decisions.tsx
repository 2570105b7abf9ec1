// "Decisions owed": a hiring manager's own list of candidates waiting on their stage decision or interview feedback,
// oldest first; recruiters and admins see everyone's, with the owner and an owner filter. A plain GET form.
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DecisionsOwedTable } from "~/components/metrics/decisions-owed-table";
import metricsStyles from "~/components/metrics/metrics.css?url";
import { RouteError } from "~/components/route-error";
import { PageHeader } from "~/components/ui/page-header";
import { pageHref, PageLinks, requestedPage } from "~/components/ui/page-links";
import { listDecisionOwners, listDecisionsOwed } from "~/models/decisions-owed.server";
import { listJobs } from "~/models/job.server";
import { requireUser } from "~/web/auth.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Decisions owed · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: metricsStyles }];

/** The owner filter's value for "jobs without a hiring manager". */
const NO_OWNER = "none";

/** Rows a page: the longest waits first, the rest on the next pages. */
const PAGE_SIZE = 50;

// Unknown values are ignored rather than refused: a stale bookmark still shows the list.
const filterSchema = z.object({
  owner: z.string().min(1).max(100).optional().catch(undefined),
  job: z.string().min(1).max(100).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "interviewer") {
    throw new Response("Decisions owed are for hiring managers, recruiters and admins.", { status: 403 });
  }
  const params = new URL(request.url).searchParams;
  const filter = filterSchema.parse(Object.fromEntries(params));
  const page = requestedPage(params);
  const everyone = user.role !== "hiring_manager";
  const ownerId = !everyone || !filter.owner ? undefined : filter.owner === NO_OWNER ? null : filter.owner;
  const now = new Date();
  const [list, owners, jobs] = await Promise.all([
    listDecisionsOwed(user, { ownerId, jobId: filter.job }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, now),
    everyone ? listDecisionOwners(user) : Promise.resolve([]),
    listJobs(user),
  ]);
  // A page past the end (the list got shorter since the link was made) starts again at the first.
  const shownFilter = { owner: everyone ? (filter.owner ?? "") : "", job: filter.job ?? "" };
  if (page > 1 && list.rows.length === 0) throw redirect(`/decisions${pageHref(shownFilter, 1).replace(/^\.$/, "")}`);
  return {
    rows: list.rows,
    total: list.total,
    page,
    pageCount: Math.ceil(list.total / PAGE_SIZE),
    firstRow: (page - 1) * PAGE_SIZE + 1,
    everyone,
    owners,
    jobs: jobs.map(({ id, title }) => ({ id, title })),
    filter: shownFilter,
    now: now.toISOString(),
    timeZone: user.timeZone,
  };
}

export default function DecisionsPage() {
  const { rows, total, page, pageCount, firstRow, everyone, owners, jobs, filter, now, timeZone } =
    useLoaderData<typeof loader>();
  const filtered = Boolean(filter.owner || filter.job);
  return (
    <>
      <PageHeader
        title="Decisions owed"
        description={
          everyone
            ? "Candidates waiting on a hiring manager's stage decision or interview feedback, oldest first."
            : "Candidates waiting on your stage decision or your interview feedback, oldest first."
        }
      />
      <Form method="get" className="filter-bar" aria-label="Filter decisions owed">
        {everyone ? (
          <div className="field">
            <label htmlFor="decisions-owner">Owner</label>
            <select id="decisions-owner" name="owner" defaultValue={filter.owner}>
              <option value="">Everyone</option>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
              <option value={NO_OWNER}>No hiring manager</option>
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="decisions-job">Job</label>
          <select id="decisions-job" name="job" defaultValue={filter.job}>
            <option value="">All jobs</option>
            {jobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
        {filtered ? <Link to=".">Clear filters</Link> : null}
      </Form>
      {rows.length === 0 ? (
        <div className="card empty-state">
          <h2>{filtered ? "Nothing matches these filters" : "No decisions owed"}</h2>
          <p>
            Candidates appear here when a stage decision is due (its clock is running) or an interview has taken place
            and the hiring manager has not yet left feedback or moved the candidate on.
          </p>
        </div>
      ) : (
        <>
          <p className="muted small">
            {total > rows.length
              ? `${firstRow}–${firstRow + rows.length - 1} of ${total} candidates waiting, longest wait first.`
              : `${total} ${total === 1 ? "candidate is" : "candidates are"} waiting, longest wait first.`}
          </p>
          <DecisionsOwedTable rows={rows} showOwner={everyone} now={now} timeZone={timeZone} />
          <PageLinks page={page} pageCount={pageCount} hrefFor={(target) => pageHref(filter, target)} />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
