// The workspace's own mail identity: the domain our Message-IDs and reply addresses use, signed with the workspace
// secret (app/domain/messages/addresses.ts has the rules), and the BCC capture address with its own random secret.
import { randomBytes } from "node:crypto";
import {
  applicationIdFromReplyAddress,
  captureAddressFor,
  domainOf,
  headerMessageIdFor,
  replyAddressFor,
} from "~/domain/messages/addresses";
import { env } from "./env.server";
import { sessionSecret } from "./secrets.server";

export function replyDomain(): string {
  return env.INBOUND_EMAIL_DOMAIN?.toLowerCase() ?? domainOf(env.MAIL_FROM);
}

export function replyAddress(applicationId: string): string {
  return replyAddressFor(applicationId, sessionSecret(), replyDomain());
}

export function applicationIdForReplyAddress(address: string): string | null {
  return applicationIdFromReplyAddress(address, sessionSecret());
}

export function messageIdHeader(messageId: string): string {
  return headerMessageIdFor(messageId, domainOf(env.MAIL_FROM));
}

/** The capture address that carries `secret`, at the reply domain (mail for it reaches Hearback). */
export function captureAddress(secret: string): string {
  return captureAddressFor(secret, replyDomain());
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** A new capture secret: 20 random bytes as 32 characters of lower-case base32 (160 bits). */
export function newCaptureSecret(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let secret = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      secret += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return secret;
}
