// GET /api/v1/schedules/:scheduleId/due?from=ISO&minutes=N: the instant N business minutes after `from` (counting
// starts at the next opening). A schedule without open hours cannot answer: 409.
import { businessDueDate } from "~/models/sla/calculator.server";
import { dueQuerySchema, dueResource, MAX_CALCULATOR_MINUTES } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseQuery } from "~/web/api.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ request, params }) {
    const query = parseQuery(request, dueQuerySchema);
    const dueAt = await businessDueDate(params.scheduleId ?? "", query.from, query.minutes);
    return apiJson({ dueAt: dueAt.toISOString() });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/schedules/{scheduleId}/due",
    operationId: "scheduleDueDate",
    summary: "When N business minutes after an instant are up",
    description:
      "Counting starts at the next opening when `from` is outside open hours; DST and holidays count as the " +
      `schedule's local clock says. minutes: 0 to ${MAX_CALCULATOR_MINUTES}. A schedule with no open hours, or one ` +
      "too sparse to reach the due date within 100 years, is a 409.",
    tag: "Schedules",
    query: dueQuerySchema,
    success: { status: 200, description: "The due instant.", schema: dueResource },
    errors: [400, 404, 409],
  },
];
