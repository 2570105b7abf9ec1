// "Waiting on us": one row per application the user may see, led by its most urgent promise, 50 to a page by cursor,
// with search, job/recruiter/metric filters, mine/everyone for recruiters, and counts per risk that filter the list.
// Every control is a plain GET link or form. An interviewer sees the interview feedback they owe.
import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteError } from "~/components/route-error";
import { PageHeader } from "~/components/ui/page-header";
import { Pager, RiskLinks, ScopeLinks } from "~/components/waiting/waiting-filters";
import { WaitingTable, type WaitingTableClock, type WaitingTableRow } from "~/components/waiting/waiting-table";
import { SLA_METRIC_LABELS, SLA_METRICS } from "~/domain/sla/types";
import { WAITING_RISKS, WAITING_SEARCH_MAX } from "~/domain/sla/waiting";
import {
  decodeCursor,
  encodeCursor,
  getWaitingList,
  waitingJobOptions,
  type WaitingClock,
  type WaitingCursor,
  type WaitingRow,
} from "~/models/sla/waiting-list.server";
import { listUsersByRole } from "~/models/user.server";
import waitingStyles from "~/styles/waiting.css?url";
import { requireUser } from "~/web/auth.server";
import type { StaffPageHandle } from "~/web/staff-page-cache.server";

/** Read only from the database, the user and the clock: kept in memory until the next write or minute. */
export const handle: StaffPageHandle = { keptWhileUnchanged: true };

export const meta: MetaFunction = () => [{ title: "Waiting on us · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: waitingStyles }];

/** Rows per page. */
const PAGE_SIZE = 50;

// Unknown or malformed values are ignored rather than refused: a stale bookmark still shows the list. A search longer
// than the limit is cut to it.
const filterSchema = z.object({
  job: z.string().min(1).max(100).optional().catch(undefined),
  recruiter: z.string().min(1).max(100).optional().catch(undefined),
  metric: z.enum(SLA_METRICS).optional().catch(undefined),
  q: z
    .string()
    .transform((text) => text.trim().slice(0, WAITING_SEARCH_MAX))
    .optional()
    .catch(undefined),
  scope: z.enum(["mine", "everyone"]).optional().catch(undefined),
  risk: z.enum(WAITING_RISKS).optional().catch(undefined),
  after: z.string().max(100).optional().catch(undefined),
  before: z.string().max(100).optional().catch(undefined),
});

type Filters = { job: string; recruiter: string; metric: string; q: string; scope: string; risk: string };

/** This page's address with these filters (empty ones left out) and an optional cursor. */
function hrefFor(filters: Filters, cursor?: WaitingCursor | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (cursor) params.set(cursor.direction, encodeCursor(cursor));
  const query = params.toString();
  return query ? `?${query}` : ".";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  // Recruiters start on their own jobs; admins on everyone's. Others have no choice to make.
  const canScope = user.role === "recruiter" || user.role === "admin";
  const scope = canScope ? (parsed.scope ?? (user.role === "recruiter" ? "mine" : "everyone")) : undefined;
  const cursor = decodeCursor(parsed.after, "after") ?? decodeCursor(parsed.before, "before") ?? undefined;
  const ownFeedbackOnly = user.role === "interviewer";
  const [list, jobs, recruiters] = await Promise.all([
    getWaitingList(user, {
      jobId: parsed.job,
      recruiterId: parsed.recruiter,
      metric: parsed.metric,
      q: parsed.q || undefined,
      scope,
      risk: parsed.risk,
      cursor,
      limit: PAGE_SIZE,
      at: now,
    }),
    ownFeedbackOnly ? [] : waitingJobOptions(user),
    ownFeedbackOnly ? [] : listUsersByRole(["recruiter", "admin"]),
  ]);
  const filters: Filters = {
    job: parsed.job ?? "",
    recruiter: parsed.recruiter ?? "",
    metric: parsed.metric ?? "",
    q: parsed.q ?? "",
    // Kept in links only when it differs from the user's default, so the plain address stays the default view.
    scope: parsed.scope && canScope ? parsed.scope : "",
    risk: parsed.risk ?? "",
  };
  const riskLinks = [null, ...WAITING_RISKS].map((risk) => ({
    risk,
    count: risk ? list.counts[risk] : list.counts.total,
    href: hrefFor({ ...filters, risk: risk ?? "" }),
    current: (risk ?? "") === filters.risk,
  }));
  const scopeLinks = canScope
    ? (["mine", "everyone"] as const).map((option) => ({
        scope: option,
        href: hrefFor({ ...filters, scope: option }),
        current: option === scope,
      }))
    : [];
  return {
    rows: list.rows.map(tableRow),
    counts: list.counts,
    riskLinks,
    scopeLinks,
    scope: scope ?? null,
    previousHref: list.previous ? hrefFor(filters, list.previous) : null,
    nextHref: list.next ? hrefFor(filters, list.next) : null,
    filter: filters,
    jobs,
    recruiters: recruiters.map(({ id, name }) => ({ id, name })),
    now,
    timeZone: user.timeZone,
    ownFeedbackOnly,
  };
}

/** A row as the table shows it (ids of the candidate, the stage and the clocks, emails and start times stay here). */
function tableRow(row: WaitingRow) {
  const clock = ({ metric, dueAt, risk, interview, feedbackOwedBy }: WaitingClock) =>
    ({ metric, dueAt, risk, interview, feedbackOwedBy }) satisfies WaitingTableClock;
  return {
    applicationId: row.applicationId,
    candidate: { name: row.candidate.name, timeZone: row.candidate.timeZone },
    job: { id: row.job.id, title: row.job.title },
    stage: { name: row.stage.name },
    lead: clock(row.lead),
    others: row.others.map(clock),
  } satisfies WaitingTableRow;
}

export default function WaitingPage() {
  const { rows, counts, riskLinks, scopeLinks, scope, previousHref, nextHref, filter, jobs, recruiters, now } =
    useLoaderData<typeof loader>();
  const { timeZone, ownFeedbackOnly } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.job || filter.recruiter || filter.metric || filter.q || filter.risk);
  const shown = filter.risk ? counts[filter.risk as keyof typeof counts] : counts.total;
  return (
    <>
      <PageHeader
        title="Waiting on us"
        description={
          ownFeedbackOnly
            ? "The interviews you sat on whose feedback you still owe, soonest due first: the candidate’s next decision waits on it."
            : "Every candidate who is owed something by us — a first response, a reply, an update, a decision or interview feedback — one row each, most urgent first."
        }
      />
      <div className="waiting-controls">
        <RiskLinks links={riskLinks} />
        {scopeLinks.length > 0 ? <ScopeLinks links={scopeLinks} /> : null}
      </div>
      {ownFeedbackOnly ? null : (
        <Form method="get" className="filter-bar" aria-label="Filter the list">
          {filter.scope ? <input type="hidden" name="scope" value={filter.scope} /> : null}
          {filter.risk ? <input type="hidden" name="risk" value={filter.risk} /> : null}
          <div className="field">
            <label htmlFor="waiting-q">Candidate</label>
            <input
              id="waiting-q"
              name="q"
              type="search"
              defaultValue={filter.q}
              maxLength={WAITING_SEARCH_MAX}
              placeholder="Name or email"
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="waiting-job">Job</label>
            <select id="waiting-job" name="job" defaultValue={filter.job}>
              <option value="">All jobs</option>
              {jobs.map((job) => (
                <option key={job.id} value={job.id}>
                  {job.title}
                </option>
              ))}
            </select>
          </div>
          {scope === "mine" && !filter.recruiter ? null : (
            <div className="field">
              <label htmlFor="waiting-recruiter">Recruiter</label>
              <select id="waiting-recruiter" name="recruiter" defaultValue={filter.recruiter}>
                <option value="">Any recruiter</option>
                {recruiters.map((recruiter) => (
                  <option key={recruiter.id} value={recruiter.id}>
                    {recruiter.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="waiting-metric">What is owed</label>
            <select id="waiting-metric" name="metric" defaultValue={filter.metric}>
              <option value="">Anything</option>
              {SLA_METRICS.map((metric) => (
                <option key={metric} value={metric}>
                  {SLA_METRIC_LABELS[metric]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            Filter
          </button>
          {filtered ? <Link to={filter.scope ? `?scope=${filter.scope}` : "."}>Clear filters</Link> : null}
        </Form>
      )}
      <p className="muted small" aria-live="polite">
        {shown === 0
          ? null
          : `${shown} ${shown === 1 ? "application" : "applications"}${
              scope === "mine" ? " on your jobs" : ""
            }, most urgent first${shown > rows.length ? `, ${PAGE_SIZE} a page` : ""}.`}
      </p>
      {rows.length === 0 ? (
        <div className="card empty-state">
          <h2>{filtered ? "Nothing matches these filters" : "Nobody is waiting on us"}</h2>
          {ownFeedbackOnly ? (
            <p>
              When an interview you sat on ends, it is listed here until you record your feedback on the candidate’s
              page.
            </p>
          ) : scope === "mine" && !filtered ? (
            <p>
              No candidate on a job you recruit for is waiting on us. <Link to="?scope=everyone">See everyone’s</Link>.
            </p>
          ) : (
            <p>
              This page lists every candidate whose SLA clock is running: people who applied and have not heard from us,
              asked a question we have not answered, are due an update, wait for a stage decision, or whose interview
              feedback is not in yet. When you reply, decide or give feedback, their clock stops and they leave the
              list.
            </p>
          )}
        </div>
      ) : (
        <>
          <WaitingTable rows={rows} now={now} timeZone={timeZone} />
          <Pager previous={previousHref} next={nextHref} />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
