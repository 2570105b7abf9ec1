// GET /api/v1/jobs/:jobId: one job with its live stages, if the caller may see it.
import { getJob } from "~/models/job.server";
import { presentJob } from "~/web/api-resources.server";
import { apiJson, apiRoute } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    const job = await getJob(params.jobId ?? "", principal.actor);
    if (!job) throw new NotFoundError("The job");
    return apiJson(presentJob(job));
  },
});

export const loader = handle;
export const action = handle;
