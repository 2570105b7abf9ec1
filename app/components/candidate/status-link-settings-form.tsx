// Settings → Templates: how long a candidate's status link keeps working after the outcome.
import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";

export const STATUS_LINKS_INTENT = "status-links";

export function StatusLinkSettingsForm({
  daysAfterOutcome,
  errors,
  values,
}: {
  daysAfterOutcome: number;
  errors?: Record<string, string | undefined>;
  values?: Record<string, unknown>;
}) {
  return (
    <Form method="post" className="card" aria-labelledby="status-links-heading">
      <h2 id="status-links-heading">Status links</h2>
      <input type="hidden" name="intent" value={STATUS_LINKS_INTENT} />
      {errors ? <Alert tone="error">Nothing was saved: please correct the field marked below.</Alert> : null}
      <Field
        label="Days the status page stays after the outcome"
        hint="After a decision or withdrawal the candidate's link keeps working this many days, then the page is gone. Candidates can ask for deletion sooner."
        error={errors?.daysAfterOutcome}
      >
        <input
          type="number"
          name="daysAfterOutcome"
          defaultValue={String(values?.daysAfterOutcome ?? daysAfterOutcome)}
          min={1}
          max={3650}
          step={1}
          required
        />
      </Field>
      <button type="submit" className="button">
        Save status link settings
      </button>
    </Form>
  );
}
