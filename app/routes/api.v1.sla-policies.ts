// GET /api/v1/sla-policies: the policies in matching order, the default (the fallback) last. POST: a new policy
// (needs manage_settings), placed at `position` or after the others; running clocks are recomputed.
import { slaPolicyInputSchema } from "~/domain/sla/policies";
import { createPolicy, listPolicies } from "~/models/sla/policies.server";
import {
  presentPolicy,
  presentPolicyList,
  slaPolicyListResource,
  slaPolicyResource,
} from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

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

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/sla-policies",
    operationId: "listSlaPolicies",
    summary: "List SLA policies in matching order",
    description: "Any staff token. The first policy whose conditions fit a job wins; the default policy is last.",
    tag: "SLA policies",
    success: { status: 200, description: "The policies.", schema: slaPolicyListResource },
    errors: [],
  },
  {
    method: "post",
    path: "/api/v1/sla-policies",
    operationId: "createSlaPolicy",
    summary: "Create an SLA policy",
    description:
      "Needs the manage_settings permission. Without `position` the policy is tried after the others (before " +
      "the default). Unknown schedule or job ids are a 400 naming the field.",
    tag: "SLA policies",
    body: slaPolicyInputSchema,
    success: { status: 201, description: "The policy.", schema: slaPolicyResource },
    errors: [...BODY_ERRORS, 403],
  },
];
