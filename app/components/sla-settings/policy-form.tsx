// The SLA policy editor: match conditions, schedule, per-metric targets, and a live "if a candidate applied now"
// preview. With JavaScript the preview follows every change (debounced, computed by the server); without, the
// Preview button posts the form and the page shows it.
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { DURATION_UNITS, policyFormSchema, type DurationUnit, type PolicyFormValues } from "~/domain/sla/policy-form";
import type { PolicyPreview } from "~/domain/sla/policy-preview";
import { SLA_METRIC_LABELS, SLA_METRICS, STAGE_DECISION_RESTARTS } from "~/domain/sla/types";
import type { FieldErrors } from "~/domain/forms";
import { DURATION_UNIT_LABELS, SLA_METRIC_EXPLANATIONS, STAGE_DECISION_RESTART_LABELS } from "./sla-labels";
import { useFormCheck } from "./use-form-check";

type PolicyFormProps = {
  values: PolicyFormValues;
  errors?: FieldErrors;
  preview?: PolicyPreview;
  isDefault: boolean;
  jobs: { id: string; title: string; department: string | null }[];
  schedules: { id: string; name: string; timeZone: string; isDefault: boolean }[];
  submitLabel: string;
};

export function PolicyForm({
  values,
  errors: serverErrors = {},
  preview: postedPreview,
  isDefault,
  jobs,
  schedules,
  submitLabel,
}: PolicyFormProps) {
  const { errors, onSubmit } = useFormCheck(policyFormSchema, serverErrors);
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  const fetcher = useFetcher<PolicyPreview>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const preview = fetcher.data ?? postedPreview;
  const fieldErrorCount = Object.keys(errors).filter((key) => key !== "form").length;

  function refreshPreview() {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (!formRef.current) return;
      fetcher.submit(new FormData(formRef.current), {
        method: "post",
        action: "/settings/sla-policies/preview",
      });
    }, 350);
  }
  // First preview as soon as the page runs in the browser.
  useEffect(() => {
    refreshPreview();
    return () => window.clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const defaultSchedule = schedules.find((schedule) => schedule.isDefault);

  return (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      onChange={refreshPreview}
      ref={formRef}
      className="policy-editor"
    >
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <div className="policy-editor__main stack">
        {errors.form || fieldErrorCount > 0 ? (
          <Alert tone="error">
            {errors.form ? <p>{errors.form}</p> : null}
            {fieldErrorCount > 0 ? <p>Please correct the fields marked below. Nothing was saved.</p> : null}
          </Alert>
        ) : null}
        <section className="card" aria-labelledby="policy-details-heading">
          <h2 id="policy-details-heading">Policy</h2>
          <Field label="Name" error={errors.name}>
            <input type="text" name="name" defaultValue={values.name} autoComplete="off" required />
          </Field>
          {isDefault ? (
            <p className="muted small">
              The default policy applies to every job no other policy matches, so it has no match conditions.
            </p>
          ) : (
            <fieldset className="policy-match">
              <legend>Applies to</legend>
              <p className="muted small">A job matches if its department or the job itself is listed here.</p>
              <Field
                label="Departments"
                hint="One per line or separated by commas; upper or lower case does not matter."
                error={errors.departments}
              >
                <textarea name="departments" defaultValue={values.departments} rows={3} />
              </Field>
              <Field label="Jobs" hint="Hold Ctrl (⌘ on a Mac) to choose several." error={errors.jobIds}>
                <select
                  name="jobIds"
                  multiple
                  defaultValue={values.jobIds}
                  size={Math.min(6, Math.max(3, jobs.length))}
                >
                  {jobs.map((job) => (
                    <option key={job.id} value={job.id}>
                      {job.title}
                      {job.department ? ` (${job.department})` : ""}
                    </option>
                  ))}
                </select>
              </Field>
            </fieldset>
          )}
          <Field label="Schedule" hint="A job’s own schedule wins over this one." error={errors.scheduleId}>
            <select name="scheduleId" defaultValue={values.scheduleId}>
              <option value="">
                Job’s schedule, else the default{defaultSchedule ? ` (${defaultSchedule.name})` : ""}
              </option>
              {schedules.map((schedule) => (
                <option key={schedule.id} value={schedule.id}>
                  {schedule.name} ({schedule.timeZone})
                </option>
              ))}
            </select>
          </Field>
          <div className="checkbox-field">
            <input
              type="checkbox"
              id="countAutomatedReplies"
              name="countAutomatedReplies"
              value="true"
              defaultChecked={values.countAutomatedReplies}
              aria-describedby="countAutomatedReplies-hint"
            />
            <label htmlFor="countAutomatedReplies">Automated messages count as replies</label>
            <span id="countAutomatedReplies-hint" className="hint small muted">
              Off: only a message a person sent stops the first-response and reply clocks.
            </span>
          </div>
        </section>

        <section className="card" aria-labelledby="targets-heading">
          <h2 id="targets-heading">Targets</h2>
          <p className="muted small">
            Business time counts only the schedule’s open hours; a business day is 8 open hours. Calendar time counts
            every minute, nights and weekends included.
          </p>
          {errors.targets ? <p className="field-error">{errors.targets}</p> : null}
          {SLA_METRICS.map((metric) => {
            const target = values.targets[metric];
            const base = `targets.${metric}`;
            return (
              <fieldset key={metric} className="target">
                <legend>{SLA_METRIC_LABELS[metric]}</legend>
                <p className="muted small" id={`${metric}-explanation`}>
                  {SLA_METRIC_EXPLANATIONS[metric]}
                </p>
                <div className="checkbox-field">
                  <input
                    type="checkbox"
                    id={`${metric}-enabled`}
                    name={`${base}.enabled`}
                    value="true"
                    defaultChecked={target.enabled}
                    aria-describedby={`${metric}-explanation`}
                  />
                  <label htmlFor={`${metric}-enabled`}>
                    Use a target for {SLA_METRIC_LABELS[metric].toLowerCase()}
                  </label>
                </div>
                <div className="target__fields">
                  <Field label="Within" error={errors[`${base}.amount`]} id={`${metric}-amount`}>
                    <input
                      type="text"
                      inputMode="decimal"
                      name={`${base}.amount`}
                      defaultValue={target.amount}
                      size={6}
                    />
                  </Field>
                  <Field label="Unit" id={`${metric}-unit`}>
                    <UnitSelect name={`${base}.unit`} value={target.unit} />
                  </Field>
                  <Field label="Counting" id={`${metric}-time`} error={errors[`${base}.businessHours`]}>
                    <select name={`${base}.time`} defaultValue={target.time}>
                      <option value="business">Business hours</option>
                      <option value="calendar">Calendar time</option>
                    </select>
                  </Field>
                </div>
                <div className="target__fields">
                  <Field label="Warn before (optional)" error={errors[`${base}.warnAmount`]} id={`${metric}-warn`}>
                    <input
                      type="text"
                      inputMode="decimal"
                      name={`${base}.warnAmount`}
                      defaultValue={target.warnAmount}
                      size={6}
                    />
                  </Field>
                  <Field label="Warn unit" id={`${metric}-warn-unit`}>
                    <UnitSelect name={`${base}.warnUnit`} value={target.warnUnit} />
                  </Field>
                </div>
                {metric === "interviewer_feedback" ? (
                  <Field
                    label="After an interview, the stage decision starts again"
                    hint="The candidate is promised a decision from then on: their hear-back date moves with it."
                    error={errors[`${base}.stageDecisionRestartsAt`]}
                    id={`${metric}-restart`}
                  >
                    <select name={`${base}.stageDecisionRestartsAt`} defaultValue={target.stageDecisionRestartsAt}>
                      {STAGE_DECISION_RESTARTS.map((restart) => (
                        <option key={restart} value={restart}>
                          {STAGE_DECISION_RESTART_LABELS[restart]}
                        </option>
                      ))}
                    </select>
                  </Field>
                ) : null}
                {errors[`${base}.metric`] ? <p className="field-error">{errors[`${base}.metric`]}</p> : null}
              </fieldset>
            );
          })}
        </section>
        <div className="row">
          <button type="submit" name="intent" value="save" className="button" disabled={saving}>
            {saving ? "Saving…" : submitLabel}
          </button>
        </div>
      </div>

      <aside className="card policy-preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <div aria-live="polite">
          <PreviewText preview={preview} />
        </div>
        <button type="submit" name="intent" value="preview" className="button button--secondary button--small">
          Update preview
        </button>
      </aside>
    </Form>
  );
}

function UnitSelect({ name, value, ...rest }: { name: string; value: DurationUnit; id?: string }) {
  return (
    <select name={name} defaultValue={value} {...rest}>
      {DURATION_UNITS.map((unit) => (
        <option key={unit} value={unit}>
          {DURATION_UNIT_LABELS[unit]}
        </option>
      ))}
    </select>
  );
}

function PreviewText({ preview }: { preview?: PolicyPreview }) {
  if (!preview) {
    return (
      <p className="muted small">Press “Update preview” to see when a candidate who applied now would hear back.</p>
    );
  }
  return (
    <>
      <p className="policy-preview__headline">
        {preview.hearBackBy ? (
          <>
            If a candidate applied now, they would hear back by <strong>{preview.hearBackBy.dueText}</strong>.
          </>
        ) : (
          "Turn on a first response or regular update target to promise candidates an answer."
        )}
      </p>
      {preview.targets.length > 0 ? (
        <dl className="policy-preview__list small">
          {preview.targets.map((target) => (
            <div key={target.metric}>
              <dt>{SLA_METRIC_LABELS[target.metric]}, if it started now</dt>
              <dd>{target.dueText ?? target.problem ?? "—"}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="muted small">Times in {preview.timeZone}, the schedule’s time zone.</p>
    </>
  );
}
