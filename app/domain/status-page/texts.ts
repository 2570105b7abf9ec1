// Every word on the candidate's status page, in English and German (formal "Sie", as in emails/de). Stages are
// described in plain words by kind, with what comes next and roughly how long it takes; outcomes are stated first,
// then kindly. Phrases that take values are functions.
import type { Outcome } from "../applications";
import type { Localized } from "../i18n";
import type { StageKind } from "../jobs";

export type StageWords = {
  /** What this step is, in plain words ("A short call to get to know you"). */
  plain: string;
  about: string;
  next: string;
  /** Roughly how long the step takes. */
  duration: string;
};

export type OutcomeWords = { heading: string; paragraphs: (job: string, contact: string | null) => string[] };

export type ActionKey = "ask" | "withdraw" | "preferences" | "delete-data" | "survey";

export type StatusPageTexts = {
  title: (job: string, company: string) => string;
  heading: (job: string) => string;
  atCompany: (company: string) => string;
  nowHeading: string;
  stageName: (name: string) => string;
  nextHeading: string;
  stages: Record<StageKind, StageWords>;
  promiseHeading: string;
  promiseBy: (date: string) => string;
  promiseByNote: string;
  promiseLate: (date: string) => string;
  promiseWaiting: string;
  promiseNone: string;
  outcomes: Record<Outcome, OutcomeWords>;
  dataHeading: string;
  dataUntil: (date: string) => string;
  dataSooner: string;
  dataSoonerLink: string;
  contactHeading: string;
  contactHint: (name: string) => string;
  noContactName: string;
  noContactHint: string;
  timelineHeading: string;
  timelineEmpty: string;
  timeline: {
    applied: (job: string) => string;
    stageChanged: (step: string) => string;
    messageOut: string;
    messageIn: string;
    subject: (subject: string) => string;
    readOurMessage: string;
    readYourMessage: string;
    interview: string;
    /** Interviews planned in Hearback, by what happened. */
    interviews: {
      scheduled: string;
      offered: (count: number | null) => string;
      booked: string;
      declined: string;
      rescheduled: string;
      cancelled: string;
    };
    outcome: Record<Outcome, string>;
  };
  actionsHeading: string;
  actions: Record<ActionKey, string>;
  surveyAnswered: string;
  footer: string;
};

const en: StatusPageTexts = {
  title: (job, company) => `Your application · ${job} · ${company}`,
  heading: (job) => `Your application for ${job}`,
  atCompany: (company) => `at ${company}`,
  nowHeading: "Where you are now",
  stageName: (name) => `Step: ${name}`,
  nextHeading: "What happens next",
  stages: {
    applied: {
      plain: "We are reading your application",
      about:
        "A person on our team reads every application. We look at your experience and at what you told us about yourself.",
      next: "If your experience fits the role, we invite you to a short call. If it does not, we tell you. You will not be left waiting.",
      duration: "This usually takes about a week.",
    },
    screen: {
      plain: "A short call to get to know you",
      about:
        "A relaxed talk of about 30 minutes with someone from our team. We tell you about the role, and you tell us what you are looking for. Your questions are welcome.",
      next: "After the call, we decide with the team whether to invite you to interviews. We tell you either way.",
      duration: "You usually hear from us within a few days of the call.",
    },
    interview: {
      plain: "Interviews with the team",
      about:
        "You meet the people you would work with. They ask about your experience, and you can ask them anything about the work.",
      next: "After the interviews, the team talks about what they learned. Then we tell you our decision.",
      duration: "This step usually takes one to two weeks.",
    },
    assessment: {
      plain: "A task to show your skills",
      about:
        "A practical task close to the real work. We tell you how much time it should take, and it never takes more than a few hours.",
      next: "The team looks at your work, and we talk it through with you.",
      duration: "This step usually takes one to two weeks.",
    },
    offer: {
      plain: "We are preparing an offer for you",
      about:
        "We would like you to join us. We are putting the details together: the role, the salary and the start date.",
      next: "Your contact goes through the offer with you and answers your questions. Take the time you need to decide.",
      duration: "This usually takes a few days.",
    },
  },
  promiseHeading: "When you will hear from us",
  promiseBy: (date) => `You will hear from us by ${date}.`,
  promiseByNote: "Even if there is no news yet, we will tell you where things stand.",
  promiseLate: (date) =>
    `We promised to get back to you by ${date}, and we are late. We are sorry. You will hear from us as soon as we can.`,
  promiseWaiting: "We are waiting for your answer to our last email. When you reply, we will get back to you.",
  promiseNone: "We will write to you as soon as there is news.",
  outcomes: {
    rejected: {
      heading: "Our decision",
      paragraphs: (job) => [
        `We have decided not to go ahead with your application for ${job}.`,
        "We know this is not the news you hoped for. Thank you for the time and thought you gave us.",
        "If you would like to know more about our decision, ask us. A person will answer.",
      ],
    },
    hired: {
      heading: "Welcome to the team",
      paragraphs: (job, contact) => [
        `You are joining us as ${job}. We are delighted.`,
        contact
          ? `${contact} will be in touch about your first days. If anything is unclear, ask us at any time.`
          : "We will be in touch about your first days. If anything is unclear, ask us at any time.",
      ],
    },
    withdrawn: {
      heading: "You withdrew your application",
      paragraphs: () => [
        "Thank you for letting us know. We respect your decision and wish you all the best.",
        "You are welcome to apply again at any time.",
      ],
    },
  },
  dataHeading: "Your data",
  dataUntil: (date) =>
    `This page and its link work until ${date}. After that, the page is gone and the link no longer opens anything.`,
  dataSooner: "You do not have to wait that long:",
  dataSoonerLink: "ask us to delete your data sooner",
  contactHeading: "Your contact",
  contactHint: (name) => `To reach ${name}, reply to any of our emails or ask a question on this page.`,
  noContactName: "Our recruiting team",
  noContactHint: "Reply to any of our emails or ask a question on this page. A person on our team will answer.",
  timelineHeading: "What has happened so far",
  timelineEmpty: "Nothing yet.",
  timeline: {
    applied: (job) => `You applied for ${job}`,
    stageChanged: (step) => `Next step: ${step}`,
    messageOut: "We wrote to you",
    messageIn: "You wrote to us",
    subject: (subject) => `Subject: ${subject}`,
    readOurMessage: "Read our message",
    readYourMessage: "Read your message",
    interview: "Interview arranged",
    interviews: {
      scheduled: "Interview arranged",
      offered: (count) => (count ? `We offered you ${count} times for an interview` : "We offered you interview times"),
      booked: "You chose a time for your interview",
      declined: "You told us none of the times worked",
      rescheduled: "Your interview was moved",
      cancelled: "Your interview was cancelled",
    },
    outcome: {
      rejected: "We decided not to go ahead with your application",
      hired: "You are joining us",
      withdrawn: "You withdrew your application",
    },
  },
  actionsHeading: "What you can do",
  actions: {
    ask: "Ask a question",
    withdraw: "Withdraw your application",
    preferences: "Choose how we contact you",
    "delete-data": "Ask us to delete your data",
    survey: "Tell us how we did (2 minutes)",
  },
  surveyAnswered: "Thank you for answering our survey.",
  footer: "This page is private: anyone with its link can see it, so please do not share the link.",
};

const de: StatusPageTexts = {
  title: (job, company) => `Ihre Bewerbung · ${job} · ${company}`,
  heading: (job) => `Ihre Bewerbung als ${job}`,
  atCompany: (company) => `bei ${company}`,
  nowHeading: "Wo Sie gerade stehen",
  stageName: (name) => `Schritt: ${name}`,
  nextHeading: "Wie es weitergeht",
  stages: {
    applied: {
      plain: "Wir lesen Ihre Bewerbung",
      about:
        "Ein Mensch aus unserem Team liest jede Bewerbung. Wir schauen auf Ihre Erfahrung und auf das, was Sie uns über sich erzählt haben.",
      next: "Wenn Ihre Erfahrung zur Stelle passt, laden wir Sie zu einem kurzen Gespräch ein. Wenn nicht, sagen wir es Ihnen. Sie warten nicht ins Leere.",
      duration: "Das dauert meist etwa eine Woche.",
    },
    screen: {
      plain: "Ein kurzes Gespräch zum Kennenlernen",
      about:
        "Ein entspanntes Gespräch von etwa 30 Minuten mit jemandem aus unserem Team. Wir erzählen Ihnen von der Stelle, und Sie erzählen uns, was Sie suchen. Ihre Fragen sind willkommen.",
      next: "Nach dem Gespräch entscheiden wir mit dem Team, ob wir Sie zu Vorstellungsgesprächen einladen. Wir sagen es Ihnen in jedem Fall.",
      duration: "Sie hören meist wenige Tage nach dem Gespräch von uns.",
    },
    interview: {
      plain: "Gespräche mit dem Team",
      about:
        "Sie lernen die Menschen kennen, mit denen Sie arbeiten würden. Sie fragen nach Ihrer Erfahrung, und Sie können ihnen alle Fragen zur Arbeit stellen.",
      next: "Nach den Gesprächen tauscht sich das Team aus. Dann sagen wir Ihnen unsere Entscheidung.",
      duration: "Dieser Schritt dauert meist ein bis zwei Wochen.",
    },
    assessment: {
      plain: "Eine Aufgabe, die Ihr Können zeigt",
      about:
        "Eine praktische Aufgabe nah an der echten Arbeit. Wir sagen Ihnen, wie viel Zeit sie brauchen sollte, und es sind nie mehr als ein paar Stunden.",
      next: "Das Team schaut sich Ihre Arbeit an, und wir sprechen sie mit Ihnen durch.",
      duration: "Dieser Schritt dauert meist ein bis zwei Wochen.",
    },
    offer: {
      plain: "Wir bereiten ein Angebot für Sie vor",
      about:
        "Wir möchten, dass Sie zu uns kommen. Wir stellen die Einzelheiten zusammen: die Stelle, das Gehalt und den Starttermin.",
      next: "Ihre Ansprechperson geht das Angebot mit Ihnen durch und beantwortet Ihre Fragen. Nehmen Sie sich die Zeit, die Sie für Ihre Entscheidung brauchen.",
      duration: "Das dauert meist ein paar Tage.",
    },
  },
  promiseHeading: "Wann Sie von uns hören",
  promiseBy: (date) => `Sie hören bis ${date} von uns.`,
  promiseByNote: "Auch wenn es noch nichts Neues gibt, sagen wir Ihnen, wie es steht.",
  promiseLate: (date) =>
    `Wir hatten versprochen, uns bis ${date} bei Ihnen zu melden, und sind spät dran. Das tut uns leid. Sie hören so bald wie möglich von uns.`,
  promiseWaiting:
    "Wir warten auf Ihre Antwort auf unsere letzte E-Mail. Sobald Sie antworten, melden wir uns bei Ihnen.",
  promiseNone: "Wir schreiben Ihnen, sobald es Neuigkeiten gibt.",
  outcomes: {
    rejected: {
      heading: "Unsere Entscheidung",
      paragraphs: (job) => [
        `Wir haben uns entschieden, Ihre Bewerbung als ${job} nicht weiterzuverfolgen.`,
        "Wir wissen, dass Sie sich eine andere Nachricht gewünscht haben. Danke für die Zeit und die Gedanken, die Sie uns geschenkt haben.",
        "Wenn Sie mehr über unsere Entscheidung wissen möchten, fragen Sie uns. Ein Mensch antwortet Ihnen.",
      ],
    },
    hired: {
      heading: "Willkommen im Team",
      paragraphs: (job, contact) => [
        `Sie kommen als ${job} zu uns. Wir freuen uns sehr.`,
        contact
          ? `${contact} meldet sich bei Ihnen wegen Ihrer ersten Tage. Wenn etwas unklar ist, fragen Sie uns jederzeit.`
          : "Wir melden uns bei Ihnen wegen Ihrer ersten Tage. Wenn etwas unklar ist, fragen Sie uns jederzeit.",
      ],
    },
    withdrawn: {
      heading: "Sie haben Ihre Bewerbung zurückgezogen",
      paragraphs: () => [
        "Danke, dass Sie uns Bescheid gegeben haben. Wir respektieren Ihre Entscheidung und wünschen Ihnen alles Gute.",
        "Sie können sich jederzeit wieder bei uns bewerben.",
      ],
    },
  },
  dataHeading: "Ihre Daten",
  dataUntil: (date) =>
    `Diese Seite und ihr Link funktionieren bis ${date}. Danach ist die Seite nicht mehr da, und der Link öffnet nichts mehr.`,
  dataSooner: "Sie müssen nicht so lange warten:",
  dataSoonerLink: "Bitten Sie uns, Ihre Daten schon früher zu löschen",
  contactHeading: "Ihre Ansprechperson",
  contactHint: (name) =>
    `Um ${name} zu erreichen, antworten Sie auf eine unserer E-Mails oder stellen Sie auf dieser Seite eine Frage.`,
  noContactName: "Unser Recruiting-Team",
  noContactHint:
    "Antworten Sie auf eine unserer E-Mails oder stellen Sie auf dieser Seite eine Frage. Ein Mensch aus unserem Team antwortet Ihnen.",
  timelineHeading: "Was bisher geschah",
  timelineEmpty: "Noch nichts.",
  timeline: {
    applied: (job) => `Sie haben sich als ${job} beworben`,
    stageChanged: (step) => `Nächster Schritt: ${step}`,
    messageOut: "Wir haben Ihnen geschrieben",
    messageIn: "Sie haben uns geschrieben",
    subject: (subject) => `Betreff: ${subject}`,
    readOurMessage: "Unsere Nachricht lesen",
    readYourMessage: "Ihre Nachricht lesen",
    interview: "Gespräch vereinbart",
    interviews: {
      scheduled: "Gespräch vereinbart",
      offered: (count) =>
        count ? `Wir haben Ihnen ${count} Termine für ein Gespräch angeboten` : "Wir haben Ihnen Termine angeboten",
      booked: "Sie haben einen Termin für Ihr Gespräch gewählt",
      declined: "Sie haben uns gesagt, dass keiner der Termine passt",
      rescheduled: "Ihr Gespräch wurde verschoben",
      cancelled: "Ihr Gespräch wurde abgesagt",
    },
    outcome: {
      rejected: "Wir haben uns entschieden, Ihre Bewerbung nicht weiterzuverfolgen",
      hired: "Sie kommen zu uns",
      withdrawn: "Sie haben Ihre Bewerbung zurückgezogen",
    },
  },
  actionsHeading: "Was Sie tun können",
  actions: {
    ask: "Eine Frage stellen",
    withdraw: "Bewerbung zurückziehen",
    preferences: "Festlegen, wie wir Sie erreichen",
    "delete-data": "Löschung Ihrer Daten beantragen",
    survey: "Sagen Sie uns, wie wir waren (2 Minuten)",
  },
  surveyAnswered: "Danke, dass Sie an unserer Umfrage teilgenommen haben.",
  footer: "Diese Seite ist privat: Wer ihren Link hat, kann sie sehen. Bitte geben Sie den Link deshalb nicht weiter.",
};

export const STATUS_PAGE_TEXTS: Localized<StatusPageTexts> = { en, de };
