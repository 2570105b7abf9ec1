// The message editor of the template editor and the composer: subject and Markdown body with merge fields, the
// compassion check and a preview. A plain form (Check and the submit button work without JavaScript); with
// JavaScript the check and preview follow typing and the merge-field buttons insert at the cursor.
import { Form, useFetcher, useFormAction } from "@remix-run/react";
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { Field } from "~/components/ui/field";
import { MERGE_TOKENS } from "~/domain/templates/kinds";
import type { LintResult } from "~/domain/templates/lint";
import type { FieldErrors } from "~/domain/forms";
import { useHydrated } from "~/components/ui/use-hydrated";
import { LintPanel } from "./lint-panel";

export type EmailPreview = { subject: string; text: string; html: string } | null;
export type EditorState = {
  values: { subject: string; body: string };
  lint: LintResult;
  preview: EmailPreview;
  /** Messages per field ("subject", "body"; "form" for the whole). */
  errors?: FieldErrors;
};

const CHECK_DELAY_MS = 400;

export type EditorProps = {
  state: EditorState;
  busy: boolean;
  /** The main button: its intent and labels (the secondary button is always "Check and preview"). */
  submit: { intent: string; label: string; busyLabel: string };
  previewTitle: string;
  /** Fields that go with every post (hidden ids, the preview's application) and extra controls before the buttons. */
  hidden?: ReactNode;
  children?: ReactNode;
};

export function TemplateEditor({ state, busy, submit, previewTitle, hidden, children }: EditorProps) {
  const hydrated = useHydrated();
  const check = useFetcher<EditorState>();
  // The check posts to this page's own action, named now: a fetcher given no action posts to wherever the router is
  // when it fires, and a check still pending as "Send" redirects to the application page would post there.
  const action = useFormAction();
  const body = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const shown = check.data ?? state;

  useEffect(() => () => clearTimeout(timer.current), []);

  function checkSoon(form: HTMLFormElement) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const formData = new FormData(form);
      formData.set("intent", "check");
      check.submit(formData, { method: "post", action });
    }, CHECK_DELAY_MS);
  }

  function insertToken(token: string) {
    const textarea = body.current;
    if (!textarea) return;
    textarea.setRangeText(`{{${token}}}`, textarea.selectionStart, textarea.selectionEnd, "end");
    textarea.focus();
    checkSoon(textarea.form!);
  }

  return (
    <div className="template-editor">
      <Form
        method="post"
        className="card"
        onChange={(event: FormEvent<HTMLFormElement>) => checkSoon(event.currentTarget)}
        // Sending answers with the same check; one still waiting would only race the redirect.
        onSubmit={() => clearTimeout(timer.current)}
      >
        {hidden}
        <Field label="Subject" error={state.errors?.subject}>
          <input type="text" name="subject" defaultValue={state.values.subject} maxLength={300} required />
        </Field>
        <Field
          label="Message"
          hint="Markdown: a blank line starts a paragraph. Merge fields like {{candidate.firstName}} are filled in for each candidate."
          error={state.errors?.body}
        >
          <textarea ref={body} name="body" defaultValue={state.values.body} rows={18} />
        </Field>
        <details className="token-list">
          <summary>Merge fields</summary>
          <ul>
            {Object.entries(MERGE_TOKENS).map(([token, { description }]) => (
              <li key={token}>
                {hydrated ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => insertToken(token)}
                  >
                    Insert <code>{`{{${token}}}`}</code>
                  </button>
                ) : (
                  <code>{`{{${token}}}`}</code>
                )}{" "}
                {description}
              </li>
            ))}
          </ul>
        </details>
        {children}
        <div className="row">
          <button type="submit" name="intent" value={submit.intent} className="button" disabled={busy}>
            {busy ? submit.busyLabel : submit.label}
          </button>
          <button type="submit" name="intent" value="check" className="button button--secondary">
            Check and preview
          </button>
        </div>
      </Form>
      <div className="template-editor__side">
        <LintPanel lint={shown.lint} busy={check.state !== "idle"} />
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{previewTitle}</h2>
          {shown.preview ? (
            <>
              <p>
                <strong>Subject:</strong> {shown.preview.subject}
              </p>
              <iframe
                title={`Email preview: ${previewTitle}`}
                className="email-preview"
                srcDoc={shown.preview.html}
                sandbox=""
              />
              <details>
                <summary>Plain-text part</summary>
                <pre className="email-text">{shown.preview.text}</pre>
              </details>
            </>
          ) : (
            <p>Fix the errors above to see a preview.</p>
          )}
        </section>
      </div>
    </div>
  );
}
