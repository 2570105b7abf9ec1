// POST /api/v1/templates/lint: the compassion lint (docs/templates.md) on a subject and Markdown body — score, reading
// grade and findings. Any staff token; nothing is stored.
import { lintTemplate } from "~/domain/templates/lint";
import { templateLintInputSchema } from "~/domain/templates/schemas";
import { apiJson, apiRoute, parseJsonBody } from "~/web/api.server";

const handle = apiRoute({
  async POST({ request }) {
    const input = await parseJsonBody(request, templateLintInputSchema);
    return apiJson(lintTemplate(input));
  },
});

export const loader = handle;
export const action = handle;
