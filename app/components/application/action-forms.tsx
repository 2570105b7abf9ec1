// The forms on the application page (rejecting has its own, reject-form.tsx). All are plain posts with an `intent`; those with free text also validate in the
// browser with the server's schema. Decisions open behind a <details> disclosure: a confirmation step without JS.
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { messageFormSchema, noteFormSchema } from "~/domain/application-forms";
import type { FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

type FormState = { errors?: FieldErrors; values?: Record<string, unknown> };
const str = (value: unknown) => (typeof value === "string" ? value : "");

function FormError({ errors }: { errors?: FieldErrors }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  const onlyForm = Object.keys(errors).every((key) => key === "form");
  return (
    <Alert tone="error">{onlyForm ? errors.form : (errors.form ?? "Please correct the fields marked below.")}</Alert>
  );
}

function useBusy(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

export function NoteForm({ errors, values }: FormState) {
  const defaults = { body: str(values?.body) };
  const form = useValidatedForm({ schema: noteFormSchema, defaultValues: defaults, serverErrors: errors });
  const busy = useBusy("note");
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="note-heading">
      <h2 id="note-heading">Add a note</h2>
      <input type="hidden" name="intent" value="note" />
      <Field label="Note" hint="Internal: only your team sees notes." error={form.errorFor("body")}>
        <textarea {...form.register("body")} defaultValue={defaults.body} rows={3} />
      </Field>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Saving…" : "Add note"}
      </button>
    </Form>
  );
}

export function MoveForm({
  stages,
  currentStageId,
  errors,
}: FormState & { stages: { id: string; name: string }[]; currentStageId: string }) {
  const busy = useBusy("move");
  return (
    <Form method="post" className="inline-form" aria-label="Move to stage">
      <input type="hidden" name="intent" value="move" />
      <FormError errors={errors} />
      <Field label="Move to stage" error={errors?.stageId}>
        <select name="stageId" defaultValue={currentStageId}>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
              {stage.id === currentStageId ? " (current)" : ""}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button button--secondary" disabled={busy}>
        Move
      </button>
    </Form>
  );
}

export function CloseForm({ intent, errors, values }: FormState & { intent: "hire" | "withdraw" }) {
  const busy = useBusy(intent);
  const copy =
    intent === "hire"
      ? { summary: "Mark as hired…", label: "Note (optional)", confirm: "Confirm hire", effect: "hired" }
      : {
          summary: "Candidate withdrew…",
          label: "Reason they gave (optional)",
          confirm: "Confirm withdrawal",
          effect: "withdrawn",
        };
  return (
    <details className="disclosure" open={Boolean(errors) || undefined}>
      <summary>{copy.summary}</summary>
      <Form method="post" className="disclosure__body">
        <input type="hidden" name="intent" value={intent} />
        <FormError errors={errors} />
        <Field label={copy.label} error={errors?.reason}>
          <textarea name="reason" defaultValue={str(values?.reason)} rows={2} />
        </Field>
        <p className="small">This closes the application as {copy.effect}.</p>
        <button type="submit" className="button" disabled={busy}>
          {copy.confirm}
        </button>
      </Form>
    </details>
  );
}

type MessageValues = {
  direction: "outbound" | "inbound";
  subject: string;
  body: string;
  occurredAt: string;
  awaitsCandidate: boolean;
};

export function MessageForm({ errors, values, now, timeZone }: FormState & { now: string; timeZone: string }) {
  const defaults: MessageValues = {
    direction: values?.direction === "inbound" ? "inbound" : "outbound",
    subject: str(values?.subject),
    body: str(values?.body),
    occurredAt: str(values?.occurredAt) || now,
    awaitsCandidate: values?.awaitsCandidate === "on",
  };
  const form = useValidatedForm({ schema: messageFormSchema, defaultValues: defaults, serverErrors: errors });
  const busy = useBusy("message");
  const directionError = form.errorFor("direction");
  return (
    <details className="disclosure" open={Boolean(errors) || undefined}>
      <summary>Record a past message…</summary>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="disclosure__body">
        <input type="hidden" name="intent" value="message" />
        <p className="small muted">
          For emails or calls that happened outside Hearback. Recording does not send anything.
        </p>
        <FormError errors={errors} />
        <fieldset className="choice-group" aria-describedby={directionError ? "direction-error" : undefined}>
          <legend>Direction</legend>
          <label>
            <input
              type="radio"
              value="outbound"
              {...form.register("direction")}
              defaultChecked={defaults.direction === "outbound"}
            />{" "}
            We wrote to the candidate
          </label>
          <label>
            <input
              type="radio"
              value="inbound"
              {...form.register("direction")}
              defaultChecked={defaults.direction === "inbound"}
            />{" "}
            The candidate wrote to us
          </label>
          {directionError ? (
            <span className="field-error" id="direction-error">
              {directionError}
            </span>
          ) : null}
        </fieldset>
        <Field label="Subject (optional)" error={form.errorFor("subject")}>
          <input type="text" {...form.register("subject")} defaultValue={defaults.subject} />
        </Field>
        <Field label="Message" error={form.errorFor("body")}>
          <textarea {...form.register("body")} defaultValue={defaults.body} rows={4} />
        </Field>
        <Field
          label="Sent on"
          hint={`Your time zone: ${timeZone.replaceAll("_", " ")}.`}
          error={form.errorFor("occurredAt")}
        >
          <input type="datetime-local" {...form.register("occurredAt")} defaultValue={defaults.occurredAt} max={now} />
        </Field>
        <div className="checkbox">
          <input
            type="checkbox"
            id="awaits-candidate"
            {...form.register("awaitsCandidate")}
            defaultChecked={defaults.awaitsCandidate}
          />
          <label htmlFor="awaits-candidate">We are waiting for the candidate to answer this message</label>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Record message"}
        </button>
      </Form>
    </details>
  );
}

type Person = { id: string; name: string; role: string };

export function InterviewersForm({
  interviewers,
  candidates,
  canChange,
  errors,
}: FormState & { interviewers: Person[]; candidates: Person[]; canChange: boolean }) {
  const assignable = candidates.filter((person) => !interviewers.some((assigned) => assigned.id === person.id));
  return (
    <>
      {interviewers.length === 0 ? (
        <p className="muted small">Nobody is assigned to interview yet.</p>
      ) : (
        <ul className="plain-list">
          {interviewers.map((person) => (
            <li key={person.id} className="row row--between">
              <span>{person.name}</span>
              {canChange ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-interviewer" />
                  <input type="hidden" name="userId" value={person.id} />
                  <button type="submit" className="button button--link small">
                    Remove<span className="visually-hidden"> {person.name}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canChange && assignable.length > 0 ? (
        <Form method="post" className="inline-form" aria-label="Assign an interviewer">
          <input type="hidden" name="intent" value="assign-interviewer" />
          <FormError errors={errors} />
          <Field label="Assign interviewer" error={errors?.userId}>
            <select name="userId" defaultValue="">
              <option value="">Choose a team member</option>
              {assignable.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="button button--secondary">
            Assign
          </button>
        </Form>
      ) : null}
    </>
  );
}
