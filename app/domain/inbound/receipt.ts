// The contract of POST /api/v1/inbound/email (the body types it takes and its answer), shared by the route and the
// OpenAPI document.
import { z } from "zod";

/** Media types the raw email may be posted as; a request without Content-Type is read as an email too. */
export const INBOUND_EMAIL_CONTENT_TYPES = ["message/rfc822", "text/plain", "application/octet-stream"];

export const inboundReceiptResource = z.object({
  id: z.string().describe("The stored message."),
  status: z
    .enum(["received", "unmatched"])
    .describe("received: filed on an application; unmatched: kept in the staff inbox to be filed by hand."),
  applicationId: z.string().nullable().describe("The application it was filed on, if any."),
  duplicate: z
    .boolean()
    .describe("true when this email (same Message-ID) was received before; nothing new was stored."),
});

export type InboundReceipt = z.output<typeof inboundReceiptResource>;
