// Every word of the public kept-promise record — the /promise page, its badge, the JSON's plain-words promises and
// the one-line summaries on the careers and status pages — in English and German (formal "Sie", as in emails/de).
import { formatPercent } from "../metrics/importance";
import { durationFromMinutes } from "../durations";
import { type Locale, type Localized } from "../i18n";
import {
  headlineFigure,
  MIN_CASES,
  RECORD_DAYS,
  type PromiseFigure,
  type PromiseScope,
  type PublicPromise,
  type ResponseTarget,
} from "./record";

export type PromiseTexts = {
  title: (company: string) => string;
  heading: string;
  intro: (company: string) => string;
  period: (from: string, to: string) => string;
  computed: (at: string) => string;
  method: string;
  workspaceHeading: string;
  jobsHeading: string;
  jobLink: string;
  openings: string;
  /** The promise in plain words. */
  promise: (promise: PublicPromise, target: ResponseTarget | null) => string;
  /** What its figure counts. */
  measure: Record<PublicPromise, string>;
  /** Beside the rate: the count behind it. */
  kept: (promise: PublicPromise, kept: number, cases: number) => string;
  tooFew: (cases: number) => string;
  belowTarget: string;
  /** The badge's words: the promise, then "kept 94%" or that there are too few applications. */
  badgePromise: (promise: PublicPromise, target: ResponseTarget | null) => string;
  badgeKept: (percent: string) => string;
  badgeTooFew: string;
  /** The one line beside a promise on the careers and status pages. */
  summaryKept: (promise: PublicPromise, percent: string) => string;
  summaryLink: string;
  summaryHeading: string;
  percent: (fraction: number) => string;
};

type Unit = "days" | "hours" | "minutes";
const UNIT_WORDS: Localized<Record<"business" | "calendar", Record<Unit, [one: string, many: string]>>> = {
  en: {
    business: {
      days: ["business day", "business days"],
      hours: ["business hour", "business hours"],
      minutes: ["minute", "minutes"],
    },
    calendar: { days: ["day", "days"], hours: ["hour", "hours"], minutes: ["minute", "minutes"] },
  },
  // Dative, as after "innerhalb von" and "in".
  de: {
    business: {
      days: ["Werktag", "Werktagen"],
      hours: ["Arbeitsstunde", "Arbeitsstunden"],
      minutes: ["Minute", "Minuten"],
    },
    calendar: { days: ["Tag", "Tagen"], hours: ["Stunde", "Stunden"], minutes: ["Minute", "Minuten"] },
  },
};

/** "3 business days", "1 Werktag", "4 Stunden": a target as people say it. */
export function targetWords(target: ResponseTarget, locale: Locale): string {
  const counting = target.businessHours ? "business" : "calendar";
  const { amount, unit } = durationFromMinutes(target.minutes, counting);
  const [one, many] = UNIT_WORDS[locale][counting][unit];
  return `${amount} ${amount === "1" ? one : many}`;
}

export const PROMISE_TEXTS: Localized<PromiseTexts> = {
  en: {
    title: (company) => `Our promises to applicants · ${company}`,
    heading: "Our promises to applicants",
    intro: (company) =>
      `What ${company} promises everyone who applies, and how often we kept each promise in the last ${RECORD_DAYS} days.`,
    period: (from, to) => `Period: ${from} to ${to} (the last ${RECORD_DAYS} days).`,
    computed: (at) => `Computed on ${at} (UTC); figures are brought up to date every hour.`,
    method:
      `Every figure counts every applicant of the period, the same way our own dashboard does. A figure from fewer ` +
      `than ${MIN_CASES} applications is not shown. No applicant's name or details are on this page.`,
    workspaceHeading: "Across all our jobs",
    jobsHeading: "By job",
    jobLink: "View the job",
    openings: "See our open positions",
    promise: (promise, target) => {
      if (promise === "first_response") {
        return target
          ? `We answer every application within ${targetWords(target, "en")}.`
          : "We answer every application.";
      }
      if (promise === "outcome_told") return "We tell everyone the outcome, including a no.";
      return "We tell you by when you will hear from us, and keep that date.";
    },
    measure: {
      first_response: "First responses on time",
      outcome_told: "Rejected applicants who were told",
      hear_back_by: "“Hear back by” dates met",
    },
    // A "hear back by" figure counts dates given (an applicant may be given several), the others applicants.
    kept: (promise, kept, cases) =>
      promise === "hear_back_by" ? `Kept ${kept} of ${cases} dates given.` : `Kept for ${kept} of ${cases} applicants.`,
    tooFew: (cases) => `Not enough applications yet: ${cases} so far, and we show a figure from ${MIN_CASES} on.`,
    belowTarget: "Below our target of 100%.",
    badgePromise: (promise, target) => {
      if (promise === "first_response") {
        return target ? `Answers applicants in ${targetWords(target, "en")}` : "Answers every applicant";
      }
      if (promise === "outcome_told") return "Tells every applicant the outcome";
      return "Keeps its hear-back dates";
    },
    badgeKept: (percent) => `kept ${percent}`,
    badgeTooFew: "not enough applications yet",
    summaryKept: (promise, percent) =>
      promise === "hear_back_by"
        ? `This team kept ${percent} of the dates it gave applicants in the last ${RECORD_DAYS} days.`
        : `This team kept this promise for ${percent} of applicants in the last ${RECORD_DAYS} days.`,
    summaryLink: "How we keep our promises",
    summaryHeading: "Our promise to you",
    percent: formatPercent,
  },
  de: {
    title: (company) => `Unsere Versprechen an Bewerbende · ${company}`,
    heading: "Unsere Versprechen an Bewerbende",
    intro: (company) =>
      `Was ${company} allen verspricht, die sich bewerben, und wie oft wir jedes Versprechen in den letzten ` +
      `${RECORD_DAYS} Tagen gehalten haben.`,
    period: (from, to) => `Zeitraum: ${from} bis ${to} (die letzten ${RECORD_DAYS} Tage).`,
    computed: (at) => `Berechnet am ${at} (UTC); die Zahlen werden stündlich aktualisiert.`,
    method:
      `Jede Zahl zählt alle Bewerbenden des Zeitraums, genau wie unser eigenes Dashboard. Zahlen aus weniger als ` +
      `${MIN_CASES} Bewerbungen zeigen wir nicht. Namen oder Angaben von Bewerbenden stehen nicht auf dieser Seite.`,
    workspaceHeading: "Über alle Stellen",
    jobsHeading: "Nach Stelle",
    jobLink: "Zur Stelle",
    openings: "Unsere offenen Stellen",
    promise: (promise, target) => {
      if (promise === "first_response") {
        return target
          ? `Wir antworten auf jede Bewerbung innerhalb von ${targetWords(target, "de")}.`
          : "Wir antworten auf jede Bewerbung.";
      }
      if (promise === "outcome_told") return "Wir teilen allen das Ergebnis mit, auch eine Absage.";
      return "Wir sagen Ihnen, bis wann Sie von uns hören, und halten diesen Termin ein.";
    },
    measure: {
      first_response: "Erste Antworten rechtzeitig",
      outcome_told: "Abgelehnte Bewerbende, die es erfahren haben",
      hear_back_by: "Zugesagte Termine eingehalten",
    },
    kept: (promise, kept, cases) =>
      promise === "hear_back_by"
        ? `${kept} von ${cases} zugesagten Terminen eingehalten.`
        : `Gehalten bei ${kept} von ${cases} Bewerbenden.`,
    tooFew: (cases) => `Noch nicht genug Bewerbungen: bisher ${cases}, eine Zahl zeigen wir ab ${MIN_CASES}.`,
    belowTarget: "Unter unserem Ziel von 100 %.",
    badgePromise: (promise, target) => {
      if (promise === "first_response") {
        return target ? `Antwortet Bewerbenden in ${targetWords(target, "de")}` : "Antwortet allen Bewerbenden";
      }
      if (promise === "outcome_told") return "Teilt allen Bewerbenden das Ergebnis mit";
      return "Hält zugesagte Termine ein";
    },
    badgeKept: (percent) => `gehalten: ${percent}`,
    badgeTooFew: "noch nicht genug Bewerbungen",
    summaryKept: (promise, percent) =>
      promise === "hear_back_by"
        ? `Dieses Team hat in den letzten ${RECORD_DAYS} Tagen ${percent} der zugesagten Termine eingehalten.`
        : `Dieses Team hat dieses Versprechen in den letzten ${RECORD_DAYS} Tagen bei ${percent} der Bewerbenden gehalten.`,
    summaryLink: "Wie wir unsere Versprechen halten",
    summaryHeading: "Unser Versprechen an Sie",
    percent: (fraction) => formatPercent(fraction).replace("%", " %"),
  },
};

/** The count beside a figure's rate ("Kept for 188 of 200 applicants."), or that there are not enough applications
 * yet. */
export function figureSentence(figure: PromiseFigure, locale: Locale): string {
  const t = PROMISE_TEXTS[locale];
  if (figure.rate === null || figure.kept === null) return t.tooFew(figure.cases);
  return t.kept(figure.promise, figure.kept, figure.cases);
}

/** Whether a shown figure fell below the promise's target: every applicant, 100%. */
export function belowTarget(figure: PromiseFigure): boolean {
  return figure.rate !== null && figure.rate < 1;
}

/** The badge's two parts and its whole line: "Answers applicants in 3 business days · kept 94%". */
export function badgeWords(
  figure: PromiseFigure,
  target: ResponseTarget | null,
  locale: Locale,
): { promise: string; result: string; line: string } {
  const t = PROMISE_TEXTS[locale];
  const promise = t.badgePromise(figure.promise, target);
  const result = figure.rate === null ? t.badgeTooFew : t.badgeKept(t.percent(figure.rate));
  return { promise, result, line: `${promise} · ${result}` };
}

/** One promise in a line for the careers and status pages: its words, how often it was kept (null below MIN_CASES),
 * and the link to the whole record. */
export type PromiseSummary = { heading: string; promise: string; kept: string | null; link: string; href: string };

/** The summary of `scope`'s headline promise (`preferred` when it was published). */
export function promiseSummary(scope: PromiseScope, locale: Locale, preferred?: PublicPromise): PromiseSummary | null {
  const figure = headlineFigure(scope, preferred);
  if (!figure) return null;
  const t = PROMISE_TEXTS[locale];
  return {
    heading: t.summaryHeading,
    promise: t.promise(figure.promise, scope.firstResponseTarget),
    kept: figure.rate === null ? null : t.summaryKept(figure.promise, t.percent(figure.rate)),
    link: t.summaryLink,
    href: `/promise?lang=${locale}`,
  };
}
