// The contract of POST /api/v1/inbound/email (the body types it takes, its query and its answer), shared by the route
// and the OpenAPI document.
import { z } from "zod";

/** Media types the raw email may be posted as; a request without Content-Type is read as an email too. */
export const INBOUND_EMAIL_CONTENT_TYPES = ["message/rfc822", "text/plain", "application/octet-stream"];

/** The most envelope recipients read from the query. */
export const MAX_ENVELOPE_RECIPIENTS = 100;

export const inboundEmailQuerySchema = z.object({
  envelopeTo: z
    .string()
    .max(10_000, "envelopeTo is at most 10,000 characters.")
    .optional()
    .describe(
      "The envelope recipients (SMTP RCPT TO) the email was delivered to, comma-separated. Needed for Bcc " +
        "recipients such as the BCC capture address, which appear in no header; the Delivered-To, X-Original-To " +
        "and Envelope-To headers a mail server adds are read too.",
    ),
});

/** The addresses of an envelopeTo parameter, bare, lower-cased and at most MAX_ENVELOPE_RECIPIENTS. */
export function envelopeRecipientsOf(envelopeTo: string | undefined): string[] {
  if (!envelopeTo) return [];
  const addresses = envelopeTo
    .split(/[,\s]+/)
    .map((address) => address.replace(/^<|>$/g, "").trim().toLowerCase())
    .filter((address) => /^[^@\s]+@[^@\s]+$/.test(address) && address.length <= 320);
  return [...new Set(addresses)].slice(0, MAX_ENVELOPE_RECIPIENTS);
}

export const inboundReceiptResource = z.object({
  id: z.string().describe("The stored message (for a captured email: its copy on the first application)."),
  status: z
    .enum(["received", "unmatched", "captured"])
    .describe(
      "received: filed on an application; unmatched: kept in the staff inbox to be filed by hand; captured: a " +
        "staff member's own email (sent with the BCC capture address) filed as sent on the candidates' applications.",
    ),
  applicationId: z.string().nullable().describe("The application it was filed on, if any (the first, if several)."),
  applicationIds: z
    .array(z.string())
    .describe("Every application it was filed on: one for a reply, each candidate's active ones for a captured email."),
  duplicate: z
    .boolean()
    .describe("true when this email (same Message-ID) was received before; nothing new was stored."),
});

export type InboundReceipt = z.output<typeof inboundReceiptResource>;
