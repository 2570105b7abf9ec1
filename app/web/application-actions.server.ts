// What the forms on the application page do. Each intent names its permission and schema (dispatchIntent checks and
// validates), calls one model function (which enforces scopes and writes in one transaction) and answers with a redirect on
// success (so reloading the page cannot post twice) or a 400/409 with field messages.
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import {
  closeFormSchema,
  messageFormSchema,
  moveFormSchema,
  noteFormSchema,
  rejectFormSchema,
  rejectionReasonText,
} from "~/domain/application-forms";
import { zonedLocalToInstant } from "~/domain/local-time";
import { APPLICATION_INTENT_PERMISSIONS, type ApplicationIntent } from "~/domain/permissions";
import { addNote, getApplication, moveApplication, recordMessage } from "~/models/application.server";
import { decideApplication, reopenApplication } from "~/models/decisions.server";
import { cancelMessage, retryMessage } from "~/models/outbox/compose.server";
import { assignInterviewer, removeInterviewer } from "~/models/interviewer.server";
import { previewRejection, rejectWithTemplate, type RejectionPreview } from "~/models/single-rejection.server";
import { rotateStatusLink } from "~/models/status-link.server";
import type { UserSummary } from "~/models/user.server";
import { modelFailure } from "./form-errors.server";
import { defineIntent, dispatchIntent } from "./intents.server";
import { interviewIntents } from "./interview-actions.server";
import type { FieldErrors } from "~/domain/forms";

export type ApplicationActionData = {
  intent: ApplicationIntent;
  errors: FieldErrors;
  values: Record<string, unknown>;
  /** The rejection email as the candidate would get it (the "Preview" of the reject form). */
  preview?: RejectionPreview;
};

const templateChoice = z.object({
  templateId: z.string({ error: "Choose the rejection email." }).trim().min(1, "Choose the rejection email."),
});
/** The reject form: the reason, and the rejection email the candidate gets. */
const rejectWithTemplateSchema = z.intersection(rejectFormSchema, templateChoice);

/** The reject form's fields; a refusal about anything else (the email's merge fields) is said about the email. */
const REJECT_FIELDS = new Set(["form", "reason", "reasonDetail", "templateId"]);

function rejectFailure(errors: FieldErrors): FieldErrors {
  const stray = Object.entries(errors).filter(([field]) => !REJECT_FIELDS.has(field));
  if (stray.length === 0) return errors;
  const kept = Object.fromEntries(Object.entries(errors).filter(([field]) => REJECT_FIELDS.has(field)));
  return { ...kept, templateId: kept.templateId ?? stray.map(([, message]) => message).join(" ") };
}

/** The query flag that tells the page which change just happened (see DONE_MESSAGES on the page). */
function done(applicationId: string, what: string) {
  return redirect(`/applications/${applicationId}?done=${what}`);
}

function invalid(intent: ApplicationIntent, errors: FieldErrors, values: Record<string, unknown>, status = 400) {
  return data<ApplicationActionData>({ intent, errors, values }, { status });
}

export async function handleApplicationAction(applicationId: string, user: UserSummary, formData: FormData) {
  const permission = APPLICATION_INTENT_PERMISSIONS;
  const close = (intent: "hire" | "withdraw") =>
    defineIntent({
      schema: closeFormSchema,
      permission: permission[intent],
      run: async ({ input }) => {
        const outcome = intent === "hire" ? "hired" : "withdrawn";
        await decideApplication(applicationId, { outcome, reason: input.reason, notify: true }, user);
        return done(applicationId, outcome);
      },
    });
  const interviewer = (intent: "assign-interviewer" | "remove-interviewer") =>
    defineIntent({
      permission: permission[intent],
      run: async ({ formData }) => {
        const userId = String(formData.get("userId") ?? "");
        if (!userId) return invalid(intent, { userId: "Choose a team member." }, {});
        if (intent === "assign-interviewer") await assignInterviewer(applicationId, userId, user);
        else await removeInterviewer(applicationId, userId, user);
        return done(applicationId, intent === "assign-interviewer" ? "interviewer-added" : "interviewer-removed");
      },
    });
  const outboxMessage = (intent: "cancel-message" | "retry-message") =>
    defineIntent({
      permission: permission[intent],
      run: async ({ formData }) => {
        const messageId = String(formData.get("messageId") ?? "");
        if (intent === "cancel-message") await cancelMessage(messageId, user);
        else await retryMessage(messageId, user);
        return done(applicationId, intent === "cancel-message" ? "message-cancelled" : "message-retried");
      },
    });
  const intents = {
    note: defineIntent({
      schema: noteFormSchema,
      permission: permission.note,
      run: async ({ input }) => {
        await addNote(applicationId, input.body, user);
        return done(applicationId, "note");
      },
    }),
    move: defineIntent({
      schema: moveFormSchema,
      permission: permission.move,
      run: async ({ input }) => {
        await moveApplication(applicationId, input, user);
        return done(applicationId, "moved");
      },
    }),
    reject: defineIntent({
      schema: rejectWithTemplateSchema,
      permission: permission.reject,
      run: async ({ input }) => {
        const reason = rejectionReasonText(input);
        await rejectWithTemplate(applicationId, { reason, templateId: input.templateId }, user);
        return done(applicationId, "rejected");
      },
    }),
    "preview-rejection": defineIntent({
      schema: templateChoice,
      permission: permission["preview-rejection"],
      run: async ({ input, formData }) => {
        const preview = await previewRejection(applicationId, input.templateId, user);
        return data<ApplicationActionData>({
          intent: "preview-rejection",
          errors: {},
          values: Object.fromEntries(formData),
          preview,
        });
      },
    }),
    hire: close("hire"),
    withdraw: close("withdraw"),
    message: defineIntent({
      schema: messageFormSchema,
      permission: permission.message,
      run: async ({ input, formData }) => {
        let occurredAt = zonedLocalToInstant(input.occurredAt, user.timeZone);
        // The form has minute precision: the minute the candidate applied in means "just after they applied".
        const appliedAt = (await getApplication(applicationId, user))?.appliedAt;
        if (appliedAt && occurredAt < appliedAt && appliedAt.getTime() - occurredAt.getTime() < 60_000) {
          occurredAt = appliedAt;
        }
        if (occurredAt.getTime() > Date.now() + 60_000) {
          const values = Object.fromEntries(formData);
          return invalid("message", { occurredAt: "A recorded message cannot be in the future." }, values);
        }
        await recordMessage(
          applicationId,
          {
            ...input,
            occurredAt,
            automated: false,
            awaitsCandidate: input.direction === "outbound" && input.awaitsCandidate,
          },
          user,
        );
        return done(applicationId, "message");
      },
    }),
    "assign-interviewer": interviewer("assign-interviewer"),
    "remove-interviewer": interviewer("remove-interviewer"),
    "cancel-message": outboxMessage("cancel-message"),
    "retry-message": outboxMessage("retry-message"),
    reopen: defineIntent({
      permission: permission.reopen,
      run: async () => {
        await reopenApplication(applicationId, user);
        return done(applicationId, "reopened");
      },
    }),
    "rotate-status-link": defineIntent({
      permission: permission["rotate-status-link"],
      run: async () => {
        await rotateStatusLink(applicationId, user);
        return done(applicationId, "status-link-rotated");
      },
    }),
    ...interviewIntents(applicationId, user),
  } satisfies Record<ApplicationIntent, unknown>;
  try {
    return await dispatchIntent(formData, {
      intents,
      role: user.role,
      invalid: (intent, failure) => invalid(intent, failure.errors, failure.values),
    });
  } catch (error) {
    const failure = modelFailure(error);
    if (!failure) throw error;
    const intent = String(formData.get("intent")) as ApplicationIntent;
    const errors =
      intent === "reject" || intent === "preview-rejection" ? rejectFailure(failure.errors) : failure.errors;
    return invalid(intent, errors, Object.fromEntries(formData), failure.status);
  }
}
