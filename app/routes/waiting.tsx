// "Waiting on us": every running clock the user may see, soonest due first, with its risk in words and colour, and
// filters by job, recruiter and metric in a plain GET form. An interviewer sees the interview feedback they owe.
import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteError } from "~/components/route-error";
import { DueTime } from "~/components/sla/due-time";
import { FeedbackOwed } from "~/components/sla/feedback-owed";
import { RiskPill } from "~/components/sla/risk-pill";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { SLA_METRIC_LABELS, SLA_METRICS } from "~/domain/sla/types";
import { listJobs } from "~/models/job.server";
import { countQueueByRisk, getQueue } from "~/models/sla/queue.server";
import { listUsersByRole } from "~/models/user.server";
import waitingStyles from "~/styles/waiting.css?url";
import { requireUser } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "Waiting on us · Hearback" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: waitingStyles }];

/** Rows shown at most; the count says how many more there are. */
const QUEUE_LIMIT = 200;

// Unknown or malformed values are ignored rather than refused: a stale bookmark still shows the queue.
const filterSchema = z.object({
  job: z.string().min(1).max(100).optional().catch(undefined),
  recruiter: z.string().min(1).max(100).optional().catch(undefined),
  metric: z.enum(SLA_METRICS).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const queueFilter = { jobId: filter.job, recruiterId: filter.recruiter, metric: filter.metric, at: now };
  const [queue, counts, jobs, recruiters] = await Promise.all([
    getQueue(user, { ...queueFilter, limit: QUEUE_LIMIT }),
    countQueueByRisk(user, queueFilter),
    listJobs(user),
    listUsersByRole(["recruiter", "admin"]),
  ]);
  return {
    items: queue.items,
    total: queue.total,
    counts,
    filter: { job: filter.job ?? "", recruiter: filter.recruiter ?? "", metric: filter.metric ?? "" },
    jobs: jobs.map(({ id, title }) => ({ id, title })),
    recruiters: recruiters.map(({ id, name }) => ({ id, name })),
    now,
    timeZone: user.timeZone,
    ownFeedbackOnly: user.role === "interviewer",
  };
}

export default function WaitingPage() {
  const { items, total, counts, filter, jobs, recruiters, now, timeZone, ownFeedbackOnly } =
    useLoaderData<typeof loader>();
  const filtered = Boolean(filter.job || filter.recruiter || filter.metric);
  return (
    <>
      <PageHeader
        title="Waiting on us"
        description={
          ownFeedbackOnly
            ? "The interviews you sat on whose feedback you still owe, soonest due first: the candidate’s next decision waits on it."
            : "Every candidate who is owed something by us — a first response, a reply, an update, a decision or interview feedback — soonest due first."
        }
      />
      <ul className="risk-counts" aria-label="Clocks by risk">
        <li className="risk-counts__item risk-counts__item--breached">
          <strong>{counts.breached}</strong> overdue
        </li>
        <li className="risk-counts__item risk-counts__item--warning">
          <strong>{counts.warning}</strong> due soon
        </li>
        <li className="risk-counts__item risk-counts__item--fine">
          <strong>{counts.fine}</strong> on track
        </li>
      </ul>
      {ownFeedbackOnly ? null : (
        <Form method="get" className="filter-bar" aria-label="Filter the queue">
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
          {filtered ? <Link to=".">Clear filters</Link> : null}
        </Form>
      )}
      <p className="muted small" aria-live="polite">
        {total === 0
          ? null
          : total > items.length
            ? `Showing ${items.length} of ${total}, soonest due first. Narrow the list with the filters.`
            : `${total} ${total === 1 ? "clock" : "clocks"} running, soonest due first.`}
      </p>
      {items.length === 0 ? (
        <div className="card empty-state">
          <h2>{filtered ? "Nothing matches these filters" : "Nobody is waiting on us"}</h2>
          {ownFeedbackOnly ? (
            <p>
              When an interview you sat on ends, it is listed here until you record your feedback on the candidate’s
              page.
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
        <div className="table-wrap">
          <table className="table--stack waiting-table">
            <caption className="visually-hidden">Candidates waiting on us, soonest due first</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Job</th>
                <th scope="col">Stage</th>
                <th scope="col">What is owed</th>
                <th scope="col">Due</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={`waiting-row waiting-row--${item.risk}`}>
                  <th scope="row">
                    <Link to={`/applications/${item.applicationId}`}>{item.candidate.name}</Link>
                  </th>
                  <td data-label="Job">{item.job.title}</td>
                  <td data-label="Stage">{item.stage.name}</td>
                  <td data-label="What is owed">
                    {SLA_METRIC_LABELS[item.metric]}
                    {item.metric === "interviewer_feedback" ? (
                      <>
                        <br />
                        <FeedbackOwed interview={item.interview} owedBy={item.feedbackOwedBy} timeZone={timeZone} />
                      </>
                    ) : null}
                  </td>
                  <td data-label="Due">
                    <RiskPill risk={item.risk} /> <DueTime dueAt={item.dueAt} now={now} timeZone={timeZone} />
                  </td>
                  <td data-label="Started">
                    <DateTime value={item.startedAt} timeZone={timeZone} />
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
