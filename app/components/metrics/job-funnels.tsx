// The stage funnel, one per job (each job has its own pipeline): every stage as a full-width bar with its name and
// counts as text above it, in an ordered list, so the numbers never depend on the drawing. The jobs with the most
// applications come first; past MAX_FUNNELS the page says how many more there are and how to see one.
import { Link } from "@remix-run/react";
import type { JobFunnel } from "~/models/metrics/pipeline-figures.server";
import { CsvLink } from "./csv-link";
import { percent } from "./dashboard-figures";
import { filterSearch, type FilterValues } from "./filters";

export const MAX_FUNNELS = 6;

export function JobFunnels({
  jobs,
  total,
  values,
  csvHref,
}: {
  jobs: JobFunnel[];
  /** How many jobs had applications in the period (jobs may hold only the first MAX_FUNNELS). */
  total: number;
  values: FilterValues;
  csvHref: string;
}) {
  return (
    <section className="card metrics-section" aria-labelledby="funnel-heading">
      <div className="metrics-section__head">
        <h2 id="funnel-heading">Stage funnel, per job</h2>
        <CsvLink href={csvHref} label="the stage funnel" />
      </div>
      <p className="muted small">
        Applications in this period that reached each stage of their job, in pipeline order; skipped stages count as
        reached.
      </p>
      {jobs.length === 0 ? <p>No applications in this period for these filters.</p> : null}
      <div className="funnels">
        {jobs.map((job) => {
          const first = job.steps[0]?.reached ?? 0;
          return (
            <div key={job.jobId} className="funnel">
              <h3 className="funnel__job">
                {values.jobId === job.jobId ? (
                  job.jobTitle
                ) : (
                  <Link to={`/metrics${filterSearch({ ...values, jobId: job.jobId })}#funnel-heading`}>
                    {job.jobTitle}
                  </Link>
                )}{" "}
                <span className="muted small">
                  {job.applications} {job.applications === 1 ? "application" : "applications"}
                </span>
              </h3>
              <ol className="funnel__steps">
                {job.steps.map((step) => {
                  const share = first > 0 ? step.reached / first : null;
                  return (
                    <li key={step.position} className="funnel__step">
                      <span className="funnel__label">
                        <span className="funnel__stage">{step.stageName}</span>{" "}
                        <span className="funnel__count">
                          {step.reached}
                          {share === null ? "" : ` · ${percent(share)}`}
                        </span>
                      </span>
                      <span className="funnel__track" aria-hidden="true">
                        <span
                          className="funnel__bar"
                          style={{ width: `${share === null ? 0 : Math.round(share * 1000) / 10}%` }}
                        />
                      </span>
                    </li>
                  );
                })}
              </ol>
            </div>
          );
        })}
      </div>
      {total > jobs.length ? (
        <p className="muted small">
          Showing the {jobs.length} jobs with the most applications of {total}. Choose a job in the filters above to see
          its funnel.
        </p>
      ) : null}
    </section>
  );
}
