// GET /api/v1/applications/:applicationId/interviews: the application's interviews.
// POST: schedules an interview at a set time; the candidate and the interviewers are invited (unless notify is false).
import { z } from "zod";
import { scheduleInterviewSchema } from "~/domain/interviews/types";
import { getApplication } from "~/models/application.server";
import { getInterview, listInterviews } from "~/models/interviews/read.server";
import { scheduleInterview } from "~/models/interviews/schedule.server";
import { NotFoundError } from "~/platform/errors.server";
import { interviewResource, presentInterview } from "~/web/api-interview-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    const applicationId = params.applicationId ?? "";
    if (!(await getApplication(applicationId, principal.actor))) throw new NotFoundError("The application");
    const interviews = await listInterviews(applicationId, principal.actor);
    return apiJson({ data: interviews.map(presentInterview) });
  },
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "move_applications");
    const input = await parseJsonBody(request, scheduleInterviewSchema);
    const interview = await scheduleInterview(params.applicationId ?? "", input, principal.actor);
    return apiJson(presentInterview(await getInterview(interview.id, principal.actor)), { status: 201 });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/applications/{applicationId}/interviews",
    operationId: "listInterviews",
    summary: "List an application's interviews",
    tag: "Interviews",
    success: {
      status: 200,
      description: "Newest first.",
      schema: z.object({ data: z.array(interviewResource) }),
    },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/applications/{applicationId}/interviews",
    operationId: "scheduleInterview",
    summary: "Schedule an interview at a set time",
    description:
      "Needs the move_applications permission. The candidate and each interviewer get an invitation email with a " +
      "calendar part (METHOD:REQUEST) unless notify is false. Refused (400) when the time has passed or an " +
      "interviewer has another interview then; 409 when the application is closed. timeZone defaults to the " +
      "token account's zone; kind to the stage's.",
    tag: "Interviews",
    body: scheduleInterviewSchema,
    success: { status: 201, description: "The interview.", schema: interviewResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
