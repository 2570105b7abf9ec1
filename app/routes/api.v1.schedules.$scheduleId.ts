// GET, PUT (replace) and DELETE /api/v1/schedules/:scheduleId. Changes need manage_settings and queue a recompute of
// running clocks; the default schedule cannot be deleted (409).
import { scheduleInputSchema } from "~/domain/sla/schedule";
import { deleteSchedule, getSchedule, updateSchedule } from "~/models/sla/schedules.server";
import { presentSchedule, deletedResource, scheduleResource, SCHEDULE_BODY_NOTE } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params }) {
    const schedule = await getSchedule(params.scheduleId ?? "");
    if (!schedule) throw new NotFoundError("The schedule");
    return apiJson(presentSchedule(schedule));
  },
  async PUT({ request, params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const input = await parseJsonBody(request, scheduleInputSchema);
    const schedule = await updateSchedule(params.scheduleId ?? "", input, principal.user?.id ?? null);
    return apiJson(presentSchedule(schedule));
  },
  async DELETE({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const id = params.scheduleId ?? "";
    await deleteSchedule(id, principal.user?.id ?? null);
    return apiJson({ id, deleted: true });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/schedules/{scheduleId}",
    operationId: "getSchedule",
    summary: "Get a business schedule",
    tag: "Schedules",
    success: { status: 200, description: "The schedule.", schema: scheduleResource },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/schedules/{scheduleId}",
    operationId: "updateSchedule",
    summary: "Replace a business schedule",
    description:
      "Needs the manage_settings permission. Due dates of running clocks move (a recompute is queued); start " +
      `times and past breaches stay. ${SCHEDULE_BODY_NOTE}`,
    tag: "Schedules",
    body: scheduleInputSchema,
    success: { status: 200, description: "The schedule as saved.", schema: scheduleResource },
    errors: [...BODY_ERRORS, 403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/schedules/{scheduleId}",
    operationId: "deleteSchedule",
    summary: "Delete a business schedule",
    description:
      "Needs the manage_settings permission. Jobs and policies that used it fall back to the policy's or the " +
      "default schedule. The default schedule cannot be deleted (409).",
    tag: "Schedules",
    success: { status: 200, description: "The schedule was deleted.", schema: deletedResource },
    errors: [403, 404, 409],
  },
];
