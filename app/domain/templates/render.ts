// Rendering templates: subject and Markdown body with logic-less {{token}} merge fields (Mustache). Only plain
// variable tags are allowed — no sections, partials or comments — and only the tokens in MERGE_TOKENS.
import { DateTime } from "luxon";
import Mustache from "mustache";
import type { Locale } from "../i18n";
import { interviewWhen } from "../interviews/wording";
import { candidateDate } from "../messages/candidate-dates";
import { isMergeToken, MERGE_TOKENS, type MergeToken } from "./kinds";

export type TemplateSource = { subject: string; body: string };
export type MergeValues = Partial<Record<MergeToken, string>>;

export type TemplateProblem =
  | { kind: "syntax"; field: "subject" | "body"; message: string }
  | { kind: "unsupported_tag"; field: "subject" | "body"; tag: string }
  | { kind: "unknown_token"; field: "subject" | "body"; token: string };

// Templates are edited live and come from the database, so every keystroke would be a new entry in Mustache's
// unbounded cache of parsed templates; parsing is cheap, so do without it.
Mustache.templateCache = undefined;

type ParsedTag = [type: string, value: string, start: number, end: number, children?: ParsedTag[]];

function walk(tags: ParsedTag[], visit: (tag: ParsedTag) => void) {
  for (const tag of tags) {
    visit(tag);
    if (Array.isArray(tag[4])) walk(tag[4], visit);
  }
}

/** Syntax errors, tags other than plain variables, and tokens we do not know, in the subject and body. */
export function templateProblems(source: TemplateSource): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const field of ["subject", "body"] as const) {
    let tags: ParsedTag[];
    try {
      tags = Mustache.parse(source[field]) as unknown as ParsedTag[];
    } catch (error) {
      problems.push({ kind: "syntax", field, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    walk(tags, ([type, value]) => {
      if (type === "text") return;
      if (type === "name" || type === "&") {
        if (!isMergeToken(value)) problems.push({ kind: "unknown_token", field, token: value });
        return;
      }
      const opening = type === "!" ? `{{! ${value.trim()}}}` : `{{${type}${value}}}`;
      problems.push({ kind: "unsupported_tag", field, tag: opening });
    });
  }
  return problems;
}

/** The tokens a template uses (known or not), in order of first use. */
export function usedTokens(text: string): string[] {
  const tokens = new Set<string>();
  try {
    walk(Mustache.parse(text) as unknown as ParsedTag[], ([type, value]) => {
      if (type === "name" || type === "&") tokens.add(value);
    });
  } catch {
    // A template that does not parse uses no tokens we can name; templateProblems reports it.
  }
  return [...tokens];
}

function view(values: MergeValues): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [token, value] of Object.entries(values)) {
    const path = token.split(".");
    let target = nested;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = value;
  }
  return nested;
}

/** Fills in the merge fields. Values go in as written (the body is Markdown, not HTML; the email layout escapes). */
export function renderTemplate(source: TemplateSource, values: MergeValues): TemplateSource {
  const context = view(values);
  const options = { escape: (value: unknown) => String(value) };
  return {
    subject: Mustache.render(source.subject, context, {}, options).replace(/\s+/g, " ").trim(),
    body: Mustache.render(source.body, context, {}, options),
  };
}

export type EmptyField = { token: MergeToken; field: "subject" | "body" };

/** The known merge fields a template uses that `values` leave empty (missing or blank), once per field and token: for
 * a real candidate, fields that would render as nothing ("When: " with no date). */
export function emptyFields(source: TemplateSource, values: MergeValues): EmptyField[] {
  return (["subject", "body"] as const).flatMap((field) =>
    usedTokens(source[field])
      .filter((token) => isMergeToken(token) && (values[token] ?? "").trim() === "")
      .map((token) => ({ token: token as MergeToken, field })),
  );
}

/** The sample value of every token, for previews and for linting prose. */
export function sampleValues(): MergeValues {
  return Object.fromEntries(Object.entries(MERGE_TOKENS).map(([token, { sample }]) => [token, sample]));
}

/** The zone the preview's sample dates are written in, as the interview sample names it ("Berlin time"). */
const SAMPLE_ZONE = "Europe/Berlin";

/**
 * The values the template editor previews with: the samples, but with the workspace's own company name and with dates
 * ahead of `now` (the next update three days on, the interview a week on at 14:00), in the template's language, so a
 * preview never promises a date already past. Deterministic for a given `now`.
 */
export function previewSampleValues(options: { companyName: string; now: Date; locale: Locale }): MergeValues {
  const { companyName, now, locale } = options;
  const today = DateTime.fromJSDate(now, { zone: SAMPLE_ZONE });
  const nextUpdate = today.plus({ days: 3 }).toJSDate();
  const interview = today.plus({ days: 7 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  return {
    ...sampleValues(),
    "company.name": companyName.trim() || MERGE_TOKENS["company.name"].sample,
    nextUpdateBy: candidateDate(nextUpdate, locale, SAMPLE_ZONE, now),
    "interview.when": interviewWhen(interview, locale, SAMPLE_ZONE, now),
  };
}
