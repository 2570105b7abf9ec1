// POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver: send a delivered or failed delivery again, same
// webhook-id.
import { redeliverEndpointDelivery } from "~/models/webhooks/endpoints.server";
import { queuedDeliveryResource } from "~/web/api-webhook-resources.server";
import { apiJson, apiRoute, requireApiPermission } from "~/web/api.server";
import type { ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const deliveryId = params.deliveryId ?? "";
    await redeliverEndpointDelivery(params.webhookId ?? "", deliveryId);
    return apiJson({ deliveryId }, { status: 202 });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
    operationId: "redeliverWebhookDelivery",
    summary: "Send a delivery again",
    description:
      "Needs the manage_settings permission (admins). Only a delivered or failed delivery: it is queued again under " +
      "the same webhook-id (receivers that already have it de-duplicate), with a fresh round of retries. 409 while " +
      "it is still queued, or when its candidate's data was erased.",
    tag: "Webhooks",
    success: { status: 202, description: "Queued again.", schema: queuedDeliveryResource },
    errors: [403, 404, 409],
  },
];
