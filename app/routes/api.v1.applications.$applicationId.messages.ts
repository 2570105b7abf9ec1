// POST /api/v1/applications/:applicationId/messages: with occurredAt, records a message that already happened; an
// inbound message without it is recorded as received now; an outbound message without it is queued in the outbox and
// sent (now, or at sendAt) by the delivery worker, from the token's owner as the named sender.
import { messageInputSchema } from "~/domain/applications";
import { recordMessage } from "~/models/application.server";
import { sendCandidateMessage } from "~/models/outbox/compose.server";
import { presentQueuedMessage, presentRecordedMessage, messageRecordedResource } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { InvalidInputError } from "~/platform/errors.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "move_applications");
    const input = await parseJsonBody(request, messageInputSchema);
    const applicationId = params.applicationId ?? "";
    if (input.sendAt && (input.occurredAt || input.direction === "inbound")) {
      throw new InvalidInputError("sendAt is only for outbound messages to send.", [
        { path: "sendAt", message: "Leave sendAt out when recording history or an inbound message." },
      ]);
    }
    if (!input.occurredAt && input.direction === "outbound") {
      if (!input.subject) {
        throw new InvalidInputError("An email needs a subject.", [{ path: "subject", message: "Write a subject." }]);
      }
      const queued = await sendCandidateMessage(
        applicationId,
        {
          subject: input.subject,
          body: input.body,
          awaitsCandidate: input.awaitsCandidate,
          timing: input.sendAt ? { kind: "at", at: input.sendAt } : { kind: "now" },
        },
        principal.actor,
      );
      return apiJson(presentQueuedMessage(applicationId, queued), { status: 201 });
    }
    const occurredAt = input.occurredAt ?? new Date();
    const event = await recordMessage(applicationId, { ...input, occurredAt }, principal.actor);
    return apiJson(presentRecordedMessage(applicationId, input.direction, event), { status: 201 });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/applications/{applicationId}/messages",
    operationId: "recordMessage",
    summary: "Send or record a message on an application",
    description:
      "With `occurredAt` the message is recorded as history and not sent. An inbound message without " +
      "`occurredAt` is recorded as received now. An outbound message without `occurredAt` is queued in the " +
      "outbox and emailed to the candidate (now, or at `sendAt`) from the token's owner, with the status link " +
      "and a reply address; `subject` is required and `body` is Markdown that may use merge fields such as " +
      "{{candidate.firstName}}. The compassion lint's errors (unknown merge fields, empty body) answer 400, as does a " +
      "merge field with nothing to fill it for this candidate (such as {{interview.when}} with no interview " +
      "scheduled).",
    tag: "Applications",
    body: messageInputSchema,
    success: { status: 201, description: "The recorded or queued message.", schema: messageRecordedResource },
    errors: [...BODY_ERRORS, 403, 404, 409],
  },
];
