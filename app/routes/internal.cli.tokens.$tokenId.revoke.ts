// The CLI's way to revoke an API token while this server holds the embedded database. See bin/commands.ts.
import { revokeApiToken } from "~/models/api-token.server";
import { presentApiToken } from "~/web/api-resources.server";
import { apiJson, publicApiRoute } from "~/web/api.server";
import { requireCliCaller } from "~/web/cli-endpoint.server";

const handle = publicApiRoute({
  async POST({ request, params, context }) {
    requireCliCaller(request, context);
    return apiJson({ token: presentApiToken(await revokeApiToken(params.tokenId ?? "", null)) });
  },
});

export const loader = handle;
export const action = handle;
