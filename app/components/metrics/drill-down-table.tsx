// The applications behind a dashboard figure: candidate (linking to the application), job, stage, status, when they
// applied and the figure's own detail ("waited 3 d 4 h").
import { Link } from "@remix-run/react";
import { APPLICATION_STATUS_LABELS } from "~/components/status-badges";
import { DateTime } from "~/components/ui/date-time";
import type { ApplicationStatus } from "~/domain/applications";
import type { DrillDownRow } from "~/models/metrics/drill-down.server";

export function statusLabel(status: string): string {
  return APPLICATION_STATUS_LABELS[status as ApplicationStatus] ?? status;
}

export function DrillDownTable({
  rows,
  caption,
  timeZone,
}: {
  rows: DrillDownRow[];
  caption: string;
  timeZone: string;
}) {
  // Some figures (all applications, hires) have no detail of their own: no empty column then.
  const details = rows.some((row) => row.detail !== null);
  return (
    <div className="table-wrap">
      <table className="table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Job</th>
            <th scope="col">Stage</th>
            <th scope="col">Status</th>
            <th scope="col">Applied</th>
            {details ? <th scope="col">Details</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.applicationId}>
              <th scope="row">
                <Link to={`/applications/${row.applicationId}`}>{row.candidateName}</Link>
              </th>
              <td data-label="Job">{row.jobTitle}</td>
              <td data-label="Stage">{row.stageName}</td>
              <td data-label="Status">{statusLabel(row.status)}</td>
              <td data-label="Applied">
                <DateTime value={row.appliedAt} timeZone={timeZone} />
              </td>
              {details ? <td data-label="Details">{row.detail ?? "–"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
