// Every word on the public careers pages (/careers and /careers/<slug>) and in the email that sends a status link
// again, in English and German (formal "Sie", as in emails/de). Phrases that take values are functions.
import type { Localized } from "../i18n";

export type CareersTexts = {
  listTitle: (company: string) => string;
  listHeading: (company: string) => string;
  listIntro: string;
  howWeHireHeading: string;
  openingsHeading: string;
  noOpenings: string;
  languageNav: string;
  allJobs: string;
  jobTitle: (job: string, company: string) => string;
  aboutHeading: string;
  applyHeading: string;
  applyIntro: string;
  required: string;
  fields: {
    name: string;
    email: string;
    emailHint: string;
    phone: string;
    link: string;
    linkHint: string;
    cv: string;
    cvHint: string;
    message: string;
    messageHint: string;
    locale: string;
    localeHint: string;
    timeZone: string;
    timeZoneHint: string;
    trap: string;
  };
  send: string;
  sending: string;
  privacy: string;
  errors: {
    nameRequired: string;
    nameTooLong: string;
    email: string;
    phoneShape: string;
    link: string;
    linkTooLong: string;
    messageTooLong: string;
    locale: string;
    timeZone: string;
    cvRequired: string;
    cvType: string;
    cvTooLarge: string;
    cvEmpty: string;
    chooseFileAgain: string;
    fixFields: string;
    tooFast: string;
    expired: string;
    refused: string;
    tooMany: string;
    tooLarge: string;
    closed: string;
  };
  thanksHeading: string;
  thanksBody: (job: string) => string;
  againHeading: string;
  againBody: (job: string) => string;
  checkSpam: string;
  promiseHeading: string;
  footer: (company: string) => string;
  /** The email with the status link, sent again when someone applies twice (a one-off text, linted like others). */
  statusLinkEmail: { subject: string; body: string };
  notFoundHeading: string;
  notFoundBody: string;
};

const en: CareersTexts = {
  listTitle: (company) => `Jobs at ${company}`,
  listHeading: (company) => `Work with us at ${company}`,
  listIntro: "Every person who applies hears back from us, whatever the news.",
  howWeHireHeading: "How we hire",
  openingsHeading: "Open positions",
  noOpenings: "There are no open positions right now. Please look again soon.",
  languageNav: "Language",
  allJobs: "All open positions",
  jobTitle: (job, company) => `${job} · ${company}`,
  aboutHeading: "About the role",
  applyHeading: "Apply for this job",
  applyIntro: "It takes about five minutes. Fields marked “optional” can stay empty.",
  required: "required",
  fields: {
    name: "Your name",
    email: "Email",
    emailHint: "We send a confirmation and a link to your private status page to this address.",
    phone: "Phone (optional)",
    link: "LinkedIn profile or portfolio (optional)",
    linkHint: "A web address starting with https://",
    cv: "Your CV",
    cvHint: "PDF, Word (DOCX) or OpenDocument (ODT), at most 10 MB.",
    message: "A message to us (optional)",
    messageHint: "Why this role, or anything you would like us to know.",
    locale: "Language for our emails",
    localeHint: "We write to you in this language.",
    timeZone: "Your time zone",
    timeZoneHint: "So that we write and suggest times during your day.",
    trap: "Leave this field empty",
  },
  send: "Send application",
  sending: "Sending…",
  privacy:
    "We use your details only to consider you for this role. From the link we email you, you can follow your application, withdraw it or ask us to delete your data at any time.",
  errors: {
    nameRequired: "Enter your name.",
    nameTooLong: "Your name can have at most 120 characters.",
    email: "Enter your email address, like name@example.com.",
    phoneShape: "Enter a phone number with digits only, like +44 20 7946 0958.",
    link: "Enter a web address that starts with http:// or https://, like https://www.linkedin.com/in/your-name.",
    linkTooLong: "The web address can have at most 500 characters.",
    messageTooLong: "Your message is too long. Please keep it under 5,000 characters.",
    locale: "Choose English or German.",
    timeZone: "Choose your time zone from the list.",
    cvRequired: "Choose your CV: a PDF, DOCX or ODT file.",
    cvType: "This file is not a PDF, DOCX or ODT document. Please choose your CV in one of these formats.",
    cvTooLarge: "This file is larger than 10 MB. Please choose a smaller file, for example a PDF export.",
    cvEmpty: "This file is empty. Please choose your CV again.",
    chooseFileAgain:
      "Everything you typed is still here; only the file needs choosing again, as browsers do not keep it.",
    fixFields: "Please correct the fields marked below. Your application has not been sent yet.",
    tooFast:
      "That was very quick. Please check your details, choose your CV again and send the form once more. (This helps us keep out automated spam.)",
    expired:
      "This form was open for a long time. Please check your details, choose your CV again and send it once more.",
    refused: "We could not accept this form. Please reload the page and try again.",
    tooMany:
      "Many applications came from your connection in the last minute. Please wait a minute, then send the form again.",
    tooLarge: "The form was larger than we accept. Please choose a CV of at most 10 MB.",
    closed: "This job is no longer open for applications.",
  },
  thanksHeading: "Thank you for applying",
  thanksBody: (job) =>
    `We have your application for ${job}. We have sent you an email with a link to your private status page, where you can see where things stand at any time.`,
  againHeading: "You have already applied",
  againBody: (job) =>
    `You already have an application for ${job} with this email address, so we did not create a second one. We have emailed you the link to your status page again.`,
  checkSpam: "No email after a few minutes? Please look in your spam folder.",
  promiseHeading: "When you will hear from us",
  footer: (company) => `${company} · Every candidate hears back.`,
  statusLinkEmail: {
    subject: "Your status page for {{job.title}}",
    body: `Hi {{candidate.firstName}},

you already have an application for the {{job.title}} role at {{company.name}}, so we did not add a second one.

You can see where things stand at any time on your status page: {{statusUrl}}

If you have a question, reply to this email. It comes to me.

{{recruiter.name}}
{{company.name}}`,
  },
  notFoundHeading: "This job is not open",
  notFoundBody: "It may have been filled or closed. Have a look at our other open positions.",
};

const de: CareersTexts = {
  listTitle: (company) => `Jobs bei ${company}`,
  listHeading: (company) => `Arbeiten Sie mit uns bei ${company}`,
  listIntro: "Jede Person, die sich bewirbt, hört von uns, ganz gleich, wie es steht.",
  howWeHireHeading: "So stellen wir ein",
  openingsHeading: "Offene Stellen",
  noOpenings: "Im Moment gibt es keine offenen Stellen. Schauen Sie bald wieder vorbei.",
  languageNav: "Sprache",
  allJobs: "Alle offenen Stellen",
  jobTitle: (job, company) => `${job} · ${company}`,
  aboutHeading: "Über die Stelle",
  applyHeading: "Auf diese Stelle bewerben",
  applyIntro: "Das dauert etwa fünf Minuten. Felder mit „optional“ dürfen leer bleiben.",
  required: "Pflichtfeld",
  fields: {
    name: "Ihr Name",
    email: "E-Mail",
    emailHint: "An diese Adresse senden wir eine Bestätigung und einen Link zu Ihrer persönlichen Statusseite.",
    phone: "Telefon (optional)",
    link: "LinkedIn-Profil oder Portfolio (optional)",
    linkHint: "Eine Webadresse, die mit https:// beginnt",
    cv: "Ihr Lebenslauf",
    cvHint: "PDF, Word (DOCX) oder OpenDocument (ODT), höchstens 10 MB.",
    message: "Eine Nachricht an uns (optional)",
    messageHint: "Warum diese Stelle, oder was wir sonst wissen sollten.",
    locale: "Sprache unserer E-Mails",
    localeHint: "In dieser Sprache schreiben wir Ihnen.",
    timeZone: "Ihre Zeitzone",
    timeZoneHint: "Damit wir Ihnen zu Ihrer Tageszeit schreiben und Termine vorschlagen.",
    trap: "Dieses Feld bitte leer lassen",
  },
  send: "Bewerbung senden",
  sending: "Wird gesendet …",
  privacy:
    "Wir nutzen Ihre Angaben nur, um Ihre Bewerbung auf diese Stelle zu prüfen. Über den Link in unserer E-Mail können Sie Ihre Bewerbung jederzeit verfolgen, zurückziehen oder die Löschung Ihrer Daten verlangen.",
  errors: {
    nameRequired: "Geben Sie Ihren Namen an.",
    nameTooLong: "Ihr Name darf höchstens 120 Zeichen haben.",
    email: "Geben Sie Ihre E-Mail-Adresse an, zum Beispiel name@example.com.",
    phoneShape: "Geben Sie eine Telefonnummer nur mit Ziffern an, zum Beispiel +49 30 1234567.",
    link: "Geben Sie eine Webadresse an, die mit http:// oder https:// beginnt, zum Beispiel https://www.linkedin.com/in/ihr-name.",
    linkTooLong: "Die Webadresse darf höchstens 500 Zeichen haben.",
    messageTooLong: "Ihre Nachricht ist zu lang. Bitte bleiben Sie unter 5.000 Zeichen.",
    locale: "Wählen Sie Englisch oder Deutsch.",
    timeZone: "Wählen Sie Ihre Zeitzone aus der Liste.",
    cvRequired: "Wählen Sie Ihren Lebenslauf: eine PDF-, DOCX- oder ODT-Datei.",
    cvType:
      "Diese Datei ist kein PDF-, DOCX- oder ODT-Dokument. Bitte wählen Sie Ihren Lebenslauf in einem dieser Formate.",
    cvTooLarge:
      "Diese Datei ist größer als 10 MB. Bitte wählen Sie eine kleinere Datei, zum Beispiel einen PDF-Export.",
    cvEmpty: "Diese Datei ist leer. Bitte wählen Sie Ihren Lebenslauf noch einmal.",
    chooseFileAgain:
      "Alles, was Sie eingegeben haben, steht noch da; nur die Datei müssen Sie noch einmal wählen, da Browser sie nicht behalten.",
    fixFields: "Bitte korrigieren Sie die markierten Felder. Ihre Bewerbung ist noch nicht gesendet.",
    tooFast:
      "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben, wählen Sie Ihren Lebenslauf noch einmal und senden Sie das Formular erneut. (So halten wir automatischen Spam fern.)",
    expired:
      "Dieses Formular war lange geöffnet. Bitte prüfen Sie Ihre Angaben, wählen Sie Ihren Lebenslauf noch einmal und senden Sie es erneut.",
    refused:
      "Wir konnten dieses Formular nicht annehmen. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
    tooMany:
      "Von Ihrer Verbindung kamen in der letzten Minute viele Bewerbungen. Bitte warten Sie eine Minute und senden Sie das Formular dann erneut.",
    tooLarge: "Das Formular war größer, als wir annehmen. Bitte wählen Sie einen Lebenslauf mit höchstens 10 MB.",
    closed: "Auf diese Stelle kann man sich nicht mehr bewerben.",
  },
  thanksHeading: "Vielen Dank für Ihre Bewerbung",
  thanksBody: (job) =>
    `Ihre Bewerbung als ${job} ist bei uns. Wir haben Ihnen eine E-Mail mit einem Link zu Ihrer persönlichen Statusseite geschickt. Dort sehen Sie jederzeit, wo Ihre Bewerbung steht.`,
  againHeading: "Sie haben sich bereits beworben",
  againBody: (job) =>
    `Zu dieser E-Mail-Adresse gibt es schon eine Bewerbung als ${job}, deshalb haben wir keine zweite angelegt. Wir haben Ihnen den Link zu Ihrer Statusseite noch einmal geschickt.`,
  checkSpam: "Nach ein paar Minuten noch keine E-Mail? Bitte schauen Sie in Ihren Spam-Ordner.",
  promiseHeading: "Wann Sie von uns hören",
  footer: (company) => `${company} · Jede Bewerbung bekommt eine Antwort.`,
  statusLinkEmail: {
    subject: "Ihre Statusseite zur Bewerbung als {{job.title}}",
    body: `Hallo {{candidate.firstName}},

Sie haben sich bereits als {{job.title}} bei {{company.name}} beworben, deshalb haben wir keine zweite Bewerbung angelegt.

Wo Ihre Bewerbung gerade steht, sehen Sie jederzeit auf Ihrer Statusseite: {{statusUrl}}

Wenn Sie eine Frage haben, antworten Sie auf diese E-Mail. Sie kommt bei mir an.

{{recruiter.name}}
{{company.name}}`,
  },
  notFoundHeading: "Diese Stelle ist nicht offen",
  notFoundBody:
    "Vielleicht ist sie schon besetzt oder geschlossen. Schauen Sie sich unsere anderen offenen Stellen an.",
};

export const CAREERS_TEXTS: Localized<CareersTexts> = { en, de };
