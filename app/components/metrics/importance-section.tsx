// The dashboard's Importance parity section: candidates beside customers (the table is parity-table.tsx), grouped as
// the viewer chooses with a small GET form that keeps the dashboard's other filters.
import { Form } from "@remix-run/react";
import { ParityTable, type ParityTableRow } from "./parity-table";
import { CsvLink } from "./csv-link";
import { filterSearch, type FilterValues } from "./filters";

export const PARITY_GROUP_LABELS = {
  workspace: "Whole workspace",
  department: "Department",
  job: "Job",
  recruiter: "Recruiter",
} as const;
export type ParityGroup = keyof typeof PARITY_GROUP_LABELS;

export function ImportanceSection({
  rows,
  groupBy,
  values,
}: {
  rows: ParityTableRow[];
  groupBy: ParityGroup;
  values: FilterValues;
}) {
  return (
    <section className="card metrics-section" aria-labelledby="parity-heading">
      <div className="metrics-section__head">
        <h2 id="parity-heading">Are candidates treated like customers?</h2>
        <CsvLink
          href={`/metrics/export/parity${filterSearch(values, { parityBy: groupBy })}`}
          label="the parity table"
        />
      </div>
      <Form method="get" className="filter-bar" aria-label="Compare candidates with customers by">
        {Object.entries(values).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <div className="field">
          <label htmlFor="metrics-parity-by">Compare by</label>
          <select id="metrics-parity-by" name="parityBy" defaultValue={groupBy}>
            {Object.entries(PARITY_GROUP_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Compare
        </button>
      </Form>
      {/* The wide table scrolls here, in a region keyboard users can focus (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="parity-scroll" role="region" aria-label="Candidates compared with customers" tabIndex={0}>
        <ParityTable rows={rows} groupLabel={groupBy === "workspace" ? undefined : PARITY_GROUP_LABELS[groupBy]} />
      </div>
    </section>
  );
}
