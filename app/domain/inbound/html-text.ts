// HTML email bodies as plain text, for replies sent without a text part. Quoted history (<blockquote>) keeps its
// "> " marks so that the quote stripper can drop it. A single linear scan: mail HTML is untrusted and can be huge.

const DROPPED_ELEMENTS = new Set(["script", "style", "head", "title", "template", "noscript"]);
const BLOCK_ELEMENTS = new Set([
  "address",
  "article",
  "aside",
  "div",
  "dl",
  "dt",
  "dd",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tr",
  "ul",
]);

// Quote marks shown at most this deep: each line carries its depth, so an unbounded depth would multiply the text
// (twenty thousand nested <blockquote>s over twenty thousand lines made 400 million characters).
const MAX_QUOTE_DEPTH = 10;

// Control characters other than tab and line breaks (which collapse into spaces like other whitespace).
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/gu;
// A tag's opening: "<" or "</" and its name, read where the scan stands.
const TAG_OPENING = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,20})/y;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  shy: "",
  zwnj: "",
  zwj: "",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  bull: "•",
  middot: "·",
  copy: "©",
  reg: "®",
  trade: "™",
  euro: "€",
  pound: "£",
  deg: "°",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  aacute: "á",
  agrave: "à",
  ccedil: "ç",
  Eacute: "É",
};

/** Character references (&amp; &#228; &#xE4;) as characters; unknown names stay as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (reference, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED_ENTITIES[name] ?? reference;
  });
}

function closingTagPattern(name: string): RegExp {
  return new RegExp(`</${name}\\s*>`, "gi");
}

/**
 * Lines of text the way a browser breaks them: a block ends a line that has content, <br> always ends one (so an
 * empty <div><br></div> is a blank line), paragraphs leave a blank line, quoted lines remember their depth.
 */
class LineWriter {
  private readonly lines: { depth: number; text: string }[] = [];
  private current = "";
  private blankBeforeNext = false;
  depth = 0;

  write(segment: string) {
    const text = this.current === "" ? segment.trimStart() : segment;
    if (text === "") return;
    if (this.current === "" && this.blankBeforeNext) this.push("");
    this.blankBeforeNext = false;
    this.current += text;
  }

  /** Ends the line if it has content (block boundaries). */
  endBlock() {
    if (this.current.trim() !== "") this.push(this.current);
  }

  /** Ends the line even when it is empty (<br>). */
  lineBreak() {
    this.push(this.current);
  }

  paragraph() {
    this.endBlock();
    this.blankBeforeNext = true;
  }

  private push(text: string) {
    this.lines.push({ depth: this.depth, text: text.replace(/ {2,}/g, " ").trim() });
    this.current = "";
  }

  toString(): string {
    this.endBlock();
    const out: string[] = [];
    for (const { depth, text } of this.lines) {
      if (text === "") {
        if (out.length > 0 && out[out.length - 1] !== "") out.push("");
        continue;
      }
      out.push(depth > 0 ? `${">".repeat(Math.min(depth, MAX_QUOTE_DEPTH))} ${text}` : text);
    }
    while (out[out.length - 1] === "") out.pop();
    return out.join("\n");
  }
}

export function htmlToText(html: string): string {
  const writer = new LineWriter();
  const text = (segment: string) => {
    if (!segment) return;
    const visible = segment.replace(CONTROL_CHARACTERS, "");
    writer.write((visible.includes("&") ? decodeHtmlEntities(visible) : visible).replace(/\s+/g, " "));
  };
  let index = 0;
  // The next ">" only moves forward, so remembering it keeps a run of unclosed "<a<a<a" linear.
  let nextGreaterThan = -2;
  while (index < html.length) {
    const lessThan = html.indexOf("<", index);
    if (lessThan === -1) {
      text(html.slice(index));
      break;
    }
    text(html.slice(index, lessThan));
    if (html.startsWith("<!--", lessThan)) {
      const end = html.indexOf("-->", lessThan + 4);
      index = end === -1 ? html.length : end + 3;
      continue;
    }
    TAG_OPENING.lastIndex = lessThan;
    const opening = TAG_OPENING.exec(html);
    if (!opening && !html.startsWith("<!", lessThan) && !html.startsWith("<?", lessThan)) {
      text("<");
      index = lessThan + 1;
      continue;
    }
    if (nextGreaterThan !== -1 && nextGreaterThan <= lessThan) nextGreaterThan = html.indexOf(">", lessThan + 1);
    if (nextGreaterThan === -1) {
      text(html.slice(lessThan));
      break;
    }
    const closing = opening?.[1] === "/";
    const name = opening?.[2]!.toLowerCase() ?? "";
    index = nextGreaterThan + 1;
    if (!closing && DROPPED_ELEMENTS.has(name)) {
      const pattern = closingTagPattern(name);
      pattern.lastIndex = index;
      const end = pattern.exec(html);
      index = end ? end.index + end[0].length : html.length;
    } else if (name === "br") {
      writer.lineBreak();
    } else if (name === "blockquote") {
      writer.endBlock();
      writer.depth = Math.max(0, writer.depth + (closing ? -1 : 1));
    } else if (name === "p") {
      writer.paragraph();
    } else if (name === "li" && !closing) {
      writer.endBlock();
      writer.write("- ");
    } else if (name === "td" || name === "th") {
      if (closing) writer.write(" ");
    } else if (BLOCK_ELEMENTS.has(name)) {
      writer.endBlock();
    }
  }
  return writer.toString();
}
