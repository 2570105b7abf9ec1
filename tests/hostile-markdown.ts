// Markdown staff might write (in the composer, through the API or in a template) that must never reach a candidate's
// mail client as live HTML, ordinary Markdown that must keep its formatting, and the checks for both.
import { expect } from "vitest";
/** What staff may write in a message or template that must never reach a candidate's mail client. */
export const HOSTILE_MARKDOWN = [
  "<script>alert('script')</script>",
  '<img src="x" onerror="alert(\'img\')">',
  "[javascript link](javascript:alert('js'))",
  "<a href=\"javascript:alert('raw js')\">raw javascript link</a>",
  "<a href=\"JaVaScRiPt&#58;alert('entity')\">entity link</a>",
  "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '<iframe src="https://evil.example/frame"></iframe>',
  '<p onclick="alert(\'handler\')" style="color:red">styled paragraph</p>',
  "<style>body { display: none }</style>",
].join("\n\n");

export const ORDINARY_MARKDOWN = [
  "Some **bold** and *emphasis*, [a link](https://acme.example/jobs) and [mail us](mailto:jobs@acme.example).",
  "- first\n- second",
  "1. one\n2. two",
  "> quoted",
  "## A heading",
  "`code` and\n\n```\npre\n```",
  "---",
].join("\n\n");

/** The vectors above, neutralised: no script, handler, frame, style or non-web link survives. */
export function expectNeutralised(html: string) {
  const body = html.slice(html.indexOf("<body"));
  expect(body).not.toMatch(/<script|<iframe|<style|<img/i);
  expect(body).not.toMatch(/\son\w+\s*=/i);
  expect(body).not.toMatch(/javascript:|data:text/i);
  expect(body).not.toContain("color:red");
  expect(body).not.toContain("display: none");
}

export function expectOrdinaryFormatting(html: string) {
  expect(html).toContain("<strong>bold</strong>");
  expect(html).toContain("<em>emphasis</em>");
  expect(html).toContain('<a href="https://acme.example/jobs">a link</a>');
  expect(html).toContain('<a href="mailto:jobs@acme.example">mail us</a>');
  expect(html).toMatch(/<ul>\s*<li>first<\/li>\s*<li>second<\/li>\s*<\/ul>/);
  expect(html).toMatch(/<ol>\s*<li>one<\/li>/);
  expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  expect(html).toContain("<h2>A heading</h2>");
  expect(html).toContain("<code>code</code>");
  expect(html).toMatch(/<pre><code>pre\n<\/code><\/pre>/);
  expect(html).toMatch(/<hr\s*\/?>/);
}
