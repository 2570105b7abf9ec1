// POST /api/v1/applications: adds a candidate (matched by email, case-insensitively) to a job's first stage.
import { applicationInputSchema } from "~/domain/applications";
import { createApplication } from "~/models/application-intake.server";
import { presentCreatedApplication, applicationCreatedResource } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

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

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/applications",
    operationId: "createApplication",
    summary: "Add a candidate to a job",
    description:
      "Needs the add_candidates permission. The candidate is matched by email, case-insensitively, or created. " +
      "A second active application of the same candidate to the same job is a 409. An unknown jobId is a 400 " +
      'with an issue at "jobId".',
    tag: "Applications",
    body: applicationInputSchema,
    success: { status: 201, description: "The new application.", schema: applicationCreatedResource },
    errors: [...BODY_ERRORS, 403, 409],
  },
];
