// GET /api/v1/applications/:applicationId/sla?at=ISO: the application's SLA clocks replayed from its event log as of
// `at` (default now; events after it are ignored), with the policy in force and the promised "hear back by" date.
import { applicationClocksAsOf } from "~/models/sla/as-of.server";
import { asOfQuerySchema, presentApplicationSla, applicationSlaResource } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseQuery } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ request, params, principal }) {
    const query = parseQuery(request, asOfQuerySchema);
    const sla = await applicationClocksAsOf(params.applicationId ?? "", principal.actor, query.at ?? new Date());
    if (!sla) throw new NotFoundError("The application");
    return apiJson(presentApplicationSla(sla));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/applications/{applicationId}/sla",
    operationId: "getApplicationSla",
    summary: "An application's SLA clocks as of an instant",
    description:
      "Replayed from the event log as of `at` (default now): events after it are ignored, and only clock " +
      "instances started at or before it are listed. Uses today's policy and schedule; a schedule without open " +
      "hours under business-hours targets is a 409.",
    tag: "SLA clocks",
    query: asOfQuerySchema,
    success: { status: 200, description: "The clocks.", schema: applicationSlaResource },
    errors: [400, 404, 409],
  },
];
