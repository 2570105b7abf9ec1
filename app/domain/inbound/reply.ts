// What the candidate wrote this time: the email's text without the quoted history and signature below it
// (email-reply-parser knows the quote headers of the common mail clients, "On … wrote:", "Am … schrieb …:",
// "-----Original Message-----", and "> " quoted lines), capped in length, with a note of attachments we do not keep.
import EmailReplyParser from "email-reply-parser";

/** The longest reply text filed on an application (the same limit as a recorded message body). */
export const MAX_INBOUND_TEXT_CHARS = 20_000;

// Quote headers are short; the parser's patterns slow down quadratically on very long lines, so those are checked
// as a stand-in token (keeping a leading ">" so quoted long lines stay quoted) and put back afterwards.
const LONG_LINE_CHARS = 1000;
const LONG_LINE_TOKEN = "hearbacklonglinetoken";
const CUT_NOTE = "[…] (The email was longer; the rest is not shown.)";

/** The reply without quoted history and signature. Empty when the email held nothing but quotes. */
export function stripQuotedReply(text: string): string {
  const longLines: string[] = [];
  const prepared = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      if (line.length <= LONG_LINE_CHARS) return line;
      longLines.push(line);
      return `${line.trimStart().startsWith(">") ? ">" : ""}${LONG_LINE_TOKEN}${longLines.length - 1}`;
    })
    .join("\n");
  const visible = new EmailReplyParser().parseReply(prepared);
  const restored = visible.replace(
    new RegExp(`>?${LONG_LINE_TOKEN}(\\d+)`, "g"),
    (_token, index: string) => longLines[Number(index)] ?? "",
  );
  return tidy(restored);
}

function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** `text` cut to at most `limit` characters, with a note when something was cut. */
export function capText(text: string, limit = MAX_INBOUND_TEXT_CHARS): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - CUT_NOTE.length - 2);
  // Never leave half of a surrogate pair behind.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}\n\n${CUT_NOTE}`;
}

export type InboundBody = {
  /** The text to file: the reply (or, when nothing usable is left, the whole text for a person to look at). */
  text: string;
  /** Whether the candidate said something (text or attachments) that can be filed on an application. */
  usable: boolean;
};

function attachmentNote(attachments: readonly string[]): string {
  if (attachments.length === 0) return "";
  const noun = attachments.length === 1 ? "attachment" : "attachments";
  return `[${attachments.length} ${noun}, not stored in Hearback: ${attachments.join(", ")}]`;
}

/** The body of an inbound message from the email's text and attachment names. */
export function inboundBody(email: { text: string; attachments: readonly string[] }): InboundBody {
  const reply = stripQuotedReply(email.text);
  const note = attachmentNote(email.attachments);
  if (reply) {
    const room = note ? MAX_INBOUND_TEXT_CHARS - note.length - 2 : MAX_INBOUND_TEXT_CHARS;
    return { text: note ? `${capText(reply, room)}\n\n${note}` : capText(reply), usable: true };
  }
  if (note) return { text: capText(note), usable: true };
  return { text: capText(tidy(email.text)), usable: false };
}
