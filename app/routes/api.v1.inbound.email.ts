// POST /api/v1/inbound/email: a candidate's reply as raw RFC 822 (a mail provider's inbound webhook, or a script with
// curl). Filed on its application or kept in the staff inbox; 202 either way, and the same email twice is stored once.
// A staff member's own email sent to the BCC capture address is filed as sent on the candidates' applications.
import { MAX_INBOUND_BYTES } from "~/domain/inbound/parse";
import {
  envelopeRecipientsOf,
  INBOUND_EMAIL_CONTENT_TYPES,
  inboundEmailQuerySchema,
  inboundReceiptResource,
} from "~/domain/inbound/receipt";
import { receiveInboundEmail } from "~/models/inbound.server";
import { countInboundMail, inboundMailResult } from "~/platform/prometheus.server";
import { ApiError, apiJson, apiRoute, parseQuery, readRawBody, requireApiPermission } from "~/web/api.server";
import { BODY_ERRORS, type ApiOperation } from "~/web/openapi.server";

function acceptsContentType(header: string | null): boolean {
  if (!header) return true;
  const mediaType = header.split(";")[0]!.trim().toLowerCase();
  return INBOUND_EMAIL_CONTENT_TYPES.includes(mediaType);
}

const handle = apiRoute({
  async POST({ request, principal }) {
    requireApiPermission(principal, "move_applications");
    const { envelopeTo } = parseQuery(request, inboundEmailQuerySchema);
    if (!acceptsContentType(request.headers.get("Content-Type"))) {
      throw new ApiError(
        "unsupported_media_type",
        "Send the raw email as the body with Content-Type: message/rfc822 (text/plain and " +
          "application/octet-stream are accepted too).",
      );
    }
    const raw = await readRawBody(request, MAX_INBOUND_BYTES);
    const result = await receiveInboundEmail(raw, { envelopeRecipients: envelopeRecipientsOf(envelopeTo) });
    countInboundMail("api", inboundMailResult(result));
    if (!result.ok) {
      const code = result.error.code === "too_large" ? "payload_too_large" : "validation_error";
      throw new ApiError(code, result.error.message, [{ path: "", message: result.error.message }]);
    }
    return apiJson(result.receipt, { status: 202 });
  },
});

export const loader = handle;
export const action = handle;

export const openapi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/inbound/email",
    operationId: "receiveInboundEmail",
    summary: "Receive a candidate's reply (raw RFC 822 email)",
    description:
      "Needs the move_applications permission. The email is filed on the application its signed reply address " +
      "(reply+…@) names, or its In-Reply-To/References name when it comes from the candidate's own address, as a " +
      "message_in that starts next_response; otherwise it waits in the staff inbox (status unmatched). Quoted " +
      "history and signatures are left out. An email sent to the workspace's BCC capture address (in a header, " +
      "or in envelopeTo when it was a Bcc) from an active staff member's address is filed as sent (status " +
      "captured): a message_out by that person, as of its Date, on each active application of every candidate in " +
      "its To and Cc, which stops first_response and restarts the update clock; without a candidate recipient, or " +
      "from anyone else, it waits in the inbox. The same Message-ID posted " +
      "again is stored once (duplicate: true). At most 10 MB (413); an empty body or one that is not an email is a 400.",
    tag: "Inbound email",
    query: inboundEmailQuerySchema,
    rawBody: {
      contentTypes: INBOUND_EMAIL_CONTENT_TYPES,
      description: "The whole email as received: headers, blank line, MIME body.",
    },
    success: { status: 202, description: "Stored: filed or in the inbox.", schema: inboundReceiptResource },
    errors: [...BODY_ERRORS, 403],
  },
];
