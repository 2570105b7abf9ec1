// GET /api/v1/schedules/:scheduleId/elapsed?from=ISO&to=ISO: business minutes in [from, to). A schedule without open
// hours cannot answer: 409.
import { businessMinutesBetween } from "~/models/sla/calculator.server";
import { elapsedQuerySchema } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseQuery } from "~/web/api.server";

const handle = apiRoute({
  async GET({ request, params }) {
    const query = parseQuery(request, elapsedQuerySchema);
    return apiJson({ minutes: await businessMinutesBetween(params.scheduleId ?? "", query.from, query.to) });
  },
});

export const loader = handle;
export const action = handle;
