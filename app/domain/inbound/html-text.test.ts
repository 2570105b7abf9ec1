import { expect, test } from "vitest";
import { decodeHtmlEntities, htmlToText } from "./html-text";

test("blocks and line breaks become lines; inline markup and whitespace collapse", () => {
  const html =
    "<div>Hello   <b>Sam</b>,</div>\n<div>Line one<br/>line\ttwo</div><ul><li>first</li><li>second</li></ul>";
  expect(htmlToText(html)).toBe("Hello Sam,\nLine one\nline two\n- first\n- second");
});

test("paragraphs and empty lines made with <div><br></div> leave one blank line", () => {
  expect(htmlToText("<p>One</p><p>Two</p>")).toBe("One\n\nTwo");
  expect(htmlToText("<div>Hi Anna,</div><div><br></div><div>Tuesday works.<br></div>")).toBe(
    "Hi Anna,\n\nTuesday works.",
  );
});

test("head, style, script and comments are dropped", () => {
  const html =
    "<!DOCTYPE html><html><head><title>Mail</title><style>p{color:red}</style></head><body><!-- tracking -->" +
    "<script>alert(1)</script><p>Visible</p></body></html>";
  expect(htmlToText(html)).toBe("Visible");
});

test("blockquotes are quoted with >, nested ones deeper", () => {
  const html =
    "<p>My answer</p><blockquote><p>Your question</p><blockquote>Earlier</blockquote></blockquote><p>Bye</p>";
  expect(htmlToText(html)).toBe("My answer\n\n> Your question\n\n>> Earlier\n\nBye");
});

test("entities decode; unknown ones and bare ampersands stay; nothing decoded becomes markup", () => {
  expect(decodeHtmlEntities("Fish &amp; chips &lt;b&gt; &#228;&#xFC; &hellip; &nbsp;x &bogus; & more")).toBe(
    "Fish & chips <b> äü …  x &bogus; & more",
  );
  expect(htmlToText("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<script>alert(1)</script>");
  expect(decodeHtmlEntities("&#0; &#xD800; &#99999999;")).toBe("\ufffd \ufffd &#99999999;");
});

test("a stray < and unclosed tags keep the text", () => {
  expect(htmlToText("<p>3 < 5 and 5 > 3</p>")).toBe("3 < 5 and 5 > 3");
  expect(htmlToText("Hello <b")).toBe("Hello <b");
});

// Hostile HTML of a megabyte or two each: the scan is linear, so each finishes well within the default test timeout.
test("hostile input stays linear", () => {
  expect(htmlToText("<a".repeat(1_000_000))).toBe("<a".repeat(1_000_000));
  expect(htmlToText("<!--".repeat(500_000))).toBe("");
  expect(htmlToText("<style>".repeat(300_000))).toBe("");
  expect(htmlToText(`<style>${"</style  ".repeat(200_000)}`)).toBe("");
  expect(htmlToText("&amp".repeat(500_000))).toBe("&amp".repeat(500_000));
  expect(htmlToText("<div><br></div>".repeat(140_000))).toBe("");
  expect(htmlToText("<li>x".repeat(400_000))).toBe("- x\n".repeat(400_000).trimEnd());
  expect(htmlToText(`x${" ".repeat(2_000_000)}y`)).toBe("x y");
});

test("deeply nested quotes cannot multiply the text: the > marks stop at a depth of ten", () => {
  const html = `${"<blockquote>".repeat(20_000)}${"x<br>".repeat(20_000)}${"</blockquote>".repeat(20_000)}After`;
  const text = htmlToText(html);
  // Every line is marked as quoted, at most ten deep; the text stays smaller than the HTML it came from.
  expect(text.length).toBeLessThan(html.length);
  expect(text).toBe(`${`${">".repeat(10)} x\n`.repeat(20_000)}After`);
  expect(htmlToText("<blockquote><blockquote>Earlier</blockquote></blockquote>Now")).toBe(">> Earlier\nNow");
});
