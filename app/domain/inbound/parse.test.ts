import { describe, expect, test } from "vitest";
import {
  MAX_INBOUND_BYTES,
  MAX_INBOUND_SCAN_CHARS,
  normaliseMessageId,
  parseInboundEmail,
  storableText,
} from "./parse";

function eml(headers: Record<string, string>, body: string): string {
  const lines = Object.entries(headers).map(([key, value]) => `${key}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n${body.replace(/\n/g, "\r\n")}`;
}

const reply = eml(
  {
    From: '"Sam Taylor" <Sam.Taylor@Example.com>',
    To: "Acme Careers <reply+c123abc456.0123456789abcdef@replies.acme.example>",
    Cc: "friend@example.org, Team: a@example.org, b@example.org;",
    "Delivered-To": "reply+c123abc456.0123456789abcdef@replies.acme.example",
    "Reply-To": "Sam <sam.private@example.net>",
    Subject: "Re: Your interview =?UTF-8?Q?f=C3=BCr?= Backend",
    Date: "Mon, 2 Mar 2026 10:15:00 +0100",
    "Message-ID": "<CAF+abc123@mail.example.com>",
    "In-Reply-To": "<hb.c999@acme.example>",
    References: "<first@acme.example> <hb.c998@acme.example> <hb.c999@acme.example>",
  },
  "Tuesday works.\n\nOn Mon, 2 Mar 2026 at 09:00, Acme <jobs@acme.example> wrote:\n> Could you do Tuesday?\n",
);

test("headers become the facts a reply is filed by", async () => {
  const result = await parseInboundEmail(reply);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const { email } = result;
  expect(email.messageId).toBe("<CAF+abc123@mail.example.com>");
  expect(email.from).toEqual({ name: "Sam Taylor", address: "sam.taylor@example.com" });
  expect(email.replyTo).toBe("sam.private@example.net");
  expect(email.recipients).toEqual([
    "reply+c123abc456.0123456789abcdef@replies.acme.example",
    "friend@example.org",
    "a@example.org",
    "b@example.org",
  ]);
  expect(email.subject).toBe("Re: Your interview für Backend");
  expect(email.sentAt?.toISOString()).toBe("2026-03-02T09:15:00.000Z");
  expect(email.inReplyTo).toBe("<hb.c999@acme.example>");
  // In-Reply-To first, then References from the newest; no repeats.
  expect(email.references).toEqual(["<hb.c999@acme.example>", "<hb.c998@acme.example>", "<first@acme.example>"]);
  expect(email.text).toContain("Tuesday works.");
  expect(email.text).toContain("> Could you do Tuesday?");
  expect(email.automated).toBe(false);
  expect(email.attachments).toEqual([]);
  expect(email.rawDigest).toMatch(/^[0-9a-f]{64}$/);
});

test("a Buffer and a string of the same mail parse alike, with the same digest", async () => {
  const fromString = await parseInboundEmail(reply);
  const fromBuffer = await parseInboundEmail(Buffer.from(reply, "utf8"));
  expect(fromBuffer).toEqual(fromString);
});

test("HTML-only mail is turned into text, its quoted history marked with >", async () => {
  const html =
    '<html><head><style>p { color: red }</style></head><body><div dir="ltr">Yes, I&#39;m still interested &amp; ' +
    'available.<br>Sam</div><div class="gmail_quote"><div>On Mon, 2 Mar 2026 at 09:00, Acme &lt;jobs@acme.example&gt; ' +
    "wrote:<br></div><blockquote>Are you still interested?</blockquote></div></body></html>";
  const result = await parseInboundEmail(
    eml({ From: "sam@example.com", To: "jobs@acme.example", "Content-Type": "text/html; charset=utf-8" }, html),
  );
  expect(result.ok && result.email.text).toBe(
    "Yes, I'm still interested & available.\nSam\nOn Mon, 2 Mar 2026 at 09:00, Acme <jobs@acme.example> wrote:\n" +
      "> Are you still interested?",
  );
});

test("the text part is preferred over HTML; attachments are named, inline images are not", async () => {
  const boundary = "b1";
  const inner = "b2";
  const raw = [
    "From: sam@example.com",
    "To: jobs@acme.example",
    "Subject: CV",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    `Content-Type: multipart/related; boundary="${inner}"`,
    "",
    `--${inner}`,
    "Content-Type: multipart/alternative; boundary=b3",
    "",
    "--b3",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Here is my CV.",
    "--b3",
    "Content-Type: text/html; charset=utf-8",
    "",
    '<p>Here is my <b>CV</b>.</p><img src="cid:logo@x">',
    "--b3--",
    `--${inner}`,
    "Content-Type: image/png",
    "Content-ID: <logo@x>",
    "Content-Transfer-Encoding: base64",
    "",
    "iVBORw0KGgo=",
    `--${inner}--`,
    `--${boundary}`,
    'Content-Type: application/pdf; name="Sam Taylor CV.pdf"',
    'Content-Disposition: attachment; filename="Sam Taylor CV.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    "JVBERi0xLjQK",
    `--${boundary}--`,
    "",
  ].join("\r\n");
  const result = await parseInboundEmail(raw);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.email.text.trim()).toBe("Here is my CV.");
  expect(result.email.attachments).toEqual(["Sam Taylor CV.pdf"]);
});

test("auto-replies, bounces and list mail are flagged as automated", async () => {
  const base = { From: "sam@example.com", To: "jobs@acme.example", Subject: "Out of office" };
  const flagged = async (headers: Record<string, string>) => {
    const result = await parseInboundEmail(eml({ ...base, ...headers }, "I am away until Monday."));
    return result.ok && result.email.automated;
  };
  expect(await flagged({ "Auto-Submitted": "auto-replied" })).toBe(true);
  expect(await flagged({ "Auto-Submitted": "no" })).toBe(false);
  expect(await flagged({ "X-Autoreply": "yes" })).toBe(true);
  expect(await flagged({ Precedence: "bulk" })).toBe(true);
  expect(await flagged({ From: "MAILER-DAEMON@mx.example.com" })).toBe(true);
  expect(await flagged({ "Content-Type": 'multipart/report; report-type=delivery-status; boundary="x"' })).toBe(true);
  expect(await flagged({})).toBe(false);
});

test("mail without a Message-ID still parses; its digest tells copies apart from other mail", async () => {
  const one = await parseInboundEmail(eml({ From: "sam@example.com", To: "jobs@acme.example" }, "One"));
  const again = await parseInboundEmail(eml({ From: "sam@example.com", To: "jobs@acme.example" }, "One"));
  const other = await parseInboundEmail(eml({ From: "sam@example.com", To: "jobs@acme.example" }, "Two"));
  expect(one.ok && one.email.messageId).toBeNull();
  expect(one.ok && one.email.rawDigest).toBe(again.ok && again.email.rawDigest);
  expect(one.ok && one.email.rawDigest).not.toBe(other.ok && other.email.rawDigest);
});

test("an mbox separator line before the headers is skipped", async () => {
  const result = await parseInboundEmail(`From sam@example.com Mon Mar  2 10:00:00 2026\n${reply}`);
  expect(result.ok && result.email.messageId).toBe("<CAF+abc123@mail.example.com>");
});

test("empty, oversized and non-email input are error values, not exceptions", async () => {
  expect(await parseInboundEmail("")).toMatchObject({ ok: false, error: { code: "empty" } });
  expect(await parseInboundEmail(" \r\n\t\n")).toMatchObject({ ok: false, error: { code: "empty" } });
  expect(await parseInboundEmail(new Uint8Array())).toMatchObject({ ok: false, error: { code: "empty" } });
  const huge = new Uint8Array(MAX_INBOUND_BYTES + 1).fill(0x61);
  expect(await parseInboundEmail(huge)).toMatchObject({ ok: false, error: { code: "too_large" } });
  for (const garbage of [
    "this is not an email at all",
    '{"from":"sam@example.com","text":"hello"}',
    new Uint8Array([0, 1, 2, 255, 254, 10, 13, 0]),
    "X-Custom: 1\r\n\r\nno real headers",
  ]) {
    const result = await parseInboundEmail(garbage);
    expect(result).toMatchObject({ ok: false, error: { code: "malformed" } });
    expect(result.ok ? "" : result.error.message).toMatch(/not an email/);
  }
});

test("a header block over postal-mime's limit is a malformed email, not a crash", async () => {
  const raw = `From: sam@example.com\r\nX-Padding: ${"a".repeat(3 * 1024 * 1024)}\r\n\r\nHello`;
  expect(await parseInboundEmail(raw)).toMatchObject({ ok: false, error: { code: "malformed" } });
});

test("NUL characters and broken surrogates cannot reach the database", async () => {
  expect(storableText("a\u0000b\ud800c")).toBe("ab\ufffdc");
  const result = await parseInboundEmail(
    eml({ From: "sam@example.com", To: "jobs@acme.example", Subject: "Hi\u0000there" }, "Body\u0000text"),
  );
  expect(result.ok && result.email.subject).toBe("Hithere");
  expect(result.ok && result.email.text).not.toContain("\u0000");
});

test("Message-IDs are normalised to one bracketed id; unusable ones become null", () => {
  expect(normaliseMessageId(" <a@b> ")).toBe("<a@b>");
  expect(normaliseMessageId("a@b")).toBe("<a@b>");
  expect(normaliseMessageId("<a@b> <c@d>")).toBe("<a@b>");
  expect(normaliseMessageId("not an id")).toBeNull();
  expect(normaliseMessageId(`<${"x".repeat(300)}@b>`)).toBeNull();
  expect(normaliseMessageId(undefined)).toBeNull();
});

// Hostile bodies of one to ten megabytes, as anyone who can email the reply domain can send them. The email is cut down
// to its CPU budget (mime-budget.ts) before postal-mime parses it, so each finishes well within the default test
// timeout; postal-mime alone spent from seconds to minutes on them, without letting the event loop turn.
describe("hostile bodies", () => {
  const headers = { From: "sam@example.com", To: "jobs@acme.example", Subject: "Re: Interview" };

  test("two million newlines", async () => {
    const result = await parseInboundEmail(eml(headers, "\n".repeat(2_000_000)));
    expect(result.ok && result.email.text).toBe("");
  });

  test("a megabyte of '-- ' lines, and one of '> quoted' lines", async () => {
    for (const line of ["-- ", "> quoted"]) {
      const result = await parseInboundEmail(eml(headers, `${line}\n`.repeat(1_048_576 / (line.length + 1))));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.email.text.length).toBe(MAX_INBOUND_SCAN_CHARS);
      expect(result.email.text.startsWith(`${line}\n${line}\n`)).toBe(true);
    }
  });

  test("ten megabytes: a reply, an attachment and 1.7 million lines that look like boundaries", async () => {
    const attachment = Buffer.alloc(1024 * 1024, 7)
      .toString("base64")
      .replace(/.{76}/g, "$&\n");
    const body = [
      "--m",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Tuesday works. My CV is attached.",
      "--m",
      'Content-Type: application/pdf; name="cv.pdf"',
      "Content-Transfer-Encoding: base64",
      "",
      attachment,
      "--m",
      'Content-Type: text/plain; name="padding.txt"',
      "Content-Disposition: attachment",
      "",
      "--x\n".repeat(1_700_000),
      "--m--",
    ].join("\n");
    const raw = eml({ ...headers, "Content-Type": 'multipart/mixed; boundary="m"' }, body);
    expect(raw.length).toBeGreaterThan(9 * 1024 * 1024);
    expect(raw.length).toBeLessThan(MAX_INBOUND_BYTES);
    let turns = 0;
    let running = true;
    const turn = () => {
      turns += 1;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    const result = await parseInboundEmail(raw);
    running = false;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.email.text.trim()).toBe("Tuesday works. My CV is attached.");
    expect(result.email.attachments).toEqual(["cv.pdf", "padding.txt"]);
    // Other requests are served while it is parsed: the event loop turned many times.
    expect(turns).toBeGreaterThan(50);
  });
});
