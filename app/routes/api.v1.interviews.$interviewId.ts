// GET /api/v1/interviews/:interviewId: one interview. PATCH: moves it (time, length, place or interviewers).
import { rescheduleInterviewSchema } from "~/domain/interviews/types";
import { getInterview } from "~/models/interviews/read.server";
import { rescheduleInterview } from "~/models/interviews/schedule.server";
import { interviewResource, presentInterview } from "~/web/api-interview-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    return apiJson(presentInterview(await getInterview(params.interviewId ?? "", principal.actor)));
  },
  async PATCH({ request, params, principal }) {
    requireApiPermission(principal, "move_applications");
    const input = await parseJsonBody(request, rescheduleInterviewSchema);
    const interview = await rescheduleInterview(params.interviewId ?? "", input, principal.actor);
    return apiJson(presentInterview(await getInterview(interview.id, principal.actor)));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/interviews/{interviewId}",
    operationId: "getInterview",
    summary: "Get an interview",
    tag: "Interviews",
    success: { status: 200, description: "The interview.", schema: interviewResource },
    errors: [404],
  },
  {
    method: "patch",
    path: "/api/v1/interviews/{interviewId}",
    operationId: "rescheduleInterview",
    summary: "Move a scheduled interview",
    description:
      "Needs the move_applications permission. Changes any of start, length, place and interviewers; everyone " +
      "invited gets the change as the same calendar event with a higher SEQUENCE (unless notify is false), and " +
      "interviewers taken off it get a cancellation. 409 unless the interview is scheduled.",
    tag: "Interviews",
    body: rescheduleInterviewSchema,
    success: { status: 200, description: "The interview after the change.", schema: interviewResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
