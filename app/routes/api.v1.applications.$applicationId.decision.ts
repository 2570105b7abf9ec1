// POST /api/v1/applications/:applicationId/decision: closes an active application as rejected, hired or withdrawn.
import { decisionSchema } from "~/domain/applications";
import { getApplication } from "~/models/application.server";
import { decideApplication } from "~/models/decisions.server";
import { presentApplication, applicationResource } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "decide_applications");
    const input = await parseJsonBody(request, decisionSchema);
    const applicationId = params.applicationId ?? "";
    await decideApplication(applicationId, input, principal.actor);
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
    path: "/api/v1/applications/{applicationId}/decision",
    operationId: "decideApplication",
    summary: "Reject, hire or withdraw an application",
    description: "Needs the decide_applications permission. An application is decided once (409 afterwards).",
    tag: "Applications",
    body: decisionSchema,
    success: { status: 200, description: "The decided application.", schema: applicationResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
