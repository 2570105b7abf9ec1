// One customer metric's figures: an editable form for admins (checked in the browser and on the server by the same
// schema; a plain post without JavaScript), or the figures read-only for everyone else who sees metrics.
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { DateTime } from "~/components/ui/date-time";
import { Field } from "~/components/ui/field";
import { formatDuration } from "~/domain/metrics/figures";
import { provenanceSentence, type BenchmarkProvenance } from "~/domain/metrics/helpdesk-import/provenance";
import { benchmarkFormSchema, type BenchmarkFormValues } from "~/domain/metrics/customer-benchmarks";
import {
  CANDIDATE_METRIC_LABELS,
  CUSTOMER_METRIC_LABELS,
  formatPercent,
  type CustomerMetricName,
} from "~/domain/metrics/importance";
import type { FieldErrors } from "~/domain/forms";
import { useValidatedForm } from "~/components/ui/validated-form";

export type StoredBenchmark = {
  targetMinutes: number;
  attainment: number | null;
  medianMinutes: number | null;
  source: string | null;
  updatedAt: Date | string;
  updatedBy: { name: string } | null;
  provenance?: BenchmarkProvenance;
};

type Props = {
  metric: CustomerMetricName;
  stored: StoredBenchmark | null;
  values: BenchmarkFormValues;
  errors?: FieldErrors;
  canEdit: boolean;
  timeZone: string;
};

function LastChange({ stored, timeZone }: { stored: StoredBenchmark; timeZone: string }) {
  if (stored.provenance) return <p className="muted small">{provenanceSentence(stored.provenance, timeZone)}</p>;
  return (
    <p className="muted small">
      Last changed <DateTime value={stored.updatedAt} timeZone={timeZone} />
      {stored.updatedBy ? ` by ${stored.updatedBy.name}` : null}.
    </p>
  );
}

function ReadOnlyFigures({ stored }: { stored: StoredBenchmark | null }) {
  if (!stored) return <p className="muted">Not entered yet.</p>;
  return (
    <dl className="details">
      <dt>Target</dt>
      <dd>{formatDuration(stored.targetMinutes)}</dd>
      <dt>Attainment</dt>
      <dd>{stored.attainment === null ? "—" : formatPercent(stored.attainment)}</dd>
      <dt>Median</dt>
      <dd>{stored.medianMinutes === null ? "—" : formatDuration(stored.medianMinutes)}</dd>
      <dt>Source</dt>
      <dd>{stored.source ?? "—"}</dd>
    </dl>
  );
}

function EditForm({ metric, values, errors = {} }: Pick<Props, "metric" | "values" | "errors">) {
  const form = useValidatedForm<BenchmarkFormValues>({
    schema: benchmarkFormSchema,
    defaultValues: values,
    serverErrors: errors,
  });
  const { register, errorFor } = form;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("metric") === metric;
  const id = (field: string) => `${metric}-${field}`;
  const label = CUSTOMER_METRIC_LABELS[metric].toLowerCase();
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
      {Object.keys(errors).length > 0 ? (
        <Alert tone="error">
          <p>Please correct the fields marked below. Nothing was saved.</p>
        </Alert>
      ) : null}
      <input type="hidden" {...register("metric")} defaultValue={metric} />
      <div className="form-grid">
        <Field id={id("target")} label="Target (minutes)" error={errorFor("targetMinutes")}>
          <input type="text" inputMode="numeric" {...register("targetMinutes")} defaultValue={values.targetMinutes} />
        </Field>
        <Field
          id={id("attainment")}
          label="Attainment (%)"
          hint="Share of conversations that met the target, like 95."
          error={errorFor("attainmentPercent")}
        >
          <input
            type="text"
            inputMode="decimal"
            {...register("attainmentPercent")}
            defaultValue={values.attainmentPercent}
          />
        </Field>
        <Field id={id("median")} label="Median (minutes)" error={errorFor("medianMinutes")}>
          <input type="text" inputMode="decimal" {...register("medianMinutes")} defaultValue={values.medianMinutes} />
        </Field>
        <Field
          id={id("source")}
          label="Period or source (optional)"
          hint="For example: Zendesk, Q3 2026."
          error={errorFor("source")}
        >
          <input type="text" {...register("source")} defaultValue={values.source} />
        </Field>
      </div>
      <div className="row">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          Save<span className="visually-hidden"> {label} figures</span>
        </button>
      </div>
    </Form>
  );
}

/** A form of its own, so that removing is not held up by the checks of the figures being edited. */
function RemoveForm({ metric }: { metric: CustomerMetricName }) {
  return (
    <Form method="post">
      <input type="hidden" name="metric" value={metric} />
      <button type="submit" name="intent" value="clear" className="button button--secondary button--small">
        {/* One span: the button lays its children out with a gap, which would show as a second space. */}
        <span>
          Remove <span className="visually-hidden">{CUSTOMER_METRIC_LABELS[metric].toLowerCase()} </span>figures
        </span>
      </button>
    </Form>
  );
}

export function ParityBenchmarkForm({ metric, stored, values, errors, canEdit, timeZone }: Props) {
  const headingId = `benchmark-${metric}-heading`;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId}>{CUSTOMER_METRIC_LABELS[metric]}</h2>
        <p className="muted small">Compared with candidates’ {CANDIDATE_METRIC_LABELS[metric].toLowerCase()}.</p>
      </div>
      {canEdit ? <EditForm metric={metric} values={values} errors={errors} /> : <ReadOnlyFigures stored={stored} />}
      {stored ? (
        <div className="row row--between">
          <LastChange stored={stored} timeZone={timeZone} />
          {canEdit ? <RemoveForm metric={metric} /> : null}
        </div>
      ) : null}
    </section>
  );
}
