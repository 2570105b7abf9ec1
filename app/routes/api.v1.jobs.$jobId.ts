// GET /api/v1/jobs/:jobId: one job with its live stages, if the caller may see it. PATCH: list it on the careers
// page or take it off, and set its description.
import { changePublication, getJob } from "~/models/job.server";
import { presentJob, jobPublicationSchema, jobResource } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    const job = await getJob(params.jobId ?? "", principal.actor);
    if (!job) throw new NotFoundError("The job");
    return apiJson(presentJob(job));
  },
  async PATCH({ request, params, principal }) {
    requireApiPermission(principal, "manage_jobs");
    const change = await parseJsonBody(request, jobPublicationSchema);
    return apiJson(presentJob(await changePublication(params.jobId ?? "", change, principal.actor)));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/jobs/{jobId}",
    operationId: "getJob",
    summary: "Get a job with its stages",
    tag: "Jobs",
    success: { status: 200, description: "The job.", schema: jobResource },
    errors: [404],
  },
  {
    method: "patch",
    path: "/api/v1/jobs/{jobId}",
    operationId: "updateJobPublication",
    summary: "Publish a job on the careers page, or take it off; set its description",
    description:
      "Needs the manage_jobs permission. The first publication gives the job its address, /careers/<slug> from its " +
      "title, which it keeps afterwards. A published job is listed while it is open (docs/careers.md).",
    tag: "Jobs",
    body: jobPublicationSchema,
    success: { status: 200, description: "The job as it is now.", schema: jobResource },
    errors: [...BODY_ERRORS, 403, 404],
  },
];
