// What a connector's sender is answered: 2xx once the delivery is logged (202 received: applied within seconds by the
// connector worker), ignored or already seen, so it stops retrying; 401 for a signature that does not verify, 400 for
// a body that cannot be read. Nothing personal is echoed back.
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
    case "received":
      return apiJson({ status: "received", deliveryId: result.deliveryId }, { status: 202 });
    case "ping":
      return apiJson({ status: "pong", deliveryId: result.deliveryId });
    case "ignored":
      return apiJson({ status: "ignored", deliveryId: result.deliveryId, summary: result.summary }, { status: 202 });
    case "duplicate":
      return apiJson({ status: "duplicate" });
  }
}
