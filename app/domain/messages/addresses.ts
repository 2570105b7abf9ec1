// Email addresses and identifiers that tie mail to an application. Every outbound candidate email gets a stable
// Message-ID and a per-application Reply-To ("reply+<application id>.<signature>@domain"); replies find their
// application by that address, or by In-Reply-To/References naming one of our Message-IDs. The signature is an
// HMAC, so nobody can file mail onto an application by guessing its id. Pure: the caller passes the secret.
import { createHmac } from "node:crypto";

const SIGNATURE_LENGTH = 16; // hex characters: 64 bits

function signature(applicationId: string, secret: string): string {
  return createHmac("sha256", secret).update(`reply:${applicationId}`).digest("hex").slice(0, SIGNATURE_LENGTH);
}

/** The domain part of an address such as "Hearback <hello@acme.example>" or "hello@acme.example". */
export function domainOf(address: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(address.trim());
  return match ? match[1]!.toLowerCase() : "localhost";
}

/** The bare address of "Name <address>" or "address", lower-cased. */
export function bareAddress(address: string): string {
  const match = /<([^>]+)>/.exec(address);
  return (match ? match[1]! : address).trim().toLowerCase();
}

export function replyAddressFor(applicationId: string, secret: string, domain: string): string {
  return `reply+${applicationId}.${signature(applicationId, secret)}@${domain}`;
}

/** The application a reply address belongs to, or null when it is not one of ours or its signature is wrong. */
export function applicationIdFromReplyAddress(address: string, secret: string): string | null {
  const match = /^reply\+([a-z0-9]{8,40})\.([0-9a-f]{16})@/i.exec(bareAddress(address));
  if (!match) return null;
  const [, applicationId, given] = match;
  return given!.toLowerCase() === signature(applicationId!, secret) ? applicationId! : null;
}

/** The workspace's capture address: staff add it as Bcc to mail they write from their own mailbox, and Hearback files
 * the copy on the candidates' applications. The secret is the whole proof, so it is long and random; it is lower-case
 * because mail systems may change the case of an address (and Hearback compares addresses lower-cased). */
export function captureAddressFor(secret: string, domain: string): string {
  return `bcc+${secret}@${domain}`;
}

/** The secret an address carries when it is shaped like a capture address ("bcc+<secret>@…"), else null. Whether the
 * secret is the workspace's is for the caller to check. */
export function captureSecretOf(address: string): string | null {
  const match = /^bcc\+([^@\s]{1,200})@/i.exec(bareAddress(address));
  return match ? match[1]!.toLowerCase() : null;
}

/** The RFC 5322 Message-ID of one of our messages: stable across retries, so a resent copy is recognisable. */
export function headerMessageIdFor(messageId: string, domain: string): string {
  return `<hb.${messageId}@${domain}>`;
}

/** Every Message-ID named in In-Reply-To and References headers ("<a@b> <c@d>"), in order. */
export function referencedMessageIds(...headers: (string | null | undefined)[]): string[] {
  return headers.flatMap((header) => header?.match(/<[^<>\s]+>/g) ?? []);
}
