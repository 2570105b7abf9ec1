// The kept-promise record in a few lines, for the careers pages: the team's headline promise, how often it was kept
// in the last 90 days, and a link to the whole record (/promise).
import type { PromiseSummary } from "~/domain/public-promise/texts";

export function PromiseSummaryCard({ summary }: { summary: PromiseSummary }) {
  return (
    <section className="candidate-card" aria-labelledby="kept-promise-heading">
      <h2 id="kept-promise-heading">{summary.heading}</h2>
      <p className="candidate-promise__lead">{summary.promise}</p>
      {summary.kept ? <p>{summary.kept}</p> : null}
      <p>
        <a href={summary.href}>{summary.link}</a>
      </p>
    </section>
  );
}
