// GET /api/v1/webhooks: the webhook endpoints. POST /api/v1/webhooks: subscribe a URL to events (admins); the answer
// carries the signing secret, shown this once.
import { webhookEndpointInputSchema } from "~/domain/webhooks/form";
import { createWebhookEndpoint, listWebhookEndpoints } from "~/models/webhooks/endpoints.server";
import {
  presentCreatedWebhookEndpoint,
  presentWebhookEndpoint,
  webhookEndpointCreatedResource,
  webhookEndpointListResource,
} from "~/web/api-webhook-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ principal }) {
    requireApiPermission(principal, "manage_settings");
    return apiJson({ webhooks: (await listWebhookEndpoints()).map(presentWebhookEndpoint) });
  },
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_settings");
    const input = await parseJsonBody(request, webhookEndpointInputSchema);
    const endpoint = await createWebhookEndpoint(input, principal.user?.id ?? null);
    return apiJson(presentCreatedWebhookEndpoint(endpoint), {
      status: 201,
      headers: { Location: `/api/v1/webhooks/${endpoint.id}` },
    });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    summary: "List the webhook endpoints",
    description:
      "Needs the manage_settings permission (admins). Each with its state and what happened to its deliveries over " +
      "the last 7 days. Secrets are never listed.",
    tag: "Webhooks",
    success: { status: 200, description: "The endpoints, oldest first.", schema: webhookEndpointListResource },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    summary: "Subscribe a URL to Hearback's events",
    description:
      "Needs the manage_settings permission (admins). Hearback POSTs each event as JSON signed with the Standard " +
      "Webhooks scheme (webhook-id, webhook-timestamp, webhook-signature headers) using the `whsec_` secret in this " +
      "answer, which is shown this once only. Loopback, link-local and private network addresses are refused at " +
      "delivery time unless `allowPrivate` is true. Events and payloads: docs/webhooks.md.",
    tag: "Webhooks",
    body: webhookEndpointInputSchema,
    success: {
      status: 201,
      description: "The endpoint, with its signing secret.",
      schema: webhookEndpointCreatedResource,
    },
    errors: [...BODY_ERRORS, 403],
  },
];
