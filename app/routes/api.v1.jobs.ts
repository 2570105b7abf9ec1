// GET /api/v1/jobs: the jobs the caller may see. POST /api/v1/jobs: a new job with its pipeline (default stages
// Applied, Screen, Interview, Offer).
import { jobInputSchema } from "~/domain/jobs";
import { createJob, listJobs } from "~/models/job.server";
import { jobListQuerySchema, presentJob, presentJobList } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, parseQuery, requireApiPermission } from "~/web/api.server";

const handle = apiRoute({
  async GET({ request, principal }) {
    const query = parseQuery(request, jobListQuerySchema);
    return apiJson(presentJobList(await listJobs(principal.actor, query)));
  },
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_jobs");
    const input = await parseJsonBody(request, jobInputSchema);
    const job = await createJob(input, principal.user?.id ?? null);
    return apiJson(presentJob(job), { status: 201, headers: { Location: `/api/v1/jobs/${job.id}` } });
  },
});

export const loader = handle;
export const action = handle;
