// POST /api/v1/interviews/:interviewId/cancel: calls off an offered or scheduled interview.
import { cancelInterviewSchema } from "~/domain/interviews/types";
import { getInterview } from "~/models/interviews/read.server";
import { cancelInterview } from "~/models/interviews/schedule.server";
import { interviewResource, presentInterview } from "~/web/api-interview-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "move_applications");
    const input = await parseJsonBody(request, cancelInterviewSchema);
    const interview = await cancelInterview(params.interviewId ?? "", input, principal.actor);
    return apiJson(presentInterview(await getInterview(interview.id, principal.actor)));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/interviews/{interviewId}/cancel",
    operationId: "cancelInterview",
    summary: "Cancel an interview",
    description:
      "Needs the move_applications permission. A scheduled interview's candidate and interviewers get the " +
      "cancellation with a calendar part (METHOD:CANCEL) unless notify is false; offered times are withdrawn from " +
      "the candidate's status page. 409 unless the interview is offered or scheduled.",
    tag: "Interviews",
    body: cancelInterviewSchema,
    success: { status: 200, description: "The cancelled interview.", schema: interviewResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
