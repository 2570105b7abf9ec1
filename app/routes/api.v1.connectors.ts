// GET /api/v1/connectors: the connected ATSs. POST /api/v1/connectors: connect one (admins); the answer carries the
// signing secret, shown this once.
import { connectorInputSchema } from "~/domain/connectors/connector-form";
import { createConnector, listConnectors } from "~/models/connectors/connectors.server";
import {
  connectorCreatedResource,
  connectorListResource,
  presentConnector,
  presentCreatedConnector,
} from "~/web/api-connector-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ principal }) {
    requireApiPermission(principal, "manage_settings");
    return apiJson({ connectors: (await listConnectors()).map(presentConnector) });
  },
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_settings");
    const input = await parseJsonBody(request, connectorInputSchema);
    const connector = await createConnector(input, principal.user?.id ?? null);
    return apiJson(presentCreatedConnector(connector), {
      status: 201,
      headers: { Location: `/api/v1/connectors/${connector.id}` },
    });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/connectors",
    operationId: "listConnectors",
    summary: "List the connected ATSs",
    description: "Needs the manage_settings permission (admins). Secrets are never listed.",
    tag: "Connectors",
    success: { status: 200, description: "The connectors, oldest first.", schema: connectorListResource },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/connectors",
    operationId: "createConnector",
    summary: "Connect an ATS (Greenhouse, Ashby, Lever) or a generic signed webhook",
    description:
      "Needs the manage_settings permission (admins). Hearback generates the signing secret for Greenhouse, Ashby " +
      "and the generic webhook when none is given (the generic one is a Standard Webhooks `whsec_` secret). Lever " +
      "needs `secret` (the signature token Lever shows for the webhook) and `apiKey` (read access to " +
      "opportunities); `apiBaseUrl` defaults to https://api.lever.co/v1. `emails`: `hearback` (default) — Hearback " +
      "writes to candidates about what the ATS reports; `ats` — it sends nothing on its own. The secret is in this " +
      "answer only. Set-up per ATS: docs/connectors.md.",
    tag: "Connectors",
    body: connectorInputSchema,
    success: {
      status: 201,
      description: "The connector, with its webhook URL and secret.",
      schema: connectorCreatedResource,
    },
    errors: [...BODY_ERRORS, 403],
  },
];
