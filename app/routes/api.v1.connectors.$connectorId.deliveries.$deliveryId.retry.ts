// POST /api/v1/connectors/:id/deliveries/:deliveryId/retry: apply a failed delivery again from its kept body.
import { getConnector } from "~/models/connectors/connectors.server";
import { retryDelivery } from "~/models/connectors/receive.server";
import { retryResultResource, presentRetry } from "~/web/api-connector-resources.server";
import { apiJson, apiRoute, requireApiPermission } from "~/web/api.server";
import type { ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const connector = await getConnector(params.connectorId ?? "");
    return apiJson(presentRetry(await retryDelivery(connector.id, params.deliveryId ?? "")));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/connectors/{connectorId}/deliveries/{deliveryId}/retry",
    operationId: "retryConnectorDelivery",
    summary: "Apply a failed delivery again",
    description:
      "Needs the manage_settings permission (admins). Only a delivery that failed and still has its body (kept 30 " +
      "days) can be retried; it is applied once, like any delivery.",
    tag: "Connectors",
    success: { status: 200, description: "What the retry did.", schema: retryResultResource },
    errors: [403, 404],
  },
];
