// The columns of an uploaded file and the Hearback field each is read as, correctable. Without JavaScript,
// "Update preview" posts the form; with it, choosing a field updates the preview at once.
import { Form, useSubmit } from "@remix-run/react";
import { useRef } from "react";
import { columnLetter, FIELD_LABELS } from "~/domain/imports/mapping";
import { IMPORT_FIELDS, type ColumnMapping, type DateOrder } from "~/domain/imports/types";

export type MappingFormProps = {
  headers: string[];
  samples: string[][];
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  acknowledge: boolean;
  readable: number;
  issues: string[];
  fieldErrors: Record<string, string>;
  busy: boolean;
};

export function MappingForm(props: MappingFormProps) {
  const { headers, samples, mapping, dateOrder, acknowledge, readable, issues, fieldErrors, busy } = props;
  const submit = useSubmit();
  const form = useRef<HTMLFormElement>(null);
  const remap = () => {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set("intent", "remap");
    submit(data, { method: "post", replace: true, preventScrollReset: true });
  };
  const canImport = issues.length === 0 && readable > 0;
  return (
    <Form method="post" ref={form} className="stack" aria-labelledby="mapping-heading" preventScrollReset>
      <h2 id="mapping-heading">Columns</h2>
      <p className="muted">
        Each column of the file, with a few of its values, and what Hearback reads it as. Correct any that are wrong;
        columns set to “Don’t import” are left out.
      </p>
      <div className="table-wrap">
        <table className="mapping-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Values in the file</th>
              <th scope="col">Read as</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((header, column) => {
              const name = `column.${column}`;
              const error = fieldErrors[name];
              return (
                <tr key={column}>
                  <th scope="row">
                    <span className="muted">{columnLetter(column)}</span> {header || <em>(no header)</em>}
                  </th>
                  <td className="mapping-table__samples">
                    {samples[column]?.join(" · ") || <span className="muted">empty</span>}
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`map-${column}`}>
                      Read column {columnLetter(column)} ({header || "no header"}) as
                    </label>
                    <select
                      id={`map-${column}`}
                      name={name}
                      defaultValue={mapping[String(column)] ?? ""}
                      onChange={remap}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `map-${column}-error` : undefined}
                    >
                      <option value="">Don’t import</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {FIELD_LABELS[field]}
                        </option>
                      ))}
                    </select>
                    {error ? (
                      <p className="field-error" id={`map-${column}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset className="stack">
        <legend>Dates such as 03/04/2026 mean</legend>
        <label className="checkbox">
          <input type="radio" name="dateOrder" value="mdy" defaultChecked={dateOrder === "mdy"} onChange={remap} />{" "}
          March 4 (month first, as in the US)
        </label>
        <label className="checkbox">
          <input type="radio" name="dateOrder" value="dmy" defaultChecked={dateOrder === "dmy"} onChange={remap} /> 3
          April (day first, as in Europe)
        </label>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" name="acknowledge" value="on" defaultChecked={acknowledge} /> Send the acknowledgement
        email to each new application that is still active
      </label>
      <p className="muted small">
        Otherwise an import sends no email: the rows are history, recorded with their own dates.
      </p>
      <div className="row">
        <button type="submit" name="intent" value="remap" className="button button--secondary" disabled={busy}>
          Update preview
        </button>
        <button type="submit" name="intent" value="confirm" className="button" disabled={busy || !canImport}>
          Import {readable.toLocaleString("en")} {readable === 1 ? "row" : "rows"}
        </button>
        <button type="submit" name="intent" value="discard" className="button button--secondary" formNoValidate>
          Discard
        </button>
      </div>
    </Form>
  );
}
