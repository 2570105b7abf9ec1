// Importing all customer figures at once from a CSV file (a multipart post that works without JavaScript). A file
// with any bad row is refused whole, and every problem is listed by row.
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";

export const BENCHMARK_TEMPLATE_PATH = "/settings/customer-benchmarks/template.csv";

export function ParityCsvImport({ errors = [], maxKilobytes }: { errors?: string[]; maxKilobytes: number }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "import";
  const hintId = "benchmark-csv-hint";
  const errorId = "benchmark-csv-errors";
  return (
    <section className="card stack" aria-labelledby="benchmark-import-heading">
      <h2 id="benchmark-import-heading">Import from a CSV file</h2>
      <p id={hintId} className="muted">
        One row per metric with the columns <code>metric,target_minutes,attainment,median_minutes</code> (and an
        optional <code>source</code>). Metrics are <code>first_reply</code>, <code>next_reply</code> and{" "}
        <code>resolution</code>; attainment as <code>0.95</code> or <code>95%</code>. At most {maxKilobytes} KB.{" "}
        <a href={BENCHMARK_TEMPLATE_PATH} download>
          Download the CSV template
        </a>
        .
      </p>
      {errors.length > 0 ? (
        <Alert tone="error">
          <p>The file was not imported; nothing was saved. Correct these rows and import it again:</p>
          <ul id={errorId}>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="benchmark-csv">CSV file</label>
          <input
            id="benchmark-csv"
            type="file"
            name="file"
            accept=".csv,text/csv"
            aria-describedby={errors.length > 0 ? `${hintId} ${errorId}` : hintId}
            aria-invalid={errors.length > 0 ? true : undefined}
          />
        </div>
        <div className="row">
          <button type="submit" name="intent" value="import" className="button button--secondary" disabled={busy}>
            Import file
          </button>
        </div>
      </Form>
    </section>
  );
}
