// The dashboard's interview figures: moves per hire, and how long candidates take to book offered times.
import type { InterviewFigures } from "~/models/metrics/interview-figures.server";
import { duration } from "./dashboard-figures";

export function InterviewSection({ figures }: { figures: InterviewFigures }) {
  const perHire = figures.reschedulesPerHire;
  return (
    <section className="card metrics-section" aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">Interviews</h2>
      <dl className="metrics-figures">
        <div>
          <dt>Interview moves per hire</dt>
          <dd>
            <strong>{perHire === null ? "–" : perHire.toFixed(1)}</strong>{" "}
            <span className="muted small">
              {figures.reschedules} moves across the interviews of {figures.hires} hires
            </span>
          </dd>
        </div>
        <div>
          <dt>From times offered to booked (median)</dt>
          <dd>
            <strong>{duration(figures.medianMinutesToBook)}</strong>{" "}
            <span className="muted small">
              90th percentile {duration(figures.p90MinutesToBook)}; {figures.booked} offers booked
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
