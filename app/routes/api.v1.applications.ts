// POST /api/v1/applications: adds a candidate (matched by email, case-insensitively) to a job's first stage.
import { applicationInputSchema } from "~/domain/applications";
import { createApplication } from "~/models/application.server";
import { presentCreatedApplication } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";

const handle = apiRoute({
  async POST({ request, principal }) {
    requireApiPermission(principal, "add_candidates");
    const input = await parseJsonBody(request, applicationInputSchema);
    const application = await createApplication(input, principal.user?.id ?? null);
    return apiJson(presentCreatedApplication(application), {
      status: 201,
      headers: { Location: `/api/v1/applications/${application.id}` },
    });
  },
});

export const loader = handle;
export const action = handle;
