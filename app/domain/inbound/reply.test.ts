import { describe, expect, test } from "vitest";
import { capText, inboundBody, MAX_INBOUND_TEXT_CHARS, MAX_REPLY_SCAN_LINES, stripQuotedReply } from "./reply";

test('English "On … wrote:" quote headers and the quote below them are dropped', () => {
  const text =
    "Thanks, Tuesday at 10 works for me.\n\n" +
    "On Mon, 2 Mar 2026 at 09:00, Anna Schmidt <anna@acme.example> wrote:\n" +
    "> Hi Sam,\n> could you do Tuesday?\n> Anna\n";
  expect(stripQuotedReply(text)).toBe("Thanks, Tuesday at 10 works for me.");
});

test("a quote header wrapped over two lines is still recognised", () => {
  const text = "Thanks!\n\nOn Mon, 2 Mar 2026 at 09:00, Anna Schmidt\n<anna@acme.example> wrote:\n> Hi Sam,\n";
  expect(stripQuotedReply(text)).toBe("Thanks!");
});

test('German "Am … schrieb …:" quote headers (Gmail, Apple Mail, Thunderbird) are dropped', () => {
  const gmail =
    "Danke, Dienstag passt.\n\nAm Mo., 2. März 2026 um 10:00 Uhr schrieb Anna Schmidt <anna@acme.example>:\n" +
    "> Hallo Sam,\n> passt Dienstag?\n";
  expect(stripQuotedReply(gmail)).toBe("Danke, Dienstag passt.");
  const thunderbird = "Danke, Dienstag passt.\n\nAm 02.03.26 um 10:00 schrieb Anna Schmidt:\n> Hallo Sam,\n";
  expect(stripQuotedReply(thunderbird)).toBe("Danke, Dienstag passt.");
});

test("Gmail's wrapped quote headers (German and English) go with the quote below them", () => {
  const german =
    "Dienstag um 10 Uhr passt mir.\n\nAm Sa., 5. Dez. 2026 um 07:24 Uhr schrieb Jana Recruiter <\n" +
    "jana@example.com>:\n\n> Hallo Sam,\n> passt Ihnen Dienstag?\n>\n";
  expect(stripQuotedReply(german)).toBe("Dienstag um 10 Uhr passt mir.");
  const english =
    "Tuesday at 10 works for me.\n\nOn Sat, Dec 5, 2026 at 7:24\u202fAM Jana Recruiter <\n" +
    "jana@example.com> wrote:\n\n> Hi Sam,\n> could you do Tuesday?\n";
  expect(stripQuotedReply(english)).toBe("Tuesday at 10 works for me.");
  // A line of the reply just above the header is not taken for part of it.
  const onAbove =
    "On Tuesday I can come at 10.\nOn Sat, Dec 5, 2026 at 7:24\u202fAM Jana Recruiter <jana@example.com> wrote:\n> Hi\n";
  expect(stripQuotedReply(onAbove)).toBe("On Tuesday I can come at 10.");
});

test('"> " lines the candidate wrote stay; quoted history at the end or under a quote header goes', () => {
  expect(stripQuotedReply("Yes please.\n\n> Would you like a call?\n> Anna\n")).toBe("Yes please.");
  expect(stripQuotedReply("Yes please.\n\n> Would you like a call?\n\n-- \nSam\n")).toBe("Yes please.");
  expect(stripQuotedReply("Yes please.\n\n> Would you like a call?\n\nSent from my iPhone\n")).toBe("Yes please.");
  const own =
    "Hi Jana,\n\nhere is the summary you asked for:\n\n> 5 years of Go in production\n> 3 years leading a team\n\n" +
    "I can send references.\n\nSam\n\nOn Sat, 5 Dec 2026 at 07:24, Jana <jana@example.com> wrote:\n> Hi Sam,\n";
  expect(stripQuotedReply(own)).toBe(
    "Hi Jana,\n\nhere is the summary you asked for:\n\n> 5 years of Go in production\n> 3 years leading a team\n\n" +
      "I can send references.\n\nSam",
  );
  // Answers between quotes keep their questions, unless a quote header says the quotes are the old email.
  const interleaved = "> Could you do Tuesday?\nYes, Tuesday works.\n> And 10am?\nAlso fine.";
  expect(stripQuotedReply(interleaved)).toBe(interleaved);
  expect(stripQuotedReply(`On Mon, 2 Mar 2026 at 09:00, Anna <anna@acme.example> wrote:\n${interleaved}`)).toBe(
    "Yes, Tuesday works.\nAlso fine.",
  );
  // Apple Mail quotes its header line too: a block that starts with one is history wherever it is.
  const bottomPosted =
    "> On 5 Dec 2026, at 07:24, Jana Recruiter <jana@example.com> wrote:\n>\n> Could you do Tuesday?\n\nYes, I can.";
  expect(stripQuotedReply(bottomPosted)).toBe("Yes, I can.");
});

test('Outlook "-----Original Message-----" blocks (English and German) are dropped with the old text', () => {
  const outlook =
    "Sounds good.\r\n\r\n-----Original Message-----\r\nFrom: Anna Schmidt <anna@acme.example>\r\n" +
    "Sent: Monday, March 2, 2026 10:00 AM\r\nTo: Sam <sam@example.com>\r\nSubject: Interview\r\n\r\n" +
    "Hi Sam,\r\ncould you do Tuesday?\r\n";
  expect(stripQuotedReply(outlook)).toBe("Sounds good.");
  const german =
    "Passt.\n\n-----Ursprüngliche Nachricht-----\nVon: Anna Schmidt <anna@acme.example>\n" +
    "Gesendet: Montag, 2. März 2026 10:00\nBetreff: Interview\n\nHallo Sam,\nalter Text\n";
  expect(stripQuotedReply(german)).toBe("Passt.");
  const newOutlook =
    "Sounds good.\n\n________________________________\nFrom: Anna Schmidt <anna@acme.example>\n" +
    "Sent: Monday, March 2, 2026 10:00 AM\n\nold text\n";
  expect(stripQuotedReply(newOutlook)).toBe("Sounds good.");
});

test("signatures and mobile footers are dropped", () => {
  expect(stripQuotedReply("Tuesday is fine.\n\n-- \nSam Taylor\n+44 20 1234 5678\n")).toBe("Tuesday is fine.");
  expect(stripQuotedReply("Tuesday is fine.\n\nSent from my iPhone\n")).toBe("Tuesday is fine.");
  expect(stripQuotedReply("Dienstag passt.\n\nVon meinem iPhone gesendet\n")).toBe("Dienstag passt.");
});

test("a plain message is kept whole, and a message of nothing but quotes is empty", () => {
  const plain = "Hello,\n\nI wanted to ask about the role.\nIs it remote?";
  expect(stripQuotedReply(plain)).toBe(plain);
  expect(stripQuotedReply("> Could you do Tuesday?\n")).toBe("");
});

test("very long lines are kept whole", () => {
  const longLine = "On ".repeat(20_000);
  const stripped = stripQuotedReply(`${longLine}\n\nOn Mon, 2 Mar 2026, Anna <anna@acme.example> wrote:\n> old`);
  expect(stripped).toBe(longLine.trim());
});

// Hostile bodies: anyone who can email the reply domain can send these. Each one is at least a megabyte; the work is
// linear in its length and capped per message (MAX_REPLY_SCAN_LINES), so each finishes well within the default test
// timeout (a quadratic stripper took from seconds to minutes on them).
describe("hostile bodies", () => {
  test("two million newlines", () => {
    expect(stripQuotedReply("\n".repeat(2_000_000))).toBe("");
    expect(stripQuotedReply(`Hello,\n${"\n".repeat(2_000_000)}Sam`)).toBe("Hello,\n\nSam");
    expect(stripQuotedReply(`Hello,\n${"\r\n".repeat(1_000_000)}Sam`)).toBe("Hello,\n\nSam");
  });

  test("a megabyte of signature separators", () => {
    const separators = "-- \n".repeat(262_144);
    expect(stripQuotedReply(separators)).toBe("");
    expect(stripQuotedReply(`Tuesday works.\n${separators}`)).toBe("Tuesday works.");
    // Nothing usable: kept whole (and cut to the limit) for a person to look at.
    const body = inboundBody({ text: separators, attachments: [] });
    expect(body.usable).toBe(false);
    expect(body.text.startsWith("--\n--\n")).toBe(true);
    expect(body.text.length).toBeLessThanOrEqual(MAX_INBOUND_TEXT_CHARS);
  });

  test("a megabyte of quoted lines is more than one message is searched through: it is kept, not lost", () => {
    const quoted = "> quoted\n".repeat(116_509);
    const lines = quoted.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(MAX_REPLY_SCAN_LINES);
    expect(stripQuotedReply(`Thanks!\n${quoted}`)).toBe(`Thanks!\n${lines.join("\n")}`);
    const body = inboundBody({ text: `Thanks!\n${quoted}`, attachments: [] });
    expect(body.usable).toBe(true);
    expect(body.text.startsWith("Thanks!\n> quoted\n> quoted")).toBe(true);
  });

  test("quoted history within the budget is still found after many lines", () => {
    const text = `${"I am still interested.\n".repeat(MAX_REPLY_SCAN_LINES - 10)}\n> old\n> older\n`;
    expect(stripQuotedReply(text)).toBe("I am still interested.\n".repeat(MAX_REPLY_SCAN_LINES - 10).trimEnd());
  });

  test("lines that each look like the start of a quote header", () => {
    const text = "On Monday, Sam <sam@example.com>\n".repeat(60_000);
    expect(stripQuotedReply(text)).toBe(text.trimEnd());
    const openings = "Am 5. Dez. 2026 um\n".repeat(60_000);
    expect(stripQuotedReply(openings)).toBe(openings.trimEnd());
  });

  test("long lines, a megabyte of spaces between words, and a line longer than the budget", () => {
    const line = "x".repeat(400_000);
    expect(stripQuotedReply(`${line}\n> old`)).toBe(line);
    // Past MAX_REPLY_SCAN_CHARS nothing is searched: kept whole, quote and all.
    const longer = "x".repeat(2_000_000);
    expect(stripQuotedReply(`${longer}\n> old`)).toBe(`${longer}\n> old`);
    expect(stripQuotedReply(`Yes${" ".repeat(1_000_000)}please`)).toBe(`Yes${" ".repeat(1_000_000)}please`);
  });
});

test("long text is cut with a note, within the limit", () => {
  const cut = capText("word ".repeat(10_000), 1000);
  expect(cut.length).toBeLessThanOrEqual(1000);
  expect(cut).toMatch(/\(The email was longer; the rest is not shown\.\)$/);
  expect(capText("short", 1000)).toBe("short");
});

test("the body to file: the reply plus a note of attachments; unusable when nothing is left", () => {
  expect(inboundBody({ text: "Thanks!\n\n> old", attachments: [] })).toEqual({ text: "Thanks!", usable: true });
  expect(inboundBody({ text: "See attached.", attachments: ["cv.pdf", "letter.docx"] })).toEqual({
    text: "See attached.\n\n[2 attachments, not stored in Hearback: cv.pdf, letter.docx]",
    usable: true,
  });
  expect(inboundBody({ text: "", attachments: ["cv.pdf"] })).toEqual({
    text: "[1 attachment, not stored in Hearback: cv.pdf]",
    usable: true,
  });
  // Nothing but quoted history: kept whole for a person to look at, but not filed automatically.
  expect(inboundBody({ text: "> Could you do Tuesday?", attachments: [] })).toEqual({
    text: "> Could you do Tuesday?",
    usable: false,
  });
  expect(inboundBody({ text: "x".repeat(50_000), attachments: ["a.pdf"] }).text.length).toBeLessThanOrEqual(
    MAX_INBOUND_TEXT_CHARS,
  );
});
