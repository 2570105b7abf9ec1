// GET /api/v1/metrics: the dashboard's figures for a window [from, to) and optional filters, scoped to
// what the token's account may see (hiring managers: their jobs). Definitions: docs/metrics.md.
import { metricsQuerySchema, filtersFromQuery } from "~/domain/metrics/query";
import { loadMetricsReport } from "~/models/metrics/report.server";
import { presentMetrics, metricsResource } from "~/web/api-metrics-resources.server";
import { ApiError, apiJson, apiRoute, parseQuery } from "~/web/api.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ request, principal }) {
    const query = parseQuery(request, metricsQuerySchema);
    if (principal.role === "interviewer") {
      throw new ApiError("forbidden", "Interviewers do not see metrics; ask a recruiter or hiring manager.");
    }
    return apiJson(presentMetrics(await loadMetricsReport(principal.actor, filtersFromQuery(query))));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/metrics",
    operationId: "getMetrics",
    summary: "The metrics report for a window",
    description:
      "The dashboard's figures for applications, clocks and survey answers in [from, to), scoped to the " +
      "jobs the token's account may see (hiring managers: their own; interviewers: 403). Attainment and rates are " +
      "fractions 0–1, durations wall-clock minutes; a figure without data is null, never 0 ÷ 0. The window may " +
      "span at most two years. Definitions: docs/metrics.md.",
    tag: "Metrics",
    query: metricsQuerySchema,
    success: { status: 200, description: "The report.", schema: metricsResource },
    errors: [400, 403],
  },
];
