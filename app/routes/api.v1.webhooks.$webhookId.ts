// GET /api/v1/webhooks/:id: one webhook endpoint. DELETE: remove it with its queued deliveries and its log.
import { z } from "zod";
import { deleteWebhookEndpoint, getWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { presentWebhookEndpoint, webhookEndpointResource } from "~/web/api-webhook-resources.server";
import { apiJson, apiRoute, requireApiPermission } from "~/web/api.server";
import type { ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    return apiJson(presentWebhookEndpoint(await getWebhookEndpoint(params.webhookId ?? "")));
  },
  async DELETE({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    await deleteWebhookEndpoint(params.webhookId ?? "", principal.user?.id ?? null);
    return new Response(null, {
      status: 204,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
    });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/webhooks/{webhookId}",
    operationId: "getWebhook",
    summary: "A webhook endpoint",
    description: "Needs the manage_settings permission (admins). Its secret is never returned.",
    tag: "Webhooks",
    success: { status: 200, description: "The endpoint.", schema: webhookEndpointResource },
    errors: [403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{webhookId}",
    operationId: "deleteWebhook",
    summary: "Remove a webhook endpoint",
    description:
      "Needs the manage_settings permission (admins). Nothing more is sent to it, including deliveries still queued; " +
      "its delivery log goes with it.",
    tag: "Webhooks",
    success: { status: 204, description: "Removed; no body.", schema: z.null() },
    errors: [403, 404],
  },
];
