// What the candidate wrote this time: the email's text without the quoted history and signature below it, capped in
// length, with a note of attachments we do not keep. One pass over the lines, each looked at a bounded number of
// times: mail is untrusted and can be megabytes of short lines, so nothing here may rescan the text per line.

/** The longest reply text filed on an application (the same limit as a recorded message body). */
export const MAX_INBOUND_TEXT_CHARS = 20_000;
/**
 * The most lines of one email searched for quoted history and signatures (the CPU budget of one message). Text after
 * them is kept as it is: never cut without having been looked at.
 */
export const MAX_REPLY_SCAN_LINES = 20_000;
/** The most characters of one email searched, for the same reason. */
export const MAX_REPLY_SCAN_CHARS = 500_000;

const CUT_NOTE = "[…] (The email was longer; the rest is not shown.)";

// Quote headers and separators are short: longer lines are never one, and no pattern runs on more than this.
const MAX_HEADER_LINE_CHARS = 300;
// A quote header may be wrapped over this many lines ("On …, Anna Schmidt" / "<anna@acme.example> wrote:").
const MAX_HEADER_LINES = 3;

// The first words of a quote header ("On Mon, 2 Mar 2026 at 09:00, Anna <anna@acme.example> wrote:", "Am 02.03.26 um
// 10:00 schrieb Anna:", "Le lun. 2 mars 2026 à 09:00, Anna <…> a écrit :", "El …", "Il giorno …", "Em …", "Op …").
const QUOTE_HEADER_START = /^(?:on|am|le|el|il|em|op|den|på|w dniu|dnia)\s/i;
// …and how it ends: "wrote:", "schrieb:" (or "schrieb Anna <anna@acme.example>:"), "a écrit :", "escribió:", …
const QUOTE_HEADER_END =
  /(?:wrote|schrieb|écrit|escribió|scritto|escreveu|schreef|skrev|napisał|pisze|kirjoitti)\s?:$/i;
const QUOTE_HEADER_VERB_BEFORE_NAME = /\s(?:schrieb|schreef|skrev)\s/i;
// "-----Original Message-----" and its translations (Outlook).
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|oprindelig meddelelse|originalmeddelande)\s*-{2,}$/i;
// Outlook's header block of the message answered: "From: …" then "Sent: …" (or "Date: …") a line or a few below.
const HEADER_BLOCK_FROM = /^\*?(?:from|von|de|van|da|fra|från|od)\s?:/i;
const HEADER_BLOCK_DATE =
  /^\*?(?:sent|date|gesendet|datum|envoyé|enviado|verzonden|inviato|sendt|skickat|wysłano)\s?:/i;
const UNDERSCORE_SEPARATOR = /^_{8,}$/;
// "Sent from my iPhone" and the like, dropped when they end the reply.
const MOBILE_FOOTER =
  /^(?:sent from (?:my )?\S.*|get outlook for \S.*|von meinem \S.* gesendet|gesendet von \S.*|envoyé de mon \S.*|enviado desde (?:mi )?\S.*|verstuurd vanaf (?:mijn )?\S.*|inviato da \S.*|sendt fra (?:min )?\S.*)$/i;

type LineKind = "blank" | "quoted" | "text";

/** The lines of `text` searched for quoted history (within the budget), and the text after them. */
function scannedLines(text: string): { lines: string[]; rest: string } {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < MAX_REPLY_SCAN_LINES && start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    if (end > MAX_REPLY_SCAN_CHARS) break;
    lines.push(text.slice(start, end));
    start = end + 1;
  }
  return { lines, rest: start < text.length ? text.slice(start) : "" };
}

/** Lines as the quote stripper reads them: blank, quoted ("> …") or text. Each line's characters are read once. */
function kindOf(line: string): LineKind {
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    if (code === 0x3e) return "quoted"; // ">"
    if (code !== 0x20 && code !== 0x09 && code !== 0xa0) return "text";
  }
  return "blank";
}

function isSignatureSeparator(line: string): boolean {
  return line === "--" || line === "-- ";
}

function isShort(line: string): boolean {
  return line.length <= MAX_HEADER_LINE_CHARS;
}

function isMobileFooter(line: string): boolean {
  return isShort(line) && MOBILE_FOOTER.test(line.trim());
}

class ReplyScanner {
  private readonly kinds: LineKind[];
  /** atEnd[i]: from line i on there is nothing but blank lines and footers, then the end or a signature. */
  private readonly atEnd: boolean[];

  constructor(
    private readonly lines: string[],
    /** Whether the lines are the whole text (the budget was not reached), so the last one ends the message. */
    private readonly complete: boolean,
  ) {
    this.kinds = lines.map(kindOf);
    this.atEnd = new Array<boolean>(lines.length + 1);
    this.atEnd[lines.length] = complete;
    for (let index = lines.length - 1; index >= 0; index -= 1) {
      const line = lines[index]!;
      if (isSignatureSeparator(line)) this.atEnd[index] = true;
      else if (this.kinds[index] === "blank" || isMobileFooter(line)) this.atEnd[index] = this.atEnd[index + 1]!;
      else this.atEnd[index] = false;
    }
  }

  /** The reply's lines (the text above the history, and answers between quotes), and whether history was cut off. */
  reply(): { kept: string[]; cut: boolean } {
    const { lines, kinds } = this;
    const kept: string[] = [];
    let cut = false;
    // Once a quote header has introduced quoted lines, every quoted line below it is the old email too.
    let quoting = false;
    let index = 0;
    while (index < lines.length) {
      const line = lines[index]!;
      if (isSignatureSeparator(line) || this.historyStartsAt(index)) {
        cut = true;
        break;
      }
      const header = this.quoteHeaderAt(index);
      const next = header ? this.nextNonBlank(index + header.lines) : -1;
      if (header && next < lines.length && kinds[next] === "quoted") {
        // The header and the block it introduces are the history; an answer below them (bottom-posting) stays.
        quoting = true;
        index = this.endOfQuotedBlock(next);
        continue;
      }
      // A quote header that ends the email, or a full one above unquoted history (Outlook quotes that way too).
      if ((header && next === lines.length && this.complete) || (header?.strong && next < lines.length)) {
        cut = true;
        break;
      }
      if (kinds[index] === "quoted") {
        // Quoted lines are history when a quote header is above them or quoted as their first line (Apple Mail), or
        // when nothing but a signature follows them. Otherwise they are the candidate's own ("> 5 years of Go"),
        // and a block that runs on past the budget stays too: whether it ends the email is not known.
        const end = this.endOfQuotedBlock(index);
        if (quoting || this.atEnd[end] || this.startsWithQuotedHeader(index)) {
          quoting = true;
          index = end;
          continue;
        }
        while (index < end) kept.push(lines[index++]!);
        continue;
      }
      kept.push(line);
      index += 1;
    }
    // "Sent from my iPhone" and blank lines at the end go, unless unread text follows.
    const ends = cut || this.complete;
    while (ends && kept.length > 0 && (kindOf(kept.at(-1)!) === "blank" || isMobileFooter(kept.at(-1)!))) kept.pop();
    return { kept, cut };
  }

  private nextNonBlank(from: number): number {
    let index = from;
    while (index < this.lines.length && this.kinds[index] === "blank") index += 1;
    return index;
  }

  /** The line after a block of quoted lines (blank lines inside it included) that starts at `start`. */
  private endOfQuotedBlock(start: number): number {
    let end = start;
    let index = start;
    while (index < this.lines.length) {
      const kind = this.kinds[index];
      if (kind === "quoted") end = index + 1;
      else if (kind !== "blank") break;
      index += 1;
    }
    return end;
  }

  /** "-----Original Message-----", or Outlook's "From: … Sent: …" block (under a line of underscores or not). */
  private historyStartsAt(index: number): boolean {
    const line = this.lines[index]!.trim();
    if (!isShort(line) || this.kinds[index] !== "text") return false;
    if (ORIGINAL_MESSAGE.test(line)) return true;
    if (UNDERSCORE_SEPARATOR.test(line)) {
      const next = this.nextNonBlankWithin(index + 1, 2);
      return next !== -1 && this.headerBlockAt(next);
    }
    return this.headerBlockAt(index);
  }

  private nextNonBlankWithin(from: number, lines: number): number {
    for (let index = from; index < Math.min(this.lines.length, from + lines); index += 1) {
      if (this.kinds[index] !== "blank") return index;
    }
    return -1;
  }

  private headerBlockAt(index: number): boolean {
    const line = this.lines[index]!.trim();
    if (!isShort(line) || !HEADER_BLOCK_FROM.test(line)) return false;
    for (let next = index + 1; next < Math.min(this.lines.length, index + 5); next += 1) {
      const candidate = this.lines[next]!.trim();
      if (isShort(candidate) && HEADER_BLOCK_DATE.test(candidate)) return true;
    }
    return false;
  }

  /**
   * A quote header ("On … wrote:") starting at `index`, possibly wrapped over a few lines, and how many lines it
   * takes. Strong when it reads like one on its own (its opening words, a date); otherwise it only counts when quoted
   * lines follow it.
   */
  private quoteHeaderAt(index: number): { lines: number; strong: boolean } | null {
    if (this.kinds[index] !== "text") return null;
    return quoteHeader(
      this.lines.slice(index, index + MAX_HEADER_LINES),
      this.kinds.slice(index, index + MAX_HEADER_LINES),
    );
  }

  /** Whether the quoted block at `start` opens with a quoted quote header ("> On … wrote:"), as Apple Mail writes. */
  private startsWithQuotedHeader(start: number): boolean {
    const lines: string[] = [];
    for (let index = start; index < this.lines.length && lines.length < MAX_HEADER_LINES; index += 1) {
      if (this.kinds[index] !== "quoted") break;
      lines.push(this.lines[index]!.replace(/^[\s>]{1,20}/, ""));
    }
    return quoteHeader(lines, lines.map(kindOf)) !== null;
  }
}

/**
 * A quote header ("On … wrote:") at the start of `lines`, possibly wrapped over a few of them, and how many lines it
 * takes. Strong when it reads like one on its own (its opening words, a date); otherwise it only counts when quoted
 * lines follow it, and it is one line long.
 */
function quoteHeader(lines: string[], kinds: LineKind[]): { lines: number; strong: boolean } | null {
  if (lines.length === 0 || kinds[0] !== "text" || !isShort(lines[0]!)) return null;
  const opens = QUOTE_HEADER_START.test(lines[0]!.trimStart());
  for (let count = 1; count <= lines.length; count += 1) {
    const last = lines[count - 1]!;
    if (kinds[count - 1] !== "text" || !isShort(last)) return null;
    // A line below the first that starts like a header starts the header itself ("On Tuesday I can come." above it).
    if (count > 1 && (!opens || QUOTE_HEADER_START.test(last.trimStart()))) return null;
    if (!last.trimEnd().endsWith(":")) continue;
    const joined = lines
      .slice(0, count)
      .map((line) => line.trim())
      .join(" ");
    if (!QUOTE_HEADER_END.test(joined) && !QUOTE_HEADER_VERB_BEFORE_NAME.test(joined)) return null;
    const dated = /\d/.test(joined);
    if (!opens && !dated && !joined.includes("@")) return null;
    return { lines: count, strong: opens && dated };
  }
  return null;
}

/** The reply without quoted history and signature. Empty when the email held nothing but quotes. */
export function stripQuotedReply(text: string): string {
  const { lines, rest } = scannedLines(text.replace(/\r\n?/g, "\n"));
  const { kept, cut } = new ReplyScanner(lines, rest === "").reply();
  // Text past the budget was never looked at: kept as it is, unless it lies below history already cut off.
  if (rest !== "" && !cut) kept.push(rest);
  return tidy(kept.join("\n"));
}

/** Trailing spaces off every line, at most one blank line in a row, no blank lines around. */
function tidy(text: string): string {
  const out: string[] = [];
  let blankRun = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trimEnd();
    start = end + 1;
    if (line === "") {
      blankRun += 1;
      continue;
    }
    if (out.length > 0 && blankRun > 0) out.push("");
    blankRun = 0;
    out.push(out.length === 0 ? line.trimStart() : line);
  }
  return out.join("\n");
}

/** `text` cut to at most `limit` characters, with a note when something was cut. */
export function capText(text: string, limit = MAX_INBOUND_TEXT_CHARS): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - CUT_NOTE.length - 2);
  // Never leave half of a surrogate pair behind.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
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
  return { text: capText(tidy(email.text.replace(/\r\n?/g, "\n"))), usable: false };
}
