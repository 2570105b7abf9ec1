// The schedule editor: name, time zone, opening intervals per weekday, holidays and holiday import. Every add/remove
// and import button posts an intent that the server applies to the submitted values (with or without JavaScript);
// nothing is saved until Save.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { scheduleFormSchema, type HolidayFormValues, type ScheduleFormValues } from "~/domain/sla/schedule-form";
import { WEEKDAY_LABELS, WEEKDAYS } from "~/domain/sla/schedule";
import type { FieldErrors } from "~/domain/forms";
import { INCLUDE_TIMED_LABEL } from "~/domain/sla/holiday-import-notice";
import type { SkippedEvent } from "~/domain/sla/ics-import";
import { useHydrated } from "~/components/ui/use-hydrated";
import { useFormCheck } from "./use-form-check";

type Option = { code: string; name: string };

export type ScheduleEditorProps = {
  values: ScheduleFormValues;
  errors?: FieldErrors;
  notice?: string;
  imported?: HolidayFormValues[];
  /** Events of an imported .ics file that were left out, and why. */
  skipped?: SkippedEvent[];
  /** The .ics import imports timed events too. */
  includeTimedEvents?: boolean;
  importCountry?: string;
  importRegion?: string;
  /** Where keyboard focus goes after an editor step (the form remounts with the server's answer). */
  focusId?: string;
  timeZones: string[];
  countries: Option[];
  regions: Record<string, Option[]>;
  submitLabel: string;
};

export function ScheduleEditor({
  values,
  errors: serverErrors = {},
  notice,
  imported = [],
  skipped = [],
  includeTimedEvents = false,
  importCountry = "",
  importRegion = "",
  focusId,
  timeZones,
  countries,
  regions,
  submitLabel,
}: ScheduleEditorProps) {
  const { errors, onSubmit } = useFormCheck(scheduleFormSchema, serverErrors);
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const [country, setCountry] = useState(importCountry);
  const busy = navigation.state === "submitting";
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId]);
  const fieldErrorCount = Object.keys(errors).filter((key) => key !== "form").length;
  const zones = timeZones.includes(values.timeZone) || !values.timeZone ? timeZones : [values.timeZone, ...timeZones];
  // Without JavaScript the region list cannot follow the country select: it lists every country's regions.
  const regionGroups = hydrated
    ? countries.filter((option) => option.code === country && regions[option.code])
    : countries.filter((option) => regions[option.code]);

  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="stack schedule-editor">
      {/* Enter in a text field presses the first submit button: make that Save. */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      {errors.form || fieldErrorCount > 0 ? (
        <Alert tone="error">
          {errors.form ? <p>{errors.form}</p> : null}
          {fieldErrorCount > 0 ? <p>Please correct the fields marked below. Nothing was saved.</p> : null}
        </Alert>
      ) : null}
      <div role="status">
        {notice ? (
          <p className="alert alert--info" id="schedule-notice" tabIndex={-1}>
            {notice}
          </p>
        ) : null}
      </div>
      {imported.length > 0 ? (
        <details className="card" open>
          <summary>
            {imported.length} imported {imported.length === 1 ? "holiday" : "holidays"} (not saved yet)
          </summary>
          <ul className="small imported-holidays">
            {imported.map((holiday) => (
              <li key={`${holiday.date}-${holiday.closedFrom}`}>
                {holiday.date} {holiday.name}
                {holiday.closedFrom ? ` (closed ${holiday.closedFrom}–${holiday.closedUntil})` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {skipped.length > 0 ? (
        <details className="card" open>
          <summary>
            {skipped.length} {skipped.length === 1 ? "event" : "events"} of the file skipped (not imported)
          </summary>
          <ul className="small imported-holidays">
            {skipped.map((event, index) => (
              <li key={index}>
                {event.name}: {event.reason}.
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <section className="card" aria-labelledby="schedule-details-heading">
        <h2 id="schedule-details-heading">Name and time zone</h2>
        <div className="form-grid">
          <Field label="Name" error={errors.name}>
            <input type="text" name="name" defaultValue={values.name} autoComplete="off" required />
          </Field>
          <Field
            label="Time zone"
            hint="Opening hours and holidays are in this time zone; daylight saving time is followed."
            error={errors.timeZone}
          >
            <select name="timeZone" defaultValue={values.timeZone}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>

      <section className="card" aria-labelledby="hours-heading">
        <h2 id="hours-heading" tabIndex={-1}>
          Opening hours
        </h2>
        <p className="muted small">
          Business-hours targets count only these hours. Add several intervals to a day for a lunch break or split
          shifts. Times are 24-hour (09:00, 17:30); a closing time of 24:00 means the end of the day.
        </p>
        {errors.hours ? <p className="field-error">{errors.hours}</p> : null}
        <div className="weekday-list">
          {WEEKDAYS.map((day) => {
            const rows = values.hours
              .map((entry, index) => ({ entry, index }))
              .filter(({ entry }) => entry.day === day);
            return (
              <fieldset key={day} className="weekday">
                <legend>{WEEKDAY_LABELS[day]}</legend>
                {rows.length === 0 ? <p className="muted small weekday__closed">Closed</p> : null}
                <ul className="interval-list">
                  {rows.map(({ entry, index }, position) => {
                    const label = `${WEEKDAY_LABELS[day]}, interval ${position + 1}`;
                    return (
                      <li key={index} className="interval">
                        <input type="hidden" name={`hours.${index}.day`} value={day} />
                        <TimeInput
                          name={`hours.${index}.open`}
                          label="Opens"
                          prefix={label}
                          value={entry.open}
                          error={errors[`hours.${index}.open`]}
                        />
                        <span aria-hidden="true" className="interval__dash">
                          –
                        </span>
                        <TimeInput
                          name={`hours.${index}.close`}
                          label="Closes"
                          prefix={label}
                          value={entry.close}
                          error={errors[`hours.${index}.close`]}
                        />
                        <button
                          type="submit"
                          name="intent"
                          value={`remove-interval:${index}`}
                          className="button button--secondary button--small button--danger-outline"
                          aria-label={`Remove ${label} (${entry.open}–${entry.close})`}
                        >
                          Remove
                        </button>
                        {errors[`hours.${index}.day`] ? (
                          <span className="field-error">{errors[`hours.${index}.day`]}</span>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
                <button
                  type="submit"
                  name="intent"
                  value={`add-interval:${day}`}
                  id={`add-interval-${day}`}
                  className="button button--secondary button--small"
                >
                  Add interval<span className="visually-hidden"> on {WEEKDAY_LABELS[day]}</span>
                </button>
              </fieldset>
            );
          })}
        </div>
      </section>

      <section className="card" aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">Holidays</h2>
        <p className="muted small">
          Closed all day, or only from–until on that date (leave both times empty for the whole day). Clocks do not
          count on holidays.
        </p>
        {values.holidays.length === 0 ? (
          <p className="muted">No holidays yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="holiday-table table--stack">
              <caption className="visually-hidden">Holidays</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Name</th>
                  <th scope="col">Closed from</th>
                  <th scope="col">Closed until</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {values.holidays.map((holiday, index) => {
                  const label = `Holiday ${index + 1}`;
                  return (
                    <tr key={`${index}-${holiday.date}`}>
                      <td data-label="Date">
                        <CellInput
                          type="date"
                          name={`holidays.${index}.date`}
                          label={`${label}: date`}
                          value={holiday.date}
                          error={errors[`holidays.${index}.date`]}
                        />
                      </td>
                      <td data-label="Name">
                        <CellInput
                          name={`holidays.${index}.name`}
                          label={`${label}: name`}
                          value={holiday.name}
                          error={errors[`holidays.${index}.name`]}
                        />
                      </td>
                      <td data-label="Closed from">
                        <CellInput
                          name={`holidays.${index}.closedFrom`}
                          label={`${label}: closed from (empty for the whole day)`}
                          value={holiday.closedFrom}
                          error={errors[`holidays.${index}.closedFrom`]}
                          placeholder="whole day"
                          time
                        />
                      </td>
                      <td data-label="Closed until">
                        <CellInput
                          name={`holidays.${index}.closedUntil`}
                          label={`${label}: closed until`}
                          value={holiday.closedUntil}
                          error={errors[`holidays.${index}.closedUntil`]}
                          placeholder="whole day"
                          time
                        />
                      </td>
                      <td>
                        <button
                          type="submit"
                          name="intent"
                          value={`remove-holiday:${index}`}
                          className="button button--secondary button--small button--danger-outline"
                          aria-label={`Remove ${label}${holiday.date ? ` (${holiday.date} ${holiday.name})` : ""}`}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {errors.holidays ? <p className="field-error">{errors.holidays}</p> : null}
        <button
          type="submit"
          name="intent"
          value="add-holiday"
          id="add-holiday"
          className="button button--secondary button--small"
        >
          Add holiday
        </button>

        <fieldset className="holiday-import">
          <legend>Import holidays for this year and next</legend>
          <p className="muted small">Imported holidays are added to the list above. Save the schedule to keep them.</p>
          <div className="holiday-import__grid">
            <div className="holiday-import__source">
              <Field
                label="From a calendar file (.ics)"
                hint="E.g. exported from Outlook or Google Calendar."
                error={errors.icsFile}
              >
                <input type="file" name="icsFile" accept=".ics,text/calendar" />
              </Field>
              <div className="checkbox-field">
                <input
                  type="checkbox"
                  id="includeTimedEvents"
                  name="includeTimedEvents"
                  defaultChecked={includeTimedEvents}
                  aria-describedby="includeTimedEvents-hint"
                />
                <label htmlFor="includeTimedEvents">{INCLUDE_TIMED_LABEL}</label>
                <span id="includeTimedEvents-hint" className="hint small muted">
                  Meetings and appointments become part-day closures. Off: only all-day events and events marked out of
                  office are imported.
                </span>
              </div>
              <button
                type="submit"
                name="intent"
                value="import-ics"
                className="button button--secondary"
                disabled={busy}
              >
                Import from file
              </button>
            </div>
            <div className="holiday-import__source">
              <Field label="Country’s public holidays" error={errors.importCountry}>
                <select
                  name="importCountry"
                  defaultValue={importCountry}
                  onChange={(event) => setCountry(event.currentTarget.value)}
                >
                  <option value="">Choose a country</option>
                  {countries.map((option) => (
                    <option key={option.code} value={option.code}>
                      {option.name} ({option.code})
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Region (optional)" hint="Adds the region’s own holidays." error={errors.importRegion}>
                <select name="importRegion" defaultValue={importRegion} key={hydrated ? country : "all"}>
                  <option value="">Whole country</option>
                  {regionGroups.map((group) => (
                    <optgroup key={group.code} label={group.name}>
                      {regions[group.code]!.map((region) => (
                        <option key={region.code} value={`${group.code}:${region.code}`}>
                          {region.name} ({region.code})
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </Field>
              <button
                type="submit"
                name="intent"
                value="import-country"
                className="button button--secondary"
                disabled={busy}
              >
                Import public holidays
              </button>
            </div>
          </div>
        </fieldset>
      </section>

      <div className="row">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {busy ? "Working…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}

function TimeInput({
  name,
  label,
  prefix,
  value,
  error,
}: {
  name: string;
  label: string;
  prefix: string;
  value: string;
  error?: string;
}) {
  const id = `field-${name.replaceAll(".", "-")}`;
  return (
    <span className="interval__time">
      <label htmlFor={id} className="small">
        <span className="visually-hidden">{prefix}, </span>
        {label}
      </label>
      <input
        type="text"
        id={id}
        name={name}
        defaultValue={value}
        inputMode="numeric"
        placeholder="09:00"
        size={5}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}

function CellInput({
  name,
  label,
  value,
  error,
  type = "text",
  placeholder,
  time = false,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  type?: "text" | "date";
  placeholder?: string;
  time?: boolean;
}) {
  const id = `field-${name.replaceAll(".", "-")}`;
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        type={type}
        id={id}
        name={name}
        defaultValue={value}
        placeholder={placeholder}
        inputMode={time ? "numeric" : undefined}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
