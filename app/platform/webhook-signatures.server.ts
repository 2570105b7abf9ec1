// Verifying that a webhook really comes from the connected ATS, each in its vendor's own scheme, on the bytes as
// received and in constant time. A check answers why it failed so the delivery log (and the 401) can say so.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const OK: SignatureCheck = { ok: true };
const refused = (reason: string): SignatureCheck => ({ ok: false, reason });

function hmacHex(secret: string, data: Buffer | string): Buffer {
  return Buffer.from(createHmac("sha256", secret).update(data).digest("hex"));
}

function sameBytes(expected: Buffer, given: string): boolean {
  const candidate = Buffer.from(given.toLowerCase());
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/** A header of the form `<prefix><hex HMAC-SHA256 of the raw body>`. */
function verifyPrefixedHex(raw: Buffer, header: string | null, prefix: string, secret: string): SignatureCheck {
  if (!header) return refused("The signature header is missing.");
  if (!header.startsWith(prefix)) return refused(`The signature does not start with "${prefix}".`);
  return sameBytes(hmacHex(secret, raw), header.slice(prefix.length).trim())
    ? OK
    : refused("The signature does not match the body.");
}

/** Greenhouse: `Signature: sha256 <hex>` over the body exactly as sent (it escapes Unicode, so never re-encode). */
export function verifyGreenhouse(raw: Buffer, headers: Headers, secret: string): SignatureCheck {
  return verifyPrefixedHex(raw, headers.get("signature"), "sha256 ", secret);
}

/** Ashby: `Ashby-Signature: sha256=<hex>` over the raw body. */
export function verifyAshby(raw: Buffer, headers: Headers, secret: string): SignatureCheck {
  return verifyPrefixedHex(raw, headers.get("ashby-signature"), "sha256=", secret);
}

/** Lever: the body's `signature` is the hex HMAC-SHA256 of `token + triggeredAt` under the webhook's signature token. */
export function verifyLever(
  body: { token?: unknown; triggeredAt?: unknown; signature?: unknown },
  secret: string,
): SignatureCheck {
  const { token, triggeredAt, signature } = body;
  if (typeof token !== "string" || typeof signature !== "string" || typeof triggeredAt !== "number") {
    return refused("The body has no token, triggeredAt and signature to verify.");
  }
  return sameBytes(hmacHex(secret, `${token}${triggeredAt}`), signature)
    ? OK
    : refused("The signature does not match the token and triggeredAt.");
}

const STANDARD_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

/** The Standard Webhooks scheme (`webhook-id`, `webhook-timestamp` within 5 minutes, `webhook-signature: v1,<base64>`),
 * checked by the scheme's own maintained package. */
export function verifyStandardWebhook(raw: Buffer, headers: Headers, secret: string): SignatureCheck {
  const given = Object.fromEntries(STANDARD_HEADERS.map((name) => [name, headers.get(name) ?? ""]));
  try {
    new Webhook(secret).verify(raw, given, { jsonParse: false });
    return OK;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    const reasons: Record<string, string> = {
      "Missing required headers": "The webhook-id, webhook-timestamp or webhook-signature header is missing.",
      "Message timestamp too old": "The webhook-timestamp is more than 5 minutes old.",
      "Message timestamp too new": "The webhook-timestamp is more than 5 minutes in the future.",
      "Invalid Signature Headers": "The webhook-timestamp is not a number of seconds.",
    };
    return refused(reasons[error.message] ?? "The signature does not match the body.");
  }
}

/** A new secret for the Standard Webhooks scheme: `whsec_` and 24 random bytes in base64. */
export function standardWebhookSecret(random: Buffer): string {
  return `whsec_${random.toString("base64")}`;
}
