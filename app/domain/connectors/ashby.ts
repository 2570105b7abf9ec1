// Ashby webhooks → AtsEvents. Shapes: Ashby's OpenAPI "Webhook Payloads" (developers.ashbyhq.com/reference/
// applicationsubmitwebhook and siblings; every application webhook carries the whole application) and "Common
// Payload Data" (webhookActionId, action, data). Ashby has no unarchive webhook: moving an archived application back
// into the pipeline is a stage change, so it arrives as stage_changed.
import { z } from "zod";
import { type AtsApplicationEvent, type AtsChange, type MappedDelivery } from "./events";
import { readPayload, usableEmail } from "./webhook";

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const applicationSchema = z.object({
  id,
  createdAt: instant,
  updatedAt: instant,
  status: z.string(),
  candidate: z.object({
    id,
    name: z.string(),
    primaryEmailAddress: z.object({ value: z.string() }).nullish(),
    primaryPhoneNumber: z.object({ value: z.string() }).nullish(),
  }),
  currentInterviewStage: z.object({ id, title: z.string(), type: z.string().nullish() }).nullish(),
  source: z.object({ title: z.string() }).nullish(),
  archiveReason: z.object({ text: z.string(), reasonType: z.string().nullish() }).nullish(),
  archivedAt: instant.nullish(),
  job: z.object({ id, title: z.string() }),
});
type Application = z.output<typeof applicationSchema>;

const APPLICATION_ACTIONS = ["applicationSubmit", "applicationUpdate", "candidateStageChange", "candidateHire"];

/** What one application webhook means, read from the application's state rather than from which webhook it is, so
 * that every webhook one user action fans out into (candidateHire → candidateStageChange and applicationUpdate;
 * candidateStageChange → applicationUpdate, all with the same webhookActionId) means the same change. Whichever
 * arrives first is applied under that id; the others are then replays. `why` says why the webhook is ignored. */
function changeOf(action: string, app: Application): AtsChange | { why: string } {
  if (action === "candidateHire" || app.status === "Hired") return "hired";
  // Ashby's archive reason types are RejectedByCandidate, RejectedByOrg and Other: only the first is a withdrawal.
  if (app.status === "Archived")
    return app.archiveReason?.reasonType === "RejectedByCandidate" ? "withdrawn" : "rejected";
  if (app.status === "Lead") return { why: "A lead, not an applicant." };
  if (action === "applicationSubmit") return "created";
  if (action === "candidateStageChange") return "stage_changed";
  return {
    why: "An update to an active application (a field, a job transfer, or a stage change candidateStageChange reports).",
  };
}

function occurredAt(change: AtsChange, app: Application): Date {
  if (change === "created") return app.createdAt;
  if (change === "rejected" || change === "withdrawn") return app.archivedAt ?? app.updatedAt;
  return app.updatedAt; // the update the webhook reports, the same on every webhook of the fan-out
}

function applicationEvent(change: AtsChange, app: Application): AtsApplicationEvent | string {
  const email = usableEmail(app.candidate.primaryEmailAddress?.value);
  if (!email) return "The candidate has no usable email address, so Hearback cannot write to them.";
  // Ashby parks archived and hired applications in stages of those types: outcomes, not steps of the pipeline. The
  // application stays in the stage it was decided in.
  const current = app.currentInterviewStage;
  const stage = current && !["Archived", "Hired"].includes(current.type ?? "") ? current : undefined;
  return {
    change,
    occurredAt: occurredAt(change, app),
    application: {
      externalId: app.id,
      candidate: {
        externalId: app.candidate.id,
        name: app.candidate.name.trim(),
        email,
        phone: app.candidate.primaryPhoneNumber?.value,
      },
      job: { externalId: app.job.id, title: app.job.title },
      stage: stage ? { externalId: stage.id, name: stage.title } : undefined,
      appliedAt: app.createdAt,
      source: app.source?.title,
    },
    reason: change === "rejected" || change === "withdrawn" ? app.archiveReason?.text : undefined,
    ...(change === "stage_changed" && app.status === "Active" ? { activeInAts: true } : {}),
  };
}

/** One Ashby delivery. The delivery id is the webhookActionId: Ashby keeps it across retries and across the webhooks
 * one action fans out into, and the mapping above makes those mean the same change, so a fan-out into N webhooks
 * applies once and a replay changes nothing. The one exception is an applicationUpdate that changes nothing Hearback
 * tracks: it is ignored under its own key (`<id>:applicationUpdate`), so that, arriving first, it cannot make the
 * candidateStageChange of the same action look like a replay. Ashby documents webhookActionId on every payload;
 * without one, the key is the application and its updatedAt, which the webhooks of one fan-out share. */
export function mapAshby(body: unknown, receivedAt: Date): MappedDelivery {
  const envelope = z.object({ webhookActionId: z.string().min(1).optional(), action: z.string(), data: z.unknown() });
  const { webhookActionId, action, data } = readPayload(envelope, body);
  const eventType = action;
  if (action === "ping")
    return { outcome: "ping", deliveryId: webhookActionId ?? `ping:${receivedAt.toISOString()}`, eventType };
  if (action === "candidateDelete") {
    const { candidate } = readPayload(z.object({ data: z.object({ candidate: z.object({ id }) }) }), { data }).data;
    const event = { change: "candidate_deleted" as const, occurredAt: receivedAt, candidateExternalId: candidate.id };
    return {
      outcome: "events",
      deliveryId: webhookActionId ?? `candidateDelete:${candidate.id}`,
      eventType,
      events: [event],
    };
  }
  if (!APPLICATION_ACTIONS.includes(action)) {
    const deliveryId = webhookActionId ?? `${action}:${receivedAt.toISOString()}`;
    return { outcome: "ignored", deliveryId, eventType, why: `Hearback does not act on "${action}".` };
  }
  const app = readPayload(z.object({ data: z.object({ application: applicationSchema }) }), { data }).data.application;
  const key = webhookActionId ?? `application:${app.id}@${app.updatedAt.toISOString()}`;
  const change = changeOf(action, app);
  if (typeof change === "object") {
    const deliveryId = action === "applicationUpdate" ? `${key}:applicationUpdate` : key;
    return { outcome: "ignored", deliveryId, eventType, why: change.why };
  }
  const event = applicationEvent(change, app);
  if (typeof event === "string") return { outcome: "ignored", deliveryId: key, eventType, why: event };
  return { outcome: "events", deliveryId: key, eventType, events: [event] };
}
