// Greenhouse Recruiting web hooks → AtsEvents. Shapes: https://developers.greenhouse.io/webhooks.html (source:
// github.com/grnhse/greenhouse-api-docs, source/includes/webhooks/). Every candidate event carries the whole
// application, so each maps on its own; Greenhouse sends no "from" stage and no time of the change itself.
import { z } from "zod";
import { type AtsApplicationEvent, type AtsChange, type MappedDelivery } from "./events";
import { readPayload, usableEmail } from "./webhook";

/** The documented header with Greenhouse's unique id for a delivery (reserved: customers cannot override it). */
export const GREENHOUSE_EVENT_ID_HEADER = "Greenhouse-Event-ID";

/** Greenhouse ids are numbers; Hearback keeps every external id as a string. */
const ghId = z.unknown().transform((value, ctx) => {
  if ((typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value !== "")) {
    return String(value);
  }
  ctx.addIssue({ code: "custom", message: value === undefined ? "Required." : "Expected a number or a string id." });
  return z.NEVER;
});
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const named = z.object({ id: ghId, name: z.string() });

const applicationSchema = z.object({
  id: ghId,
  prospect: z.boolean().nullish(),
  applied_at: instant.nullish(),
  rejected_at: instant.nullish(),
  source: z.object({ public_name: z.string().nullish(), name: z.string().nullish() }).nullish(),
  current_stage: named.nullish(),
  rejection_reason: z.object({ name: z.string(), type: z.object({ name: z.string() }).nullish() }).nullish(),
  offer: z.object({ resolved_at: instant.nullish() }).nullish(),
  jobs: z.array(named).default([]),
  candidate: z.object({
    id: ghId,
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email_addresses: z.array(z.object({ value: z.string(), type: z.string().nullish() })).default([]),
    phone_numbers: z.array(z.object({ value: z.string() })).default([]),
  }),
});
type Application = z.output<typeof applicationSchema>;

const CHANGES = new Map<string, AtsChange>([
  ["new_candidate_application", "created"],
  ["candidate_stage_change", "stage_changed"],
  ["reject_candidate", "rejected"],
  ["unreject_candidate", "unrejected"],
  ["hire_candidate", "hired"],
]);

/** The personal address first: an applicant rarely wants news of a new job in their current employer's inbox. */
function emailOf(candidate: Application["candidate"]): string | undefined {
  const usable = candidate.email_addresses.flatMap(({ value, type }) => {
    const email = usableEmail(value);
    return email ? [{ email, type }] : [];
  });
  return (usable.find((address) => address.type === "personal") ?? usable[0])?.email;
}

/** When it happened: the payload's own time where Greenhouse gives one (applied_at, rejected_at, the accepted offer's
 * resolved_at); otherwise the delivery time. last_activity_at is not used: it is the last of any activity (a note, an
 * email), which may predate the change and would start SLA clocks too early. */
function occurredAt(change: AtsChange, app: Application, receivedAt: Date): Date {
  if (change === "created") return app.applied_at ?? receivedAt;
  if (change === "rejected") return app.rejected_at ?? receivedAt;
  if (change === "hired") return app.offer?.resolved_at ?? receivedAt;
  return receivedAt;
}

/** The key for a delivery without Greenhouse-Event-ID: what the payload itself says, so a replay maps to it again. */
function fallbackKey(action: string, app: Application): string {
  return `${action}:${app.id}:${app.current_stage?.id ?? "-"}:${app.rejected_at?.toISOString() ?? "-"}`;
}

function applicationEvent(change: AtsChange, app: Application, receivedAt: Date): AtsApplicationEvent | string {
  const job = app.jobs[0];
  const email = emailOf(app.candidate);
  // A prospect never applied: Hearback has nothing to acknowledge and no decision to tell them.
  if (app.prospect) return "A prospect, not an applicant.";
  if (!job) return "The application has no job.";
  if (!email) return "The candidate has no usable email address, so Hearback cannot write to them.";
  const { candidate, current_stage: stage, rejection_reason: reason } = app;
  return {
    // Greenhouse's fixed rejection reason types include "They rejected us": the candidate withdrew.
    change: change === "rejected" && reason?.type?.name.toLowerCase() === "they rejected us" ? "withdrawn" : change,
    occurredAt: occurredAt(change, app, receivedAt),
    application: {
      externalId: app.id,
      candidate: {
        externalId: candidate.id,
        name: [candidate.first_name, candidate.last_name].filter(Boolean).join(" ").trim(),
        email,
        phone: candidate.phone_numbers[0]?.value,
      },
      job: { externalId: job.id, title: job.name },
      stage: stage ? { externalId: stage.id, name: stage.name } : undefined,
      appliedAt: app.applied_at ?? undefined,
      source: app.source?.public_name ?? app.source?.name ?? undefined,
    },
    // Only the reason's name: rejection_details holds the team's private custom fields, not words for the candidate.
    reason: change === "rejected" ? (reason?.name ?? undefined) : undefined,
  };
}

/** One Greenhouse delivery. The delivery id is the Greenhouse-Event-ID header. Greenhouse documents it on every
 * delivery; should it be missing, the key is built from the payload (action, subject id, stage, rejection time),
 * because Greenhouse payloads carry no event id or send time of their own and a replay must map to the same key. */
export function mapGreenhouse(body: unknown, headers: Headers, receivedAt: Date): MappedDelivery {
  const { action, payload } = readPayload(z.object({ action: z.string(), payload: z.unknown() }), body);
  const eventId = headers.get(GREENHOUSE_EVENT_ID_HEADER) || undefined;
  const eventType = action;
  if (action === "ping") {
    const ping = readPayload(z.object({ payload: z.object({ web_hook_id: ghId.optional() }).nullish() }), { payload });
    return { outcome: "ping", deliveryId: eventId ?? `ping:${ping.payload?.web_hook_id ?? "-"}`, eventType };
  }
  if (action === "delete_candidate") {
    const schema = z.object({ payload: z.object({ person: z.object({ id: ghId }) }) });
    const { person } = readPayload(schema, { payload }).payload;
    const event = { change: "candidate_deleted" as const, occurredAt: receivedAt, candidateExternalId: person.id };
    return { outcome: "events", deliveryId: eventId ?? `${action}:${person.id}`, eventType, events: [event] };
  }
  const change = CHANGES.get(action);
  if (!change) {
    const deliveryId = eventId ?? `${action}:${receivedAt.toISOString()}`;
    return { outcome: "ignored", deliveryId, eventType, why: `Hearback does not act on "${action}".` };
  }
  const schema = z.object({ payload: z.object({ application: applicationSchema }) });
  const app = readPayload(schema, { payload }).payload.application;
  const deliveryId = eventId ?? fallbackKey(action, app);
  const event = applicationEvent(change, app, receivedAt);
  if (typeof event === "string") return { outcome: "ignored", deliveryId, eventType, why: event };
  return { outcome: "events", deliveryId, eventType, events: [event] };
}
