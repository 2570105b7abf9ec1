// The dashboard's first answer: are candidates treated as importantly as customers? One sentence per metric, with its
// verdict as a word and a colour (the colour only repeats the word), and where customer figures are missing, a link to
// enter them (or whom to ask).
import { Link } from "@remix-run/react";
import { VERDICT_TONE_LABELS, type Verdict } from "~/domain/metrics/verdict";

export const BENCHMARKS_HREF = "/settings/customer-benchmarks";

export function VerdictSection({
  verdicts,
  customerSources,
  canEnterBenchmarks,
}: {
  verdicts: Verdict[];
  /** Where the customer figures came from, one sentence per source. */
  customerSources: string[];
  canEnterBenchmarks: boolean;
}) {
  const noCustomerFigures = verdicts.every((verdict) => verdict.missing === "customer");
  const someMissing = verdicts.some((verdict) => verdict.missing === "customer");
  return (
    <section className="card metrics-section verdicts" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">Do candidates hear back as fast as customers?</h2>
      {noCustomerFigures ? (
        <p className="verdicts__empty">
          No customer-support figures have been entered yet, so candidates cannot be compared with customers.{" "}
          {canEnterBenchmarks ? (
            <Link to={BENCHMARKS_HREF}>Enter your customer figures</Link>
          ) : (
            "Ask an admin to enter your customer figures."
          )}
        </p>
      ) : (
        <>
          <ul className="verdicts__list">
            {verdicts.map((verdict) => (
              <li key={verdict.metric} className={`verdict verdict--${verdict.tone}`}>
                <span className="verdict__tone">{VERDICT_TONE_LABELS[verdict.tone]}</span>
                <span className="verdict__text">
                  <strong className="verdict__sentence">{verdict.sentence}</strong>
                  {verdict.detail ? <span className="verdict__detail">{verdict.detail}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {someMissing ? (
            <p className="muted small">
              Some customer figures are missing.{" "}
              {canEnterBenchmarks ? <Link to={BENCHMARKS_HREF}>Enter them</Link> : "Ask an admin to enter them."}
            </p>
          ) : null}
        </>
      )}
      <p className="muted small">
        Medians over this period, compared with your customer-support figures.{" "}
        <a href="#parity-heading">Compare by department, job or recruiter</a>.
      </p>
      {customerSources.length > 0 ? <p className="muted small">Customer figures: {customerSources.join(" ")}</p> : null}
    </section>
  );
}
