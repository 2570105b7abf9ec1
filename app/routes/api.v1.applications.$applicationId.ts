// GET /api/v1/applications/:applicationId: the application with its candidate, stage and status.
import { getApplication } from "~/models/application.server";
import { presentApplication } from "~/web/api-resources.server";
import { apiJson, apiRoute } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    const application = await getApplication(params.applicationId ?? "", principal.actor);
    if (!application) throw new NotFoundError("The application");
    return apiJson(presentApplication(application));
  },
});

export const loader = handle;
export const action = handle;
