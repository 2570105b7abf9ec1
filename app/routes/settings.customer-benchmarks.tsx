// Settings → Customer benchmarks: the support team's figures that candidate figures are compared with (Importance
// parity). Admins import them from a helpdesk's ticket export, enter them per metric or import the CSV template;
// recruiters and hiring managers may read them.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { HelpdeskImportForm, type HelpdeskImportValues } from "~/components/metrics/helpdesk-import-form";
import { ParityBenchmarkForm } from "~/components/metrics/parity-benchmark-form";
import { ParityCsvImport } from "~/components/metrics/parity-csv-import";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { SettingsBreadcrumb } from "~/components/ui/settings-breadcrumb";
import { BENCHMARK_CSV_MAX_BYTES, parseBenchmarkCsv } from "~/domain/metrics/benchmark-csv";
import {
  benchmarkFormSchema,
  benchmarkFormValues,
  benchmarkInputFromForm,
  type BenchmarkFormValues,
} from "~/domain/metrics/customer-benchmarks";
import { decodeExport } from "~/domain/metrics/helpdesk-import/decode";
import { DEFAULT_HELPDESK_TARGETS, helpdeskImportFieldsSchema } from "~/domain/metrics/helpdesk-import/form";
import {
  HELPDESK_EXPORT_MAX_BYTES,
  importHelpdeskExport,
  shortDay,
  type HelpdeskFigures,
} from "~/domain/metrics/helpdesk-import/import";
import { formatDuration } from "~/domain/metrics/figures";
import {
  CUSTOMER_METRIC_LABELS,
  CUSTOMER_METRICS,
  formatPercent,
  type CustomerMetricName,
} from "~/domain/metrics/importance";
import { can } from "~/domain/permissions";
import {
  clearCustomerBenchmark,
  getCustomerBenchmarks,
  importCustomerBenchmarks,
  importHelpdeskBenchmarks,
  saveCustomerBenchmark,
} from "~/models/customer-benchmark.server";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import type { FieldErrors } from "~/domain/forms";
import { requireMetricsViewer } from "~/web/metrics-access.server";

export const meta: MetaFunction = () => [{ title: "Customer benchmarks · Hearback" }];

const MAX_KILOBYTES = BENCHMARK_CSV_MAX_BYTES / 1024;
const MAX_HELPDESK_MEGABYTES = HELPDESK_EXPORT_MAX_BYTES / 1024 / 1024;
// A multipart post carries some bytes of its own besides the file; anything much bigger is refused unread. The
// largest file the page takes is a helpdesk export; each import checks its own file's size again.
const MAX_POST_BYTES = HELPDESK_EXPORT_MAX_BYTES + 64 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  // Everyone who sees metrics may read the customer figures; only admins (manage_settings) change them.
  const user = await requireMetricsViewer(request);
  const benchmarks = await getCustomerBenchmarks();
  const helpdeskDefaults: HelpdeskImportValues = {
    vendor: "",
    from: "",
    to: "",
    firstReplyTargetMinutes: String(benchmarks.first_reply?.targetMinutes ?? DEFAULT_HELPDESK_TARGETS.first_reply),
    resolutionTargetMinutes: String(benchmarks.resolution?.targetMinutes ?? DEFAULT_HELPDESK_TARGETS.resolution),
  };
  return {
    canEdit: can(user.role, "manage_settings"),
    timeZone: user.timeZone,
    helpdeskDefaults,
    metrics: CUSTOMER_METRICS.map((metric) => ({
      metric,
      stored: benchmarks[metric],
      values: benchmarkFormValues(metric, benchmarks[metric]),
    })),
  };
}

type ActionData =
  | { ok: true; message: string; revision: number; details?: string[] }
  | { ok: false; intent: "import-helpdesk"; importErrors: string[]; values: HelpdeskImportValues }
  | { ok: false; intent: "save"; metric: CustomerMetricName; errors: FieldErrors; values: BenchmarkFormValues }
  | { ok: false; intent: "import"; importErrors: string[] };

function importFailure(importErrors: string[], status = 400) {
  return data<ActionData>({ ok: false, intent: "import", importErrors }, { status });
}

function done(message: string, details?: string[]) {
  return data<ActionData>({ ok: true, message, revision: Date.now(), details });
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/** What the import worked out, one line per figure, for the page to show after saving. */
function figureLines(figures: HelpdeskFigures): string[] {
  return figures.metrics.map((metric) => {
    const label = CUSTOMER_METRIC_LABELS[metric.metric];
    const median =
      metric.medianMinutes === null ? "no median (none answered)" : `median ${formatDuration(metric.medianMinutes)}`;
    const attainment =
      metric.attainment === null
        ? "attainment not known yet"
        : `${formatPercent(metric.attainment)} within ${formatDuration(metric.targetMinutes)}`;
    const waiting = metric.overdue + metric.pending > 0 ? `; ${metric.overdue + metric.pending} still open` : "";
    const hours = metric.businessHours ? " (business hours)" : "";
    return `${label}: ${median}, ${attainment}${hours} — ${metric.answered} answered${waiting}.`;
  });
}

async function importHelpdesk(formData: FormData, actorId: string) {
  const values: HelpdeskImportValues = {
    vendor: text(formData.get("vendor")),
    from: text(formData.get("from")),
    to: text(formData.get("to")),
    firstReplyTargetMinutes: text(formData.get("firstReplyTargetMinutes")),
    resolutionTargetMinutes: text(formData.get("resolutionTargetMinutes")),
  };
  const failure = (importErrors: string[], status = 400) =>
    data<ActionData>({ ok: false, intent: "import-helpdesk", importErrors, values }, { status });
  const fields = helpdeskImportFieldsSchema.safeParse(values);
  if (!fields.success) return failure(fields.error.issues.map((issue) => issue.message));
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return failure(["Choose the CSV file your helpdesk exported."]);
  if (file.size > HELPDESK_EXPORT_MAX_BYTES) {
    return failure(
      [`The file is larger than ${MAX_HELPDESK_MEGABYTES} MB. Export a shorter period (90 days is plenty).`],
      413,
    );
  }
  const result = importHelpdeskExport(decodeExport(new Uint8Array(await file.arrayBuffer())), {
    vendor: fields.data.vendor,
    from: fields.data.from,
    to: fields.data.to,
    targets: {
      first_reply: fields.data.firstReplyTargetMinutes ?? DEFAULT_HELPDESK_TARGETS.first_reply,
      resolution: fields.data.resolutionTargetMinutes ?? DEFAULT_HELPDESK_TARGETS.resolution,
    },
  });
  if (!result.ok) return failure(result.errors);
  const { figures } = result;
  await importHelpdeskBenchmarks(figures, actorId, file.name || null);
  const period = `${shortDay(new Date(`${figures.period.from}T00:00:00Z`))}–${shortDay(new Date(`${figures.period.to}T00:00:00Z`))}`;
  const tickets = `${figures.tickets.toLocaleString("en")} ${figures.tickets === 1 ? "ticket" : "tickets"}`;
  return done(`Imported from ${figures.vendorLabel} export: ${tickets} created ${period}.`, figureLines(figures));
}

async function importFile(file: FormDataEntryValue | null, actorId: string) {
  if (!(file instanceof File) || file.size === 0) return importFailure(["Choose a CSV file to import."]);
  if (file.size > BENCHMARK_CSV_MAX_BYTES) {
    return importFailure([`The file is larger than ${MAX_KILOBYTES} KB; a file of three rows is far smaller.`], 413);
  }
  const parsed = parseBenchmarkCsv(await file.text());
  if (!parsed.ok) return importFailure(parsed.errors);
  const changed = await importCustomerBenchmarks(parsed.rows, actorId, file.name);
  const name = file.name || "the file";
  if (changed === 0) return done(`Nothing changed: ${name} holds the figures already saved.`);
  return done(`Imported ${changed} ${changed === 1 ? "metric" : "metrics"} from ${name}.`);
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage_settings");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_POST_BYTES) {
    return importFailure([`The file is larger than ${MAX_HELPDESK_MEGABYTES} MB; nothing was read or saved.`], 413);
  }
  const formData = await request.formData();
  const posted = CUSTOMER_METRICS.find((name) => name === formData.get("metric"));
  // Every intent but the import acts on one metric: without a known one the post is refused before anything else,
  // an unknown intent included.
  const knownMetric = () => {
    if (!posted) throw new Response("Unknown metric.", { status: 400 });
    return { metric: posted, label: CUSTOMER_METRIC_LABELS[posted].toLowerCase() };
  };
  return dispatchIntent(formData, {
    intents: {
      import: defineIntent({ run: () => importFile(formData.get("file"), admin.id) }),
      "import-helpdesk": defineIntent({ run: () => importHelpdesk(formData, admin.id) }),
      clear: defineIntent({
        run: async () => {
          const { metric, label } = knownMetric();
          const cleared = await clearCustomerBenchmark(metric, admin.id);
          return done(cleared ? `Removed the ${label} figures.` : `There were no ${label} figures to remove.`);
        },
      }),
      save: defineIntent({
        guard: () => void knownMetric(),
        schema: benchmarkFormSchema,
        invalid: ({ errors, values: typed }) => {
          const { metric } = knownMetric();
          const values = { ...benchmarkFormValues(metric), ...(typed as Partial<BenchmarkFormValues>), metric };
          return data<ActionData>({ ok: false, intent: "save", metric, errors, values }, { status: 400 });
        },
        run: async ({ input }) => {
          const { label } = knownMetric();
          await saveCustomerBenchmark(benchmarkInputFromForm(input), admin.id);
          return done(`Saved the ${label} figures.`);
        },
      }),
    },
    unknown: () => {
      knownMetric();
      throw new Response("Unknown action.", { status: 400 });
    },
  });
}

export default function CustomerBenchmarksPage() {
  const { canEdit, timeZone, metrics, helpdeskDefaults } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failedSave = answer && !answer.ok && answer.intent === "save" ? answer : null;
  const failedHelpdesk = answer && !answer.ok && answer.intent === "import-helpdesk" ? answer : null;
  return (
    <>
      <SettingsBreadcrumb />
      <PageHeader
        title="Customer benchmarks"
        description="Your customer-support team’s response times. The metrics dashboard sets candidates’ figures beside them: are candidates treated like customers?"
      />
      <div role="status">
        {answer?.ok ? (
          <div className="alert alert--success">
            <p>{answer.message}</p>
            {answer.details && answer.details.length > 0 ? (
              <ul>
                {answer.details.map((line: string) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {canEdit ? null : <Alert>Only admins can change these figures.</Alert>}
      {canEdit ? (
        <HelpdeskImportForm
          // A new key after every answer, so a successful import shows the defaults again.
          key={answer?.ok ? answer.revision : "helpdesk"}
          values={failedHelpdesk?.values ?? helpdeskDefaults}
          errors={failedHelpdesk?.importErrors}
          maxMegabytes={MAX_HELPDESK_MEGABYTES}
        />
      ) : null}
      {metrics.map(({ metric, stored, values }) => {
        const failed = failedSave?.metric === metric ? failedSave : null;
        return (
          <ParityBenchmarkForm
            // A new key after every answer, so the form shows what was saved (or what was posted, when it failed).
            key={`${metric}-${stored ? new Date(stored.updatedAt).getTime() : "none"}-${answer?.ok ? answer.revision : ""}`}
            metric={metric}
            stored={stored}
            values={failed?.values ?? values}
            errors={failed?.errors}
            canEdit={canEdit}
            timeZone={timeZone}
          />
        );
      })}
      {canEdit ? (
        <ParityCsvImport
          maxKilobytes={MAX_KILOBYTES}
          errors={answer && !answer.ok && answer.intent === "import" ? answer.importErrors : []}
        />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
