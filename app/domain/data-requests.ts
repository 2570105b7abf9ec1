// Candidates' requests to delete their data, and what erasing a candidate keeps: the words of the candidate's
// request page, the admin forms, and which parts of the event log and audit log are personal (dropped) or the
// anonymous facts the SLA clocks and metrics are computed from (kept). Pure.
import { z } from "zod";
import { textFor, type Localized } from "./i18n";
import type { Permission } from "./permissions";
import { idField, trimmedText } from "./validation";

/** Who may see data requests and erase candidates: the people who manage the team's accounts (admins). */
export const DATA_REQUEST_PERMISSION: Permission = "manage_users";

/** How long we tell candidates a request takes: GDPR Art. 12(3) asks for an answer within one month. */
export const DATA_REQUEST_DAYS = 30;

export const DATA_REQUEST_REASON_MAX = 1_000;

export const ERASED_NAME = "Erased candidate";
/** What stands where a message's or note's text was. */
export const ERASED_TEXT = "(Removed when the candidate's personal data was erased.)";
export const ERASED_SUBJECT = "(erased)";

/** A placeholder address that is unique per candidate (emailKey is unique) and can never receive mail (RFC 6761). */
export function erasedEmailFor(candidateId: string): string {
  return `erased+${candidateId.toLowerCase().replace(/[^a-z0-9]/g, "")}@erased.invalid`;
}

export type DeleteDataTexts = {
  title: string;
  intro: string;
  whatGoes: { heading: string; items: string[] };
  whatStays: { heading: string; items: string[] };
  activeWarning: string;
  timing: string;
  reason: { label: string; hint: string };
  submit: string;
  errors: { reason: string };
  received: { title: string; body: string };
  alreadyOpen: (requestedOn: string) => string;
  back: string;
  footer: string;
};

export const DELETE_DATA_TEXTS: Localized<DeleteDataTexts> = {
  en: {
    title: "Delete my data",
    intro: "You can ask us to delete your personal data from Hearback, the system we use to keep in touch with you.",
    whatGoes: {
      heading: "What we delete",
      items: [
        "Your name, email address and phone number.",
        "The messages between you and us, and our notes about your application.",
        "Your comment in our survey, if you wrote one.",
      ],
    },
    whatStays: {
      heading: "What stays",
      items: [
        "Anonymous figures, such as how fast we answered you and when your application was decided. Nobody can trace them back to you.",
      ],
    },
    activeWarning:
      "Your application is still open. Once your data is deleted, we can no longer consider it or write to you about it.",
    timing: `A person on our team handles each request, within ${DATA_REQUEST_DAYS} days. After that, this page and the link to it stop working.`,
    reason: {
      label: "Why do you want your data deleted? (optional)",
      hint: "You do not have to tell us. If you do, it helps us improve.",
    },
    submit: "Ask us to delete my data",
    errors: {
      reason: `Please keep your reason to ${DATA_REQUEST_REASON_MAX.toLocaleString("en")} characters or fewer.`,
    },
    received: {
      title: "We have your request",
      body: `A person on our team will delete your data within ${DATA_REQUEST_DAYS} days. Until then, this page still works.`,
    },
    alreadyOpen: (requestedOn) =>
      `You asked us to delete your data on ${requestedOn}. Your request is already being handled, so you do not need to ask again.`,
    back: "Back to your application",
    footer: "This page is private to you. Please do not share its address.",
  },
  de: {
    title: "Meine Daten löschen",
    intro:
      "Sie können uns bitten, Ihre persönlichen Daten aus Hearback zu löschen, dem System, mit dem wir mit Ihnen in Kontakt bleiben.",
    whatGoes: {
      heading: "Was wir löschen",
      items: [
        "Ihren Namen, Ihre E-Mail-Adresse und Ihre Telefonnummer.",
        "Die Nachrichten zwischen Ihnen und uns und unsere Notizen zu Ihrer Bewerbung.",
        "Ihren Kommentar in unserer Umfrage, falls Sie einen geschrieben haben.",
      ],
    },
    whatStays: {
      heading: "Was bleibt",
      items: [
        "Anonyme Kennzahlen, zum Beispiel wie schnell wir Ihnen geantwortet haben und wann über Ihre Bewerbung entschieden wurde. Niemand kann sie Ihnen zuordnen.",
      ],
    },
    activeWarning:
      "Ihre Bewerbung läuft noch. Wenn Ihre Daten gelöscht sind, können wir sie nicht weiter berücksichtigen und Ihnen nicht mehr dazu schreiben.",
    timing: `Eine Person aus unserem Team bearbeitet jeden Antrag innerhalb von ${DATA_REQUEST_DAYS} Tagen. Danach funktionieren diese Seite und der Link dorthin nicht mehr.`,
    reason: {
      label: "Warum möchten Sie Ihre Daten löschen lassen? (freiwillig)",
      hint: "Sie müssen es uns nicht sagen. Wenn Sie es tun, hilft es uns, besser zu werden.",
    },
    submit: "Löschung meiner Daten beantragen",
    errors: { reason: `Ihr Grund darf höchstens ${DATA_REQUEST_REASON_MAX.toLocaleString("de")} Zeichen lang sein.` },
    received: {
      title: "Wir haben Ihren Antrag erhalten",
      body: `Eine Person aus unserem Team löscht Ihre Daten innerhalb von ${DATA_REQUEST_DAYS} Tagen. Bis dahin funktioniert diese Seite weiter.`,
    },
    alreadyOpen: (requestedOn) =>
      `Sie haben am ${requestedOn} beantragt, Ihre Daten zu löschen. Ihr Antrag wird bereits bearbeitet, Sie müssen ihn nicht erneut stellen.`,
    back: "Zurück zu Ihrer Bewerbung",
    footer: "Diese Seite ist nur für Sie. Bitte geben Sie ihre Adresse nicht weiter.",
  },
};

/** The candidate's request form, with its message in their language. */
export function deletionRequestSchema(locale: string | null | undefined) {
  const { errors } = textFor(DELETE_DATA_TEXTS, locale);
  return z.object({
    reason: z
      .preprocess(
        (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value),
        z.string({ error: errors.reason }).max(DATA_REQUEST_REASON_MAX, { error: errors.reason }).optional(),
      )
      .transform((value) => (value ? value : undefined)),
  });
}

/** The admin page's two actions on a request: erasing the candidate, or declining with a note. */
export const eraseDataRequestSchema = z.object({ requestId: idField("Request") });
export const declineDataRequestSchema = z.object({
  requestId: idField("Request"),
  note: trimmedText("A note for the record", DATA_REQUEST_REASON_MAX),
});

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The event fields that are facts about the process, not about the person: the SLA engine reads stage ids,
 * automated/awaitsCandidate and outcomes (app/domain/sla/clocks.ts clockEventsFromLog); stage names are the job's. */
const KEPT_EVENT_FIELDS: Record<string, readonly string[]> = {
  applied: [],
  stage_changed: ["fromStageId", "fromStageName", "toStageId", "toStageName"],
  message_out: ["automated", "awaitsCandidate", "messageId"],
  message_in: [],
  note: [],
  interview: ["when", "interviewerIds"],
  decision: ["outcome"],
  withdrawn: [],
  reopened: ["undoes"],
  survey_sent: [],
  survey_answered: ["score"],
  status_viewed: [],
};

/** Event types whose data must keep a `body` (EventData in app/domain/applications.ts): it gets the placeholder. */
const BODY_EVENTS = new Set(["message_out", "message_in", "note"]);

function asObject(value: unknown): JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** An event's data without the person: free text (bodies, subjects, notes, reasons, sources, places) goes. Types
 * this list does not know keep only numbers and yes/no facts. */
export function anonymisedEventData(type: string, data: unknown): JsonObject {
  const source = asObject(data);
  const kept: JsonObject = {};
  const fields = KEPT_EVENT_FIELDS[type];
  for (const [key, value] of Object.entries(source)) {
    if (fields ? fields.includes(key) : typeof value === "number" || typeof value === "boolean") kept[key] = value;
  }
  if (BODY_EVENTS.has(type)) kept.body = ERASED_TEXT;
  return kept;
}

/** Audit data keys whose string values are references or codes, never a person's words or details. */
const SAFE_STRING_KEY =
  /^(id|.*Id|.*Ids|.*At|from|to|direction|matchedBy|templateKind|outcome|role|kind|status|intent|by|via|changed)$/;

function anonymisedAuditValue(key: string, value: Json): Json | undefined {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return SAFE_STRING_KEY.test(key) ? value : undefined;
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const kept = anonymisedAuditValue(key, item);
      return kept === undefined ? [] : [kept];
    });
  }
  return anonymisedAuditData(value);
}

/** Audit data without the person: references (ids), counts, flags and codes stay; every other text goes. */
export function anonymisedAuditData(data: unknown): JsonObject {
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(asObject(data))) {
    const anonymised = anonymisedAuditValue(key, value);
    if (anonymised !== undefined) kept[key] = anonymised;
  }
  return kept;
}
