// GET /api/v1/sla-policies: the policies in matching order, the default (the fallback) last. POST: a new policy
// (needs manage_settings), placed at `position` or after the others; running clocks are recomputed.
import { slaPolicyInputSchema } from "~/domain/sla/policies";
import { createPolicy, listPolicies } from "~/models/sla/policies.server";
import { presentPolicy, presentPolicyList } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";

const handle = apiRoute({
  async GET() {
    return apiJson(presentPolicyList(await listPolicies()));
  },
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_settings");
    const input = await parseJsonBody(request, slaPolicyInputSchema);
    const policy = await createPolicy(input, principal.user?.id ?? null);
    return apiJson(presentPolicy(policy), { status: 201, headers: { Location: `/api/v1/sla-policies/${policy.id}` } });
  },
});

export const loader = handle;
export const action = handle;
