// GET /api/v1/jobs/:jobId: one job with its live stages, if the caller may see it.
import { getJob } from "~/models/job.server";
import { presentJob, jobResource } from "~/web/api-resources.server";
import { apiJson, apiRoute } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    const job = await getJob(params.jobId ?? "", principal.actor);
    if (!job) throw new NotFoundError("The job");
    return apiJson(presentJob(job));
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
];
