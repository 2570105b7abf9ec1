// What the board's "Reject selected" and "Undo" forms do: the rows of the board's intent table. Each names its
// permission and schema (dispatchIntent checks and validates), calls one model function, and redirects to the board
// with the batch in the address (its banner survives a reload) — or answers 400/409 with the messages and the values
// sent, so the board shows them with the selection kept.
import { data, redirect } from "@remix-run/node";
import { bulkRejectionSchema } from "~/domain/bulk-rejection";
import { bulkReject, undoBulkRejection } from "~/models/bulk-rejection/queue.server";
import type { UserSummary } from "~/models/user.server";
import { modelFailure } from "./form-errors.server";
import { defineIntent } from "./intents.server";
import { formDataToObject, type FieldErrors } from "~/domain/forms";

export type BulkRejectionIntent = "bulk-reject" | "undo-bulk-reject";

/** What the board's bulk-rejection actions answer when they refuse: the intent, field errors and the values sent. */
export type BulkRejectionActionData = {
  intent: BulkRejectionIntent;
  errors: FieldErrors;
  values: Record<string, unknown>;
};

function refused(intent: BulkRejectionIntent, errors: FieldErrors, formData: FormData, status: number) {
  return data<BulkRejectionActionData>({ intent, errors, values: formDataToObject(formData) }, { status });
}

/** Runs a change, answering a model's refusal (not found, conflict, invalid) on the form of the intent. */
async function refusingModelFailures<Answer>(
  intent: BulkRejectionIntent,
  formData: FormData,
  change: () => Promise<Answer>,
) {
  try {
    return await change();
  } catch (error) {
    const failure = modelFailure(error);
    if (!failure) throw error;
    return refused(intent, failure.errors, formData, failure.status);
  }
}

/** The board's bulk-rejection intents, for its dispatchIntent table (with the poster's role). */
export function bulkRejectionIntents(jobId: string, user: UserSummary) {
  return {
    "bulk-reject": defineIntent({
      permission: "decide_applications",
      schema: bulkRejectionSchema,
      invalid: ({ errors, values }) =>
        data<BulkRejectionActionData>({ intent: "bulk-reject", errors, values }, { status: 400 }),
      run: ({ input, formData }) =>
        refusingModelFailures("bulk-reject", formData, async () => {
          const batch = await bulkReject(jobId, input, user);
          return redirect(`/jobs/${jobId}?bulk=${batch.id}`);
        }),
    }),
    "undo-bulk-reject": defineIntent({
      permission: "decide_applications",
      run: ({ formData }) =>
        refusingModelFailures("undo-bulk-reject", formData, async () => {
          const bulkId = String(formData.get("bulkId") ?? "");
          if (!bulkId) return refused("undo-bulk-reject", { form: "Nothing to undo." }, formData, 400);
          const undone = await undoBulkRejection(bulkId, user);
          return redirect(`/jobs/${undone.jobId}?bulk=${bulkId}`);
        }),
    }),
  } satisfies Record<BulkRejectionIntent, unknown>;
}
