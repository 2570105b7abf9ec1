// The kept-promise record as people read it: the period and when it was computed, then each promise in plain words
// with how often it was kept (or that there are not enough applications yet), for the workspace and each job. The
// public page (/promise) and the preview in Settings → Public promise render exactly this.
import type { Locale } from "~/domain/i18n";
import type { PromiseScope, PublicPromiseRecord } from "~/domain/public-promise/record";
import { candidateDate, candidateDateTime } from "~/domain/messages/candidate-dates";
import { belowTarget, figureSentence, PROMISE_TEXTS } from "~/domain/public-promise/texts";

type Heading = "h2" | "h3";

/** The record as it arrives from a loader (dates as ISO text). */
export type RecordData = Omit<PublicPromiseRecord, "from" | "to" | "computedAt"> & {
  from: string | Date;
  to: string | Date;
  computedAt: string | Date;
};

function PromiseList({ scope, locale }: { scope: PromiseScope; locale: Locale }) {
  const t = PROMISE_TEXTS[locale];
  return (
    <ul className="promise-list">
      {scope.figures.map((figure) => (
        <li key={figure.promise} className="promise-list__item">
          <p className="promise-list__promise">{t.promise(figure.promise, scope.firstResponseTarget)}</p>
          <p className="promise-list__figure">
            {figure.rate === null ? null : <span className="promise-list__rate">{t.percent(figure.rate)} </span>}
            <span className="promise-list__measure">{t.measure[figure.promise]}. </span>
            {figureSentence(figure, locale)}
          </p>
          {belowTarget(figure) ? <p className="promise-list__below">{t.belowTarget}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function PromiseRecord({
  record,
  locale,
  heading,
  jobLinks = true,
}: {
  record: RecordData;
  locale: Locale;
  /** The level of the record's section headings (its jobs' are one below). */
  heading: Heading;
  /** Link each job to its careers page. */
  jobLinks?: boolean;
}) {
  const t = PROMISE_TEXTS[locale];
  const Section = heading;
  const Job = heading === "h2" ? "h3" : "h4";
  // Dates in UTC, as the window is counted; the year only when it is not the year the record was computed in.
  const computedAt = new Date(record.computedAt);
  const day = (at: Date) => candidateDate(at, locale, "UTC", computedAt);
  const last = new Date(new Date(record.to).getTime() - 1);
  return (
    <div className="promise-record">
      <p className="promise-record__period">
        {t.period(day(new Date(record.from)), day(last))}{" "}
        {t.computed(candidateDateTime(computedAt, locale, "UTC", computedAt))}
      </p>
      <section className="promise-record__scope" aria-labelledby="promise-workspace-heading">
        <Section id="promise-workspace-heading">{t.workspaceHeading}</Section>
        <PromiseList scope={record.workspace} locale={locale} />
      </section>
      {record.jobs.length > 0 ? (
        <section className="promise-record__scope" aria-labelledby="promise-jobs-heading">
          <Section id="promise-jobs-heading">{t.jobsHeading}</Section>
          {record.jobs.map((scope) => (
            <section
              key={scope.job!.id}
              className="promise-record__job"
              aria-labelledby={`promise-job-${scope.job!.id}`}
            >
              <Job id={`promise-job-${scope.job!.id}`}>{scope.job!.title}</Job>
              <PromiseList scope={scope} locale={locale} />
              {jobLinks ? (
                <p>
                  <a href={`/careers/${scope.job!.slug}?lang=${locale}`}>
                    {t.jobLink}
                    <span className="visually-hidden">: {scope.job!.title}</span>
                  </a>
                </p>
              ) : null}
            </section>
          ))}
        </section>
      ) : null}
      <p className="promise-record__method">{t.method}</p>
    </div>
  );
}
