// What the forms on the application page do. Each handler checks the permission, validates with the form's schema,
// calls one model function (which enforces scopes and writes in one transaction) and answers with a redirect on
// success (so reloading the page cannot post twice) or a 400/409 with field messages.
import { data, redirect } from "@remix-run/node";
import {
  closeFormSchema,
  messageFormSchema,
  moveFormSchema,
  noteFormSchema,
  rejectFormSchema,
  rejectionReasonText,
} from "~/domain/application-forms";
import { zonedLocalToInstant } from "~/domain/local-time";
import { APPLICATION_INTENT_PERMISSIONS, APPLICATION_INTENTS, can, type ApplicationIntent } from "~/domain/permissions";
import {
  addNote,
  decideApplication,
  getApplication,
  moveApplication,
  recordMessage,
  reopenApplication,
} from "~/models/application.server";
import { cancelMessage, retryMessage } from "~/models/outbox/compose.server";
import { assignInterviewer, removeInterviewer } from "~/models/interviewer.server";
import { rotateStatusLink } from "~/models/status-link.server";
import type { UserSummary } from "~/models/user.server";
import { modelFailure } from "./form-errors.server";
import { parseForm, type FieldErrors } from "~/domain/forms";

export type ApplicationActionData = { intent: ApplicationIntent; errors: FieldErrors; values: Record<string, unknown> };

/** The query flag that tells the page which change just happened (see DONE_MESSAGES on the page). */
function done(applicationId: string, what: string) {
  return redirect(`/applications/${applicationId}?done=${what}`);
}

function invalid(intent: ApplicationIntent, errors: FieldErrors, values: Record<string, unknown>, status = 400) {
  return data<ApplicationActionData>({ intent, errors, values }, { status });
}

export async function handleApplicationAction(applicationId: string, user: UserSummary, formData: FormData) {
  const intent = String(formData.get("intent") ?? "") as ApplicationIntent;
  if (!APPLICATION_INTENTS.includes(intent)) throw new Response("Unknown action.", { status: 400 });
  if (!can(user.role, APPLICATION_INTENT_PERMISSIONS[intent])) {
    throw new Response("You do not have permission to do that.", { status: 403 });
  }
  try {
    switch (intent) {
      case "note": {
        const parsed = parseForm(formData, noteFormSchema);
        if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values);
        await addNote(applicationId, parsed.data.body, user);
        return done(applicationId, "note");
      }
      case "move": {
        const parsed = parseForm(formData, moveFormSchema);
        if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values);
        await moveApplication(applicationId, parsed.data, user);
        return done(applicationId, "moved");
      }
      case "reject": {
        const parsed = parseForm(formData, rejectFormSchema);
        if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values);
        const reason = rejectionReasonText(parsed.data);
        await decideApplication(applicationId, { outcome: "rejected", reason, notify: true }, user);
        return done(applicationId, "rejected");
      }
      case "hire":
      case "withdraw": {
        const parsed = parseForm(formData, closeFormSchema);
        if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values);
        const outcome = intent === "hire" ? "hired" : "withdrawn";
        await decideApplication(applicationId, { outcome, reason: parsed.data.reason, notify: true }, user);
        return done(applicationId, outcome);
      }
      case "message": {
        const parsed = parseForm(formData, messageFormSchema);
        if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values);
        let occurredAt = zonedLocalToInstant(parsed.data.occurredAt, user.timeZone);
        // The form has minute precision: the minute the candidate applied in means "just after they applied".
        const appliedAt = (await getApplication(applicationId, user))?.appliedAt;
        if (appliedAt && occurredAt < appliedAt && appliedAt.getTime() - occurredAt.getTime() < 60_000) {
          occurredAt = appliedAt;
        }
        if (occurredAt.getTime() > Date.now() + 60_000) {
          const values = Object.fromEntries(formData);
          return invalid(intent, { occurredAt: "A recorded message cannot be in the future." }, values);
        }
        await recordMessage(
          applicationId,
          {
            ...parsed.data,
            occurredAt,
            automated: false,
            awaitsCandidate: parsed.data.direction === "outbound" && parsed.data.awaitsCandidate,
          },
          user,
        );
        return done(applicationId, "message");
      }
      case "cancel-message":
      case "retry-message": {
        const messageId = String(formData.get("messageId") ?? "");
        if (intent === "cancel-message") await cancelMessage(messageId, user);
        else await retryMessage(messageId, user);
        return done(applicationId, intent === "cancel-message" ? "message-cancelled" : "message-retried");
      }
      case "reopen": {
        await reopenApplication(applicationId, user);
        return done(applicationId, "reopened");
      }
      case "rotate-status-link": {
        await rotateStatusLink(applicationId, user);
        return done(applicationId, "status-link-rotated");
      }
      case "assign-interviewer":
      case "remove-interviewer": {
        const userId = String(formData.get("userId") ?? "");
        if (!userId) return invalid(intent, { userId: "Choose a team member." }, {});
        if (intent === "assign-interviewer") await assignInterviewer(applicationId, userId, user);
        else await removeInterviewer(applicationId, userId, user);
        return done(applicationId, intent === "assign-interviewer" ? "interviewer-added" : "interviewer-removed");
      }
    }
  } catch (error) {
    const failure = modelFailure(error);
    if (!failure) throw error;
    return invalid(intent, failure.errors, Object.fromEntries(formData), failure.status);
  }
}
