// GET /api/v1/webhooks/:id/deliveries: an endpoint's newest 50 deliveries with every attempt.
import { listEndpointDeliveries } from "~/models/webhooks/endpoints.server";
import { presentWebhookDelivery, webhookDeliveryListResource } from "~/web/api-webhook-resources.server";
import { apiJson, apiRoute, requireApiPermission } from "~/web/api.server";
import type { ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const deliveries = await listEndpointDeliveries(params.webhookId ?? "");
    return apiJson({ deliveries: deliveries.map(presentWebhookDelivery) });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/webhooks/{webhookId}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "A webhook endpoint's delivery log",
    description:
      "Needs the manage_settings permission (admins). The newest 50 deliveries, each with its attempts: when, the " +
      "HTTP status or why there was none, and how long it took.",
    tag: "Webhooks",
    success: { status: 200, description: "The deliveries, newest first.", schema: webhookDeliveryListResource },
    errors: [403, 404],
  },
];
