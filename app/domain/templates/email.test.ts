import { expect, test } from "vitest";
import { composeEmail, escapeHtml } from "./email";
import { sampleValues } from "./render";
import {
  expectNeutralised,
  expectOrdinaryFormatting,
  HOSTILE_MARKDOWN,
  ORDINARY_MARKDOWN,
} from "../../../tests/hostile-markdown";

const template = {
  subject: "Your application for {{job.title}}",
  body: `Hi {{candidate.firstName}},

Thank you for applying. See [your status page]({{statusUrl}}) or {{statusUrl}}.

With best wishes,
{{recruiter.name}}`,
};

test("the plain-text part is the message with values filled in and links written out", () => {
  const email = composeEmail(template, sampleValues(), "en");
  expect(email.subject).toBe("Your application for Support Engineer");
  expect(email.text).toBe(
    "Hi Sam,\n\nThank you for applying. See your status page (https://jobs.acme.example/s/abc) or " +
      "https://jobs.acme.example/s/abc.\n\nWith best wishes,\nPriya Raman\n",
  );
});

test("the HTML part is an accessible layout in the candidate's language, with links and line breaks", () => {
  const { html } = composeEmail(template, sampleValues(), "de");
  expect(html).toContain('<html lang="de" dir="ltr">');
  expect(html).toContain('role="article"');
  expect(html).toContain("<title>Your application for Support Engineer</title>");
  expect(html).toContain('<a href="https://jobs.acme.example/s/abc">your status page</a>');
  expect(html).toContain('or <a href="https://jobs.acme.example/s/abc">https://jobs.acme.example/s/abc</a>.');
  expect(html).toContain("With best wishes,<br />Priya Raman");
  expect(html).toMatch(/role="presentation"/);
});

test("values are escaped in the HTML and never read as Markdown", () => {
  const values = {
    ...sampleValues(),
    "candidate.firstName": "<script>alert(1)</script> *Sam*",
    "job.title": 'R&D "Lead"',
  };
  const email = composeEmail(template, values, "en");
  expect(email.html).not.toContain("<script>");
  expect(email.html).toContain("Hi &lt;script&gt;alert(1)&lt;/script&gt; *Sam*,");
  expect(email.html).not.toContain("<em>Sam</em>");
  expect(email.html).toContain("<title>Your application for R&amp;D &quot;Lead&quot;</title>");
  expect(email.text).toContain("Hi <script>alert(1)</script> *Sam*,");
});

test("an address that is not http(s) or mailto is neither a link target nor made a link", () => {
  const { html } = composeEmail(template, { ...sampleValues(), statusUrl: "javascript:alert(1)" }, "en");
  expect(html).not.toContain('javascript:alert(1)"');
  expect(html).toContain("<a>your status page</a> or javascript:alert(1).");
});

test("escapeHtml covers the five characters that matter", () => {
  expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
});

test("an email whose text does not link the status page gets it below, in the candidate's language", () => {
  const rejection = { subject: "Your application", body: "Hi {{candidate.firstName}},\n\nWe decided not to go on." };
  const email = composeEmail(rejection, sampleValues(), "de");
  expect(email.text).toBe(
    "Hi Sam,\n\nWe decided not to go on.\n\n---\nWo Ihre Bewerbung steht, sehen Sie jederzeit hier: https://jobs.acme.example/s/abc\n",
  );
  expect(email.html).toContain('<a href="https://jobs.acme.example/s/abc">https://jobs.acme.example/s/abc</a></p>');
  // Not twice when the message links it itself, and not at all without a status link (staff mail, previews).
  expect(composeEmail(template, sampleValues(), "en").text).not.toContain("---");
  expect(composeEmail(rejection, { ...sampleValues(), statusUrl: "" }, "en").text).not.toContain("---");
});

test("raw HTML, event handlers, styles and non-web links in the Markdown are removed from the HTML part", () => {
  const source = { subject: "Hello", body: `Hi {{candidate.firstName}},\n\n${HOSTILE_MARKDOWN}` };
  const email = composeEmail(source, sampleValues(), "en");
  expectNeutralised(email.html);
  // What was harmless stays: the link texts and the paragraph's words.
  expect(email.html).toContain("javascript link");
  expect(email.html).toContain("data link");
  expect(email.html).toContain("<p>styled paragraph</p>");
  // The plain-text part is the text as written: it is never read as HTML.
  expect(email.text).toContain("<script>alert('script')</script>");
  expect(email.text).toContain("javascript link (javascript:alert('js'))");
});

test("ordinary Markdown keeps its formatting, links and lists in the HTML part", () => {
  const email = composeEmail({ subject: "Hello", body: ORDINARY_MARKDOWN }, sampleValues(), "en");
  expectOrdinaryFormatting(email.html);
});
