// A raw RFC 822 email (from a mail provider's inbound webhook or our SMTP receiver) reduced to what Hearback files a
// reply by: who sent it, to which addresses, which of our messages it answers, and its text. postal-mime does the
// MIME work, on the email cut down to its CPU budget first (mime-budget.ts). Input that is not an email comes back as
// an error value; this module never throws on bad mail.
import { createHash } from "node:crypto";
import PostalMime, { type Address, type Email, type Mailbox } from "postal-mime";
import { bareAddress, referencedMessageIds } from "~/domain/messages/addresses";
import { htmlToText } from "./html-text";
import { budgetedEmail, MAX_MIME_DEPTH, MAX_RFC822_DEPTH, yieldToEventLoop } from "./mime-budget";

/** The largest email accepted, in bytes (as sent, attachments included). */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;
/** The most text of one email that is read for the reply; the rest of a longer text is ignored. */
export const MAX_INBOUND_SCAN_CHARS = 200_000;
/** The most HTML turned into text when an email has no text part (a reply is at its top; the rest costs time). */
export const MAX_INBOUND_HTML_CHARS = MAX_INBOUND_SCAN_CHARS;
const DIGEST_SLICE_BYTES = 1024 * 1024;
export const MAX_INBOUND_SUBJECT_CHARS = 200;
const MAX_HEADER_ID_CHARS = 250;
const MAX_REFERENCES = 50;
const MAX_RECIPIENTS = 100;
const MAX_ATTACHMENT_NAMES = 50;

export type InboundSender = { name: string; address: string };

export type InboundEmail = {
  /** The email's own Message-ID ("<…>"), or null when it has none (or an unusable one). */
  messageId: string | null;
  /** SHA-256 of the raw bytes: a stable identity for mail without a Message-ID. */
  rawDigest: string;
  from: InboundSender | null;
  /** Where answers should go, when the sender asked (Reply-To). */
  replyTo: string | null;
  /** Bare, lower-cased addresses from To, Cc, Bcc, Delivered-To, X-Original-To and Envelope-To, without repeats. */
  recipients: string[];
  /** Whom the sender wrote to: the To and Cc mailboxes with their display names, without repeats. */
  sentTo: InboundSender[];
  subject: string;
  /** The Date header. The sender's clock: informative only. */
  sentAt: Date | null;
  /** The Date header as written, with the sender's UTC offset ("Tue, 1 Dec 2026 09:12:00 +0100"). */
  dateHeader?: string | null;
  inReplyTo: string | null;
  /** Message-IDs this email answers, most relevant first: In-Reply-To, then References from the newest. */
  references: string[];
  /** The body as plain text: the text part, or the HTML part turned into text. Quoted history still included. */
  text: string;
  /** File names of attached files (inline images of an HTML body are not counted). */
  attachments: string[];
  /** An auto-reply, bounce or list mail rather than something a person wrote. */
  automated: boolean;
};

export type InboundParseError = {
  code: "empty" | "too_large" | "malformed";
  message: string;
};

export type InboundParseResult = { ok: true; email: InboundEmail } | { ok: false; error: InboundParseError };

const HEADER_FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
// Headers every real email has at least one of.
const EMAIL_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "subject",
  "message-id",
  "date",
  "delivered-to",
  "received",
  "return-path",
  "mime-version",
]);
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function failure(code: InboundParseError["code"], message: string): InboundParseResult {
  return { ok: false, error: { code, message } };
}

/** Text PostgreSQL can store: no NUL characters, no unpaired surrogates. */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATES, "\ufffd");
}

function byteLength(raw: Uint8Array | string): number {
  return typeof raw === "string" ? Buffer.byteLength(raw, "utf8") : raw.byteLength;
}

/** An mbox export starts with a "From sender date" separator line, which is not a header. */
function withoutMboxSeparator(raw: Uint8Array | string): Uint8Array | string {
  const starts =
    typeof raw === "string" ? raw.startsWith("From ") : Buffer.from(raw.subarray(0, 5)).toString() === "From ";
  if (!starts) return raw;
  if (typeof raw === "string") {
    const end = raw.indexOf("\n");
    return end === -1 ? "" : raw.slice(end + 1);
  }
  const end = raw.indexOf(0x0a);
  return end === -1 ? new Uint8Array() : raw.subarray(end + 1);
}

function isBlank(raw: Uint8Array | string): boolean {
  if (typeof raw === "string") return raw.trim() === "";
  for (const byte of raw) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

function mailboxes(addresses: readonly Address[] | Address | undefined): Mailbox[] {
  if (!addresses) return [];
  const list = Array.isArray(addresses) ? addresses : [addresses as Address];
  return list.flatMap((address) => (address.group ? address.group : [address]));
}

function headerValues(email: Email, key: string): string[] {
  return email.headers.filter((header) => header.key === key).map((header) => header.value);
}

/** The first "<id>" of a Message-ID or In-Reply-To header; a bare id gets its brackets. */
export function normaliseMessageId(value: string | undefined): string | null {
  if (!value) return null;
  const cleaned = storableText(value).trim();
  const bracketed = /<[^<>\s]+>/.exec(cleaned)?.[0];
  const id = bracketed ?? (/^[^<>\s]+$/.test(cleaned) ? `<${cleaned}>` : null);
  return id && id.length <= MAX_HEADER_ID_CHARS ? id : null;
}

function recipientsOf(email: Email): string[] {
  const addresses = [
    ...mailboxes(email.to).map((mailbox) => mailbox.address),
    ...mailboxes(email.cc).map((mailbox) => mailbox.address),
    // A Bcc header survives only in the sender's own copy (a forward of it, or a relay that keeps it).
    ...mailboxes(email.bcc).map((mailbox) => mailbox.address),
    ...(email.deliveredTo ? [email.deliveredTo] : []),
    ...headerValues(email, "delivered-to"),
    ...headerValues(email, "x-original-to"),
    ...headerValues(email, "envelope-to"),
  ];
  const bare = addresses
    .map((address) => storableText(bareAddress(address)))
    .filter((address) => address.includes("@") && address.length <= 320);
  return [...new Set(bare)].slice(0, MAX_RECIPIENTS);
}

function sentToOf(email: Email): InboundSender[] {
  const seen = new Set<string>();
  const sentTo: InboundSender[] = [];
  for (const mailbox of [...mailboxes(email.to), ...mailboxes(email.cc)]) {
    const address = storableText(bareAddress(mailbox.address ?? ""));
    if (!address.includes("@") || address.length > 320 || seen.has(address)) continue;
    seen.add(address);
    sentTo.push({ name: storableText(mailbox.name ?? "").slice(0, 200), address });
    if (sentTo.length === MAX_RECIPIENTS) break;
  }
  return sentTo;
}

function referencesOf(email: Email): string[] {
  const inReplyTo = referencedMessageIds(email.inReplyTo);
  const references = referencedMessageIds(email.references).reverse();
  const ids = [...inReplyTo, ...references].filter((id) => id.length <= MAX_HEADER_ID_CHARS).map(storableText);
  return [...new Set(ids)].slice(0, MAX_REFERENCES);
}

/** Out-of-office replies, bounces and list mail (RFC 3834 Auto-Submitted and the common vendor headers). */
function isAutomated(email: Email, from: InboundSender | null): boolean {
  const header = (key: string) => headerValues(email, key).map((value) => value.trim().toLowerCase());
  if (header("auto-submitted").some((value) => value !== "" && !value.startsWith("no"))) return true;
  if (header("x-autoreply").length > 0 || header("x-autorespond").length > 0) return true;
  if (header("precedence").some((value) => ["bulk", "junk", "list", "auto_reply"].includes(value))) return true;
  if (header("content-type").some((value) => value.startsWith("multipart/report"))) return true;
  const sender = from?.address.toLowerCase() ?? "";
  return /^(mailer-daemon|postmaster)@/.test(sender);
}

function attachmentNames(email: Email): string[] {
  return email.attachments
    .filter((attachment) => !attachment.related)
    .slice(0, MAX_ATTACHMENT_NAMES)
    .map((attachment) => storableText(attachment.filename?.trim() || `unnamed (${attachment.mimeType})`).slice(0, 200));
}

function bodyText(email: Email): string {
  const text = email.text?.trim()
    ? email.text.slice(0, 2 * MAX_INBOUND_SCAN_CHARS)
    : email.html
      ? htmlToText(email.html.slice(0, MAX_INBOUND_HTML_CHARS))
      : "";
  return storableText(text.replace(/\r\n?/g, "\n")).slice(0, MAX_INBOUND_SCAN_CHARS);
}

/** SHA-256 of the raw email, a megabyte at a time with the event loop let in between. */
async function digestOf(raw: Uint8Array | string): Promise<string> {
  const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  const hash = createHash("sha256");
  for (let start = 0; start < bytes.length; start += DIGEST_SLICE_BYTES) {
    hash.update(bytes.subarray(start, start + DIGEST_SLICE_BYTES));
    if (start + DIGEST_SLICE_BYTES < bytes.length) await yieldToEventLoop();
  }
  return hash.digest("hex");
}

function sentAtOf(date: string | undefined): Date | null {
  if (!date) return null;
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export async function parseInboundEmail(raw: Uint8Array | string): Promise<InboundParseResult> {
  const size = byteLength(raw);
  if (size === 0 || isBlank(raw)) return failure("empty", "The email is empty.");
  if (size > MAX_INBOUND_BYTES) {
    return failure("too_large", `The email is larger than ${MAX_INBOUND_BYTES / 1024 / 1024} MB.`);
  }
  const source = withoutMboxSeparator(raw);
  const { bytes } = await budgetedEmail(typeof source === "string" ? Buffer.from(source, "utf8") : source);
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: MAX_MIME_DEPTH, maxRfc822NestingDepth: MAX_RFC822_DEPTH });
  } catch (error) {
    return failure("malformed", `The email could not be read: ${(error as Error).message}`);
  }
  await yieldToEventLoop();
  const first = email.headers[0];
  if (!first || !HEADER_FIELD_NAME.test(first.originalKey)) {
    return failure("malformed", "This is not an email: it does not start with headers such as From: and To:.");
  }
  if (!email.headers.some((header) => EMAIL_HEADERS.has(header.key))) {
    return failure("malformed", "This is not an email: it has none of the From, To, Subject or Message-ID headers.");
  }
  const sender = mailboxes(email.from)[0];
  const from = sender?.address
    ? {
        name: storableText(sender.name).slice(0, 200),
        address: storableText(bareAddress(sender.address)).slice(0, 320),
      }
    : null;
  const replyTo = mailboxes(email.replyTo)[0]?.address;
  const text = bodyText(email);
  const rawDigest = await digestOf(raw);
  return {
    ok: true,
    email: {
      messageId: normaliseMessageId(email.messageId),
      rawDigest,
      from,
      replyTo: replyTo ? storableText(bareAddress(replyTo)).slice(0, 320) : null,
      recipients: recipientsOf(email),
      sentTo: sentToOf(email),
      subject: storableText(email.subject ?? "")
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, MAX_INBOUND_SUBJECT_CHARS),
      sentAt: sentAtOf(email.date),
      dateHeader:
        storableText(email.headers.find((header) => header.key === "date")?.value ?? "").slice(0, 200) || null,
      inReplyTo: normaliseMessageId(email.inReplyTo),
      references: referencesOf(email),
      text,
      attachments: attachmentNames(email),
      automated: isAutomated(email, from),
    },
  };
}
