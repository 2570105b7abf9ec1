// What the board's "Reject selected" and "Undo" forms do: check the permission, validate with the form's schema, call
// one model function, and redirect to the board with the batch in the address (its banner survives a reload) — or
// answer 400/409 with the messages and the values sent, so the board shows them with the selection kept.
import { data, redirect } from "@remix-run/node";
import { bulkRejectionSchema } from "~/domain/bulk-rejection";
import { can } from "~/domain/permissions";
import { bulkReject, undoBulkRejection } from "~/models/bulk-rejection.server";
import type { UserSummary } from "~/models/user.server";
import { modelFailure } from "./form-errors.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/domain/forms";

/** What the board's bulk-rejection actions answer when they refuse: the intent, field errors and the values sent. */
export type BulkRejectionActionData = {
  intent: "bulk-reject" | "undo-bulk-reject";
  errors: FieldErrors;
  values: Record<string, unknown>;
};

export const BULK_REJECTION_INTENTS = ["bulk-reject", "undo-bulk-reject"] as const;
export type BulkRejectionIntent = (typeof BULK_REJECTION_INTENTS)[number];

export function isBulkRejectionIntent(intent: unknown): intent is BulkRejectionIntent {
  return BULK_REJECTION_INTENTS.includes(intent as BulkRejectionIntent);
}

function refused(intent: BulkRejectionIntent, errors: FieldErrors, formData: FormData, status: number) {
  return data<BulkRejectionActionData>({ intent, errors, values: formDataToObject(formData) }, { status });
}

export async function handleBulkRejectionAction(jobId: string, user: UserSummary, formData: FormData) {
  const intent = formData.get("intent");
  if (!isBulkRejectionIntent(intent)) throw new Response("Unknown action.", { status: 400 });
  if (!can(user.role, "decide_applications")) {
    throw new Response("You do not have permission to do that.", { status: 403 });
  }
  try {
    if (intent === "bulk-reject") {
      const parsed = parseForm(formData, bulkRejectionSchema);
      if (!parsed.ok) return refused(intent, parsed.errors, formData, 400);
      const batch = await bulkReject(jobId, parsed.data, user);
      return redirect(`/jobs/${jobId}?bulk=${batch.id}`);
    }
    const bulkId = String(formData.get("bulkId") ?? "");
    if (!bulkId) return refused(intent, { form: "Nothing to undo." }, formData, 400);
    const undone = await undoBulkRejection(bulkId, user);
    return redirect(`/jobs/${undone.jobId}?bulk=${bulkId}`);
  } catch (error) {
    const failure = modelFailure(error);
    if (!failure) throw error;
    return refused(intent, failure.errors, formData, failure.status);
  }
}
