// The rows of "Waiting on us": one per application, its most urgent promise deciding the risk and due time, the other
// things owed listed compactly beneath it. Feedback clocks name the interview and who owes it.
import { Link } from "@remix-run/react";
import { DueTime } from "~/components/sla/due-time";
import { relativeDue } from "~/components/sla/due-text";
import { FeedbackOwed } from "~/components/sla/feedback-owed";
import { RiskPill } from "~/components/sla/risk-pill";
import { SLA_METRIC_LABELS, type SlaMetric } from "~/domain/sla/types";

type Instant = Date | string;
type Risk = "breached" | "warning" | "fine";

export type WaitingTableClock = {
  metric: SlaMetric;
  dueAt: Instant;
  risk: Risk;
  interview: { kind: string; startsAt: Instant | null } | null;
  feedbackOwedBy: { id: string; name: string }[];
};

/** What a row shows, and no more: the page's data travels twice (as HTML and for hydration). */
export type WaitingTableRow = {
  applicationId: string;
  candidate: { name: string; timeZone: string };
  job: { id: string; title: string };
  stage: { name: string };
  lead: WaitingTableClock;
  others: WaitingTableClock[];
};

type Props = { rows: WaitingTableRow[]; now: Instant; timeZone: string };

export function WaitingTable({ rows, now, timeZone }: Props) {
  return (
    <div className="table-wrap">
      <table className="table--stack waiting-table">
        <caption className="visually-hidden">Candidates waiting on us, soonest due first</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Job and stage</th>
            <th scope="col">What is owed</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.applicationId} className={`waiting-row waiting-row--${row.lead.risk}`}>
              <th scope="row">
                <Link to={`/applications/${row.applicationId}`}>{row.candidate.name}</Link>
              </th>
              <td data-label="Job">
                {row.job.title}
                <span className="waiting-stage muted small">{row.stage.name}</span>
              </td>
              <td data-label="What is owed">
                {SLA_METRIC_LABELS[row.lead.metric]}
                {row.lead.metric === "interviewer_feedback" ? (
                  <>
                    <br />
                    <FeedbackOwed interview={row.lead.interview} owedBy={row.lead.feedbackOwedBy} timeZone={timeZone} />
                  </>
                ) : null}
                {row.others.length > 0 ? <AlsoOwed clocks={row.others} now={now} timeZone={timeZone} /> : null}
              </td>
              <td data-label="Due">
                <RiskPill risk={row.lead.risk} />{" "}
                <DueTime
                  dueAt={row.lead.dueAt}
                  now={now}
                  timeZone={timeZone}
                  candidateTimeZone={row.candidate.timeZone}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The other running clocks of a row: what, and when, in a few words each. */
function AlsoOwed({ clocks, now, timeZone }: { clocks: WaitingTableClock[]; now: Instant; timeZone: string }) {
  return (
    <ul className="also-owed small" aria-label="Also owed">
      {clocks.map((clock, index) => (
        // The others are in a fixed order (most urgent first) and never reordered in place.
        <li key={index} className={`also-owed__item also-owed__item--${clock.risk}`}>
          Also: {SLA_METRIC_LABELS[clock.metric]}, {relativeDue(new Date(clock.dueAt), new Date(now))}
          {clock.metric === "interviewer_feedback" ? (
            <>
              {" "}
              (<FeedbackOwed interview={clock.interview} owedBy={clock.feedbackOwedBy} timeZone={timeZone} />)
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
