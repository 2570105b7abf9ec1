// POST /api/v1/applications/:applicationId/messages: records a message that already happened (occurredAt given) or
// an inbound message received now. Sending new outbound messages needs the email outbox, which is not built yet:
// those requests get a 501 rather than a pretend queue.
import { messageInputSchema } from "~/domain/applications";
import { getApplication, recordMessage } from "~/models/application.server";
import { presentRecordedMessage } from "~/utils/api-resources.server";
import { ApiError, apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/utils/api.server";
import { NotFoundError } from "~/utils/errors.server";

const handle = apiRoute({
  async POST({ request, params, principal }) {
    requireApiPermission(principal, "move_applications");
    const input = await parseJsonBody(request, messageInputSchema);
    const applicationId = params.applicationId ?? "";
    if (!input.occurredAt && input.direction === "outbound") {
      if (!(await getApplication(applicationId, principal.actor))) throw new NotFoundError("The application");
      throw new ApiError(
        "not_implemented",
        "Sending messages is not available yet: Hearback has no email delivery so far, and nothing was queued. " +
          "To record a message that was already sent, pass occurredAt (ISO 8601).",
      );
    }
    const occurredAt = input.occurredAt ?? new Date();
    const event = await recordMessage(applicationId, { ...input, occurredAt }, principal.actor);
    return apiJson(presentRecordedMessage(applicationId, input.direction, event), { status: 201 });
  },
});

export const loader = handle;
export const action = handle;
