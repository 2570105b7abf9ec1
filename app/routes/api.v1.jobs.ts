// GET /api/v1/jobs: the jobs the caller may see. POST /api/v1/jobs: a new job with its pipeline (default stages
// Applied, Screen, Interview, Offer).
import { createJob, listJobs } from "~/models/job.server";
import {
  jobCreateSchema,
  jobListQuerySchema,
  presentJob,
  presentJobList,
  jobListResource,
  jobResource,
} from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, parseQuery, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ request, principal }) {
    const query = parseQuery(request, jobListQuerySchema);
    return apiJson(presentJobList(await listJobs(principal.actor, query)));
  },
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_jobs");
    const input = await parseJsonBody(request, jobCreateSchema);
    const job = await createJob(input, principal.user?.id ?? null);
    return apiJson(presentJob(job), { status: 201, headers: { Location: `/api/v1/jobs/${job.id}` } });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/jobs",
    operationId: "listJobs",
    summary: "List the jobs the token may see",
    description: "Admins and recruiters see every job; hiring managers the jobs they manage.",
    tag: "Jobs",
    query: jobListQuerySchema,
    success: { status: 200, description: "The jobs, open ones first.", schema: jobListResource },
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/jobs",
    operationId: "createJob",
    summary: "Create a job",
    description:
      "Needs the manage_jobs permission (admins, recruiters). Without `stages` the job gets Applied, Screen, " +
      "Interview and Offer. The first stage must be of kind `applied`.",
    tag: "Jobs",
    body: jobCreateSchema,
    success: { status: 201, description: "The job with its stages.", schema: jobResource },
    errors: [...BODY_ERRORS, 403],
  },
];
