// The "Decisions owed" table: who waits on a hiring manager, for what and how long, with a link straight to the part
// of the application page where the decision or the feedback is given.
import { Link } from "@remix-run/react";
import { relativeDue } from "~/components/sla/due-text";
import { DateTime } from "~/components/ui/date-time";
import type { DecisionOwedKind, DecisionOwedRow } from "~/models/decisions-owed.server";

export const OWED_KIND_LABELS: Record<DecisionOwedKind, string> = {
  decision: "Stage decision",
  feedback: "Interview feedback",
};

/** "25 min", "7 h", "3 days": how long someone has waited, in whole units rounded down. */
export function waitedText(minutes: number): string {
  const whole = Math.floor(minutes);
  if (whole < 60) return `${whole} min`;
  if (whole < 48 * 60) return `${Math.floor(whole / 60)} h`;
  return `${Math.floor(whole / (24 * 60))} days`;
}

/** "due in 3 h" / "2 days overdue"; feedback rows name the decision the date belongs to. */
export function dueText(kind: DecisionOwedKind, dueAt: Date, now: Date): string {
  const relative = relativeDue(dueAt, now);
  const due = relative.startsWith("in ") ? `due ${relative}` : relative;
  return kind === "feedback" ? `decision ${due}` : due;
}

/** Where on the application page the owner acts: the stage card (move or reject) or the note form (feedback). */
export function actionHref(row: Pick<DecisionOwedRow, "applicationId" | "kind">): string {
  return `/applications/${row.applicationId}#${row.kind === "decision" ? "job-heading" : "note-heading"}`;
}

export function DecisionsOwedTable({
  rows,
  showOwner,
  now,
  timeZone,
}: {
  rows: DecisionOwedRow[];
  showOwner: boolean;
  now: string;
  timeZone: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table--stack decisions-table">
        <caption className="visually-hidden">Applications waiting on a decision or feedback, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Job and stage</th>
            <th scope="col">Waiting on</th>
            <th scope="col">Waiting for</th>
            {showOwner ? <th scope="col">Owner</th> : null}
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const overdue = row.dueAt !== null && new Date(row.dueAt) < new Date(now);
            return (
              <tr key={row.applicationId}>
                <th scope="row">
                  <Link to={`/applications/${row.applicationId}`}>{row.candidateName}</Link>
                </th>
                <td data-label="Job and stage">
                  {row.jobTitle}
                  <span className="muted small"> · {row.stageName}</span>
                </td>
                <td data-label="Waiting on">
                  {OWED_KIND_LABELS[row.kind]}
                  {row.dueAt ? (
                    <span className={`small decisions-table__due${overdue ? " decisions-table__due--overdue" : ""}`}>
                      {" "}
                      ({dueText(row.kind, new Date(row.dueAt), new Date(now))})
                    </span>
                  ) : null}
                </td>
                <td data-label="Waiting for">
                  <strong>{waitedText(row.waitingMinutes)}</strong>
                  <span className="muted small">
                    {" "}
                    since <DateTime value={row.waitingSince} timeZone={timeZone} />
                  </span>
                </td>
                {showOwner ? <td data-label="Owner">{row.ownerName ?? "No hiring manager"}</td> : null}
                <td>
                  <Link className="button button--small" to={actionHref(row)}>
                    {row.kind === "decision" ? "Decide" : "Give feedback"}
                    <span className="visually-hidden"> on {row.candidateName}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
