// Computing the customer figures from a helpdesk's ticket export (Zendesk, Freshdesk, Help Scout, Zammad, Chatwoot):
// a multipart post that works without JavaScript. A file with any unreadable ticket is refused whole, every problem
// listed by row; what was chosen besides the file is kept.
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { HELPDESK_VENDOR_LABELS, HELPDESK_VENDORS } from "~/domain/metrics/helpdesk-import/vendors";

export type HelpdeskImportValues = {
  vendor: string;
  from: string;
  to: string;
  firstReplyTargetMinutes: string;
  resolutionTargetMinutes: string;
};

type Props = { values: HelpdeskImportValues; errors?: string[]; maxMegabytes: number };

export function HelpdeskImportForm({ values, errors = [], maxMegabytes }: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "import-helpdesk";
  const hintId = "helpdesk-export-hint";
  const errorId = "helpdesk-export-errors";
  const invalid = errors.length > 0;
  return (
    <section className="card stack" aria-labelledby="helpdesk-import-heading">
      <h2 id="helpdesk-import-heading">Import from your helpdesk</h2>
      <p id={hintId} className="muted">
        Export your tickets as CSV from Zendesk, Freshdesk, Help Scout, Zammad or Chatwoot and choose the file: Hearback
        reads each ticket’s creation, first reply and resolution, and works out the first reply and resolution medians
        and the share of tickets answered within your targets. Where the export has business-hours times (Zendesk), they
        are used. At most {maxMegabytes} MB. Next reply is not in these exports; enter it above.
      </p>
      {invalid ? (
        <Alert tone="error">
          <p>The file was not imported; nothing was saved. Correct these problems and import it again:</p>
          <ul id={errorId}>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="helpdesk-file">Ticket export (CSV)</label>
            <input
              id="helpdesk-file"
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
              aria-invalid={invalid ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="helpdesk-vendor">Helpdesk</label>
            <select id="helpdesk-vendor" name="vendor" defaultValue={values.vendor}>
              <option value="">Tell from the file</option>
              {HELPDESK_VENDORS.map((vendor) => (
                <option key={vendor} value={vendor}>
                  {HELPDESK_VENDOR_LABELS[vendor]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="helpdesk-from">From (optional)</label>
            <input
              id="helpdesk-from"
              type="date"
              name="from"
              defaultValue={values.from}
              aria-describedby="helpdesk-period-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="helpdesk-to">To (optional)</label>
            <input
              id="helpdesk-to"
              type="date"
              name="to"
              defaultValue={values.to}
              aria-describedby="helpdesk-period-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="helpdesk-first-reply-target">First reply target (minutes)</label>
            <input
              id="helpdesk-first-reply-target"
              type="text"
              inputMode="numeric"
              name="firstReplyTargetMinutes"
              defaultValue={values.firstReplyTargetMinutes}
            />
          </div>
          <div className="field">
            <label htmlFor="helpdesk-resolution-target">Resolution target (minutes)</label>
            <input
              id="helpdesk-resolution-target"
              type="text"
              inputMode="numeric"
              name="resolutionTargetMinutes"
              defaultValue={values.resolutionTargetMinutes}
            />
          </div>
        </div>
        <p id="helpdesk-period-hint" className="muted small">
          Tickets created from the first to the last day (both included) count. Without dates: the last 90 days of the
          file.
        </p>
        <div className="row">
          <button type="submit" name="intent" value="import-helpdesk" className="button" disabled={busy}>
            Import export
          </button>
        </div>
      </Form>
    </section>
  );
}
