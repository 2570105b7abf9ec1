// GET /api/v1/applications/:applicationId: the application with its candidate, stage and status.
import { getApplication } from "~/models/application.server";
import { presentApplication, applicationResource } from "~/web/api-resources.server";
import { apiJson, apiRoute } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    const application = await getApplication(params.applicationId ?? "", principal.actor);
    if (!application) throw new NotFoundError("The application");
    return apiJson(presentApplication(application));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/applications/{applicationId}",
    operationId: "getApplication",
    summary: "Get an application with its candidate, stage and status",
    tag: "Applications",
    success: { status: 200, description: "The application.", schema: applicationResource },
    errors: [404],
  },
];
