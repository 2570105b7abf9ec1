// The candidate survey (docs/status-page.md): the questions, the answers a candidate can give, the words in every
// candidate language, and the schema a posted answer must pass. Pure; the page and the model share it.
import { z } from "zod";
import { textFor, type Localized } from "./i18n";

export const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const EFFORT_SCORES = [1, 2, 3, 4, 5] as const;
export const KNEW_NEXT_ANSWERS = ["yes", "partly", "no"] as const;
export type KnewNext = (typeof KNEW_NEXT_ANSWERS)[number];
export const FRICTION_TAGS = [
  "rescheduling",
  "repeating_myself",
  "unanswered_question",
  "long_silence",
  "unclear_next_step",
  "other",
] as const;
export type FrictionTag = (typeof FRICTION_TAGS)[number];
export const SURVEY_COMMENT_MAX = 2_000;

export type SurveyTexts = {
  title: string;
  intro: (jobTitle: string, company: string) => string;
  privacy: string;
  required: string;
  optional: string;
  nps: { legend: string; hint: string };
  effort: { legend: string; hint: string; labels: Record<(typeof EFFORT_SCORES)[number], string> };
  knewNext: { legend: string; labels: Record<KnewNext, string> };
  tags: { legend: string; hint: string; labels: Record<FrictionTag, string> };
  comment: { label: string; hint: string };
  submit: string;
  errorSummary: string;
  errors: { nps: string; effort: string; knewNext: string; tags: string; comment: string };
  notYet: { title: string; body: string };
  thanks: { title: string; body: string };
  alreadyAnswered: string;
  back: string;
  footer: string;
};

export const SURVEY_TEXTS: Localized<SurveyTexts> = {
  en: {
    title: "How was applying?",
    intro: (jobTitle, company) =>
      `Four short questions about applying for ${jobTitle} at ${company}. It takes about two minutes.`,
    privacy: "Your answers go to our hiring team. They do not affect any current or future application.",
    required: "required",
    optional: "optional",
    nps: {
      legend: "How likely are you to recommend applying to us?",
      hint: "0 means not at all likely, 10 means extremely likely.",
    },
    effort: {
      legend: "How much effort did applying take?",
      hint: "1 means very little effort, 5 means far too much.",
      labels: { 1: "1 – Very little", 2: "2 – Little", 3: "3 – Some", 4: "4 – A lot", 5: "5 – Far too much" },
    },
    knewNext: {
      legend: "Did you know what would happen next?",
      labels: { yes: "Yes, always", partly: "Partly", no: "No" },
    },
    tags: {
      legend: "Did any of these get in the way?",
      hint: "Choose all that apply, or none.",
      labels: {
        rescheduling: "Appointments were moved",
        repeating_myself: "I had to repeat myself",
        unanswered_question: "A question of mine went unanswered",
        long_silence: "I heard nothing for a long time",
        unclear_next_step: "The next step was unclear",
        other: "Something else",
      },
    },
    comment: {
      label: "Anything else you want to tell us?",
      hint: "Up to 2,000 characters. Please leave out anything you would not want our hiring team to read.",
    },
    submit: "Send my answers",
    errorSummary: "Please check these answers",
    errors: {
      nps: "Choose a number from 0 to 10.",
      effort: "Choose how much effort applying took, from 1 to 5.",
      knewNext: "Choose yes, partly or no.",
      tags: "Choose only from the listed options.",
      comment: "Please keep your comment to 2,000 characters or fewer.",
    },
    notYet: {
      title: "The survey is not open yet",
      body: "The survey opens when your application is decided. We will ask for your thoughts then.",
    },
    thanks: {
      title: "Thank you for your answers",
      body: "We read every answer, and they help us treat the next person who applies better.",
    },
    alreadyAnswered: "You have already answered the survey, so we kept your first answers. Thank you!",
    back: "Back to your application",
    footer: "This page is private to you. Please do not share its address.",
  },
  de: {
    title: "Wie war Ihre Bewerbung?",
    intro: (jobTitle, company) =>
      `Vier kurze Fragen zu Ihrer Bewerbung als ${jobTitle} bei ${company}. Das dauert etwa zwei Minuten.`,
    privacy:
      "Ihre Antworten gehen an unser Recruiting-Team. Sie haben keinen Einfluss auf eine jetzige oder spätere Bewerbung.",
    required: "Pflichtfeld",
    optional: "freiwillig",
    nps: {
      legend: "Wie wahrscheinlich ist es, dass Sie anderen eine Bewerbung bei uns empfehlen?",
      hint: "0 heißt sehr unwahrscheinlich, 10 heißt äußerst wahrscheinlich.",
    },
    effort: {
      legend: "Wie viel Aufwand war die Bewerbung für Sie?",
      hint: "1 heißt sehr wenig Aufwand, 5 heißt viel zu viel.",
      labels: { 1: "1 – Sehr wenig", 2: "2 – Wenig", 3: "3 – Mittel", 4: "4 – Viel", 5: "5 – Viel zu viel" },
    },
    knewNext: {
      legend: "Wussten Sie jeweils, wie es weitergeht?",
      labels: { yes: "Ja, immer", partly: "Teilweise", no: "Nein" },
    },
    tags: {
      legend: "Hat Sie etwas davon gestört?",
      hint: "Wählen Sie alles Zutreffende aus, oder nichts.",
      labels: {
        rescheduling: "Termine wurden verschoben",
        repeating_myself: "Ich musste mich wiederholen",
        unanswered_question: "Eine Frage von mir blieb unbeantwortet",
        long_silence: "Ich habe lange nichts gehört",
        unclear_next_step: "Der nächste Schritt war unklar",
        other: "Etwas anderes",
      },
    },
    comment: {
      label: "Möchten Sie uns noch etwas sagen?",
      hint: "Bis zu 2.000 Zeichen. Bitte schreiben Sie nichts, was unser Recruiting-Team nicht lesen soll.",
    },
    submit: "Antworten senden",
    errorSummary: "Bitte prüfen Sie diese Antworten",
    errors: {
      nps: "Wählen Sie eine Zahl von 0 bis 10.",
      effort: "Wählen Sie, wie viel Aufwand die Bewerbung war, von 1 bis 5.",
      knewNext: "Wählen Sie Ja, Teilweise oder Nein.",
      tags: "Wählen Sie nur aus den genannten Möglichkeiten.",
      comment: "Ihr Kommentar darf höchstens 2.000 Zeichen lang sein.",
    },
    notYet: {
      title: "Die Umfrage ist noch nicht geöffnet",
      body: "Die Umfrage öffnet, sobald über Ihre Bewerbung entschieden ist. Dann fragen wir Sie nach Ihrer Meinung.",
    },
    thanks: {
      title: "Vielen Dank für Ihre Antworten",
      body: "Wir lesen jede Antwort. Sie helfen uns, die nächste Person, die sich bewirbt, besser zu behandeln.",
    },
    alreadyAnswered: "Sie haben die Umfrage schon beantwortet, daher bleiben Ihre ersten Antworten gespeichert. Danke!",
    back: "Zurück zu Ihrer Bewerbung",
    footer: "Diese Seite ist nur für Sie. Bitte geben Sie ihre Adresse nicht weiter.",
  },
};

/** A whole number from a radio group's posted value (a string), or what was posted when it is not one. */
function wholeNumber(value: unknown): unknown {
  return typeof value === "string" && /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : value;
}

function scoreField(min: number, max: number, message: string) {
  return z.preprocess(
    wholeNumber,
    z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }),
  );
}

/** The schema of one posted survey, with messages in the candidate's language. Tags come back deduplicated, in the
 * listed order; an empty comment is no comment. */
export function surveyInputSchema(locale: string | null | undefined) {
  const { errors } = textFor(SURVEY_TEXTS, locale);
  return z.object({
    nps: scoreField(0, 10, errors.nps),
    effort: scoreField(1, 5, errors.effort),
    knewNext: z.enum(KNEW_NEXT_ANSWERS, { error: errors.knewNext }),
    frictionTags: z
      .preprocess(
        // A form posts nothing for no ticked box, a string for one and an array for several.
        (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
        z.array(z.enum(FRICTION_TAGS, { error: errors.tags }), { error: errors.tags }),
      )
      .transform((tags) => FRICTION_TAGS.filter((tag) => tags.includes(tag))),
    comment: z
      .preprocess(
        // Browsers post a textarea's line breaks as CRLF but count them as one character against maxlength.
        (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value),
        z.string({ error: errors.comment }).max(SURVEY_COMMENT_MAX, { error: errors.comment }).optional(),
      )
      .transform((value) => (value ? value : undefined)),
  });
}
export type SurveyInput = z.output<ReturnType<typeof surveyInputSchema>>;
