// POST /api/v1/applications/:applicationId/messages: with occurredAt, records a message that already happened; an
// inbound message without it is recorded as received now; an outbound message without it is queued in the outbox and
// sent (now, or at sendAt) by the delivery worker, from the token's owner as the named sender.
import { messageInputSchema } from "~/domain/applications";
import { recordMessage } from "~/models/application.server";
import { sendCandidateMessage } from "~/models/outbox/compose.server";
import { presentQueuedMessage, presentRecordedMessage } from "~/web/api-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { InvalidInputError } from "~/platform/errors.server";

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
