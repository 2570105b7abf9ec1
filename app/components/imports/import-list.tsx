// The latest confirmed imports with where each stands, on the Import page.
import { Link } from "@remix-run/react";
import { DateTime } from "~/components/ui/date-time";
import type { ImportProgress } from "~/models/imports/progress.server";
import { IMPORT_STATUS_LABELS } from "./import-status";

type Listed = Omit<ImportProgress, "createdAt" | "finishedAt" | "errors"> & {
  createdAt: string | Date;
  errors: unknown[];
};

export function ImportList({ imports }: { imports: Listed[] }) {
  if (imports.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="imports-heading">
      <h2 id="imports-heading">Recent imports</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Started</th>
              <th scope="col">Status</th>
              <th scope="col">Rows</th>
              <th scope="col">Created</th>
              <th scope="col">Updated</th>
              <th scope="col">Unchanged</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((one) => (
              <tr key={one.id}>
                <td>
                  <Link to={`/jobs/import/${one.id}`}>{one.fileName}</Link>
                </td>
                <td>
                  <DateTime value={one.createdAt} />
                  {one.createdBy ? <span className="muted"> by {one.createdBy}</span> : null}
                </td>
                <td>{IMPORT_STATUS_LABELS[one.status as keyof typeof IMPORT_STATUS_LABELS] ?? one.status}</td>
                <td>
                  {one.done.toLocaleString("en")} of {one.total.toLocaleString("en")}
                </td>
                <td>{one.created.toLocaleString("en")}</td>
                <td>{one.updated.toLocaleString("en")}</td>
                <td>{one.skipped.toLocaleString("en")}</td>
                <td>{one.errors.length.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
