// Lever webhooks → AtsEvents. A Lever webhook carries ids only ({triggeredAt, event, signature, token, data}); what
// the opportunity is now comes from Lever's API (https://hire.lever.co/developer/documentation, paths relative to
// https://api.lever.co/v1): the opportunity with its applications and stage expanded, then the application's
// posting (its title) and, for an archive, the archive reason (its text, and whether it is the hire).
import { z } from "zod";
import { type AtsApplicationEvent, type AtsChange, type MappedDelivery } from "./events";
import { readPayload, usableEmail } from "./webhook";

const id = z.string().min(1);
const archived = z.object({ archivedAt: z.number(), reason: id });
const envelope = z.object({ event: z.string(), triggeredAt: z.number(), token: z.string(), signature: z.string() });
const dataSchema = z.object({
  opportunityId: id,
  candidateId: id.optional(),
  contactId: id.optional(),
  applicationId: id.optional(),
  fromStageId: id.nullish(),
  toStageId: id.nullish(),
  fromArchived: archived.nullish(),
  toArchived: archived.nullish(),
});
export type LeverWebhook = z.output<typeof envelope> & { data: Partial<z.output<typeof dataSchema>> };

/** The events Hearback reads, and what each means. */
const CHANGES = new Map<string, AtsChange>([
  ["applicationCreated", "created"],
  ["candidateStageChange", "stage_changed"],
  ["candidateArchiveChange", "rejected"],
  ["candidateHired", "hired"],
]);

/** A Lever webhook body, typed. The data of events Hearback reads is checked (they all name an opportunity); other
 * events' data is not read at all. */
export function readLeverWebhook(body: unknown): LeverWebhook {
  const webhook = readPayload(envelope.extend({ data: z.record(z.string(), z.unknown()) }), body);
  const read = CHANGES.has(webhook.event) || webhook.event === "candidateDeleted";
  return { ...webhook, data: read ? readPayload(z.object({ data: dataSchema }), webhook).data : {} };
}

/** Whether mapLever needs the opportunity: not for a deletion (Lever no longer has it) nor for events it ignores. */
export function leverNeedsOpportunity(webhook: LeverWebhook): boolean {
  return CHANGES.has(webhook.event);
}

/** GET this for the opportunity, with what mapLever reads expanded (Lever repeats `expand` per field). */
export function leverOpportunityPath(opportunityId: string): string {
  return `/opportunities/${encodeURIComponent(opportunityId)}?expand=applications&expand=stage`;
}

/** GET this for a posting: its title is the job's. The expanded application names its posting by id only. */
export function leverPostingPath(postingId: string): string {
  return `/postings/${encodeURIComponent(postingId)}`;
}

/** GET this for an archive reason: its text, and its type ("hired" or "non-hired"). */
export function leverArchiveReasonPath(reasonId: string): string {
  return `/archive_reasons/${encodeURIComponent(reasonId)}`;
}

const opportunitySchema = z.object({
  id,
  name: z.string(),
  contact: id,
  emails: z.array(z.string()).default([]),
  phones: z.array(z.object({ value: z.string() })).default([]),
  sources: z.array(z.string()).default([]),
  stage: z.object({ id, text: z.string() }),
  applications: z.array(z.object({ id, posting: id.nullish(), createdAt: z.number().nullish() })).default([]),
});
const postingSchema = z.object({ id, text: z.string() });
const reasonSchema = z.object({ id, text: z.string(), type: z.string().nullish() });

/** Accepts Lever's response or its `data`. */
function unwrap(response: unknown): unknown {
  const isWrapped = typeof response === "object" && response !== null && "data" in response && !("id" in response);
  return isWrapped ? (response as { data: unknown }).data : response;
}

/** The further GETs mapLever needs once the opportunity is known: the application's posting, and for an archive the
 * archive reason. */
export function leverFollowUpPaths(
  webhook: LeverWebhook,
  opportunity: unknown,
): { posting?: string; archiveReason?: string } {
  const { applications } = readPayload(z.object({ opportunity: opportunitySchema }), {
    opportunity: unwrap(opportunity),
  }).opportunity;
  const postingId = applications[0]?.posting;
  const reasonId = webhook.event === "candidateArchiveChange" ? webhook.data.toArchived?.reason : undefined;
  return {
    posting: postingId ? leverPostingPath(postingId) : undefined,
    archiveReason: reasonId ? leverArchiveReasonPath(reasonId) : undefined,
  };
}

type Meaning = { change: AtsChange; reason?: string } | { why: string };

/** The change a handled event means, or why it is ignored. An archive is a rejection unless its reason is the hire
 * (every Lever account has the "Hired" reason, type "hired"), which candidateHired reports; an unarchive reopens.
 * Lever has no structured "the candidate withdrew": its "Withdrew" reason arrives as a rejection with that text. */
function meaningOf(webhook: LeverWebhook, stageId: string, reason?: z.output<typeof reasonSchema>): Meaning {
  const change = CHANGES.get(webhook.event)!;
  if (change === "stage_changed" && webhook.data.toStageId !== stageId) {
    return { why: "The opportunity has moved on since: the webhook for its current stage reports that." };
  }
  if (change !== "rejected") return { change };
  const toArchived = webhook.data.toArchived;
  if (!toArchived) return { change: "unrejected" };
  if (!reason) throw new Error(`mapLever needs the archive reason: GET ${leverArchiveReasonPath(toArchived.reason)}.`);
  if (reason.type === "hired") return { why: "Archived as hired: candidateHired reports the hire." };
  return { change, reason: reason.text };
}

/** A Lever delivery's key: the fields Lever's signature covers, the same when Lever retries the body. */
export function leverDeliveryId(webhook: LeverWebhook): string {
  return `${webhook.event}:${webhook.token}:${webhook.triggeredAt}`;
}

/** One Lever delivery, from the webhook and what Lever's API says now (each the response or its `data`). The delivery
 * id is `<event>:<token>:<triggeredAt>`: the fields Lever's signature covers, the same when Lever retries the body. */
export function mapLever(
  webhook: LeverWebhook,
  opportunity: unknown,
  posting?: unknown,
  archiveReason?: unknown,
): MappedDelivery {
  const base = { deliveryId: leverDeliveryId(webhook), eventType: webhook.event };
  const occurredAt = new Date(webhook.triggeredAt);
  if (webhook.event === "candidateDeleted") {
    // Hearback knows a Lever candidate by their contact, the person across all their opportunities.
    const contactId = webhook.data.contactId;
    if (!contactId) return { outcome: "ignored", ...base, why: "The deletion names no contact." };
    return {
      outcome: "events",
      ...base,
      events: [{ change: "candidate_deleted", occurredAt, candidateExternalId: contactId }],
    };
  }
  if (!CHANGES.has(webhook.event))
    return { outcome: "ignored", ...base, why: `Hearback does not act on "${webhook.event}".` };
  if (opportunity === null || opportunity === undefined)
    throw new Error(`mapLever needs the opportunity for ${webhook.event}.`);
  const opp = readPayload(z.object({ opportunity: opportunitySchema }), {
    opportunity: unwrap(opportunity),
  }).opportunity;
  const application = opp.applications[0];
  const email = opp.emails.map(usableEmail).find(Boolean); // the first address Hearback can write to
  if (!application?.posting)
    return { outcome: "ignored", ...base, why: "The opportunity is not applied to a posting." };
  if (!email)
    return {
      outcome: "ignored",
      ...base,
      why: "The candidate has no usable email address, so Hearback cannot write to them.",
    };
  if (posting === undefined)
    throw new Error(`mapLever needs the posting: GET ${leverPostingPath(application.posting)}.`);
  const job = readPayload(z.object({ posting: postingSchema }), { posting: unwrap(posting) }).posting;
  const reason =
    archiveReason === undefined
      ? undefined
      : readPayload(z.object({ archiveReason: reasonSchema }), { archiveReason: unwrap(archiveReason) }).archiveReason;
  const meaning = meaningOf(webhook, opp.stage.id, reason);
  if ("why" in meaning) return { outcome: "ignored", ...base, why: meaning.why };
  const event: AtsApplicationEvent = {
    change: meaning.change,
    occurredAt,
    application: {
      externalId: opp.id, // one opportunity is one candidacy, with at most one application
      candidate: { externalId: opp.contact, name: opp.name.trim(), email, phone: opp.phones[0]?.value },
      job: { externalId: job.id, title: job.text },
      stage: { externalId: opp.stage.id, name: opp.stage.text },
      appliedAt: application.createdAt ? new Date(application.createdAt) : undefined,
      source: opp.sources[0],
    },
    reason: meaning.reason,
  };
  return { outcome: "events", ...base, events: [event] };
}
