// POST <connector's webhook URL>: an ATS's webhook. No session and no CSRF token: the body is verified by the
// connector's own signature scheme (docs/connectors.md), at most 1 MB, and applied once.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/models/connectors/receive.server";
import { ApiError, apiJson, readRawBody } from "~/web/api.server";
import { connectorAnswer } from "~/web/connector-answers.server";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") {
    return apiJson({ error: { code: "method_not_allowed", message: "Webhooks are POSTed." } }, { status: 405 });
  }
  let raw: Uint8Array;
  try {
    raw = await readRawBody(request, MAX_WEBHOOK_BYTES);
  } catch (error) {
    if (error instanceof ApiError)
      return apiJson({ error: { code: error.code, message: error.message } }, { status: 413 });
    throw error;
  }
  return connectorAnswer(await receiveWebhook(params.connectorId ?? "", Buffer.from(raw), request.headers));
}

export function loader() {
  return apiJson(
    { error: { code: "method_not_allowed", message: "This address receives an ATS's webhooks: POST only." } },
    { status: 405, headers: { Allow: "POST" } },
  );
}
