// The words of the candidate's interviews, in English and German (formal "Sie"): the status page's card and call to
// choose a time, the booking page with its errors and results, and the calendar file. Phrases that take values are
// functions.
import type { Localized } from "../i18n";

export type BookingProblem = "gone" | "taken" | "past" | "closed";

export type InterviewTexts = {
  card: {
    headingOne: string;
    headingMany: string;
    withPeople: (what: string, people: string) => string;
    where: string;
    video: string;
    duration: string;
    addToCalendar: string;
  };
  offer: {
    heading: string;
    lead: (what: string, count: number) => string;
    choose: string;
  };
  booking: {
    title: string;
    intro: (what: string) => string;
    otherZone: string;
    otherZoneLink: string;
    legend: string;
    plannerTime: (time: string, place: string) => string;
    book: string;
    booking: string;
    noneHeading: string;
    noneIntro: string;
    noneLabel: string;
    noneHint: string;
    noneSend: string;
    noneSending: string;
    errorSummary: string;
    chooseTime: string;
    noteRequired: string;
    noteTooLong: string;
    problems: Record<BookingProblem, string>;
    noOfferTitle: string;
    noOfferBody: string;
    askLink: string;
    bookedTitle: string;
    bookedBody: string;
    bookedEmail: string;
    declinedTitle: string;
    declinedBody: (contact: string) => string;
  };
  calendar: {
    summary: (what: string, company: string) => string;
    description: (job: string, company: string, statusUrl: string) => string;
  };
};

const en: InterviewTexts = {
  card: {
    headingOne: "Your interview",
    headingMany: "Your interviews",
    withPeople: (what, people) => `${what} with ${people}`,
    where: "Where",
    video: "Video call",
    duration: "How long",
    addToCalendar: "Add to calendar",
  },
  offer: {
    heading: "Choose a time for your interview",
    lead: (what, count) =>
      count === 1
        ? `We would like to meet you: ${what}. There is one time to choose from.`
        : `We would like to meet you: ${what}. There are ${count} times to choose from.`,
    choose: "Choose a time",
  },
  booking: {
    title: "Choose a time for your interview",
    intro: (what) => `${what}. Choose the time that suits you best.`,
    otherZone: "Not your time zone?",
    otherZoneLink: "Change it in your preferences",
    legend: "Times you can choose",
    plannerTime: (time, place) => `${time} in ${place}`,
    book: "Book this time",
    booking: "Booking…",
    noneHeading: "None of these times work?",
    noneIntro: "Tell us which days and times would suit you, and we will write to you with new times.",
    noneLabel: "Which days and times would suit you?",
    noneHint: "For example: weekday mornings, or any time after 4 pm on Thursdays.",
    noneSend: "Send",
    noneSending: "Sending…",
    errorSummary: "There is a problem",
    chooseTime: "Choose one of the times.",
    noteRequired: "Tell us which days and times would suit you.",
    noteTooLong: "Please keep your note under 2,000 characters.",
    problems: {
      gone: "These times are no longer open: the invitation was changed or already answered. Your application page shows what is planned now.",
      taken: "Sorry, that time has just been taken. Please choose another one.",
      past: "Sorry, that time has already passed. Please choose another one.",
      closed: "Your application is closed, so there is no interview to book.",
    },
    noOfferTitle: "There are no times to choose from right now",
    noOfferBody:
      "Either you have already chosen a time, or the times have changed. We will write to you when there is something to choose.",
    askLink: "Ask us a question",
    bookedTitle: "Your interview is booked",
    bookedBody: "Thank you. We look forward to meeting you.",
    bookedEmail: "We are also sending you an email with the details and a calendar invitation.",
    declinedTitle: "Thank you for letting us know",
    declinedBody: (contact) =>
      `${contact} has your note and will write to you with new times. You do not need to do anything else.`,
  },
  calendar: {
    summary: (what, company) => `${what} · ${company}`,
    description: (job, company, statusUrl) =>
      `Your interview for ${job} at ${company}.\n\nYour application page: ${statusUrl}`,
  },
};

const de: InterviewTexts = {
  card: {
    headingOne: "Ihr Gespräch",
    headingMany: "Ihre Gespräche",
    withPeople: (what, people) => `${what} mit ${people}`,
    where: "Wo",
    video: "Videoanruf",
    duration: "Dauer",
    addToCalendar: "Zum Kalender hinzufügen",
  },
  offer: {
    heading: "Wählen Sie einen Termin für Ihr Gespräch",
    lead: (what, count) =>
      count === 1
        ? `Wir möchten Sie gern kennenlernen: ${what}. Es gibt einen Termin zur Auswahl.`
        : `Wir möchten Sie gern kennenlernen: ${what}. Es gibt ${count} Termine zur Auswahl.`,
    choose: "Termin wählen",
  },
  booking: {
    title: "Wählen Sie einen Termin für Ihr Gespräch",
    intro: (what) => `${what}. Wählen Sie den Termin, der Ihnen am besten passt.`,
    otherZone: "Nicht Ihre Zeitzone?",
    otherZoneLink: "Ändern Sie sie in Ihren Einstellungen",
    legend: "Termine zur Auswahl",
    plannerTime: (time, place) => `${time} in ${place}`,
    book: "Diesen Termin buchen",
    booking: "Wird gebucht…",
    noneHeading: "Passt keiner dieser Termine?",
    noneIntro: "Sagen Sie uns, welche Tage und Zeiten Ihnen passen, und wir schreiben Ihnen mit neuen Terminen.",
    noneLabel: "Welche Tage und Zeiten passen Ihnen?",
    noneHint: "Zum Beispiel: werktags vormittags, oder donnerstags ab 16 Uhr.",
    noneSend: "Senden",
    noneSending: "Wird gesendet…",
    errorSummary: "Bitte prüfen Sie Ihre Angaben",
    chooseTime: "Wählen Sie einen der Termine.",
    noteRequired: "Sagen Sie uns, welche Tage und Zeiten Ihnen passen.",
    noteTooLong: "Bitte fassen Sie sich in weniger als 2.000 Zeichen.",
    problems: {
      gone: "Diese Termine sind nicht mehr offen: Die Einladung wurde geändert oder schon beantwortet. Auf Ihrer Bewerbungsseite sehen Sie, was jetzt geplant ist.",
      taken: "Dieser Termin ist leider gerade vergeben worden. Bitte wählen Sie einen anderen.",
      past: "Dieser Termin ist leider schon vorbei. Bitte wählen Sie einen anderen.",
      closed: "Ihre Bewerbung ist abgeschlossen, deshalb gibt es kein Gespräch zu buchen.",
    },
    noOfferTitle: "Im Moment gibt es keine Termine zur Auswahl",
    noOfferBody:
      "Entweder haben Sie schon einen Termin gewählt, oder die Termine haben sich geändert. Wir schreiben Ihnen, sobald es etwas zu wählen gibt.",
    askLink: "Eine Frage stellen",
    bookedTitle: "Ihr Gespräch ist gebucht",
    bookedBody: "Vielen Dank. Wir freuen uns auf das Gespräch mit Ihnen.",
    bookedEmail: "Wir schicken Ihnen außerdem eine E-Mail mit den Einzelheiten und einer Kalendereinladung.",
    declinedTitle: "Danke für Ihre Nachricht",
    declinedBody: (contact) =>
      `${contact} hat Ihre Nachricht und schreibt Ihnen mit neuen Terminen. Sie müssen nichts weiter tun.`,
  },
  calendar: {
    summary: (what, company) => `${what} · ${company}`,
    description: (job, company, statusUrl) =>
      `Ihr Gespräch für die Stelle ${job} bei ${company}.\n\nIhre Bewerbungsseite: ${statusUrl}`,
  },
};

export const INTERVIEW_TEXTS: Localized<InterviewTexts> = { en, de };
