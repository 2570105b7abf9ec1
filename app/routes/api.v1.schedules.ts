// GET /api/v1/schedules: every business schedule, the default first. POST /api/v1/schedules: a new schedule (needs
// manage_settings); invalid hours, holidays or time zones are a 400 naming the field.
import { scheduleInputSchema } from "~/domain/sla/schedule";
import { createSchedule, listSchedules } from "~/models/sla/schedules.server";
import {
  presentSchedule,
  presentScheduleList,
  scheduleListResource,
  scheduleResource,
  SCHEDULE_BODY_NOTE,
} from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET() {
    return apiJson(presentScheduleList(await listSchedules()));
  },
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_settings");
    const input = await parseJsonBody(request, scheduleInputSchema);
    const schedule = await createSchedule(input, principal.user?.id ?? null);
    return apiJson(presentSchedule(schedule), {
      status: 201,
      headers: { Location: `/api/v1/schedules/${schedule.id}` },
    });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/schedules",
    operationId: "listSchedules",
    summary: "List business schedules",
    description: "Any staff token. The default schedule first.",
    tag: "Schedules",
    success: { status: 200, description: "The schedules.", schema: scheduleListResource },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/schedules",
    operationId: "createSchedule",
    summary: "Create a business schedule",
    description: `Needs the manage_settings permission (admins). ${SCHEDULE_BODY_NOTE}`,
    tag: "Schedules",
    body: scheduleInputSchema,
    success: { status: 201, description: "The schedule.", schema: scheduleResource },
    errors: [...BODY_ERRORS, 403],
  },
];
