// The compassion lint (docs/templates.md): checks a template or a one-off message before it can reach a candidate.
// Errors block saving and sending; warnings lower the score. Insensitive wording (retext-equality, alex's rules),
// passive voice (retext-passive) and the reading grade (Flesch–Kincaid with the `syllable` counter) come from
// maintained libraries; the rules about structure (greeting, decision first, next date, named sender) are ours.
import { fleschKincaid } from "flesch-kincaid";
import retextEnglish from "retext-english";
import retextEquality from "retext-equality";
import retextPassive from "retext-passive";
import { syllable } from "syllable";
import { unified } from "unified";
import { VFile } from "vfile";
import { REJECTION_KINDS, STATUS_UPDATE_KINDS, type MergeToken, type TemplateKind, type TemplateLocale } from "./kinds";
import {
  emptyFields,
  renderTemplate,
  sampleValues,
  templateProblems,
  usedTokens,
  type MergeValues,
  type TemplateSource,
} from "./render";

export type LintSeverity = "error" | "warning";
export type LintFinding = {
  rule: string;
  severity: LintSeverity;
  message: string;
  /** For errors: the part of the template to fix. */
  field?: "subject" | "body";
};
export type LintResult = { score: number; readingGrade: number | null; findings: LintFinding[] };
export type LintInput = TemplateSource & { kind: TemplateKind; locale?: TemplateLocale };

export const MAX_READING_GRADE = 8;
export const MAX_SENTENCE_WORDS = 25;

/** What each warning costs; a rule that can fire several times is capped. Any error makes the score 0. */
const PENALTY = {
  no_greeting: 10,
  decision_late: 15,
  opens_with_unfortunately: 5,
  no_reply_wording: 15,
  no_named_sender: 10,
  no_next_date: 10,
  reading_grade: 10,
  long_sentence: 3,
  passive_voice: 2,
  insensitive_wording: 5,
} as const;
const CAP: Partial<Record<keyof typeof PENALTY, number>> = {
  long_sentence: 12,
  passive_voice: 10,
  insensitive_wording: 20,
};

/** How a decision is worded when it is stated plainly. */
const DECISION = {
  en: /\b(not (be )?(moving|move|going|taking|progressing|proceeding|continuing|offer(ing)?)|decided|decision|not selected|will not|won't|cannot offer|can't offer|not able to offer|unable to offer|other candidates?)\b/i,
  de: /\b(nicht (weiter|berücksichtigen|fortsetzen|anbieten)|entschieden|entscheidung|absage|abzusagen|anderen? (kandidat|bewerb))/i,
};
const UNFORTUNATELY = { en: /^\s*unfortunately\b/i, de: /^\s*leider\b/i };
const NO_REPLY =
  /\b(do not reply|don't reply|please don't respond|do not respond|no-?reply|do-not-reply|nicht antworten|keine antwort)\b/i;

type NlcstNode = { type: string; value?: string; children?: NlcstNode[] };

function nodeText(node: NlcstNode): string {
  return node.value ?? (node.children ?? []).map(nodeText).join("");
}

function collect(node: NlcstNode, type: string, found: NlcstNode[] = []): NlcstNode[] {
  if (node.type === type) found.push(node);
  else for (const child of node.children ?? []) collect(child, type, found);
  return found;
}

/** Markdown to the prose a reader reads: link texts, no emphasis marks, headings or list bullets. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<https?:[^>]+>/g, "the link")
    .replace(/https?:\/\/\S+/g, "the link")
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/(\*\*|__|\*|_|`)/g, "");
}

const parser = unified().use(retextEnglish).use(retextEquality).use(retextPassive);

function sentencesOf(tree: NlcstNode) {
  return collect(tree, "SentenceNode").map((sentence) => {
    const words = collect(sentence, "WordNode").map(nodeText);
    return { text: nodeText(sentence).trim(), words };
  });
}

function gradeOf(sentences: { words: string[] }[]): number | null {
  const words = sentences.flatMap((sentence) => sentence.words);
  if (words.length === 0) return null;
  const grade = fleschKincaid({
    sentence: sentences.filter((sentence) => sentence.words.length > 0).length,
    word: words.length,
    syllable: words.reduce((sum, word) => sum + syllable(word), 0),
  });
  return Math.round(grade * 10) / 10;
}

function quote(text: string, max = 60): string {
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

const NAMES_CANDIDATE = /\{\{\s*&?\s*candidate\.(firstName|name)\s*\}\}/;

/** The salutation line ("Hi {{candidate.firstName}},", "Dear applicant,") and the message after it. */
function splitGreeting(body: string): { greeting: string | null; rest: string } {
  const lines = body.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first === -1) return { greeting: null, rest: "" };
  const line = lines[first]!.trim();
  const short = line.length <= 80 && line.split(/\s+/).length <= 6;
  const isGreeting = short && (NAMES_CANDIDATE.test(line) || /[,!:]$/.test(line));
  return isGreeting ? { greeting: line, rest: lines.slice(first + 1).join("\n") } : { greeting: null, rest: body };
}

type Warn = (rule: keyof typeof PENALTY, message: string) => void;

/** Errors: what makes a template impossible to save or send. */
function errorFindings(input: LintInput): LintFinding[] {
  const findings: LintFinding[] = templateProblems(input).map((problem) => {
    const where = problem.field === "subject" ? "the subject" : "the body";
    const message =
      problem.kind === "unknown_token"
        ? `{{${problem.token}}} in ${where} is not a merge field we know. Pick one from the token list.`
        : problem.kind === "unsupported_tag"
          ? `${problem.tag} in ${where}: templates take plain {{token}} fields only, no sections or partials.`
          : `${where[0]!.toUpperCase()}${where.slice(1)} has a broken {{…}} field: ${problem.message}`;
    return { rule: problem.kind, severity: "error", message, field: problem.field };
  });
  if (input.body.trim() === "") {
    findings.push({ rule: "empty_body", severity: "error", message: "The message has no text.", field: "body" });
  }
  if (input.subject.trim() === "") {
    findings.push({
      rule: "empty_subject",
      severity: "error",
      message: "The message needs a subject.",
      field: "subject",
    });
  }
  return findings;
}

/** The shape of a respectful message: greeting, named sender, a next date, replies welcome. */
function checkStructure(input: LintInput, greeting: string | null, warn: Warn) {
  const tokens = new Set([...usedTokens(input.subject), ...usedTokens(input.body)]);
  if (input.body.trim() !== "" && !(greeting && NAMES_CANDIDATE.test(greeting))) {
    warn(
      "no_greeting",
      "Greet the candidate by name on the first line, e.g. “Hi {{candidate.firstName}},”, so it reads as written to them.",
    );
  }
  if (input.body.trim() !== "" && !tokens.has("recruiter.name")) {
    warn(
      "no_named_sender",
      "Sign with a person's name ({{recruiter.name}}): a named human is someone to write back to.",
    );
  }
  if (STATUS_UPDATE_KINDS.has(input.kind) && !tokens.has("nextUpdateBy")) {
    warn(
      "no_next_date",
      "Say when they will hear from us next ({{nextUpdateBy}}): an update without a date is a wait.",
    );
  }
  const noReply = NO_REPLY.exec(`${input.subject}\n${input.body}`);
  if (noReply) {
    warn("no_reply_wording", `${quote(noReply[0])} shuts the door. Invite replies instead: candidates have questions.`);
  }
}

/** The prose after the greeting, read with sample values: opening, decision, sentence length, and for English the
 * reading grade, passive voice and insensitive wording. Returns the reading grade. */
function checkProse(input: LintInput, message: string, locale: TemplateLocale, warn: Warn): number | null {
  const rendered = renderTemplate({ subject: input.subject, body: message }, sampleValues());
  const file = new VFile(proseOf(rendered.body));
  const tree = parser.parse(file) as unknown as NlcstNode;
  const sentences = sentencesOf(tree).filter((sentence) => sentence.words.length > 0);

  const opening = sentences[0];
  if (opening && UNFORTUNATELY[locale].test(opening.text)) {
    warn("opens_with_unfortunately", `Don't open with ${quote(opening.text.split(/\s/)[0]!)}: start with the person.`);
  }
  const firstTwo = sentences
    .slice(0, 2)
    .map((sentence) => sentence.text)
    .join(" ");
  if (REJECTION_KINDS.has(input.kind) && !DECISION[locale].test(firstTwo)) {
    warn(
      "decision_late",
      "State the decision in the first two sentences; don't make them read to the end to learn it.",
    );
  }
  for (const sentence of sentences) {
    if (sentence.words.length > MAX_SENTENCE_WORDS) {
      warn(
        "long_sentence",
        `${quote(sentence.text)} has ${sentence.words.length} words; keep sentences under ${MAX_SENTENCE_WORDS + 1}.`,
      );
    }
  }
  if (locale !== "en") return null;

  const readingGrade = gradeOf(sentences);
  if (readingGrade !== null && readingGrade > MAX_READING_GRADE) {
    warn(
      "reading_grade",
      `Reading grade ${readingGrade} (Flesch–Kincaid); aim for ${MAX_READING_GRADE} or lower with shorter words and sentences.`,
    );
  }
  parser.runSync(tree as never, file);
  for (const finding of file.messages) {
    const actual = quote(String(finding.actual));
    if (finding.source === "retext-passive") {
      warn("passive_voice", `${actual}: passive voice hides who acts. Say who did it.`);
    } else if (finding.source === "retext-equality") {
      const better = (finding.expected ?? []).slice(0, 3).join("”, “");
      warn("insensitive_wording", `${actual} may be insensitive${better ? `; consider “${better}”` : ""}.`);
    }
  }
  return readingGrade;
}

export function lintTemplate(input: LintInput): LintResult {
  const locale = input.locale ?? "en";
  const findings = errorFindings(input);
  const warn: Warn = (rule, message) => findings.push({ rule, severity: "warning", message });
  const { greeting, rest } = splitGreeting(input.body);
  checkStructure(input, greeting, warn);
  // Unknown tokens render empty, so the prose can still be read; a broken {{…}} cannot be rendered at all.
  const renderable = !findings.some((finding) => finding.rule === "syntax");
  const readingGrade = renderable ? checkProse(input, rest, locale, warn) : null;
  return { score: scoreOf(findings), readingGrade, findings };
}

function scoreOf(findings: LintFinding[]): number {
  if (findings.some((finding) => finding.severity === "error")) return 0;
  const spent = new Map<keyof typeof PENALTY, number>();
  for (const finding of findings) {
    const rule = finding.rule as keyof typeof PENALTY;
    const total = (spent.get(rule) ?? 0) + PENALTY[rule];
    spent.set(rule, Math.min(total, CAP[rule] ?? PENALTY[rule]));
  }
  return Math.max(0, 100 - [...spent.values()].reduce((sum, cost) => sum + cost, 0));
}

/** Why a field can be empty for a real candidate, and what to do about it. */
const EMPTY_FIELD_HINTS: Partial<Record<MergeToken, string>> = {
  "interview.when": "no interview is scheduled for this application. Schedule it first, or take the field out",
  "interview.where": "the interview has no place or video link. Add one, or take the field out",
  "interview.duration": "no interview is scheduled for this application. Schedule it first, or take the field out",
  "interview.with": "the interview has no interviewers. Add them, or take the field out",
  "recruiter.email": "the job names no recruiter or hiring manager. Name one, or take the field out",
};

/** An error for each merge field the template uses that has no value for this candidate: a message never goes out
 * with a blank where a date, place or name should be. */
export function emptyFieldFindings(source: TemplateSource, values: MergeValues): LintFinding[] {
  return emptyFields(source, values).map(({ token, field }) => ({
    rule: "empty_field",
    severity: "error",
    message: `{{${token}}} in ${field === "subject" ? "the subject" : "the body"} would be empty: ${
      EMPTY_FIELD_HINTS[token] ?? "there is nothing to fill it with for this candidate. Take the field out"
    }.`,
    field,
  }));
}

/** The lint of a message to one candidate with their real values: the template's lint (read with sample values) and
 * an error for every merge field that would be empty. The template editor lints with samples alone
 * (lintTemplate), which are never empty. */
export function lintMessage(input: LintInput, values: MergeValues): LintResult {
  const result = lintTemplate(input);
  const findings = [...emptyFieldFindings(input, values), ...result.findings];
  return { ...result, score: scoreOf(findings), findings };
}
