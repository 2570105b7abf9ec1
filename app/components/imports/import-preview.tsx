// The dry run of an import: what it would create and change, the first rows as Hearback reads them, and every row it
// cannot read, with its row number, column and reason. Nothing has been written when this shows.
import type { PlanCounts } from "~/models/imports/plan.server";
import type { PreviewRow } from "~/models/imports/imports.server";
import type { RowError } from "~/domain/imports/types";
import { ImportFigures } from "./import-figures";
import { RowErrors } from "./row-errors";

const OUTCOME_LABELS = { active: "Active", rejected: "Rejected", hired: "Hired", withdrawn: "Withdrew" } as const;

function changeText({ row, change }: PreviewRow): string {
  switch (change.kind) {
    case "create":
      return row.outcome === "active"
        ? "New application"
        : `New application, ${OUTCOME_LABELS[row.outcome].toLowerCase()}`;
    case "update": {
      const parts = [
        change.move ? `moves to ${row.stage}` : null,
        change.decide ? OUTCOME_LABELS[row.outcome].toLowerCase() : null,
        change.tell ? "recorded as told" : null,
      ];
      const text = parts.filter(Boolean).join(", ");
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case "unchanged":
      return `No change: ${change.why}`;
  }
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "—");

function Counts({ counts, errors }: { counts: PlanCounts; errors: number }) {
  return (
    <ImportFigures
      figures={[
        { label: "new candidates", value: counts.newCandidates },
        { label: "new applications", value: counts.newApplications },
        { label: "updates", value: counts.updates },
        { label: "unchanged", value: counts.skipped },
        { label: "rows with errors", value: errors, alarming: true },
      ]}
    />
  );
}

export function ImportPreview({
  counts,
  rows,
  readable,
  errors,
}: {
  counts: PlanCounts;
  rows: PreviewRow[];
  readable: number;
  errors: RowError[];
}) {
  return (
    <section className="stack" aria-labelledby="preview-heading">
      <h2 id="preview-heading">What importing will do</h2>
      <Counts counts={counts} errors={errors.length} />
      {counts.newJobs.length > 0 ? (
        <p>
          New jobs (open, with the stages the file names): <strong>{counts.newJobs.join(", ")}</strong>.
        </p>
      ) : null}
      {counts.newStages.some((job) => !counts.newJobs.includes(job.job)) ? (
        <p>
          New stages in existing jobs:{" "}
          {counts.newStages
            .filter((job) => !counts.newJobs.includes(job.job))
            .map((job) => `${job.job}: ${job.stages.join(", ")}`)
            .join("; ")}
          .
        </p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <h3>
            The first {rows.length} of {readable.toLocaleString("en")} rows, as Hearback reads them
          </h3>
          {/* A table wider than a phone scrolls: keyboard users reach it by focusing the region. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="The first rows as read">
            <table className="import-rows">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Candidate</th>
                  <th scope="col">Job</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Status</th>
                  <th scope="col">Applied</th>
                  <th scope="col">Decided</th>
                  <th scope="col">What happens</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((one) => (
                  <tr key={one.row.row}>
                    <td>{one.row.row}</td>
                    <td>
                      {one.row.name}
                      <br />
                      <span className="muted small">{one.row.email}</span>
                    </td>
                    <td>{one.row.job}</td>
                    <td>{one.row.stage ?? <span className="muted">first stage</span>}</td>
                    <td>{OUTCOME_LABELS[one.row.outcome]}</td>
                    <td>{day(one.row.appliedAt)}</td>
                    <td>{one.row.outcome === "active" ? "—" : day(one.row.decidedAt)}</td>
                    <td>{changeText(one)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <RowErrors errors={errors} intro="These rows cannot be read; nothing will be imported for them:" />
    </section>
  );
}
