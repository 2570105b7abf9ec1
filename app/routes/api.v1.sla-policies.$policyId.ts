// GET, PUT (replace) and DELETE /api/v1/sla-policies/:policyId. Changes need manage_settings and queue a recompute
// of running clocks; the default policy keeps no match conditions and cannot be deleted (409).
import { slaPolicyInputSchema } from "~/domain/sla/policies";
import { deletePolicy, getPolicy, updatePolicy } from "~/models/sla/policies.server";
import { presentPolicy, deletedResource, slaPolicyResource } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async GET({ params }) {
    const policy = await getPolicy(params.policyId ?? "");
    if (!policy) throw new NotFoundError("The policy");
    return apiJson(presentPolicy(policy));
  },
  async PUT({ request, params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const input = await parseJsonBody(request, slaPolicyInputSchema);
    const policy = await updatePolicy(params.policyId ?? "", input, principal.user?.id ?? null);
    return apiJson(presentPolicy(policy));
  },
  async DELETE({ params, principal }) {
    requireApiPermission(principal, "manage_settings");
    const id = params.policyId ?? "";
    await deletePolicy(id, principal.user?.id ?? null);
    return apiJson({ id, deleted: true });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/sla-policies/{policyId}",
    operationId: "getSlaPolicy",
    summary: "Get an SLA policy",
    tag: "SLA policies",
    success: { status: 200, description: "The policy.", schema: slaPolicyResource },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/sla-policies/{policyId}",
    operationId: "updateSlaPolicy",
    summary: "Replace an SLA policy",
    description:
      "Needs the manage_settings permission. The default policy keeps no match conditions. Running clocks are " +
      "recomputed: start times stay, due dates move, past breaches stay.",
    tag: "SLA policies",
    body: slaPolicyInputSchema,
    success: { status: 200, description: "The policy as saved.", schema: slaPolicyResource },
    errors: [...BODY_ERRORS, 403, 404],
  },
  {
    method: "delete",
    path: "/api/v1/sla-policies/{policyId}",
    operationId: "deleteSlaPolicy",
    summary: "Delete an SLA policy",
    description: "Needs the manage_settings permission. The default policy cannot be deleted (409).",
    tag: "SLA policies",
    success: { status: 200, description: "The policy was deleted.", schema: deletedResource },
    errors: [403, 404, 409],
  },
];
