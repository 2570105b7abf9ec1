// The events Hearback sends to webhook endpoints (docs/webhooks.md): their names, what each means in one line for the
// settings page and the docs, and the test event an admin sends by hand. Pure.
export const WEBHOOK_EVENT_TYPES = [
  "application.created",
  "application.stage_changed",
  "application.decided",
  "candidate.told",
  "sla.warning",
  "sla.breached",
  "message.received",
  "survey.submitted",
  "interview.scheduled",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "Send test event": never subscribed to, delivered to the one endpoint it was sent to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "application.created": "Someone applied or was added to a job (by hand, the careers page, an import or an ATS).",
  "application.stage_changed": "An application moved to another stage of its job’s pipeline.",
  "application.decided": "An application was closed: the candidate was rejected, hired or withdrew.",
  "candidate.told": "The candidate was told the outcome: the email saying so actually left.",
  "sla.warning": "A promise to a candidate is due soon (inside its warning window).",
  "sla.breached": "A promise to a candidate is overdue.",
  "message.received": "A candidate’s email reply was filed on their application.",
  "survey.submitted": "A candidate answered the experience survey.",
  "interview.scheduled": "An interview got a time: scheduled by staff, booked by the candidate, or moved.",
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
