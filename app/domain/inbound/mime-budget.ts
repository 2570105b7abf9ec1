// The CPU budget of one inbound email. Hostile mail is cheap to send and, line by line, expensive to parse: postal-mime
// spends microseconds on every body line it passes through as it is (7bit, 8bit: each line becomes a part of a Blob),
// and it never yields to the event loop while it parses. So before postal-mime sees an email, this pass reduces it to
// what Hearback reads, in one linear scan that yields to the event loop as it goes:
// - headers and the MIME structure (boundary lines) stay as they are;
// - the bodies of attachments and multipart preambles are left out: only attachments' names are kept;
// - text parts (text/plain, text/html) sent as they are become base64 in long lines, which postal-mime decodes in a few
//   steps to the very bytes it would have read; quoted-printable and base64 text parts stay as they are;
// - inline forwarded messages (message/rfc822) are reduced the same way, as deep as postal-mime parses them;
// - past the budgets (lines read, lines handed on, bytes per text part, parts) the rest of the email is left out.
// A part whose Content-Type, Content-Disposition or Content-Transfer-Encoding this pass cannot read exactly the way
// postal-mime does (comments, escapes, RFC 2231 parameter continuations) is handed on as it is, within a small budget.

/** The most lines of one raw email read; the rest of a longer email is ignored. */
export const MAX_INBOUND_LINES = 500_000;
/** The most lines handed on to the MIME parser (headers, boundaries, encoded text), over all nested messages. */
export const MAX_PARSED_LINES = 10_000;
/**
 * The most bytes of one text part's body kept (as sent, before decoding): room for the text parse.ts reads of it, for
 * any reply a person writes; more only costs time.
 */
export const MAX_TEXT_PART_BYTES = 256 * 1024;
/** The most MIME parts of one email; later parts are ignored. */
export const MAX_MIME_PARTS = 500;
/** How deep inline message/rfc822 parts are parsed (postal-mime's maxRfc822NestingDepth). */
export const MAX_RFC822_DEPTH = 3;
/** How deep MIME parts may nest (postal-mime's maxNestingDepth: deeper is a malformed email). */
export const MAX_MIME_DEPTH = 50;
/** The most lines handed on as they are from parts whose headers this pass does not read (see above). */
const MAX_OPAQUE_LINES = 2_000;
const MAX_HEADER_LINES_PER_PART = 2_000;
const YIELD_EVERY_LINES = 5_000;
const BASE64_LINE_CHARS = 65_536;

const NEWLINE = new Uint8Array([0x0a]);
const BASE64_HEADER = new TextEncoder().encode("Content-Transfer-Encoding: base64");
// As postal-mime decodes header lines: a byte-order mark at the start of a line is kept.
const headerDecoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** Lets other work (a health check, other requests) run between slices of a long job. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What the budget let through, for tests and logs. */
export type BudgetReport = {
  linesRead: number;
  linesHandedOn: number;
  parts: number;
  /** Whether something was left out because a budget ran out (not counting attachment bodies, always left out). */
  truncated: boolean;
};

type Budget = BudgetReport & { opaqueLines: number };

/**
 * How a part's body is handed on: left out, kept as it is (quoted-printable or base64 text), re-encoded (text sent
 * as it is), reduced as a nested email, or kept as it is within the small opaque budget.
 */
type Mode = "drop" | "keep" | "reencode" | "nested" | "opaque";

/** Bytes appended one line at a time, in one buffer that doubles as it fills. */
class ByteSink {
  private bytes = new Uint8Array(1024);
  length = 0;

  write(chunk: Uint8Array) {
    if (this.length + chunk.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + chunk.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  contents(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

class Part {
  state: "header" | "body" = "header";
  readonly headerLines: Uint8Array[] = [];
  mode: Mode = "drop";
  multipart: string | false = false;
  /** The collected body of a re-encoded or nested part. */
  readonly body = new ByteSink();
  bodyBytes = 0;
  finished = false;
  readonly children: Part[] = [];
  finishedChildren = 0;
  readonly depth: number;

  constructor(
    readonly parent: Part | null,
    readonly parentMultipart: string | false,
  ) {
    this.depth = parent ? parent.depth + 1 : 0;
  }
}

/** A nested message, reduced once the scan is done (that work yields too). */
type Pending = { nested: Uint8Array };

type HeaderFacts = {
  type: string;
  boundary: string | null;
  disposition: string;
  encoding: "base64" | "quoted-printable" | "as-is";
  /** The first line of the first Content-Transfer-Encoding header, where a replacement goes before it. */
  encodingLine: number;
  /** Some header is written in a way this pass does not read exactly like postal-mime. */
  opaque: boolean;
};

const trimWsp = (value: string) => value.replace(/^[ \t]+/, "").replace(/[ \t]+$/, "");

/**
 * A structured header value ("multipart/mixed; boundary=\"b1\"") read the way postal-mime reads it, or null when it
 * uses comments, escapes, RFC 2231 continuations or stray quotes, which only postal-mime's own parser reads right.
 */
function structured(value: string): { value: string; params: Map<string, string> } | null {
  if (/[()\\]/.test(value)) return null;
  const segments: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '"') quoted = !quoted;
    else if (char === ";" && !quoted) {
      segments.push(value.slice(start, index));
      start = index + 1;
    }
  }
  segments.push(value.slice(start));
  const head = segments[0]!.trim();
  if (head.includes('"')) return null;
  const params = new Map<string, string>();
  for (const segment of segments.slice(1)) {
    const equals = segment.indexOf("=");
    if (equals === -1) continue;
    const name = segment.slice(0, equals).trim().toLowerCase();
    if (name.includes("*") || name.includes('"')) return null;
    const raw = segment.slice(equals + 1).trim();
    let param: string;
    if (raw.startsWith('"')) {
      const close = raw.indexOf('"', 1);
      param = close === -1 ? raw.slice(1) : raw.slice(1, close);
    } else {
      if (raw.includes('"')) return null;
      param = raw;
    }
    if (!params.has(name)) params.set(name, param);
  }
  return { value: head.toLowerCase(), params };
}

function readHeaders(lines: readonly Uint8Array[], parentMultipart: string | false): HeaderFacts {
  const facts: HeaderFacts = {
    type: parentMultipart === "digest" ? "message/rfc822" : "text/plain",
    boundary: null,
    disposition: "",
    encoding: "as-is",
    encodingLine: -1,
    opaque: false,
  };
  // Folded lines join the header above them, as postal-mime unfolds them.
  const headers: { line: number; text: string }[] = [];
  lines.forEach((bytes, line) => {
    const text = headerDecoder.decode(bytes);
    const previous = headers.at(-1);
    if (previous && /^[ \t]/.test(text)) previous.text += text;
    else headers.push({ line, text });
  });
  const seen = new Set<string>();
  for (const { line, text } of headers) {
    const colon = text.indexOf(":");
    const key = trimWsp(colon < 0 ? text : text.slice(0, colon)).toLowerCase();
    if (seen.has(key) || !["content-type", "content-disposition", "content-transfer-encoding"].includes(key)) continue;
    seen.add(key);
    const value = colon < 0 ? "" : trimWsp(text.slice(colon + 1).replace(/[\r\n]+/g, " "));
    if (key === "content-transfer-encoding") {
      facts.encodingLine = line;
      if (value.includes("(")) facts.opaque = true;
      const token = /[\w-]+/.exec(value.toLowerCase())?.[0] ?? "";
      facts.encoding = token.includes("base64")
        ? "base64"
        : token.includes("quoted-printable")
          ? "quoted-printable"
          : "as-is";
      continue;
    }
    const parsed = structured(value);
    if (!parsed) {
      facts.opaque = true;
      continue;
    }
    if (key === "content-type") {
      facts.type = parsed.value;
      facts.boundary = parsed.params.get("boundary") || null;
    } else {
      facts.disposition = parsed.value;
    }
  }
  return facts;
}

/** Whether `line` is "--boundary" (false), "--boundary--" (true), or neither (null), as postal-mime matches it. */
function boundaryLine(line: Uint8Array, boundary: Uint8Array): boolean | null {
  if (line.length < boundary.length + 2) return null;
  for (let index = 0; index < boundary.length; index += 1) {
    if (line[index + 2] !== boundary[index]) return null;
  }
  let end = boundary.length + 2;
  const terminator = line.length >= end + 2 && line[end] === 0x2d && line[end + 1] === 0x2d;
  if (terminator) end += 2;
  for (let index = end; index < line.length; index += 1) {
    if (line[index] !== 0x20 && line[index] !== 0x09) return null;
  }
  return terminator;
}

class Reducer {
  private readonly out: (Uint8Array | Pending)[] = [];
  private readonly boundaries: { value: Uint8Array; part: Part }[] = [];
  private readonly root = new Part(null, false);
  private current = this.root;
  private stopped = false;

  constructor(
    private readonly budget: Budget,
    private readonly depth: number,
  ) {}

  async run(bytes: Uint8Array): Promise<Uint8Array> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let position = 0;
    while (position < buffer.length && !this.stopped) {
      if (this.budget.linesRead >= MAX_INBOUND_LINES) {
        this.budget.truncated = true;
        break;
      }
      if (this.ignoring() && !(buffer[position] === 0x2d && buffer[position + 1] === 0x2d)) {
        // Nothing more of this part is kept, so only a boundary line can matter: skip to the next line starting "--".
        if (this.current.mode !== "drop") this.budget.truncated = true;
        const dashes = this.boundaries.length > 0 ? buffer.indexOf("\n--", position) : -1;
        if (dashes === -1) break;
        position = dashes + 1;
        continue;
      }
      const newline = buffer.indexOf(0x0a, position);
      const next = newline === -1 ? buffer.length : newline + 1;
      // A line as postal-mime reads it: without its line end and any carriage returns before it.
      let end = newline === -1 ? buffer.length : newline;
      while (end > position && buffer[end - 1] === 0x0d) end -= 1;
      this.line(buffer.subarray(position, end));
      position = next;
      this.budget.linesRead += 1;
      if (this.budget.linesRead % YIELD_EVERY_LINES === 0) await yieldToEventLoop();
    }
    this.finish(this.root);
    const chunks: Uint8Array[] = [];
    for (const chunk of this.out) {
      if (chunk instanceof Uint8Array) {
        chunks.push(chunk);
        continue;
      }
      const reduced = await new Reducer(this.budget, this.depth + 1).run(chunk.nested);
      chunks.push(...base64Lines(reduced, this.budget));
    }
    return Buffer.concat(chunks);
  }

  /** Whether the current part is in its body and keeps nothing more of it. */
  private ignoring(): boolean {
    const part = this.current;
    if (part.state !== "body") return false;
    if (part.mode === "drop") return true;
    if (part.mode === "opaque") return this.budget.opaqueLines >= MAX_OPAQUE_LINES;
    return part.bodyBytes >= MAX_TEXT_PART_BYTES;
  }

  private line(line: Uint8Array) {
    if (this.boundaries.length > 0 && line.length > 2 && line[0] === 0x2d && line[1] === 0x2d) {
      // Innermost first, as postal-mime checks them.
      for (let index = this.boundaries.length - 1; index >= 0; index -= 1) {
        const { value, part } = this.boundaries[index]!;
        const terminator = boundaryLine(line, value);
        if (terminator === null) continue;
        if (terminator) {
          this.finish(part);
          this.current = part.parent ?? this.root;
        } else {
          this.finishChildren(part);
          if (this.budget.parts >= MAX_MIME_PARTS) {
            this.stop();
            return;
          }
          this.budget.parts += 1;
          this.current = new Part(part, part.multipart);
          part.children.push(this.current);
          if (this.current.depth > MAX_MIME_DEPTH) {
            // postal-mime refuses the email at this line; nothing after it matters.
            this.emit(line);
            this.stop();
            return;
          }
        }
        this.emit(line);
        return;
      }
    }
    this.feed(this.current, line);
  }

  private feed(part: Part, line: Uint8Array) {
    if (part.state === "header") {
      if (line.length === 0) {
        part.state = "body";
        this.endHeaders(part);
      } else if (part.headerLines.length < MAX_HEADER_LINES_PER_PART) {
        part.headerLines.push(line);
      } else {
        this.budget.truncated = true;
      }
      return;
    }
    switch (part.mode) {
      case "drop":
        return;
      case "opaque":
        if (this.budget.opaqueLines < MAX_OPAQUE_LINES) {
          this.budget.opaqueLines += 1;
          this.emit(line);
        } else {
          this.budget.truncated = true;
        }
        return;
      case "keep": {
        const kept = this.room(part, line, 0);
        if (kept) this.emit(kept);
        return;
      }
      case "reencode":
      case "nested": {
        // The body as postal-mime would have decoded it: each line, then a line feed.
        const kept = this.room(part, line, 1);
        if (kept) {
          part.body.write(kept);
          part.body.write(NEWLINE);
        }
        return;
      }
    }
  }

  /** As much of `line` as the part's byte budget has room for (plus `extra` bytes), or null. */
  private room(part: Part, line: Uint8Array, extra: number): Uint8Array | null {
    const room = MAX_TEXT_PART_BYTES - part.bodyBytes - extra;
    if (room < 0 || (room === 0 && line.length > 0)) {
      this.budget.truncated = true;
      return null;
    }
    const kept = line.length <= room ? line : line.subarray(0, room);
    if (kept !== line) this.budget.truncated = true;
    part.bodyBytes += kept.length + extra;
    return kept;
  }

  private endHeaders(part: Part) {
    const facts = readHeaders(part.headerLines, part.parentMultipart);
    const multipart = /^multipart\//.test(facts.type) ? facts.type.slice(facts.type.indexOf("/") + 1) : false;
    const attached = facts.disposition === "attachment";
    const asIs = facts.encoding === "as-is";
    if (facts.opaque) {
      part.mode = "opaque";
    } else if (multipart) {
      part.multipart = multipart;
      if (facts.boundary) this.boundaries.push({ value: new TextEncoder().encode(facts.boundary), part });
    } else if (facts.type === "message/rfc822") {
      // Inline unless it says otherwise, and parsed as deep as postal-mime goes; deeper ones are attachments.
      const inline = facts.disposition === "" || facts.disposition === "inline";
      if (inline && this.depth < MAX_RFC822_DEPTH) part.mode = asIs ? "nested" : "keep";
    } else if (!attached && (facts.type === "text/plain" || facts.type === "text/html")) {
      part.mode = asIs ? "reencode" : "keep";
    }
    const reencoded = part.mode === "reencode" || part.mode === "nested";
    part.headerLines.forEach((line, index) => {
      if (reencoded && index === facts.encodingLine) this.emit(BASE64_HEADER);
      this.emit(line);
    });
    if (reencoded && facts.encodingLine === -1) this.emit(BASE64_HEADER);
    this.emit(new Uint8Array());
  }

  private finish(part: Part) {
    if (part.finished) return;
    part.finished = true;
    // Headers never ended by a blank line: postal-mime reads them at the end of the part, with no body.
    if (part.state === "header") for (const line of part.headerLines) this.emit(line);
    const own = this.boundaries.findLastIndex((boundary) => boundary.part === part);
    if (own !== -1) this.boundaries.splice(own, 1);
    this.finishChildren(part);
    if (part.mode === "reencode") this.out.push(...base64Lines(part.body.contents(), this.budget));
    if (part.mode === "nested") this.out.push({ nested: part.body.contents() });
  }

  private finishChildren(part: Part) {
    while (part.finishedChildren < part.children.length) {
      this.finish(part.children[part.finishedChildren]!);
      part.finishedChildren += 1;
    }
  }

  private emit(line: Uint8Array) {
    if (this.stopped) return;
    if (this.budget.linesHandedOn >= MAX_PARSED_LINES) {
      this.stop();
      return;
    }
    this.budget.linesHandedOn += 1;
    this.out.push(line, NEWLINE);
  }

  private stop() {
    this.stopped = true;
    this.budget.truncated = true;
  }
}

/** `bytes` as base64 in long lines, each followed by a line feed. */
function base64Lines(bytes: Uint8Array, budget: Budget): Uint8Array[] {
  const encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  const lines: Uint8Array[] = [];
  for (let start = 0; start < encoded.length; start += BASE64_LINE_CHARS) {
    lines.push(Buffer.from(encoded.slice(start, start + BASE64_LINE_CHARS), "latin1"), NEWLINE);
    budget.linesHandedOn += 1;
  }
  return lines;
}

/**
 * The raw email reduced to what Hearback reads, within the budgets above, and a report of what got through. Linear in
 * the length of the email; yields to the event loop every few thousand lines.
 */
export async function budgetedEmail(raw: Uint8Array): Promise<{ bytes: Uint8Array; report: BudgetReport }> {
  const budget: Budget = { linesRead: 0, linesHandedOn: 0, parts: 0, truncated: false, opaqueLines: 0 };
  const bytes = await new Reducer(budget, 0).run(raw);
  const { opaqueLines: _opaqueLines, ...report } = budget;
  return { bytes, report };
}
