// A rendered template as an email: the subject, a plain-text part (the Markdown with values filled in, links written
// out) and an accessible HTML part in our layout. Values are escaped for HTML and never read as Markdown: the
// Markdown is converted with placeholders where the tokens are, and the escaped values go in afterwards. The
// message's HTML is then cut down to an allow-list of formatting, because staff write the Markdown and Markdown lets
// raw HTML through.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import type { TemplateLocale } from "./kinds";
import { renderTemplate, usedTokens, type MergeValues, type TemplateSource } from "./render";

export type EmailParts = { subject: string; text: string; html: string };

const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** Tokens whose value is a web address: in running text they become links. */
const URL_TOKENS = new Set(["statusUrl"]);
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Markdown links written out for the plain-text part: "status page (https://…)". */
function plainText(markdownText: string): string {
  return markdownText.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, url: string) =>
    label === url ? url : `${label} (${url})`,
  );
}

/** The only link targets an email keeps: web and mail addresses. */
const EMAIL_LINK = /^(https?:\/\/|mailto:)/i;

const EMAIL_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
  ].concat(["code", "pre", "hr"]),
  allowedAttributes: { a: ["href", "title"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Everything else goes, tag and attributes; the text of script, style and the like goes with it.
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "template"],
  // Relative and odd targets (an entity-encoded "javascript:", "#") lose the target and keep the words.
  transformTags: {
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      return { tagName, attribs: href !== undefined && EMAIL_LINK.test(href.trim()) ? { ...rest, href } : rest };
    },
  },
};

/** A message's HTML with only ordinary formatting left: no scripts, styles, frames, images, event handlers or links
 * other than web and mail addresses. */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, EMAIL_HTML);
}

function bodyHtml(body: string, values: MergeValues): string {
  const tokens = usedTokens(body);
  const placeholder = (index: number) => `HBTOKEN${index}X`;
  const view: MergeValues = Object.fromEntries(tokens.map((token, index) => [token, placeholder(index)]));
  const withPlaceholders = renderTemplate({ subject: "", body }, view).body;
  let html = markdown.parse(withPlaceholders) as string;
  tokens.forEach((token, index) => {
    const value = escapeHtml(values[token as keyof MergeValues] ?? "");
    // As a Markdown link's target only a web or mail address is kept; in text a web address becomes a link.
    html = html.replaceAll(`href="${placeholder(index)}"`, `href="${SAFE_HREF.test(value) ? value : "#"}"`);
    html = html.replaceAll(
      placeholder(index),
      URL_TOKENS.has(token) && /^https?:\/\//i.test(value) ? `<a href="${value}">${value}</a>` : value,
    );
  });
  return sanitizeEmailHtml(html);
}

/** The HTML frame every email wears (candidate emails and the staff digest alike). */
export function emailLayout(subject: string, content: string, locale: TemplateLocale): string {
  const title = escapeHtml(subject);
  return `<!doctype html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
<style>
  p { margin: 0 0 16px; }
  a { color: #0b5d4b; text-decoration: underline; overflow-wrap: anywhere; word-break: break-word; }
</style>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f1;">
<div role="article" aria-roledescription="email" aria-label="${title}" lang="${locale}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f1;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border-radius:8px;">
<tr><td style="padding:32px 28px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.6;color:#1f2933;">
${content}
</td></tr>
</table>
</td></tr>
</table>
</div>
</body>
</html>
`;
}

const STATUS_FOOTER: Record<TemplateLocale, string> = {
  en: "See where your application stands at any time:",
  de: "Wo Ihre Bewerbung steht, sehen Sie jederzeit hier:",
};

/** Every email to a candidate carries their status link: added below the message when the text does not use it. */
function statusFooter(source: TemplateSource, values: MergeValues, locale: TemplateLocale) {
  const url = values.statusUrl;
  if (!url || !/^https?:\/\//i.test(url) || usedTokens(source.body).includes("statusUrl")) return null;
  const escaped = escapeHtml(url);
  return {
    text: `\n---\n${STATUS_FOOTER[locale]} ${url}\n`,
    html: `<p style="margin-top:24px;padding-top:16px;border-top:1px solid #d6d8dc;font-size:14px;color:#52606d;">${STATUS_FOOTER[locale]} <a href="${escaped}">${escaped}</a></p>`,
  };
}

/** The email for a template and the values of one application. */
export function composeEmail(source: TemplateSource, values: MergeValues, locale: TemplateLocale): EmailParts {
  const rendered = renderTemplate(source, values);
  const footer = statusFooter(source, values, locale);
  return {
    subject: rendered.subject,
    text: `${plainText(rendered.body).trim()}\n${footer?.text ?? ""}`,
    html: emailLayout(rendered.subject, bodyHtml(source.body, values) + (footer?.html ?? ""), locale),
  };
}
