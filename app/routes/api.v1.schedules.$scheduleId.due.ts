// GET /api/v1/schedules/:scheduleId/due?from=ISO&minutes=N: the instant N business minutes after `from` (counting
// starts at the next opening). A schedule without open hours cannot answer: 409.
import { businessDueDate } from "~/models/sla/calculator.server";
import { dueQuerySchema } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseQuery } from "~/web/api.server";

const handle = apiRoute({
  async GET({ request, params }) {
    const query = parseQuery(request, dueQuerySchema);
    const dueAt = await businessDueDate(params.scheduleId ?? "", query.from, query.minutes);
    return apiJson({ dueAt: dueAt.toISOString() });
  },
});

export const loader = handle;
export const action = handle;
