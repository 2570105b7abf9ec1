// Rejecting one candidate from the application page: the reason, the rejection email they get (the rejection templates
// in their language), a preview of that exact email with their merge fields and its send time, then the rejection.
// Without JavaScript "Preview email" is a plain submit that re-renders the page with the preview; with it the preview
// follows the chosen template inline. "Preview email" is the form's first button, so Enter previews, never rejects.
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { useValidatedForm } from "~/components/ui/validated-form";
import { REJECTION_REASONS, rejectFormSchema } from "~/domain/application-forms";
import type { FieldErrors } from "~/domain/forms";
import { rejectionSendNotice } from "~/domain/rejection-send-notice";
import type { RejectionPreview, RejectionTemplateChoice } from "~/models/single-rejection.server";

type Serialized<T> = { [Key in keyof T]: T[Key] extends Date ? Date | string : T[Key] };
export type ShownPreview = Serialized<RejectionPreview>;

type RejectFormProps = {
  templates: RejectionTemplateChoice[];
  defaultTemplateId: string | null;
  /** The viewer's time zone, for the preview's send time. */
  timeZone: string;
  now: Date | string;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  /** The preview the server rendered for a "Preview email" post (the page without JavaScript). */
  preview?: ShownPreview;
};

const str = (value: unknown) => (typeof value === "string" ? value : "");
type PreviewAnswer = { preview?: ShownPreview; errors?: FieldErrors };

export function RejectForm({ templates, defaultTemplateId, timeZone, now, errors, values, preview }: RejectFormProps) {
  const defaults = { reason: str(values?.reason), reasonDetail: str(values?.reasonDetail) };
  const form = useValidatedForm({ schema: rejectFormSchema, defaultValues: defaults, serverErrors: errors });
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "reject";
  const fetcher = useFetcher<PreviewAnswer>();
  const [templateId, setTemplateId] = useState(str(values?.templateId) || defaultTemplateId || "");
  const fetched = fetcher.data?.preview;
  const shown = [fetched, preview].find((candidate) => candidate?.templateId === templateId) ?? null;
  const previewError = fetcher.data?.errors?.templateId ?? fetcher.data?.errors?.form;
  const templateError = errors?.templateId ?? previewError;

  function showPreview(chosen: string) {
    if (!chosen) return;
    fetcher.submit({ intent: "preview-rejection", templateId: chosen }, { method: "post", preventScrollReset: true });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "preview-rejection") {
      event.preventDefault();
      showPreview(templateId);
      return;
    }
    form.onSubmit(event);
  }

  if (templates.length === 0) {
    return (
      <Alert tone="error">
        There is no rejection email in this candidate’s language or English, so they cannot be rejected from here: add a
        rejection template under Settings, Templates first.
      </Alert>
    );
  }

  const hasOtherErrors = errors && Object.keys(errors).some((key) => key !== "templateId");
  return (
    <details className="disclosure" open={Boolean(errors || preview) || undefined}>
      <summary>Reject…</summary>
      <Form method="post" noValidate onSubmit={onSubmit} className="disclosure__body reject-form" preventScrollReset>
        {hasOtherErrors || errors?.templateId ? (
          <Alert tone="error">{errors?.form ?? "Please correct the fields marked below."}</Alert>
        ) : null}
        <Field
          label="Reason"
          hint="Kept on the application; the email does not mention it."
          error={form.errorFor("reason")}
        >
          <select {...form.register("reason")} defaultValue={defaults.reason}>
            <option value="">Choose a reason</option>
            {REJECTION_REASONS.map((reason) => (
              <option key={reason.value} value={reason.value}>
                {reason.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Details" hint="Required when the reason is Other." error={form.errorFor("reasonDetail")}>
          <textarea {...form.register("reasonDetail")} defaultValue={defaults.reasonDetail} rows={2} />
        </Field>
        <Field label="Rejection email" error={templateError} hint="The rejection emails in the candidate’s language.">
          <select
            name="templateId"
            value={templateId}
            onChange={(event) => {
              setTemplateId(event.target.value);
              showPreview(event.target.value);
            }}
          >
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="row reject-form__buttons">
          <button type="submit" name="intent" value="preview-rejection" className="button button--secondary">
            {fetcher.state !== "idle" ? "Previewing…" : "Preview email"}
          </button>
          <button type="submit" name="intent" value="reject" className="button button--danger" disabled={busy}>
            {busy ? "Rejecting…" : "Confirm rejection"}
          </button>
        </div>
        <p className="small">
          This closes the application as rejected. The email goes at a humane time in the candidate’s own hours; until
          then you can undo.
        </p>
        <div aria-live="polite">{shown ? <EmailPreview preview={shown} timeZone={timeZone} now={now} /> : null}</div>
      </Form>
    </details>
  );
}

function EmailPreview({ preview, timeZone, now }: { preview: ShownPreview; timeZone: string; now: Date | string }) {
  const when = rejectionSendNotice({
    scheduledFor: new Date(preview.scheduledFor),
    candidateTimeZone: preview.candidateTimeZone,
    viewerTimeZone: timeZone,
    now: new Date(now),
  }).replace("The rejection email goes", "Rejected now, the email would go");
  return (
    <section className="reject-preview" aria-labelledby="reject-preview-heading">
      <h3 id="reject-preview-heading">The email the candidate will get</h3>
      {preview.problems.length > 0 ? (
        <Alert tone="error">
          This email cannot be sent to this candidate: {preview.problems.join(" ")} Choose another rejection email.
        </Alert>
      ) : null}
      <p className="small">{when}</p>
      <p>
        <strong>Subject:</strong> {preview.subject}
      </p>
      <iframe
        title={`Preview of the rejection email: ${preview.subject}`}
        className="email-preview reject-preview__frame"
        srcDoc={preview.html}
        sandbox=""
      />
      <details>
        <summary>Plain-text part</summary>
        <pre className="email-text">{preview.text}</pre>
      </details>
    </section>
  );
}
