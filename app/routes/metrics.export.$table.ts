// CSV exports of the dashboard: each table of the report (/metrics/export/weekly?from=…) and each drill-down's whole
// list (/metrics/export/silent?from=…), with the dashboard's filters and the viewer's scope.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { REPORT_TABLES, type ReportTableName } from "~/components/metrics/dashboard-figures";
import { statusLabel } from "~/components/metrics/drill-down-table";
import { parseFilters } from "~/components/metrics/filters";
import { parseDrillDown, type DrillDown } from "~/domain/metrics/drill-downs";
import { CUSTOMER_METRIC_LABELS } from "~/domain/metrics/importance";
import { listDrillDown, type DrillDownRow } from "~/models/metrics/drill-down.server";
import { loadParity, PARITY_GROUPS, type ParityGroupBy, type ParityReport } from "~/models/metrics/parity.server";
import { loadMetricsReport } from "~/models/metrics/report.server";
import type { Actor } from "~/models/scope.server";
import { csvResponse, toCsv } from "~/web/csv.server";
import { requireMetricsViewer } from "~/web/metrics-access.server";
import type { MetricsFilters } from "~/domain/metrics/report";

/** Rows per query and at most in one file: a drill-down larger than this is cut (the file says so in its name). */
const BATCH = 1000;
const MAX_ROWS = 50_000;

async function allDrillDownRows(actor: Actor, filters: MetricsFilters, drillDown: DrillDown, now: Date) {
  const rows: DrillDownRow[] = [];
  let total = 0;
  do {
    const page = await listDrillDown(actor, filters, drillDown, { limit: BATCH, offset: rows.length }, now);
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length === 0) break;
  } while (rows.length < Math.min(total, MAX_ROWS));
  return { rows: rows.slice(0, MAX_ROWS), total };
}

function parityCsv(parity: ParityReport): string {
  const round = (value: number | null, digits: number) =>
    value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
  return toCsv(
    [
      "Group",
      "Metric",
      "Candidate attainment",
      "Customer attainment",
      "Importance index",
      "Candidate median minutes",
      "Customer median minutes",
      "Median ratio",
      "Verdict",
    ],
    parity.rows.flatMap((row) =>
      row.metrics.map((item) => [
        row.label,
        CUSTOMER_METRIC_LABELS[item.metric],
        round(item.candidate.attainment, 4),
        round(item.customer?.attainment ?? null, 4),
        round(item.attainmentIndex, 4),
        round(item.candidate.medianMinutes, 1),
        round(item.customer?.medianMinutes ?? null, 1),
        round(item.medianRatio, 4),
        item.verdict,
      ]),
    ),
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireMetricsViewer(request);
  const table = params.table ?? "";
  const isReportTable = Object.hasOwn(REPORT_TABLES, table);
  const drillDown = parseDrillDown(table);
  if (!isReportTable && !drillDown && table !== "parity")
    throw new Response("There is no such table.", { status: 404 });
  const now = new Date();
  const parsed = parseFilters(new URL(request.url).searchParams, now);
  if (!parsed.ok) throw new Response("Check the dates: the end must be on or after the start.", { status: 400 });
  const period = `${parsed.values.from}-to-${parsed.values.to}`;

  if (table === "parity") {
    const requested = new URL(request.url).searchParams.get("parityBy") ?? "";
    const groupBy = (PARITY_GROUPS as readonly string[]).includes(requested)
      ? (requested as ParityGroupBy)
      : "workspace";
    const parity = await loadParity(user, parsed.filters, groupBy, now);
    return csvResponse(`hearback-parity-by-${groupBy}-${period}.csv`, parityCsv(parity));
  }

  if (isReportTable) {
    const report = await loadMetricsReport(user, parsed.filters, now);
    const { header, rows } = REPORT_TABLES[table as ReportTableName](report);
    return csvResponse(`hearback-${table}-${period}.csv`, toCsv(header, rows));
  }
  if (!drillDown) throw new Response("There is no such table.", { status: 404 });
  const { rows, total } = await allDrillDownRows(user, parsed.filters, drillDown, now);
  const csv = toCsv(
    ["Application", "Candidate", "Job", "Stage", "Status", "Applied at (UTC)", "Details"],
    rows.map((row) => [
      row.applicationId,
      row.candidateName,
      row.jobTitle,
      row.stageName,
      statusLabel(row.status),
      row.appliedAt,
      row.detail,
    ]),
  );
  const cut = total > rows.length ? `-first-${rows.length}-of-${total}` : "";
  return csvResponse(`hearback-${table.replaceAll("_", "-")}-${period}${cut}.csv`, csv);
}
