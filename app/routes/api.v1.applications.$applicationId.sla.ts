// GET /api/v1/applications/:applicationId/sla?at=ISO: the application's SLA clocks replayed from its event log as of
// `at` (default now; events after it are ignored), with the policy in force and the promised "hear back by" date.
import { applicationClocksAsOf } from "~/models/sla/as-of.server";
import { asOfQuerySchema, presentApplicationSla } from "~/web/api-sla-resources.server";
import { apiJson, apiRoute, parseQuery } from "~/web/api.server";
import { NotFoundError } from "~/platform/errors.server";

const handle = apiRoute({
  async GET({ request, params, principal }) {
    const query = parseQuery(request, asOfQuerySchema);
    const sla = await applicationClocksAsOf(params.applicationId ?? "", principal.actor, query.at ?? new Date());
    if (!sla) throw new NotFoundError("The application");
    return apiJson(presentApplicationSla(sla));
  },
});

export const loader = handle;
export const action = handle;
