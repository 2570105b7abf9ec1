// GET /api/v1/queue: "waiting on us" — the running SLA clocks the caller may see (an interviewer: the feedback they
// owe), soonest due first, with their risk as of `at` (default now). Filters: jobId, recruiterId, metric; `limit`
// caps the items, `total` counts them all.
import { getQueue } from "~/models/sla/queue.server";
import { presentQueue, queueQuerySchema, queueResource } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseQuery } from "~/web/api.server";
import { type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ request, principal }) {
    const query = parseQuery(request, queueQuerySchema);
    return apiJson(presentQueue(await getQueue(principal.actor, query), query.at));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/queue",
    operationId: "getQueue",
    summary: "Waiting on us: running clocks, soonest due first",
    description:
      "The running clocks of the applications the token may see; an interviewer's, only the interview feedback clocks " +
      "on which they still owe feedback. Feedback clocks name their `interview` and `feedbackOwedBy`. `breached` and " +
      "`risk` are judged as of `at` (default now).",
    tag: "SLA clocks",
    query: queueQuerySchema,
    success: { status: 200, description: "The queue.", schema: queueResource },
    errors: [400],
  },
];
