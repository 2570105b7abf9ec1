// GET, PUT (replace) and DELETE /api/v1/schedules/:scheduleId. Changes need manage_settings and queue a recompute of
// running clocks; the default schedule cannot be deleted (409).
import { scheduleInputSchema } from "~/domain/sla/schedule";
import { deleteSchedule, getSchedule, updateSchedule } from "~/models/sla/schedules.server";
import { presentSchedule } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";

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
