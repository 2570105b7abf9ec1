// The CLI's way to revoke an API token while this server holds the embedded database. See bin/commands.ts.
import { revokeApiToken } from "~/models/api-token.server";
import { presentApiToken } from "~/utils/api-resources.server";
import { apiJson, publicApiRoute } from "~/utils/api.server";
import { requireCliCaller } from "~/utils/cli-endpoint.server";

const handle = publicApiRoute({
  async POST({ request, params, context }) {
    requireCliCaller(request, context);
    return apiJson({ token: presentApiToken(await revokeApiToken(params.tokenId ?? "", null)) });
  },
});

export const loader = handle;
export const action = handle;
