// GET and POST /api/v1/public-promise (admins): whether the kept-promise record is published and which promises it
// shows, with a preview computed now; POST publishes, unpublishes or changes the promises, at once for the page,
// the badge and the public JSON. docs/public-promise.md.
import { publicPromiseInputSchema, type PublicPromiseSettings } from "~/domain/public-promise/record";
import { getCareersSettings } from "~/models/careers.server";
import {
  computePublicPromiseRecord,
  getPublicPromiseSettings,
  savePublicPromise,
} from "~/models/public-promise.server";
import { apiJson, apiRoute, parseJsonBody, requireApiPermission } from "~/web/api.server";
import type { ApiOperation } from "~/web/openapi.server";
import { presentPublicPromiseSettings, publicPromiseSettingsResource } from "~/web/public-promise.server";

async function answer(settings: PublicPromiseSettings): Promise<Response> {
  const [preview, careers] = await Promise.all([computePublicPromiseRecord(settings.metrics), getCareersSettings()]);
  return apiJson(presentPublicPromiseSettings(settings, preview, careers.companyName));
}

const handle = apiRoute({
  async GET({ principal }) {
    requireApiPermission(principal, "manage_settings");
    return answer(await getPublicPromiseSettings());
  },
  async POST({ request, principal }) {
    requireApiPermission(principal, "manage_settings");
    const input = await parseJsonBody(request, publicPromiseInputSchema);
    return answer(await savePublicPromise(input, principal.actor.id));
  },
});

export const loader = handle;
export const action = handle;

const DESCRIPTION =
  'Needs the manage_settings permission (admins). The promises: first_response ("We answer every application ' +
  'within …", first responses on time), outcome_told ("We tell everyone the outcome, including a no", rejected ' +
  'candidates told) and hear_back_by ("hear back by" dates met), each the dashboard\'s own figure over the last 90 ' +
  "days. `preview` is exactly what the page, the badge and GET /api/public/promise show (or will show once " +
  "published), computed now. docs/public-promise.md.";

export const openapi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/public-promise",
    operationId: "getPublicPromiseSettings",
    summary: "Whether the kept-promise record is published, with a preview",
    description: DESCRIPTION,
    tag: "Metrics",
    success: { status: 200, description: "The settings and the preview.", schema: publicPromiseSettingsResource },
    errors: [403],
  },
  {
    method: "post",
    path: "/api/v1/public-promise",
    operationId: "savePublicPromiseSettings",
    summary: "Publish or unpublish the kept-promise record, or choose its promises",
    description:
      `${DESCRIPTION} \`published: false\` takes the page, the badge and the JSON down at once. \`metrics\` left ` +
      "out keeps the promises chosen before (all three the first time).",
    tag: "Metrics",
    body: publicPromiseInputSchema,
    success: { status: 200, description: "The settings now, and the preview.", schema: publicPromiseSettingsResource },
    errors: [400, 403, 413, 415],
  },
];
