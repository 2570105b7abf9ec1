// Settings → Customer benchmarks: the support team's figures that candidate figures are compared with (Importance
// parity). Admins enter them per metric or import a CSV file; recruiters and hiring managers may read them.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ParityBenchmarkForm } from "~/components/metrics/parity-benchmark-form";
import { ParityCsvImport } from "~/components/metrics/parity-csv-import";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { BENCHMARK_CSV_MAX_BYTES, parseBenchmarkCsv } from "~/domain/metrics/benchmark-csv";
import {
  benchmarkFormSchema,
  benchmarkFormValues,
  benchmarkInputFromForm,
  type BenchmarkFormValues,
} from "~/domain/metrics/customer-benchmarks";
import { CUSTOMER_METRIC_LABELS, CUSTOMER_METRICS, type CustomerMetricName } from "~/domain/metrics/importance";
import { can } from "~/domain/permissions";
import {
  clearCustomerBenchmark,
  getCustomerBenchmarks,
  importCustomerBenchmarks,
  saveCustomerBenchmark,
} from "~/models/customer-benchmark.server";
import { requirePermission } from "~/web/auth.server";
import { defineIntent, dispatchIntent } from "~/web/intents.server";
import type { FieldErrors } from "~/domain/forms";
import { requireMetricsViewer } from "~/web/metrics-access.server";

export const meta: MetaFunction = () => [{ title: "Customer benchmarks · Hearback" }];

const MAX_KILOBYTES = BENCHMARK_CSV_MAX_BYTES / 1024;
// A multipart post carries some bytes of its own besides the file; anything much bigger is refused unread.
const MAX_POST_BYTES = BENCHMARK_CSV_MAX_BYTES + 16 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  // Everyone who sees metrics may read the customer figures; only admins (manage_settings) change them.
  const user = await requireMetricsViewer(request);
  const benchmarks = await getCustomerBenchmarks();
  return {
    canEdit: can(user.role, "manage_settings"),
    timeZone: user.timeZone,
    metrics: CUSTOMER_METRICS.map((metric) => ({
      metric,
      stored: benchmarks[metric],
      values: benchmarkFormValues(metric, benchmarks[metric]),
    })),
  };
}

type ActionData =
  | { ok: true; message: string; revision: number }
  | { ok: false; intent: "save"; metric: CustomerMetricName; errors: FieldErrors; values: BenchmarkFormValues }
  | { ok: false; intent: "import"; importErrors: string[] };

function importFailure(importErrors: string[], status = 400) {
  return data<ActionData>({ ok: false, intent: "import", importErrors }, { status });
}

function done(message: string) {
  return data<ActionData>({ ok: true, message, revision: Date.now() });
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
    return importFailure([`The file is larger than ${MAX_KILOBYTES} KB; a file of three rows is far smaller.`], 413);
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
  const { canEdit, timeZone, metrics } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failedSave = answer && !answer.ok && answer.intent === "save" ? answer : null;
  return (
    <>
      <PageHeader
        title="Customer benchmarks"
        description="Your customer-support team’s response times. The metrics dashboard sets candidates’ figures beside them: are candidates treated like customers?"
      />
      <div role="status">{answer?.ok ? <p className="alert alert--success">{answer.message}</p> : null}</div>
      {canEdit ? null : <Alert>Only admins can change these figures.</Alert>}
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
