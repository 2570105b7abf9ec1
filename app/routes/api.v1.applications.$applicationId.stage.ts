// POST /api/v1/applications/:applicationId/stage: moves an active application to another stage of its job.
import { stageMoveSchema } from "~/domain/applications";
import { getApplication, moveApplication } from "~/models/application.server";
import { presentApplication, applicationResource } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "move_applications");
    const input = await parseJsonBody(request, stageMoveSchema);
    const applicationId = params.applicationId ?? "";
    await moveApplication(applicationId, input, principal.actor);
    const application = await getApplication(applicationId, principal.actor);
    if (!application) throw new NotFoundError("The application");
    return apiJson(presentApplication(application));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/applications/{applicationId}/stage",
    operationId: "moveApplication",
    summary: "Move an application to another stage of its job",
    description: "Needs the move_applications permission. Closed applications cannot move (409).",
    tag: "Applications",
    body: stageMoveSchema,
    success: { status: 200, description: "The application after the move.", schema: applicationResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
