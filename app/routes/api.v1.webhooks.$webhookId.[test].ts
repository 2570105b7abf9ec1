// POST /api/v1/webhooks/:id/test: queue a webhook.test event to this endpoint alone, sent at once. (The file name's
// brackets keep "test" a path segment: Remix and vitest read a plain ".test.ts" as a test file.)
import { sendTestEvent } from "~/models/webhooks/endpoints.server";
import { queuedDeliveryResource } from "~/web/api-webhook-resources.server";
import { apiJson, apiRoute, requireApiPermission } from "~/web/api.server";
import type { ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const deliveryId = await sendTestEvent(params.webhookId ?? "");
    return apiJson({ deliveryId }, { status: 202 });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/webhooks/{webhookId}/test",
    operationId: "sendWebhookTestEvent",
    summary: "Send a test event to a webhook endpoint",
    description:
      "Needs the manage_settings permission (admins). Queues a `webhook.test` event, signed like any other, and sends " +
      "it at once; follow it in GET …/deliveries. A turned-off endpoint keeps it queued until turned on again.",
    tag: "Webhooks",
    success: { status: 202, description: "Queued.", schema: queuedDeliveryResource },
    errors: [403, 404],
  },
];
