// The interview forms of the application page: plain posts with an `intent`, checked on the server (they work without
// JavaScript). Dates are typed in the viewer's time zone; each form keeps what was typed when it is refused.
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import type { FieldErrors } from "~/domain/forms";
import { DURATION_CHOICES } from "~/domain/interviews/forms";
import {
  INTERVIEW_KIND_LABELS,
  INTERVIEW_KINDS,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
} from "~/domain/interviews/types";

export type FormState = { errors?: FieldErrors; values?: Record<string, unknown> };
export type TeamMember = { id: string; name: string; role: string };

const str = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);

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

function durationLabel(minutes: number) {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? "" : "s"}${rest ? ` ${rest} minutes` : ""}`;
}

function DurationField({ values, errors, name = "durationMinutes" }: FormState & { name?: string }) {
  return (
    <Field label="Length" error={errors?.durationMinutes ?? errors?.["slots.0.durationMinutes"]}>
      <select name={name} defaultValue={str(values?.durationMinutes) || "60"}>
        {DURATION_CHOICES.map((minutes) => (
          <option key={minutes} value={minutes}>
            {durationLabel(minutes)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Kind, place, video link and interviewers: shared by scheduling and offering. */
function PlaceFields({ values, errors, team, prefix }: FormState & { team: TeamMember[]; prefix: string }) {
  const chosen = list(values?.interviewerIds);
  return (
    <>
      <Field label="Kind" hint="Defaults to the stage's kind." error={errors?.kind}>
        <select name="kind" defaultValue={str(values?.kind)}>
          <option value="">From the stage</option>
          {INTERVIEW_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {INTERVIEW_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Location (optional)" hint="An address, or “Phone call”." error={errors?.location}>
        <input type="text" name="location" defaultValue={str(values?.location)} autoComplete="off" />
      </Field>
      <Field label="Video link (optional)" error={errors?.videoUrl}>
        <input type="url" name="videoUrl" defaultValue={str(values?.videoUrl)} placeholder="https://" />
      </Field>
      <fieldset className="choice-group">
        <legend>Interviewers</legend>
        {team.length === 0 ? <p className="small muted">Nobody on the team can be chosen.</p> : null}
        {team.map((person) => (
          <label key={person.id}>
            <input
              type="checkbox"
              name="interviewerIds"
              value={person.id}
              id={`${prefix}-interviewer-${person.id}`}
              defaultChecked={chosen.includes(person.id)}
            />{" "}
            {person.name}
          </label>
        ))}
        {errors?.interviewerIds ? <span className="field-error">{errors.interviewerIds}</span> : null}
      </fieldset>
    </>
  );
}

function NotifyField({ values, id }: FormState & { id: string }) {
  const checked = values ? values.notify === "on" : true;
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} name="notify" defaultChecked={checked} />
      <label htmlFor={id}>Email the candidate and the interviewers, with a calendar invitation</label>
    </div>
  );
}

export function ScheduleInterviewForm({
  errors,
  values,
  team,
  timeZone,
  nowLocal,
}: FormState & {
  team: TeamMember[];
  timeZone: string;
  nowLocal: string;
}) {
  const busy = useBusy("schedule-interview");
  return (
    <details className="disclosure" open={Boolean(errors) || undefined}>
      <summary>Schedule an interview…</summary>
      <Form method="post" className="disclosure__body" aria-label="Schedule an interview">
        <input type="hidden" name="intent" value="schedule-interview" />
        <FormError errors={errors} />
        <Field label="Starts" hint={`Your time zone: ${timeZone.replaceAll("_", " ")}.`} error={errors?.startsAt}>
          <input type="datetime-local" name="startsAt" defaultValue={str(values?.startsAt)} min={nowLocal} />
        </Field>
        <DurationField values={values} errors={errors} />
        <PlaceFields values={values} errors={errors} team={team} prefix="schedule" />
        <NotifyField values={values} id="schedule-notify" />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Scheduling…" : "Schedule"}
        </button>
      </Form>
    </details>
  );
}

const SHOWN_SLOTS = 5;
const ALL_SLOTS = 10;

function SlotField({ index, values, errors, nowLocal }: FormState & { index: number; nowLocal: string }) {
  return (
    <Field label={`Time ${index + 1}`} error={errors?.[`slots.${index}.startsAt`]}>
      <input type="datetime-local" name={`slot${index}`} defaultValue={str(values?.[`slot${index}`])} min={nowLocal} />
    </Field>
  );
}

export function OfferTimesForm({
  errors,
  values,
  team,
  timeZone,
  nowLocal,
}: FormState & {
  team: TeamMember[];
  timeZone: string;
  nowLocal: string;
}) {
  const busy = useBusy("offer-interview");
  const extraFilled = Array.from({ length: ALL_SLOTS - SHOWN_SLOTS }, (_, i) =>
    str(values?.[`slot${i + SHOWN_SLOTS}`]),
  ).some(Boolean);
  return (
    <details className="disclosure" open={Boolean(errors) || undefined}>
      <summary>Offer times to choose from…</summary>
      <Form method="post" className="disclosure__body" aria-label="Offer interview times">
        <input type="hidden" name="intent" value="offer-interview" />
        <p className="small muted">
          Offer 2 to 10 times. The candidate gets an email and picks one on their status page, or tells you none works.
        </p>
        <FormError errors={errors} />
        {errors?.slots ? <p className="field-error">{errors.slots}</p> : null}
        <p className="small">Times are in your time zone: {timeZone.replaceAll("_", " ")}.</p>
        <div className="slot-grid">
          {Array.from({ length: SHOWN_SLOTS }, (_, index) => (
            <SlotField key={index} index={index} values={values} errors={errors} nowLocal={nowLocal} />
          ))}
        </div>
        <details className="disclosure" open={extraFilled || undefined}>
          <summary>More times…</summary>
          <div className="slot-grid disclosure__body">
            {Array.from({ length: ALL_SLOTS - SHOWN_SLOTS }, (_, index) => (
              <SlotField
                key={index + SHOWN_SLOTS}
                index={index + SHOWN_SLOTS}
                values={values}
                errors={errors}
                nowLocal={nowLocal}
              />
            ))}
          </div>
        </details>
        <DurationField values={values} errors={errors} />
        <PlaceFields values={values} errors={errors} team={team} prefix="offer" />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Sending…" : "Send the times"}
        </button>
      </Form>
    </details>
  );
}

export function RescheduleForm({
  interview,
  errors,
  values,
  timeZone,
  nowLocal,
}: FormState & {
  interview: {
    id: string;
    startsLocal: string;
    durationMinutes: number;
    location: string | null;
    videoUrl: string | null;
  };
  timeZone: string;
  nowLocal: string;
}) {
  const busy = useBusy("reschedule-interview");
  const shown = values ?? {
    startsAt: interview.startsLocal,
    durationMinutes: String(interview.durationMinutes),
    location: interview.location ?? "",
    videoUrl: interview.videoUrl ?? "",
    notify: "on",
  };
  return (
    <details className="disclosure" open={Boolean(errors) || undefined}>
      <summary>Move…</summary>
      <Form method="post" className="disclosure__body" aria-label="Move the interview">
        <input type="hidden" name="intent" value="reschedule-interview" />
        <input type="hidden" name="interviewId" value={interview.id} />
        <FormError errors={errors} />
        <Field label="New start" hint={`Your time zone: ${timeZone.replaceAll("_", " ")}.`} error={errors?.startsAt}>
          <input type="datetime-local" name="startsAt" defaultValue={str(shown.startsAt)} min={nowLocal} />
        </Field>
        <DurationField values={shown} errors={errors} />
        <Field label="Location (optional)" error={errors?.location}>
          <input type="text" name="location" defaultValue={str(shown.location)} autoComplete="off" />
        </Field>
        <Field label="Video link (optional)" error={errors?.videoUrl}>
          <input type="url" name="videoUrl" defaultValue={str(shown.videoUrl)} placeholder="https://" />
        </Field>
        <NotifyField values={shown} id={`move-notify-${interview.id}`} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Moving…" : "Move the interview"}
        </button>
      </Form>
    </details>
  );
}

export function CancelInterviewForm({
  interviewId,
  offered,
  errors,
  values,
}: FormState & {
  interviewId: string;
  offered: boolean;
}) {
  const busy = useBusy("cancel-interview");
  return (
    <details className="disclosure" open={Boolean(errors) || undefined}>
      <summary>{offered ? "Withdraw the offered times…" : "Cancel…"}</summary>
      <Form method="post" className="disclosure__body" aria-label="Cancel the interview">
        <input type="hidden" name="intent" value="cancel-interview" />
        <input type="hidden" name="interviewId" value={interviewId} />
        <FormError errors={errors} />
        <Field
          label="Reason (optional)"
          hint="Shown to the candidate in the cancellation email."
          error={errors?.reason}
        >
          <textarea name="reason" rows={2} defaultValue={str(values?.reason)} />
        </Field>
        {offered ? (
          <p className="small">
            The times disappear from the candidate’s status page. Offer new ones or write to them.
          </p>
        ) : (
          <NotifyField values={values} id={`cancel-notify-${interviewId}`} />
        )}
        <button type="submit" className="button button--danger" disabled={busy}>
          {busy ? "Cancelling…" : offered ? "Withdraw the times" : "Cancel the interview"}
        </button>
      </Form>
    </details>
  );
}

export function FeedbackForm({
  interviewId,
  given,
  errors,
  values,
}: FormState & {
  interviewId: string;
  given: { recommendation: string | null; notes: string | null } | null;
}) {
  const busy = useBusy("interview-feedback");
  const recommendation = str(values?.recommendation) || given?.recommendation || "";
  return (
    <details className="disclosure" open={Boolean(errors) || !given || undefined}>
      <summary>{given ? "Change your feedback…" : "Your feedback"}</summary>
      <Form method="post" className="disclosure__body" aria-label="Your feedback">
        <input type="hidden" name="intent" value="interview-feedback" />
        <input type="hidden" name="interviewId" value={interviewId} />
        <FormError errors={errors} />
        <fieldset className="choice-group choice-group--inline">
          <legend>Recommendation</legend>
          {RECOMMENDATIONS.map((value) => (
            <label key={value}>
              <input type="radio" name="recommendation" value={value} defaultChecked={recommendation === value} />{" "}
              {RECOMMENDATION_LABELS[value]}
            </label>
          ))}
          {errors?.recommendation ? <span className="field-error">{errors.recommendation}</span> : null}
        </fieldset>
        <Field label="Notes" hint="Internal: the candidate never sees feedback." error={errors?.notes}>
          <textarea name="notes" rows={4} defaultValue={str(values?.notes) || given?.notes || ""} />
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : given ? "Save changes" : "Save feedback"}
        </button>
      </Form>
    </details>
  );
}
