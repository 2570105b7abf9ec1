// GET /api/v1/metrics: the dashboard's figures for a window [from, to) and optional filters, scoped to
// what the token's account may see (hiring managers: their jobs). Definitions: docs/metrics.md.
import { metricsQuerySchema, filtersFromQuery } from "~/domain/metrics/query";
import { loadMetricsReport } from "~/models/metrics/report.server";
import { presentMetrics } from "~/web/api-metrics-resources.server";
import { ApiError, apiJson, apiRoute, parseQuery } from "~/web/api.server";

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
