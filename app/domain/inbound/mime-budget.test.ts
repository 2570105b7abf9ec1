import PostalMime, { type Email } from "postal-mime";
import { describe, expect, test } from "vitest";
import {
  budgetedEmail,
  MAX_INBOUND_LINES,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
  MAX_PARSED_LINES,
  MAX_RFC822_DEPTH,
  MAX_TEXT_PART_BYTES,
} from "./mime-budget";

const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;
const bytesOf = (raw: string) => Buffer.from(raw, "utf8");
const parse = (raw: Uint8Array) =>
  PostalMime.parse(raw, { maxNestingDepth: MAX_MIME_DEPTH, maxRfc822NestingDepth: MAX_RFC822_DEPTH });

/** What Hearback reads of a parsed email (attachment contents are never read, and are left out by the budget). */
function whatWeRead(email: Email) {
  return {
    headers: email.headers.filter((header) => header.key !== "content-transfer-encoding"),
    from: email.from,
    to: email.to,
    cc: email.cc,
    replyTo: email.replyTo,
    subject: email.subject,
    messageId: email.messageId,
    inReplyTo: email.inReplyTo,
    references: email.references,
    text: email.text,
    html: email.html,
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      mimeType: attachment.mimeType,
      disposition: attachment.disposition,
      related: attachment.related,
      contentId: attachment.contentId,
    })),
  };
}

const HEAD = ["From: Sam Taylor <sam@example.com>", "To: jobs@acme.example", "Subject: Re: Interview"];

const corpus: Record<string, string> = {
  "plain text, CRLF": crlf([...HEAD, "", "Tuesday works.", "", "> Could you do Tuesday?", ""]),
  "8bit UTF-8, LF, no final line end": [
    ...HEAD,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    "Grüße aus Köln —",
    "  indented, trailing spaces   ",
    "a bare\rcarriage return\r\r",
    "last line",
  ].join("\n"),
  "format=flowed": crlf([
    ...HEAD,
    "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes",
    "",
    "This line is folded ",
    "over two lines.",
    "-- ",
    "Sam",
  ]),
  "headers only": crlf([...HEAD]),
  "no blank line, no headers": "this is not an email at all",
  "CTE after other headers, and twice": crlf([
    ...HEAD,
    "MIME-Version: 1.0",
    "Content-Type: text/plain",
    "Content-Transfer-Encoding: 7BIT",
    "Content-Transfer-Encoding: base64",
    "",
    "Plain words, not base64.",
  ]),
  "multipart with related, alternative and attachments": crlf([
    ...HEAD,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "This is a multi-part message in MIME format.",
    "--b1",
    'Content-Type: multipart/related; boundary="b2"',
    "",
    "--b2",
    "Content-Type: multipart/alternative; boundary=b3",
    "",
    "--b3",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Here is my CV.",
    "--b3",
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    '<p>Here is my <b>CV</b>.</p><img src=3D"cid:logo@x">=',
    "<p>F=C3=BCr Sie.</p>",
    "--b3--",
    "--b2",
    "Content-Type: image/png",
    "Content-ID: <logo@x>",
    "Content-Transfer-Encoding: base64",
    "",
    "iVBORw0KGgo=",
    "--b2--",
    "--b1",
    'Content-Type: application/pdf; name="Sam Taylor CV.pdf"',
    'Content-Disposition: attachment; filename="Sam Taylor CV.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    "JVBERi0xLjQK",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    'Content-Disposition: attachment; filename="notes.txt"',
    "",
    "notes, an attachment",
    "--b1--",
    "epilogue text",
  ]),
  "base64 and iso-8859-1 text parts": crlf([
    ...HEAD,
    'Content-Type: multipart/alternative; boundary="alt"',
    "",
    "--alt",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from("Dienstag passt, danke für die Einladung.\n", "utf8").toString("base64"),
    "--alt",
    "Content-Type: text/html; charset=iso-8859-1",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "<div>Dienstag passt, danke f=FCr die Einladung.</div>",
    "--alt--",
  ]),
  "a forwarded message inline, with parts of its own": crlf([
    ...HEAD,
    'Content-Type: multipart/mixed; boundary="outer"',
    "",
    "--outer",
    "Content-Type: text/plain",
    "",
    "See the forwarded note.",
    "--outer",
    "Content-Type: message/rfc822",
    "",
    "From: Anna <anna@acme.example>",
    "Subject: Note",
    'Content-Type: multipart/mixed; boundary="inner"',
    "",
    "--inner",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The forwarded words.",
    "--inner",
    'Content-Type: application/pdf; name="inner.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    "JVBERi0xLjQK",
    "--inner--",
    "--outer--",
  ]),
  "a digest, whose parts are messages by default": crlf([
    ...HEAD,
    'Content-Type: multipart/digest; boundary="d"',
    "",
    "--d",
    "",
    "From: a@example.com",
    "Subject: one",
    "",
    "First message.",
    "--d",
    "",
    "From: b@example.com",
    "Subject: two",
    "",
    "Second message.",
    "--d--",
  ]),
  "a bounce report": crlf([
    "From: MAILER-DAEMON@mx.example.com",
    "To: jobs@acme.example",
    "Subject: Undelivered Mail",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
    "",
    "--r",
    "Content-Type: text/plain",
    "",
    "Your message could not be delivered.",
    "--r",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.com",
    "--r",
    "Content-Type: message/rfc822",
    "",
    "From: jobs@acme.example",
    "Subject: Your application",
    "",
    "Thanks for applying.",
    "--r--",
  ]),
  "a comment in Content-Type (handed on as it is)": crlf([
    ...HEAD,
    'Content-Type: multipart/mixed (mixed parts); boundary="c1"',
    "",
    "--c1",
    "Content-Type: text/plain (plain)",
    "",
    "Text after comments.",
    "--c1--",
  ]),
  "an RFC 2231 boundary (handed on as it is)": crlf([
    ...HEAD,
    'Content-Type: multipart/mixed; boundary*0="ab"; boundary*1="cd"',
    "",
    "--abcd",
    "Content-Type: text/plain",
    "",
    "Text in continued boundaries.",
    "--abcd--",
  ]),
  "an unterminated multipart, boundaries with trailing blanks": crlf([
    ...HEAD,
    "Content-Type: multipart/alternative;",
    '\tboundary="folded boundary"',
    "",
    "--folded boundary  ",
    "Content-Type: text/plain",
    "",
    "Never closed.",
    "--folded boundaryX",
    "still the same part",
  ]),
};

describe("what postal-mime reads is the same with the budget as without", () => {
  for (const [name, raw] of Object.entries(corpus)) {
    test(name, async () => {
      const { bytes, report } = await budgetedEmail(bytesOf(raw));
      expect(whatWeRead(await parse(bytes))).toEqual(whatWeRead(await parse(bytesOf(raw))));
      expect(report.truncated).toBe(false);
    });
  }
});

test("text sent as it is is handed on as base64 in long lines; attachment bodies are left out", async () => {
  const attachment = Buffer.alloc(6 * 1024 * 1024, 7)
    .toString("base64")
    .replace(/.{76}/g, "$&\r\n");
  const raw = crlf([
    ...HEAD,
    'Content-Type: multipart/mixed; boundary="m"',
    "",
    "--m",
    "Content-Type: text/plain",
    "",
    ...Array.from({ length: 5_000 }, (_, index) => `line ${index}`),
    "--m",
    'Content-Type: application/pdf; name="cv.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    attachment,
    "--m--",
  ]);
  const { bytes, report } = await budgetedEmail(bytesOf(raw));
  expect(bytes.length).toBeLessThan(100_000);
  expect(report.linesHandedOn).toBeLessThan(30);
  const email = await parse(bytes);
  expect(email.text).toBe(Array.from({ length: 5_000 }, (_, index) => `line ${index}\n`).join(""));
  expect(email.attachments.map((file) => file.filename)).toEqual(["cv.pdf"]);
});

// Hostile mail: what is read and handed on is capped, so doubling the email changes nothing past the caps (counted,
// not timed), and each one finishes well within the default test timeout.
describe("hostile mail", () => {
  const email = (body: string) => bytesOf(crlf([...HEAD, "", body]));

  test("millions of empty lines: read up to the text part's budget, the rest not even looked at", async () => {
    const two = await budgetedEmail(email("\n".repeat(2_000_000)));
    const four = await budgetedEmail(email("\n".repeat(4_000_000)));
    expect(two.report).toEqual(four.report);
    expect(two.report.linesRead).toBe(HEAD.length + 1 + MAX_TEXT_PART_BYTES);
    expect(two.report.truncated).toBe(true);
    expect((await parse(two.bytes)).text).toBe("\n".repeat(MAX_TEXT_PART_BYTES));
  });

  test("an attachment of millions of lines is skipped, not read", async () => {
    const raw = (lines: number) =>
      bytesOf(
        crlf([
          ...HEAD,
          'Content-Type: multipart/mixed; boundary="m"',
          "",
          "--m",
          "",
          "Please find my CV attached.",
          "--m",
          'Content-Type: application/octet-stream; name="cv.bin"',
          "",
          "\n".repeat(lines),
          "--m--",
        ]),
      );
    const two = await budgetedEmail(raw(2_000_000));
    const four = await budgetedEmail(raw(4_000_000));
    expect(two.report).toEqual(four.report);
    expect(two.report.linesRead).toBeLessThan(20);
    const parsed = await parse(four.bytes);
    expect(parsed.text).toBe("Please find my CV attached.\n");
    expect(parsed.attachments.map((file) => file.filename)).toEqual(["cv.bin"]);
  });

  test("a million lines of many kinds in an attachment are read up to the line budget", async () => {
    const raw = bytesOf(
      crlf([
        ...HEAD,
        'Content-Type: multipart/mixed; boundary="m"',
        "",
        "--m",
        "",
        "Hi",
        "--m",
        "",
        "--x\n".repeat(1e6),
      ]),
    );
    const { report } = await budgetedEmail(raw);
    expect(report.linesRead).toBe(MAX_INBOUND_LINES);
    expect(report.truncated).toBe(true);
  });

  test("megabytes of short lines ('-- ', '> quoted', 'a') reach the parser as a few long ones", async () => {
    for (const line of ["-- ", "> quoted", "a"]) {
      const one = await budgetedEmail(email(`${line}\n`.repeat(1_048_576 / (line.length + 1))));
      const ten = await budgetedEmail(email(`${line}\n`.repeat((10 * 1_048_576 - 200) / (line.length + 1))));
      expect(one.report.linesHandedOn).toBe(ten.report.linesHandedOn);
      expect(ten.report.linesHandedOn).toBeLessThan(20);
      const text = (await parse(ten.bytes)).text!;
      expect(text.length).toBeLessThanOrEqual(MAX_TEXT_PART_BYTES);
      expect(text.length).toBeGreaterThan(MAX_TEXT_PART_BYTES - 10);
      expect(text.startsWith(`${line}\n${line}\n`)).toBe(true);
    }
  });

  test("quoted-printable text with a line per character is cut at the handed-on budget", async () => {
    const raw = bytesOf(crlf([...HEAD, "Content-Transfer-Encoding: quoted-printable", "", "x=\r\n".repeat(3_000_000)]));
    const { bytes, report } = await budgetedEmail(raw);
    expect(report.linesHandedOn).toBe(MAX_PARSED_LINES);
    expect((await parse(bytes)).text).toBe("x".repeat(MAX_PARSED_LINES - HEAD.length - 2));
  });

  test("hundreds of thousands of parts: only the first are kept", async () => {
    const raw = bytesOf(
      crlf([
        ...HEAD,
        'Content-Type: multipart/mixed; boundary="p"',
        "",
        "--p\r\n\r\npart\r\n".repeat(300_000),
        "--p--",
      ]),
    );
    const { bytes, report } = await budgetedEmail(raw);
    expect(report.parts).toBe(MAX_MIME_PARTS);
    expect(report.truncated).toBe(true);
    expect((await parse(bytes)).text).toBe(Array.from({ length: MAX_MIME_PARTS }, () => "part\n").join("\n"));
  });

  test("the event loop keeps turning while a large email is reduced", async () => {
    let turns = 0;
    let running = true;
    const turn = () => {
      turns += 1;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    await budgetedEmail(bytesOf(crlf([...HEAD, "Content-Type: multipart/mixed; boundary=m", "", "--x\n".repeat(2e6)])));
    running = false;
    expect(turns).toBeGreaterThanOrEqual(MAX_INBOUND_LINES / 10_000);
  });
});
