// What a connector's sender is answered: 2xx when the delivery was applied, ignored or already seen (so it stops
// retrying), 401 for a signature that does not verify, 400 for a body that cannot be read, 422 for a change that
// cannot be made as reported, 500 when retrying later may work. Nothing personal is echoed back.
import type { ReceiveResult } from "~/models/connectors/receive.server";
import { apiJson } from "./api.server";

export function connectorAnswer(result: ReceiveResult): Response {
  const error = (status: number, code: string, message: string) => apiJson({ error: { code, message } }, { status });
  switch (result.outcome) {
    case "unknown_connector":
      return error(404, "not_found", "No connector has this address. Was it deleted?");
    case "unverified":
      return error(401, "unauthorized", `The signature was not accepted: ${result.reason}`);
    case "unreadable":
      return error(400, "validation_error", result.message);
    case "applied":
      return apiJson({ status: "applied", deliveryId: result.deliveryId });
    case "ping":
      return apiJson({ status: "pong", deliveryId: result.deliveryId });
    case "duplicate":
      return apiJson({ status: "duplicate", deliveryId: result.deliveryId });
    case "ignored":
      return apiJson({ status: "ignored", deliveryId: result.deliveryId, summary: result.summary }, { status: 202 });
    case "failed":
      return result.refused
        ? error(422, "unprocessable", result.error)
        : error(500, "internal_error", "The delivery could not be applied now; it is logged and will apply on retry.");
  }
}
