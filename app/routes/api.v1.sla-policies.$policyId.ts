// GET, PUT (replace) and DELETE /api/v1/sla-policies/:policyId. Changes need manage_settings and queue a recompute
// of running clocks; the default policy keeps no match conditions and cannot be deleted (409).
import { slaPolicyInputSchema } from "~/domain/sla/policies";
import { deletePolicy, getPolicy, updatePolicy } from "~/models/sla/policies.server";
import { presentPolicy } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";

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
