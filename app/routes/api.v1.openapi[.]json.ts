// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the API, generated from the endpoints' zod schemas.
import { apiJson, publicApiRoute } from "~/web/api.server";
import { env, publicUrl } from "~/platform/env.server";
import { buildOpenApiDocument } from "~/web/openapi.server";

const handle = publicApiRoute({
  async GET({ request }) {
    // Behind a proxy PUBLIC_URL names the address people use; otherwise the address this request came to.
    const serverUrl = env.PUBLIC_URL ? publicUrl() : new URL(request.url).origin;
    return apiJson(buildOpenApiDocument(serverUrl), { headers: { "Cache-Control": "public, max-age=300" } });
  },
});

export const loader = handle;
export const action = handle;
