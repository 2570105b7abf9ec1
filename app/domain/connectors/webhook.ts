// The generic connector: any ATS (or a team's own script) posts Hearback's own event format, signed per Standard
// Webhooks. Also home to readPayload, the zod reader every vendor mapping uses, so all of them word a bad field alike.
import { z } from "zod";
import { isLocale } from "~/domain/i18n";
import { emailField, idField, isoInstant, optionalText, timeZoneField, trimmedText } from "~/domain/validation";
import { UnreadablePayload, type AtsChange, type AtsEvent, type MappedDelivery } from "./events";

type Issue = { code: string; input?: unknown; expected?: string };

/** Vendor payloads carry no labels of ours, so their fields get plain wording; schemas with their own messages (the
 * generic format's, from validation.ts) keep those. */
function plainMessage(issue: Issue): string | undefined {
  if (issue.input === undefined) return "Required.";
  if (issue.code === "invalid_type") {
    const got = issue.input === null ? "null" : Array.isArray(issue.input) ? "array" : typeof issue.input;
    return `Expected ${issue.expected}, got ${got}.`;
  }
  return undefined;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${String(key)}`)).join("");
}

/** `schema`'s output for `value`, or UnreadablePayload naming the first bad field: "data.candidate.email: Enter …". */
export function readPayload<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: plainMessage });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UnreadablePayload(`${fieldPath(issue.path) || "body"}: ${issue.message}`);
}

/** `value` as a usable email address (trimmed), or undefined. A vendor's record may hold anything in an email field;
 * an address Hearback cannot write to is treated like no address, not as an unreadable payload. */
export function usableEmail(value: string | null | undefined): string | undefined {
  const result = emailField.safeParse(value);
  return result.success ? result.data : undefined;
}

/** A language tag as an ATS sends it ("de-AT", "fr"), reduced to a language Hearback writes in. One it does not write in
 * is dropped rather than refused: the candidate then reads the fallback language, and the event still applies. */
const atsLocale = z
  .string({ error: "Locale must be a language tag, like de or en-GB." })
  .trim()
  .max(35, "Locale must be at most 35 characters.")
  .transform((tag) => tag.split(/[-_]/)[0]!.toLowerCase())
  .transform((language) => (isLocale(language) ? language : undefined))
  .optional();

const candidateSchema = z.object({
  externalId: idField("Candidate id").optional(),
  name: trimmedText("Name", 120),
  email: emailField,
  phone: optionalText("Phone", 40),
  timeZone: timeZoneField.optional(),
  locale: atsLocale,
});

const applicationData = z.object({
  externalId: idField("Application id"),
  candidate: candidateSchema,
  job: z.object({ externalId: idField("Job id"), title: trimmedText("Job title", 200) }),
  stage: z.object({ externalId: idField("Stage id").optional(), name: trimmedText("Stage name", 120) }).optional(),
  occurredAt: isoInstant("occurredAt"),
  appliedAt: isoInstant("appliedAt").optional(),
  source: optionalText("Source", 80),
  reason: optionalText("Reason", 500),
});

// A deleted candidate is named by the id the sender gave them (data.candidate.externalId on earlier events), not by
// an application: deletion erases the person, with every application they have.
const candidateDeletedData = z.object({
  candidate: z.object({ externalId: idField("Candidate id") }),
  occurredAt: isoInstant("occurredAt"),
});

const APPLICATION_TYPES: Record<string, AtsChange> = {
  "application.created": "created",
  "application.stage_changed": "stage_changed",
  "application.rejected": "rejected",
  "application.unrejected": "unrejected",
  "application.hired": "hired",
  "application.withdrawn": "withdrawn",
};
export const GENERIC_WEBHOOK_TYPES = [...Object.keys(APPLICATION_TYPES), "candidate.deleted"];

function eventFor(type: string, data: unknown): AtsEvent {
  const change = APPLICATION_TYPES[type];
  if (!change) {
    const deleted = readPayload(z.object({ data: candidateDeletedData }), { data }).data;
    return {
      change: "candidate_deleted",
      occurredAt: deleted.occurredAt,
      candidateExternalId: deleted.candidate.externalId,
    };
  }
  const { occurredAt, reason, externalId, candidate, job, stage, appliedAt, source } = readPayload(
    z.object({ data: applicationData }),
    { data },
  ).data;
  return { change, occurredAt, reason, application: { externalId, candidate, job, stage, appliedAt, source } };
}

/** One delivery of the generic format. `webhookId` is the Standard Webhooks `webhook-id` header: the same on every
 * retry of a message, so it is the delivery id. A `type` Hearback does not know is ignored, so senders may post more
 * than Hearback reads. */
export function mapGenericWebhook(body: unknown, webhookId: string): MappedDelivery {
  const { type, data } = readPayload(z.object({ type: z.string(), data: z.unknown() }), body);
  if (!GENERIC_WEBHOOK_TYPES.includes(type)) {
    return {
      outcome: "ignored",
      deliveryId: webhookId,
      eventType: type,
      why: `Hearback does not read "${type}" events.`,
    };
  }
  return { outcome: "events", deliveryId: webhookId, eventType: type, events: [eventFor(type, data)] };
}
