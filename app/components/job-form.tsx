// The job form with its stage editor. Without JavaScript every stage button posts an intent that the server applies
// to the submitted values; with JavaScript the same buttons edit the list in place and announce what changed.
import { Form, useNavigation } from "@remix-run/react";
import { useState, type MouseEvent } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { DurationField, type DurationUnitOption } from "~/components/ui/duration-field";
import { Field } from "~/components/ui/field";
import { durationUnitLabel, type DurationCounting, type DurationFieldUnit } from "~/domain/durations";
import { emptyStage, jobFormSchema, type JobFormValues } from "~/domain/job-form";
import {
  JOB_STATUS_LABELS,
  JOB_STATUSES,
  STAGE_ENTRY_TEMPLATE_KINDS,
  STAGE_KIND_LABELS,
  STAGE_KINDS,
} from "~/domain/jobs";
import { TEMPLATE_KIND_LABELS } from "~/domain/templates/kinds";
import type { FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

export type PersonOption = { id: string; name: string; active: boolean };
export type ScheduleOption = { id: string; name: string; timeZone: string; isDefault: boolean };

type JobFormProps = {
  values: JobFormValues;
  errors?: FieldErrors;
  notice?: string;
  hiringManagers: PersonOption[];
  recruiters: PersonOption[];
  departments: string[];
  occupancy?: Record<string, number>;
  /** Business schedules for the SLA clocks; without them the job keeps its schedule in a hidden field. */
  schedules?: ScheduleOption[];
  submitLabel: string;
  /** The job's careers-page address once it has one (it keeps it while unpublished). */
  careersUrl?: string | null;
};

export function JobForm({
  values,
  errors = {},
  notice,
  hiringManagers,
  recruiters,
  departments,
  occupancy = {},
  schedules,
  submitLabel,
  careersUrl,
}: JobFormProps) {
  const form = useValidatedForm<JobFormValues>({ schema: jobFormSchema, defaultValues: values, serverErrors: errors });
  const { register, control, errorFor, getValues } = form;
  // keyName: our stages have their own `id` field, which useFieldArray would otherwise overwrite.
  const { fields, append, remove, move } = useFieldArray({ control, name: "stages", keyName: "key" });
  const liveStages = useWatch({ control, name: "stages" }) ?? values.stages;
  const [announcement, setAnnouncement] = useState(notice ?? "");
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";

  const stageLabel = (index: number) => getValues(`stages.${index}.name`)?.trim() || `Stage ${index + 1}`;
  // Buttons are re-rendered after a move or removal: keep keyboard focus on the same row (or a neighbour).
  const focusControl = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  function moveStage(event: MouseEvent, index: number, to: number) {
    event.preventDefault();
    if (to < 0 || to >= fields.length) return;
    const key = fields[index]!.key;
    const name = stageLabel(index);
    move(index, to);
    setAnnouncement(`Moved ${name} to position ${to + 1} of ${fields.length}.`);
    const direction = to < index ? "up" : "down";
    const stillPossible = direction === "up" ? to > 0 : to < fields.length - 1;
    focusControl(`stage-${key}-${stillPossible ? direction : direction === "up" ? "down" : "up"}`);
  }

  function removeStage(event: MouseEvent, index: number) {
    event.preventDefault();
    const name = stageLabel(index);
    const next = fields[index + 1] ?? fields[index - 1];
    remove(index);
    setAnnouncement(`Removed ${name}. Save the job to keep this change.`);
    focusControl(next ? `stage-${next.key}-remove` : "add-stage");
  }

  function addStage(event: MouseEvent) {
    event.preventDefault();
    append(emptyStage(), { shouldFocus: true, focusName: `stages.${fields.length}.name` });
    setAnnouncement(`Added stage ${fields.length + 1}.`);
  }

  const fieldErrorCount = Object.keys(errors).filter((key) => key !== "form").length;
  const stagesError = errorFor("stages");

  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
      {/* The first submit button is what Enter in a text field presses: make that Save, not a stage button. */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      {errors.form || fieldErrorCount > 0 ? (
        <Alert tone="error">
          {errors.form && errors.form !== stagesError ? <p>{errors.form}</p> : null}
          {fieldErrorCount > 0 ? <p>Please correct the fields marked below. Nothing was saved.</p> : null}
        </Alert>
      ) : null}
      {schedules ? null : <input type="hidden" {...register("scheduleId")} defaultValue={values.scheduleId} />}

      <section className="card" aria-labelledby="job-details-heading">
        <h2 id="job-details-heading">Details</h2>
        <div className="form-grid">
          <Field label="Title" error={errorFor("title")}>
            <input type="text" {...register("title")} defaultValue={values.title} autoComplete="off" required />
          </Field>
          <Field label="Department (optional)" error={errorFor("department")}>
            <input type="text" {...register("department")} defaultValue={values.department} list="departments" />
          </Field>
          <datalist id="departments">
            {departments.map((department) => (
              <option key={department} value={department} />
            ))}
          </datalist>
          <Field label="Location (optional)" error={errorFor("location")}>
            <input type="text" {...register("location")} defaultValue={values.location} />
          </Field>
          <Field label="Status" error={errorFor("status")}>
            <select {...register("status")} defaultValue={values.status}>
              {JOB_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {JOB_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Hiring manager" error={errorFor("hiringManagerId")}>
            <select {...register("hiringManagerId")} defaultValue={values.hiringManagerId}>
              <option value="">Not set</option>
              <PeopleOptions people={hiringManagers} />
            </select>
          </Field>
          <Field label="Recruiter" error={errorFor("recruiterId")}>
            <select {...register("recruiterId")} defaultValue={values.recruiterId}>
              <option value="">Not set</option>
              <PeopleOptions people={recruiters} />
            </select>
          </Field>
          {schedules ? (
            <Field
              label="Business hours (SLA schedule)"
              hint="Response-time clocks count on these hours. Empty: the SLA policy’s schedule, else the default."
              error={errorFor("scheduleId")}
            >
              <select {...register("scheduleId")} defaultValue={values.scheduleId}>
                <option value="">Policy’s schedule, else the default</option>
                {schedules.map((schedule) => (
                  <option key={schedule.id} value={schedule.id}>
                    {schedule.name} ({schedule.timeZone})
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="careers-heading">
        <h2 id="careers-heading">Careers page</h2>
        <div className="stack">
          <div className="checkbox-field">
            <input
              type="checkbox"
              id="job-published"
              {...register("published")}
              defaultChecked={values.published}
              aria-describedby="job-published-hint"
            />
            <label htmlFor="job-published">Publish on the careers page</label>
          </div>
          <p className="muted small" id="job-published-hint">
            {careersUrl ? (
              <>
                Its apply page: <a href={careersUrl}>{careersUrl}</a> (listed while published and open; the address
                stays the same).
              </>
            ) : (
              "An open, published job is listed on the public careers page, where people apply with their CV. Its address is made from the title when you first publish it."
            )}
          </p>
          <Field
            label="Description (optional)"
            hint="Shown on the apply page. Plain text; leave a blank line between paragraphs."
            error={errorFor("description")}
          >
            <textarea {...register("description")} defaultValue={values.description} rows={8} />
          </Field>
        </div>
      </section>

      <section className="card" aria-labelledby="stages-heading">
        <h2 id="stages-heading">Pipeline stages</h2>
        <p className="muted small" id="stages-hint">
          Applications move through these stages in order. The first stage is where new applications land. A decision
          time starts a clock when an application enters the stage, and an email on entering sends the candidate that
          template, in their language.
        </p>
        <p className="muted small" id="decision-counting">
          {values.decisionCounting === "business"
            ? "Decision times count business time, as this job’s SLA policy counts stage decisions: a business day is 8 open hours of the job’s schedule, so 2 business days started on a Friday morning end on Tuesday morning."
            : "Decision times count calendar time, as this job’s SLA policy counts stage decisions: a day is 24 hours, nights and weekends included."}
        </p>
        <input type="hidden" {...register("decisionCounting")} defaultValue={values.decisionCounting} />
        <div role="status" className="stage-editor__status">
          {announcement ? <p className="alert alert--info">{announcement}</p> : null}
        </div>
        {stagesError ? (
          <p className="field-error" id="stages-error">
            {stagesError}
          </p>
        ) : null}
        <ol className="stage-list">
          {fields.map((field, index) => {
            const name = liveStages[index]?.name?.trim() || `Stage ${index + 1}`;
            const occupied = field.id ? (occupancy[field.id] ?? 0) : 0;
            return (
              <li key={field.key} className="stage-row">
                <fieldset>
                  <legend>
                    Stage {index + 1}
                    {occupied > 0 ? (
                      <span className="muted small">
                        {" "}
                        · {occupied} active {occupied === 1 ? "application" : "applications"}
                      </span>
                    ) : null}
                  </legend>
                  <input type="hidden" {...register(`stages.${index}.id`)} defaultValue={field.id} />
                  <div className="stage-row__fields">
                    <Field label="Name" error={errorFor(`stages.${index}.name`)} id={`stage-${field.key}-name`}>
                      <input type="text" {...register(`stages.${index}.name`)} defaultValue={field.name} />
                    </Field>
                    <Field label="Kind" error={errorFor(`stages.${index}.kind`)} id={`stage-${field.key}-kind`}>
                      <select {...register(`stages.${index}.kind`)} defaultValue={field.kind}>
                        {STAGE_KINDS.map((kind) => (
                          <option key={kind} value={kind}>
                            {STAGE_KIND_LABELS[kind]}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <DurationField
                      label="Decision time (optional)"
                      error={errorFor(`stages.${index}.decisionAmount`) ?? errorFor(`stages.${index}.decisionMinutes`)}
                      id={`stage-${field.key}-decision`}
                      amount={{ ...register(`stages.${index}.decisionAmount`), defaultValue: field.decisionAmount }}
                      unit={{ ...register(`stages.${index}.decisionUnit`), defaultValue: field.decisionUnit }}
                      units={decisionUnits(values.decisionCounting, field.decisionUnit)}
                    />
                    <Field
                      label="Email on entering this stage"
                      error={errorFor(`stages.${index}.entryTemplateKind`)}
                      id={`stage-${field.key}-entry-email`}
                    >
                      <select {...register(`stages.${index}.entryTemplateKind`)} defaultValue={field.entryTemplateKind}>
                        <option value="">None</option>
                        {STAGE_ENTRY_TEMPLATE_KINDS.map((kind) => (
                          <option key={kind} value={kind}>
                            {TEMPLATE_KIND_LABELS[kind]}
                          </option>
                        ))}
                      </select>
                    </Field>
                  </div>
                  <div className="stage-row__actions">
                    <button
                      type="submit"
                      name="intent"
                      value={`move-up:${index}`}
                      aria-label={`Move up: ${name}`}
                      className="button button--secondary button--small"
                      disabled={index === 0}
                      id={`stage-${field.key}-up`}
                      onClick={(event) => moveStage(event, index, index - 1)}
                    >
                      <span aria-hidden="true">↑</span> Move up
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={`move-down:${index}`}
                      aria-label={`Move down: ${name}`}
                      className="button button--secondary button--small"
                      disabled={index === fields.length - 1}
                      id={`stage-${field.key}-down`}
                      onClick={(event) => moveStage(event, index, index + 1)}
                    >
                      <span aria-hidden="true">↓</span> Move down
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={`remove-stage:${index}`}
                      aria-label={`Remove: ${name}`}
                      className="button button--secondary button--small button--danger-outline"
                      disabled={fields.length === 1}
                      id={`stage-${field.key}-remove`}
                      onClick={(event) => removeStage(event, index)}
                    >
                      Remove
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button
          type="submit"
          name="intent"
          value="add-stage"
          className="button button--secondary"
          id="add-stage"
          onClick={addStage}
          disabled={fields.length >= 30}
        >
          Add stage
        </button>
      </section>

      <div className="row">
        <button type="submit" name="intent" value="save" className="button" disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}

/** Hours and days on the job's clock; minutes only for a stored time that is not whole hours, so it shows back. */
function decisionUnits(counting: DurationCounting, current: DurationFieldUnit): DurationUnitOption[] {
  const units: DurationFieldUnit[] = current === "minutes" ? ["days", "hours", "minutes"] : ["days", "hours"];
  return units.map((unit) => ({ value: unit, label: durationUnitLabel(unit, counting) }));
}

function PeopleOptions({ people }: { people: PersonOption[] }) {
  return (
    <>
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.active ? person.name : `${person.name} (deactivated)`}
        </option>
      ))}
    </>
  );
}
