// BCC capture: staff who write to candidates from their own mailbox (Gmail, Outlook) add the workspace's capture
// address as Bcc, and Hearback files the copy as the outbound message it is. These are the rules that need no
// database: the stored secret's shape, when the message counts as sent, and whom it was written to.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { InboundSender } from "./parse";

/** The Setting row that holds the capture address's secret. */
export const EMAIL_CAPTURE_SETTING_KEY = "email_capture";

/** 32 characters of lower-case base32: 160 random bits, safe in a URL and in an address's local part. */
export const CAPTURE_SECRET_PATTERN = /^[a-z2-7]{32}$/;

export const emailCaptureSettingSchema = z.object({
  secret: z.string().regex(CAPTURE_SECRET_PATTERN),
  /** When this secret was made (the first use, or the last rotation). */
  since: z.iso.datetime(),
});
export type EmailCaptureSetting = z.output<typeof emailCaptureSettingSchema>;

/** How far before its arrival a captured message's own Date may lie; mail servers give up retrying after five days. */
export const MAX_CAPTURE_DELAY_MS = 7 * 24 * 60 * 60_000;

/**
 * When a captured message counts as sent: its Date header, which the sender's mail program set when it went out.
 * That is the sender's clock, so it is believed only within bounds: a Date after the message reached Hearback, or more
 * than MAX_CAPTURE_DELAY_MS before it, is not the sending time, and the arrival is used instead.
 */
export function capturedSentAt(dateHeader: Date | null, receivedAt: Date): Date {
  if (!dateHeader) return receivedAt;
  const delay = receivedAt.getTime() - dateHeader.getTime();
  return delay >= 0 && delay <= MAX_CAPTURE_DELAY_MS ? dateHeader : receivedAt;
}

/** The addresses a captured message was written to (To and Cc) other than the sender's own, lower-cased and without
 * repeats: the candidates among them are found by address. */
export function candidateAddressesOf(sentTo: readonly InboundSender[], sender: string): string[] {
  const addresses = sentTo
    .map((recipient) => recipient.address.toLowerCase())
    .filter((address) => address !== sender.toLowerCase());
  return [...new Set(addresses)];
}

/** "Ana Ruiz <ana.ruiz@example.com>" as the sender wrote it, or the bare address; a name with a comma or another
 * special character ("Ruiz, Ana", as Outlook writes names) is quoted, so the address reads back the same. */
export function recipientLabel(recipient: InboundSender): string {
  if (!recipient.name) return recipient.address;
  const name = /[()<>[\]:;@\\,."]/.test(recipient.name)
    ? `"${recipient.name.replace(/["\\]/g, (character) => `\\${character}`)}"`
    : recipient.name;
  return `${name} <${recipient.address}>`;
}

/**
 * The Message-ID kept on each further application's copy of one captured message. The first copy keeps the message's
 * own Message-ID (replies that name it find the application; the same message delivered again finds it); Message-IDs
 * are unique, so the others get one made from it and the application, the same on every delivery.
 */
export function capturedCopyMessageId(headerMessageId: string, applicationId: string): string {
  const digest = createHash("sha256").update(headerMessageId).digest("hex").slice(0, 32);
  return `<capture.${digest}.${applicationId}@hearback.invalid>`;
}
