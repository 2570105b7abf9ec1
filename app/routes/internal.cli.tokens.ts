// The CLI's way to list and create API tokens while this server holds the embedded database (PGlite allows one
// process). `npx hearback token …` calls it; see bin/commands.ts.
import { apiTokenInputSchema } from "~/domain/api-tokens";
import { createApiToken, listApiTokens } from "~/models/api-token.server";
import { presentApiToken } from "~/web/api-resources.server";
import { apiJson, parseJsonBody, publicApiRoute } from "~/web/api.server";
import { requireCliCaller } from "~/web/cli-endpoint.server";

const handle = publicApiRoute({
  async GET({ request, context }) {
    requireCliCaller(request, context);
    return apiJson({ items: (await listApiTokens()).map(presentApiToken) });
  },
  async POST({ request, context }) {
    requireCliCaller(request, context);
    const input = await parseJsonBody(request, apiTokenInputSchema);
    const { token, secret } = await createApiToken(input, null);
    return apiJson({ token: presentApiToken(token), secret }, { status: 201 });
  },
});

export const loader = handle;
export const action = handle;
