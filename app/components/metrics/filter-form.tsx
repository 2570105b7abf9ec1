// The dashboard's filters: a plain GET form (works without JavaScript) whose choices are only the jobs, departments
// and people the viewer may see.
import { Form, Link } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import type { MetricsFilterOptions } from "~/models/metrics-filter-options.server";
import type { FilterValues } from "./filters";

type Option = { value: string; label: string };

function Select({
  name,
  label,
  any,
  options,
  value,
}: {
  name: string;
  label: string;
  any: string;
  options: Option[];
  value: string;
}) {
  return (
    <Field label={label} id={`metrics-${name}`}>
      <select name={name} defaultValue={value}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function MetricsFilterForm({
  values,
  errors,
  options,
  showHiringManager,
  keep = {},
}: {
  /** Other choices on the page (the parity grouping) to carry through a new filter. */
  keep?: Record<string, string>;
  values: FilterValues;
  errors: Partial<Record<"from" | "to", string>>;
  options: MetricsFilterOptions;
  showHiringManager: boolean;
}) {
  const people = (list: { id: string; name: string }[]) => list.map(({ id, name }) => ({ value: id, label: name }));
  const filtered = Boolean(values.jobId || values.department || values.recruiterId || values.hiringManagerId);
  return (
    <Form method="get" className="filter-bar metrics-filters" aria-label="Filter the dashboard">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label="From" id="metrics-from" error={errors.from}>
        <input type="date" name="from" defaultValue={values.from} required />
      </Field>
      <Field label="To (included)" id="metrics-to" error={errors.to}>
        <input type="date" name="to" defaultValue={values.to} required />
      </Field>
      <Select name="jobId" label="Job" any="All jobs" options={people(options.jobs)} value={values.jobId} />
      <Select
        name="department"
        label="Department"
        any="All departments"
        options={options.departments.map((department) => ({ value: department, label: department }))}
        value={values.department}
      />
      <Select
        name="recruiterId"
        label="Recruiter"
        any="Any recruiter"
        options={people(options.recruiters)}
        value={values.recruiterId}
      />
      {showHiringManager ? (
        <Select
          name="hiringManagerId"
          label="Hiring manager"
          any="Any hiring manager"
          options={people(options.hiringManagers)}
          value={values.hiringManagerId}
        />
      ) : null}
      <button type="submit" className="button button--secondary">
        Show figures
      </button>
      {filtered ? <Link to=".">Clear filters</Link> : null}
    </Form>
  );
}
