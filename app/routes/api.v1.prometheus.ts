// GET /api/v1/prometheus: this instance's metrics in the Prometheus text format, for a Prometheus server to scrape
// with an API token (docs/operations.md): request durations by route, delivery queues and results, open and breached
// SLA clocks, sweeper lag, recomputes, inbound mail and the process's own figures.
import { z } from "zod";
import { refreshOperationsGauges } from "~/models/operations-metrics.server";
import { prometheusExposition } from "~/platform/prometheus.server";
import { apiRoute, requireApiPermission } from "~/web/api.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ principal }) {
    requireApiPermission(principal, "view_all_jobs");
    await refreshOperationsGauges();
    const { body, contentType } = await prometheusExposition();
    return new Response(body, {
      headers: { "Content-Type": contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/prometheus",
    operationId: "getPrometheusMetrics",
    summary: "Metrics for Prometheus",
    description:
      "This instance's metrics in the Prometheus text exposition format 0.0.4, every name prefixed hearback_: " +
      "request durations by route, delivery queue depth and oldest due age (email, webhook, chat), deliveries by " +
      "result, open and breached SLA clocks by metric, SLA sweep lag, recompute progress, inbound mail by result, " +
      "and the Node.js process. Needs a token of an admin or recruiter (or one without an owner). Each instance " +
      "answers for its own process; the database figures are the same from every instance.",
    tag: "System",
    success: {
      status: 200,
      description: "The metrics as text.",
      contentType: "text/plain; version=0.0.4; charset=utf-8",
      schema: z.string(),
    },
    errors: [403],
  },
];
