// GET /api/v1/schedules/:scheduleId/elapsed?from=ISO&to=ISO: business minutes in [from, to). A schedule without open
// hours cannot answer: 409.
import { businessMinutesBetween } from "~/models/sla/calculator.server";
import { elapsedQuerySchema, elapsedResource } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseQuery } from "~/web/api.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ request, params }) {
    const query = parseQuery(request, elapsedQuerySchema);
    return apiJson({ minutes: await businessMinutesBetween(params.scheduleId ?? "", query.from, query.to) });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/schedules/{scheduleId}/elapsed",
    operationId: "scheduleElapsedMinutes",
    summary: "Business minutes between two instants",
    description:
      "`to` must not be before `from` and at most ten years after it (400 naming `to`). A schedule with no open " +
      "hours is a 409.",
    tag: "Schedules",
    query: elapsedQuerySchema,
    success: { status: 200, description: "The business minutes.", schema: elapsedResource },
    errors: [400, 404, 409],
  },
];
