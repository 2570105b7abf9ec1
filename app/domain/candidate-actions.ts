// What a candidate can do from their status link besides reading it (docs/status-page.md): ask a question,
// withdraw, and set how and when we reach them. The forms' zod schemas speak the candidate's language, so each is
// built per locale; the same schema checks the browser's input and the server's.
import { z } from "zod";
import { SUPPORTED_LOCALES, textFor, type Locale, type Localized } from "./i18n";
import { isValidTimeZone } from "./validation";

export const QUESTION_MAX_LENGTH = 5000;
export const WITHDRAW_REASON_MAX_LENGTH = 500;
export const PHONE_MAX_LENGTH = 40;
/** Questions one application may send in 24 hours: plenty for a person, a wall for a script. */
export const QUESTIONS_PER_DAY = 10;

export const CONTACT_CHANNELS = ["email", "phone"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

type FormErrorTexts = {
  questionRequired: string;
  questionTooLong: string;
  reasonTooLong: string;
  timeZone: string;
  locale: string;
  channel: string;
  phoneRequired: string;
  phoneShape: string;
  phoneTooLong: string;
};

const ERRORS: Localized<FormErrorTexts> = {
  en: {
    questionRequired: "Write your question before sending it.",
    questionTooLong: `Your question is too long. Please keep it under ${QUESTION_MAX_LENGTH.toLocaleString("en")} characters.`,
    reasonTooLong: `Please keep the reason under ${WITHDRAW_REASON_MAX_LENGTH} characters.`,
    timeZone: "Choose your time zone from the list.",
    locale: "Choose English or German.",
    channel: "Choose how we may contact you.",
    phoneRequired: "Enter your phone number so that we can call you, or choose email.",
    phoneShape: "Enter a phone number with digits only, like +44 20 7946 0958.",
    phoneTooLong: `A phone number has at most ${PHONE_MAX_LENGTH} characters.`,
  },
  de: {
    questionRequired: "Schreiben Sie Ihre Frage, bevor Sie sie senden.",
    questionTooLong: `Ihre Frage ist zu lang. Bitte bleiben Sie unter ${QUESTION_MAX_LENGTH.toLocaleString("de")} Zeichen.`,
    reasonTooLong: `Bitte bleiben Sie beim Grund unter ${WITHDRAW_REASON_MAX_LENGTH} Zeichen.`,
    timeZone: "Wählen Sie Ihre Zeitzone aus der Liste.",
    locale: "Wählen Sie Englisch oder Deutsch.",
    channel: "Wählen Sie, wie wir Sie erreichen dürfen.",
    phoneRequired: "Geben Sie Ihre Telefonnummer an, damit wir Sie anrufen können, oder wählen Sie E-Mail.",
    phoneShape: "Geben Sie eine Telefonnummer nur mit Ziffern an, zum Beispiel +49 30 1234567.",
    phoneTooLong: `Eine Telefonnummer hat höchstens ${PHONE_MAX_LENGTH} Zeichen.`,
  },
};

export function questionFormSchema(locale: string) {
  const errors = textFor(ERRORS, locale);
  return z.object({
    question: z
      .string({ error: errors.questionRequired })
      .trim()
      .min(1, errors.questionRequired)
      .max(QUESTION_MAX_LENGTH, errors.questionTooLong),
  });
}
export type QuestionForm = z.output<ReturnType<typeof questionFormSchema>>;

export function withdrawFormSchema(locale: string) {
  const errors = textFor(ERRORS, locale);
  return z.object({
    reason: z
      .string()
      .trim()
      .max(WITHDRAW_REASON_MAX_LENGTH, errors.reasonTooLong)
      .optional()
      .transform((value) => value || undefined),
  });
}
export type WithdrawForm = z.output<ReturnType<typeof withdrawFormSchema>>;

/** Digits with the usual separators, an optional leading +, and between 5 and 20 digits in all. */
function isPhoneNumber(value: string): boolean {
  if (!/^\+?[\d\s()./-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 5 && digits <= 20;
}

export function preferencesFormSchema(locale: string) {
  const errors = textFor(ERRORS, locale);
  return z
    .object({
      timeZone: z
        .string({ error: errors.timeZone })
        .trim()
        .min(1, errors.timeZone)
        .refine(isValidTimeZone, errors.timeZone),
      locale: z.enum(SUPPORTED_LOCALES, { error: errors.locale }),
      preferredChannel: z.enum(CONTACT_CHANNELS, { error: errors.channel }),
      phone: z
        .string()
        .trim()
        .max(PHONE_MAX_LENGTH, errors.phoneTooLong)
        .refine((value) => value === "" || isPhoneNumber(value), errors.phoneShape)
        .optional()
        .transform((value) => value || null),
    })
    .superRefine((value, context) => {
      if (value.preferredChannel === "phone" && !value.phone) {
        context.addIssue({ code: "custom", path: ["phone"], message: errors.phoneRequired });
      }
    });
}
export type PreferencesForm = z.output<ReturnType<typeof preferencesFormSchema>>;
/** The preferences form's fields as the browser holds them. */
export type PreferencesValues = { timeZone: string; locale: Locale; preferredChannel: ContactChannel; phone: string };

type CommonTexts = {
  backToStatus: string;
  footer: string;
  /** The named person who answers, or the team when the job names nobody. */
  ourTeam: string;
  fixFields: string;
};

type AskTexts = {
  title: string;
  intro: (contact: string) => string;
  label: string;
  hint: string;
  send: string;
  sending: string;
  /** The subject of the inbound message staff see. */
  subject: string;
  sentTitle: string;
  sentBy: (contact: string, when: string) => string;
  sentSoon: (contact: string) => string;
  askAnother: string;
  tooMany: string;
};

type WithdrawTexts = {
  title: string;
  intro: (job: string) => string;
  consequences: string[];
  reasonLabel: string;
  reasonHint: string;
  confirm: string;
  confirming: string;
  keep: string;
  doneTitle: string;
  doneBody: (job: string) => string;
  doneEmail: string;
  closedTitle: string;
  closedBody: string;
};

type PreferencesTexts = {
  title: string;
  intro: string;
  timeZoneLabel: string;
  timeZoneHint: string;
  languageLabel: string;
  languageHint: string;
  languageNames: Record<Locale, string>;
  channelLegend: string;
  channelEmail: string;
  channelPhone: string;
  phoneLabel: string;
  phoneHint: string;
  save: string;
  saving: string;
  saved: string;
};

export type CandidateActionTexts = {
  common: CommonTexts;
  ask: AskTexts;
  withdraw: WithdrawTexts;
  preferences: PreferencesTexts;
};

const TEXTS: Localized<CandidateActionTexts> = {
  en: {
    common: {
      backToStatus: "Back to your application",
      footer: "This page is only for you. Please do not share its address.",
      ourTeam: "Our hiring team",
      fixFields: "Please check the fields marked below. Nothing has been sent or saved yet.",
    },
    ask: {
      title: "Ask us a question",
      intro: (contact) => `${contact} reads your question and answers you by email.`,
      label: "Your question",
      hint: `Up to ${QUESTION_MAX_LENGTH.toLocaleString("en")} characters.`,
      send: "Send my question",
      sending: "Sending…",
      subject: "Question from the status page",
      sentTitle: "Thank you, we have your question",
      sentBy: (contact, when) => `${contact} will answer you by ${when}.`,
      sentSoon: (contact) => `${contact} will answer you soon.`,
      askAnother: "Ask another question",
      tooMany: `You have sent us ${QUESTIONS_PER_DAY} questions today, which is as many as we take in one day. We will answer them. If something is urgent, please reply to one of our emails.`,
    },
    withdraw: {
      title: "Withdraw your application",
      intro: (job) => `You can withdraw your application for the ${job} role at any time. Before you do, please note:`,
      consequences: [
        "We stop considering your application, and any interviews still planned will not take place.",
        "This cannot be undone here. If you change your mind, you are welcome to apply again.",
        "We send you an email to confirm it.",
      ],
      reasonLabel: "Would you like to tell us why? (optional)",
      reasonHint: `Up to ${WITHDRAW_REASON_MAX_LENGTH} characters. It helps us improve, and it does not change anything for you.`,
      confirm: "Yes, withdraw my application",
      confirming: "Withdrawing…",
      keep: "Keep my application",
      doneTitle: "Your application is withdrawn",
      doneBody: (job) =>
        `Thank you for letting us know, and for the time you gave to your application for the ${job} role. We wish you all the best.`,
      doneEmail: "We have sent you an email to confirm it.",
      closedTitle: "This application is already closed",
      closedBody:
        "There is nothing to withdraw: this application is no longer open. Your status page shows how it ended.",
    },
    preferences: {
      title: "How we contact you",
      intro: "We use these to write to you at a good time and in your language.",
      timeZoneLabel: "Your time zone",
      timeZoneHint: "We show dates in this time zone and try to write to you during your day.",
      languageLabel: "Language",
      languageHint: "For this page and for our emails.",
      languageNames: { en: "English", de: "German (Deutsch)" },
      channelLegend: "How may we contact you besides email?",
      channelEmail: "Email only",
      channelPhone: "Phone calls as well",
      phoneLabel: "Phone number",
      phoneHint: "Needed if we may call you. Include the country code, like +44.",
      save: "Save my preferences",
      saving: "Saving…",
      saved: "Your preferences are saved.",
    },
  },
  de: {
    common: {
      backToStatus: "Zurück zu Ihrer Bewerbung",
      footer: "Diese Seite ist nur für Sie. Bitte geben Sie ihre Adresse nicht weiter.",
      ourTeam: "Unser Recruiting-Team",
      fixFields: "Bitte prüfen Sie die markierten Felder. Es wurde noch nichts gesendet oder gespeichert.",
    },
    ask: {
      title: "Stellen Sie uns eine Frage",
      intro: (contact) => `${contact} liest Ihre Frage und antwortet Ihnen per E-Mail.`,
      label: "Ihre Frage",
      hint: `Bis zu ${QUESTION_MAX_LENGTH.toLocaleString("de")} Zeichen.`,
      send: "Frage senden",
      sending: "Wird gesendet …",
      subject: "Frage über die Statusseite",
      sentTitle: "Danke, wir haben Ihre Frage erhalten",
      sentBy: (contact, when) => `${contact} antwortet Ihnen bis ${when}.`,
      sentSoon: (contact) => `${contact} antwortet Ihnen bald.`,
      askAnother: "Noch eine Frage stellen",
      tooMany: `Sie haben uns heute ${QUESTIONS_PER_DAY} Fragen geschickt, so viele nehmen wir an einem Tag an. Wir beantworten sie. Wenn etwas dringend ist, antworten Sie bitte auf eine unserer E-Mails.`,
    },
    withdraw: {
      title: "Bewerbung zurückziehen",
      intro: (job) =>
        `Sie können Ihre Bewerbung als ${job} jederzeit zurückziehen. Bitte lesen Sie vorher, was das bedeutet:`,
      consequences: [
        "Wir berücksichtigen Ihre Bewerbung nicht mehr, und noch geplante Gespräche finden nicht statt.",
        "Das lässt sich hier nicht rückgängig machen. Wenn Sie es sich anders überlegen, können Sie sich gern neu bewerben.",
        "Wir bestätigen es Ihnen per E-Mail.",
      ],
      reasonLabel: "Möchten Sie uns sagen, warum? (freiwillig)",
      reasonHint: `Bis zu ${WITHDRAW_REASON_MAX_LENGTH} Zeichen. Das hilft uns, besser zu werden, und ändert für Sie nichts.`,
      confirm: "Ja, Bewerbung zurückziehen",
      confirming: "Wird zurückgezogen …",
      keep: "Bewerbung behalten",
      doneTitle: "Ihre Bewerbung ist zurückgezogen",
      doneBody: (job) =>
        `Danke, dass Sie uns Bescheid gegeben haben, und danke für die Zeit, die Sie sich für Ihre Bewerbung als ${job} genommen haben. Wir wünschen Ihnen alles Gute.`,
      doneEmail: "Wir haben Ihnen eine E-Mail zur Bestätigung geschickt.",
      closedTitle: "Diese Bewerbung ist bereits abgeschlossen",
      closedBody:
        "Es gibt nichts zurückzuziehen: Diese Bewerbung ist nicht mehr offen. Auf Ihrer Statusseite sehen Sie, wie sie ausgegangen ist.",
    },
    preferences: {
      title: "Wie wir Sie erreichen",
      intro: "Damit schreiben wir Ihnen zu einer guten Zeit und in Ihrer Sprache.",
      timeZoneLabel: "Ihre Zeitzone",
      timeZoneHint: "Wir zeigen Daten in dieser Zeitzone und schreiben Ihnen möglichst tagsüber.",
      languageLabel: "Sprache",
      languageHint: "Für diese Seite und für unsere E-Mails.",
      languageNames: { en: "Englisch (English)", de: "Deutsch" },
      channelLegend: "Wie dürfen wir Sie außer per E-Mail erreichen?",
      channelEmail: "Nur per E-Mail",
      channelPhone: "Auch telefonisch",
      phoneLabel: "Telefonnummer",
      phoneHint: "Nötig, wenn wir Sie anrufen dürfen. Mit Ländervorwahl, zum Beispiel +49.",
      save: "Einstellungen speichern",
      saving: "Wird gespeichert …",
      saved: "Ihre Einstellungen sind gespeichert.",
    },
  },
};

export function candidateActionTexts(locale: string | null | undefined): CandidateActionTexts {
  return textFor(TEXTS, locale);
}
