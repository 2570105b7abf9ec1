// POST /api/v1/applications/:applicationId/interview-offers: offers the candidate 2–10 times to choose from.
import { offerInterviewSchema } from "~/domain/interviews/types";
import { getInterview } from "~/models/interviews/read.server";
import { offerInterview } from "~/models/interviews/schedule.server";
import { interviewResource, presentInterview } from "~/web/api-interview-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "move_applications");
    const input = await parseJsonBody(request, offerInterviewSchema);
    const interview = await offerInterview(params.applicationId ?? "", input, principal.actor);
    return apiJson(presentInterview(await getInterview(interview.id, principal.actor)), { status: 201 });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/applications/{applicationId}/interview-offers",
    operationId: "offerInterviewTimes",
    summary: "Offer the candidate times to choose from",
    description:
      "Needs the move_applications permission. The candidate gets an email and picks one time on their status page " +
      "(or says none works, which files their note as a message). Refused (400) when times overlap each other, have " +
      "passed, or clash with an interviewer's other interviews; 409 when times are already offered or the " +
      "application is closed.",
    tag: "Interviews",
    body: offerInterviewSchema,
    success: {
      status: 201,
      description: "The offer: an interview in status offered, with its slots.",
      schema: interviewResource,
    },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
