// POST /api/v1/interviews/:interviewId/feedback: the token account's own feedback on an interview they sat on.
import { feedbackSchema } from "~/domain/interviews/types";
import { recordFeedback } from "~/models/interviews/feedback.server";
import { getInterview } from "~/models/interviews/read.server";
import { interviewResource, presentInterview } from "~/web/api-interview-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "add_notes");
    const input = await parseJsonBody(request, feedbackSchema);
    const interviewId = params.interviewId ?? "";
    await recordFeedback(interviewId, input, principal.actor);
    return apiJson(presentInterview(await getInterview(interviewId, principal.actor)));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/interviews/{interviewId}/feedback",
    operationId: "recordInterviewFeedback",
    summary: "Record your feedback on an interview",
    description:
      "Only the interview's own interviewers (403 for anyone else), once it has started (409 before). Internal: " +
      "the candidate never sees it. The first record counts for the interviewer-feedback promise; posting again " +
      "corrects the words.",
    tag: "Interviews",
    body: feedbackSchema,
    success: { status: 200, description: "The interview with its feedback.", schema: interviewResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
