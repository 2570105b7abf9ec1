// Rejecting many candidates from the board. The cards' checkboxes belong to the "Reject selected" form through the HTML
// `form` attribute (each card already has its own move form, and forms cannot nest), so it all works without
// JavaScript; with it, the bar counts the selection, suggests the rejection email and checks the form before sending.
// After a bulk rejection the board shows its progress while the worker rejects them, then a banner with Undo until the
// first email goes out.
import { Form, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { BulkRejectionProgress, useLiveProgress, type BulkProgress } from "~/components/bulk-rejection-progress";
import {
  BULK_REJECTION_KIND_OPTIONS,
  bulkRejectionSchema,
  failedMessage,
  FALLBACK_BULK_REJECTION_KIND,
  isInProgress,
  rejectedMessage,
  reopenedSoFarMessage,
  skippedNote,
  undoClosedNote,
  undoneMessage,
  type BulkRejectionKind,
  type BulkRejectionStatus,
  type SkipReason,
} from "~/domain/bulk-rejection";
import { formDataToObject, issuesToFieldErrors, type FieldErrors } from "~/domain/forms";

export const BULK_REJECT_FORM_ID = "bulk-reject-form";

/** What the board needs to draw a checkbox on each card and a "Select all" per stage. */
export type BoardSelection = {
  formId: string;
  isSelected(applicationId: string): boolean;
  toggle(applicationIds: string[], selected: boolean): void;
};

/**
 * The selected cards. Starts from `initial` (what the server got back with an error) and starts over on every new
 * page (`resetKey`): after a bulk rejection nothing stays ticked, so cards brought back by Undo come back unticked.
 */
export function useBoardSelection(initial: readonly string[], resetKey: string) {
  const [state, setState] = useState(() => ({ key: resetKey, ids: new Set(initial) }));
  let current = state;
  if (state.key !== resetKey) {
    current = { key: resetKey, ids: new Set(initial) };
    setState(current);
  }
  const selection: BoardSelection = {
    formId: BULK_REJECT_FORM_ID,
    isSelected: (applicationId) => current.ids.has(applicationId),
    toggle(applicationIds, selected) {
      setState((previous) => {
        const ids = new Set(previous.ids);
        for (const id of applicationIds) {
          if (selected) ids.add(id);
          else ids.delete(id);
        }
        return { key: previous.key, ids };
      });
    },
  };
  return selection;
}

type BulkRejectionBarProps = {
  selectedCount: number;
  /** The email most of the selection would get on its own; used until the recruiter picks one. */
  suggestedKind: BulkRejectionKind;
  interactive: boolean;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function BulkRejectionBar({ selectedCount, suggestedKind, interactive, errors, values }: BulkRejectionBarProps) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "bulk-reject";
  const [chosenKind, setChosenKind] = useState<string | null>(text(values?.templateKind) || null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const shownErrors = clientErrors ?? errors ?? {};
  const formError = shownErrors.applicationIds ?? shownErrors.form ?? shownErrors.templateKind;
  const kind = chosenKind ?? (interactive ? suggestedKind : FALLBACK_BULK_REJECTION_KIND);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = bulkRejectionSchema.safeParse(formDataToObject(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(issuesToFieldErrors(parsed.error.issues));
  }

  return (
    <Form
      id={BULK_REJECT_FORM_ID}
      method="post"
      className="bulk-reject-bar"
      data-active={selectedCount > 0 ? "true" : undefined}
      aria-labelledby="bulk-reject-heading"
      noValidate
      onSubmit={onSubmit}
    >
      <input type="hidden" name="intent" value="bulk-reject" />
      <div className="bulk-reject-bar__intro">
        <h2 id="bulk-reject-heading">Reject selected</h2>
        {interactive ? (
          <p className="bulk-reject-bar__count" aria-live="polite">
            {selectedCount === 0
              ? "No candidates selected."
              : `${selectedCount} ${selectedCount === 1 ? "candidate" : "candidates"} selected.`}
          </p>
        ) : (
          <p className="muted small">Tick the candidates on the board, then reject them together.</p>
        )}
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="bulk-reject-bar__fields">
        <Field
          label="Reason (optional)"
          hint="Kept on each application; the email does not mention it."
          error={shownErrors.reason}
          id="bulk-reject-reason"
        >
          <input type="text" name="reason" maxLength={500} defaultValue={text(values?.reason)} />
        </Field>
        <Field label="Rejection email" id="bulk-reject-kind">
          <select name="templateKind" value={kind} onChange={(event) => setChosenKind(event.target.value)}>
            {BULK_REJECTION_KIND_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button--danger" disabled={busy}>
          {busy ? "Rejecting…" : "Reject selected"}
        </button>
      </div>
      <p className="muted small bulk-reject-bar__note">
        Each candidate gets their own email at a humane time: Monday to Thursday, 09:00–17:00 in their time zone, and
        not straight after they applied. They are rejected in the background; you can undo until the first email goes
        out.
      </p>
    </Form>
  );
}

export type BulkRejectionBannerData = {
  id: string;
  jobId: string;
  status: BulkRejectionStatus;
  rejected: number;
  reopened: number;
  undoneAt: Date | string | null;
  undoRequestedAt: Date | string | null;
  firstLocalSend: string | null;
  skipped: { applicationId: string; name: string; reason: SkipReason }[];
  error: string | null;
  progress: BulkProgress;
  emails: { sent: number; sending: number; total: number };
  undo: { possible: boolean };
};

/**
 * Where a bulk rejection stands: its progress while the worker rejects (or undoes) it, then what happened, with Undo
 * (a plain post) while that is still possible — also while it runs, which stops it and brings back those done.
 */
export function BulkRejectionBanner({ batch, undoError }: { batch: BulkRejectionBannerData; undoError?: string }) {
  const progress = useLiveProgress(batch.progress);
  const gone = batch.emails.sent + batch.emails.sending;
  const running = isInProgress(progress.status);
  const skipped = skippedNote(batch.skipped);
  return (
    <div className="bulk-reject-banner">
      {undoError ? <Alert tone="error">{undoError}</Alert> : null}
      {batch.status === "failed" ? (
        <Alert tone="error">
          {failedMessage({
            undoing: batch.undoRequestedAt !== null,
            done: batch.progress.done,
            total: batch.progress.total,
            error: batch.error,
          })}
        </Alert>
      ) : null}
      <div
        className={`alert ${running ? "alert--info" : "alert--success"} bulk-reject-banner__body`}
        role="status"
        aria-busy={running ? "true" : undefined}
      >
        {running ? (
          <BulkRejectionProgress progress={progress} />
        ) : batch.undoneAt ? (
          <p>{undoneMessage(batch.reopened)}</p>
        ) : batch.status === "failed" && batch.undoRequestedAt ? (
          <p>{reopenedSoFarMessage(batch.reopened)}</p>
        ) : (
          <div>
            <p>
              {rejectedMessage(batch.rejected, batch.firstLocalSend)}
              {!batch.undo.possible && gone > 0 ? ` ${undoClosedNote(gone, batch.emails.total)}` : null}
            </p>
            {skipped ? <p className="small">{skipped}</p> : null}
          </div>
        )}
        {batch.undo.possible && progress.status !== "undoing" ? <UndoButton batch={batch} running={running} /> : null}
      </div>
    </div>
  );
}

function UndoButton({ batch, running }: { batch: BulkRejectionBannerData; running: boolean }) {
  const navigation = useNavigation();
  const undoing = navigation.state === "submitting" && navigation.formData?.get("intent") === "undo-bulk-reject";
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="undo-bulk-reject" />
      <input type="hidden" name="bulkId" value={batch.id} />
      <button
        type="submit"
        className="button button--secondary button--small"
        disabled={undoing}
        aria-describedby={running ? `bulk-undo-note-${batch.id}` : undefined}
      >
        {undoing ? "Undoing…" : "Undo"}
      </button>
      {running ? (
        <span id={`bulk-undo-note-${batch.id}`} className="visually-hidden">
          Stops the rejection and brings back everyone it has rejected so far.
        </span>
      ) : null}
    </Form>
  );
}
