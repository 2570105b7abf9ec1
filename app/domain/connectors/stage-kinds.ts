// Which kind of step an ATS stage is, guessed from its name, so a stage Hearback first hears of from a connector gets
// the status-page wording and the rejection template that fit it. Pure; the team can correct a guess on the job.
import type { StageKind } from "~/domain/jobs";

/** Lower case, accents and umlauts folded ("Vorstellungsgespräch" → "vorstellungsgesprach"), punctuation to spaces. */
function normalise(name: string): string {
  return ` ${name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

// English words are matched whole (" test " must not match "contest"); German stems are matched inside words, because
// German compounds them ("Telefoninterview", "Zweitgespräch", "Vertragsangebot").
const word = (...words: string[]) => new RegExp(` (?:${words.join("|")}) `);
const stem = (...stems: string[]) => new RegExp(stems.join("|"));

// First match wins, so the order carries meaning: "Phone interview" is a screen, not an interview; "Case study
// interview" is an assessment; "Bewerbungsgespräch" is an interview although it contains "Bewerbung".
const RULES: { kind: StageKind; patterns: RegExp[] }[] = [
  // A hire is past the offer; "Hired" stages (Ashby, Greenhouse) sort with the offer.
  { kind: "offer", patterns: [word("offer", "offers", "offer extended", "hired", "hire"), stem("angebot", "zusage")] },
  {
    kind: "assessment",
    patterns: [
      word(
        "take home",
        "takehome",
        "assessment",
        "assessments",
        "test",
        "tests",
        "case study",
        "case",
        "coding",
        "exercise",
      ),
      word("assignment", "challenge", "work sample", "trial day"),
      stem("aufgabe", "probearbeit", "fallstudie", "assessment"),
    ],
  },
  {
    kind: "screen",
    patterns: [
      word(
        "phone",
        "screen",
        "screening",
        "prescreen",
        "pre screen",
        "recruiter call",
        "intro call",
        "introductory call",
      ),
      stem("telefon", "erstgesprach", "kennenlern"),
    ],
  },
  // Reference checks come after the interviews and before an offer is certain: the interview wording ("the team talks
  // about what they learned, then we tell you our decision") stays true, the offer wording ("we would like you to
  // join us") would promise too much.
  {
    kind: "interview",
    patterns: [
      word(
        "interview",
        "interviews",
        "onsite",
        "on site",
        "final",
        "final round",
        "panel",
        "face to face",
        "technical",
      ),
      word("reference", "references", "reference check"),
      stem("interview", "gesprach", "vorstellung", "referenz"),
    ],
  },
  {
    kind: "applied",
    patterns: [
      word("application review", "new", "applied", "applicant", "lead", "leads", "inbox"),
      stem("bewerbung", "neu"),
    ],
  },
];

/** The kind a stage called `name` most likely is. Unknown names are "applied": the kind that claims least to the
 * candidate — their status page says the application is being read, and a rejection from it never mentions a call or
 * an interview they may not have had. */
export function guessStageKind(name: string): StageKind {
  const text = normalise(name);
  for (const rule of RULES) {
    if (rule.patterns.some((pattern) => pattern.test(text))) return rule.kind;
  }
  return "applied";
}
