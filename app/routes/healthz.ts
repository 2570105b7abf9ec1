// GET /healthz: 200 {"ok":true} while the database answers, 503 otherwise — for load balancers and uptime checks.
import { apiJson, ApiError, errorResponse, publicApiRoute } from "~/web/api.server";
import { databaseAnswers } from "~/platform/database-answers.server";
import { healthResource } from "~/web/api-resources.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = publicApiRoute({
  async GET() {
    if (await databaseAnswers()) return apiJson({ ok: true });
    return errorResponse(new ApiError("service_unavailable", "The database is not answering."));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/healthz",
    operationId: "getHealth",
    summary: "Health check",
    description: "200 while the database answers.",
    tag: "System",
    authenticated: false,
    success: { status: 200, description: "The service and its database answer.", schema: healthResource },
    errors: [503],
  },
];
