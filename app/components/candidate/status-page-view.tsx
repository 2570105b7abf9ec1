// The candidate's status page, from its view model (app/domain/status-page/view.ts): plain HTML that needs no
// JavaScript — headings for every section, the timeline as a list, messages behind native <details>.
import type { PromiseSummary } from "~/domain/public-promise/texts";
import type { StatusTimelineEntry, StatusView } from "~/domain/status-page/view";
import { CandidatePage } from "./candidate-page";
import { InterviewCardView } from "./interview-card";

export function StatusPageView({
  view,
  keptPromise = null,
}: {
  view: StatusView;
  /** How often the team kept its "hear back by" dates, when it published its record. */
  keptPromise?: PromiseSummary | null;
}) {
  return (
    <CandidatePage company={view.companyName} footer={<p>{view.footer}</p>}>
      <div className="candidate-intro">
        <h1>{view.heading}</h1>
        <p className="candidate-intro__company">{view.atCompany}</p>
      </div>

      {view.outcome ? (
        <section className="candidate-card candidate-card--outcome" aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">{view.outcome.heading}</h2>
          {view.outcome.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ) : null}

      {view.data ? (
        <section className="candidate-card" aria-labelledby="data-heading">
          <h2 id="data-heading">{view.data.heading}</h2>
          <p>{view.data.until}</p>
          <p>
            {view.data.sooner} <a href={view.data.soonerLink.href}>{view.data.soonerLink.label}</a>.
          </p>
        </section>
      ) : null}

      {view.offer ? (
        <section className="candidate-card candidate-card--offer" aria-labelledby="offer-heading">
          <h2 id="offer-heading">{view.offer.heading}</h2>
          <p>{view.offer.lead}</p>
          <p>
            <a className="button candidate-action__submit" href={view.offer.choose.href}>
              {view.offer.choose.label}
            </a>
          </p>
        </section>
      ) : null}

      {view.interviews ? (
        <section className="candidate-card candidate-card--interviews" aria-labelledby="interviews-heading">
          <h2 id="interviews-heading">{view.interviews.heading}</h2>
          {view.interviews.cards.map((card) => (
            <InterviewCardView key={card.id} card={card} />
          ))}
        </section>
      ) : null}

      {view.now ? (
        <section className="candidate-card candidate-card--now" aria-labelledby="now-heading">
          <h2 id="now-heading">{view.now.heading}</h2>
          <p className="candidate-stage">{view.now.plain}</p>
          <p className="candidate-muted">{view.now.stageName}</p>
          <p>{view.now.about}</p>
          <h3>{view.now.nextHeading}</h3>
          <p>{view.now.next}</p>
          <p>{view.now.duration}</p>
        </section>
      ) : null}

      {view.promise ? (
        <section
          className={`candidate-card candidate-promise candidate-promise--${view.promise.tone}`}
          aria-labelledby="promise-heading"
        >
          <h2 id="promise-heading">{view.promise.heading}</h2>
          {view.promise.lines.map((line, index) => (
            <p key={line} className={index === 0 ? "candidate-promise__lead" : undefined}>
              {line}
            </p>
          ))}
          {keptPromise?.kept ? (
            <p>
              {keptPromise.kept} <a href={keptPromise.href}>{keptPromise.link}</a>
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="candidate-card" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{view.contact.heading}</h2>
        <p className="candidate-contact">{view.contact.name}</p>
        <p>{view.contact.hint}</p>
      </section>

      <nav className="candidate-card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{view.actions.heading}</h2>
        <ul className="candidate-actions">
          {view.actions.links.map((link) => (
            <li key={link.key}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
        {view.actions.note ? <p>{view.actions.note}</p> : null}
      </nav>

      <section className="candidate-card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{view.timeline.heading}</h2>
        {view.timeline.entries.length === 0 ? (
          <p>{view.timeline.empty}</p>
        ) : (
          <ol className="candidate-timeline">
            {view.timeline.entries.map((entry) => (
              <TimelineItem key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </section>
    </CandidatePage>
  );
}

function TimelineItem({ entry }: { entry: StatusTimelineEntry }) {
  return (
    <li className="candidate-timeline__item">
      <p className="candidate-timeline__title">{entry.title}</p>
      <p className="candidate-muted">
        <time dateTime={entry.dateTime}>{entry.when}</time>
        {entry.detail ? <> · {entry.detail}</> : null}
      </p>
      {entry.body ? (
        <details className="candidate-timeline__message">
          <summary>{entry.body.summary}</summary>
          <div className="candidate-timeline__text">{entry.body.text}</div>
        </details>
      ) : null}
    </li>
  );
}
