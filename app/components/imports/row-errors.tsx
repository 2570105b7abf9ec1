// The rows of an import that could not be read or applied: row number, column and reason, the first 200 listed.
import type { RowError } from "~/domain/imports/types";

const SHOWN = 200;

export function RowErrors({ errors, intro }: { errors: RowError[]; intro: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="stack" role="region" aria-labelledby="row-errors-heading">
      <h3 id="row-errors-heading">
        {errors.length.toLocaleString("en")} {errors.length === 1 ? "row" : "rows"} with errors
      </h3>
      <p>{intro}</p>
      {/* A table wider than a phone scrolls: keyboard users reach it by focusing the region. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Problems by row">
        <table className="row-errors">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN).map((error, index) => (
              <tr key={`${error.row}-${index}`}>
                <td>{error.row}</td>
                <td>{error.column || "—"}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > SHOWN ? (
        <p className="muted">
          And {(errors.length - SHOWN).toLocaleString("en")} more; correct these first and import the file again.
        </p>
      ) : null}
    </div>
  );
}
