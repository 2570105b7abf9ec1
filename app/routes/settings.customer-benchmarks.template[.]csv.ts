// The CSV template for importing customer benchmarks: the header row and one example row per metric.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { BENCHMARK_CSV_TEMPLATE } from "~/domain/metrics/benchmark-csv";
import { csvResponse } from "~/web/csv.server";
import { requireMetricsViewer } from "~/web/metrics-access.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMetricsViewer(request);
  return csvResponse("customer-benchmarks-template.csv", BENCHMARK_CSV_TEMPLATE);
}
