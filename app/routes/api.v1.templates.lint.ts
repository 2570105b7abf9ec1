// POST /api/v1/templates/lint: the compassion lint (docs/templates.md) on a subject and Markdown body — score, reading
// grade and findings. Any staff token; nothing is stored.
import { lintTemplate } from "~/domain/templates/lint";
import { templateLintInputSchema, lintResultSchema } from "~/domain/templates/schemas";
import { apiJson, apiRoute, parseJsonBody } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

const handle = apiRoute({
  async POST({ request }) {
    const input = await parseJsonBody(request, templateLintInputSchema);
    return apiJson(lintTemplate(input));
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/templates/lint",
    operationId: "lintTemplate",
    summary: "Check a message with the compassion lint",
    description:
      "Any staff token; nothing is stored. Errors (an unknown {{token}}, an empty body, sections or partials) block " +
      "saving and sending and make the score 0. Warnings: no personal greeting, a rejection that does not state the " +
      "decision in its first two sentences, opening with “Unfortunately”, no-reply wording, no named sender, a " +
      "status update without {{nextUpdateBy}}, reading grade above 8, sentences over 25 words, passive voice and " +
      "insensitive wording (the last three for English).",
    tag: "Templates",
    body: templateLintInputSchema,
    success: { status: 200, description: "Score, reading grade and findings.", schema: lintResultSchema },
    errors: [...BODY_ERRORS],
  },
];
