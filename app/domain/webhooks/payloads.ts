// What each touchpoint sends to webhook endpoints: the webhook event a touchpoint stands for and the part of its data a
// receiver needs. Ids, stage names, outcomes, times and scores only — never names, emails, phone numbers, message
// bodies, notes, reasons or survey comments. The envelope `{"type", "timestamp", "data"}` and the application's own
// ids (applicationId, candidateId, jobId, externalIds) are added where the body is rendered. Pure.
import type { EventData, EventType } from "../applications";
import type { WebhookEventType } from "./events";

export type WebhookPayload = { type: WebhookEventType; data: Record<string, unknown> };

/** Interview actions after which the interview has a fixed time. */
const SCHEDULING_ACTIONS = new Set(["scheduled", "booked", "rescheduled"]);

/** The webhook event a touchpoint of `type` with `data` sends, or null when it sends none. */
export function webhookPayloadOf(type: EventType, data: unknown): WebhookPayload | null {
  switch (type) {
    case "applied":
      return { type: "application.created", data: {} };
    case "stage_changed": {
      const move = data as EventData["stage_changed"];
      return {
        type: "application.stage_changed",
        data: {
          fromStageId: move.fromStageId ?? null,
          fromStageName: move.fromStageName ?? null,
          toStageId: move.toStageId,
          toStageName: move.toStageName,
        },
      };
    }
    case "decision":
      return { type: "application.decided", data: { outcome: (data as EventData["decision"]).outcome } };
    case "withdrawn":
      return { type: "application.decided", data: { outcome: "withdrawn" } };
    case "message_in":
      return { type: "message.received", data: {} };
    case "survey_answered": {
      const score = (data as EventData["survey_answered"]).score;
      return { type: "survey.submitted", data: { score: typeof score === "number" ? score : null } };
    }
    case "interview": {
      const interview = data as EventData["interview"];
      if (!interview.action || !SCHEDULING_ACTIONS.has(interview.action) || !interview.interviewId) return null;
      return {
        type: "interview.scheduled",
        data: {
          interviewId: interview.interviewId,
          action: interview.action,
          kind: interview.kind ?? null,
          startsAt: interview.when ?? null,
          endsAt: interview.endsAt ?? null,
        },
      };
    }
    default:
      return null;
  }
}

/** The body of the test event an admin sends from the settings page or the API. */
export function testEventBody(endpointId: string, at: Date): string {
  return JSON.stringify({
    type: "webhook.test",
    timestamp: at.toISOString(),
    data: { endpointId, message: "A test event from Hearback. Nothing happened." },
  });
}
