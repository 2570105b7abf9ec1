// GET /api/v1/connectors/:id: a connector and its latest deliveries. PATCH: rename it, switch who writes to
// candidates, replace its secrets. DELETE: disconnect it (its webhooks are refused from then on; what it brought
// stays).
import { connectorUpdateSchema } from "~/domain/connectors/connector-form";
import { deleteConnector, getConnector, updateConnector } from "~/models/connectors/connectors.server";
import { listDeliveries } from "~/models/connectors/deliveries.server";
import {
  connectorDetailResource,
  connectorResource,
  presentConnector,
  presentDelivery,
} from "~/web/api-connector-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const connector = await getConnector(params.connectorId ?? "");
    const deliveries = await listDeliveries(connector.id);
    return apiJson({ ...presentConnector(connector), deliveries: deliveries.map(presentDelivery) });
  },
  async PATCH({ request, params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const update = await parseJsonBody(request, connectorUpdateSchema);
    return apiJson(
      presentConnector(await updateConnector(params.connectorId ?? "", update, principal.user?.id ?? null)),
    );
  },
  async DELETE({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    return apiJson(presentConnector(await deleteConnector(params.connectorId ?? "", principal.user?.id ?? null)));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/connectors/{connectorId}",
    operationId: "getConnector",
    summary: "A connector and its latest 50 deliveries",
    description: "Needs the manage_settings permission (admins). Deliveries are kept 30 days.",
    tag: "Connectors",
    success: {
      status: 200,
      description: "The connector and its deliveries, newest first.",
      schema: connectorDetailResource,
    },
    errors: [403, 404],
  },
  {
    method: "patch",
    path: "/api/v1/connectors/{connectorId}",
    operationId: "updateConnector",
    summary: "Rename a connector, change who writes to candidates, or replace its secrets",
    description:
      "Needs the manage_settings permission (admins). Give only what changes. `secret` replaces the signing secret " +
      "(Lever: its signature tokens, one per line); `apiKey` replaces Lever's API key. Secrets are never returned.",
    tag: "Connectors",
    body: connectorUpdateSchema,
    success: { status: 200, description: "The connector.", schema: connectorResource },
    errors: [...BODY_ERRORS, 403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/connectors/{connectorId}",
    operationId: "deleteConnector",
    summary: "Disconnect an ATS",
    description:
      "Needs the manage_settings permission (admins). Its webhooks are answered 404 from now on; the jobs, " +
      "candidates and applications it brought stay in Hearback.",
    tag: "Connectors",
    success: { status: 200, description: "The connector that was removed.", schema: connectorResource },
    errors: [403, 404],
  },
];
