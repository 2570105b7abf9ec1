// GET /readyz: 200 {"ready":true} once start-up has finished (migrations applied, demo data prepared, workers started)
// and while the database answers; 503 before that and from the moment shutdown begins — for load balancers and
// orchestrators deciding whether to send this instance traffic. /healthz stays the liveness check.
import { databaseAnswers } from "~/platform/database-answers.server";
import { lifecyclePhase } from "~/platform/lifecycle.server";
import { apiJson, ApiError, errorResponse, publicApiRoute } from "~/web/api.server";
import { readinessResource } from "~/web/api-resources.server";
import { type ApiOperation } from "~/web/openapi.server";

const NOT_READY = {
  starting: "Hearback is starting.",
  draining: "Hearback is shutting down.",
} as const;

const handle = publicApiRoute({
  async GET() {
    const phase = lifecyclePhase();
    if (phase !== "ready") return errorResponse(new ApiError("service_unavailable", NOT_READY[phase]));
    if (!(await databaseAnswers())) {
      return errorResponse(new ApiError("service_unavailable", "The database is not answering."));
    }
    // Shutdown may have begun while the database was asked.
    if (lifecyclePhase() !== "ready") return errorResponse(new ApiError("service_unavailable", NOT_READY.draining));
    return apiJson({ ready: true });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/readyz",
    operationId: "getReadiness",
    summary: "Readiness check",
    description:
      "200 once start-up has finished and while the database answers; 503 while starting, when the database does " +
      "not answer, and from the moment the server begins to shut down.",
    tag: "System",
    authenticated: false,
    success: { status: 200, description: "This instance takes traffic.", schema: readinessResource },
    errors: [503],
  },
];
