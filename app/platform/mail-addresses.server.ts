// The workspace's own mail identity: the domain our Message-IDs and reply addresses use, signed with the workspace
// secret (app/domain/messages/addresses.ts has the rules).
import {
  applicationIdFromReplyAddress,
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
