// Turns the models' errors into what a page form shows: field messages plus a form-level message and an HTTP status.
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import type { FieldErrors } from "~/domain/forms";

export type ModelFailure = { status: 400 | 403 | 409; errors: FieldErrors };

/**
 * The form messages for an error a model threw, or null when it is not one of ours (rethrow it). `renamePaths` maps
 * model paths to the form's field names, e.g. { "candidate.email": "email" }. Not-found errors become a 404 page.
 */
export function modelFailure(error: unknown, renamePaths: Record<string, string> = {}): ModelFailure | null {
  if (error instanceof NotFoundError) throw new Response(error.message, { status: 404 });
  if (error instanceof ForbiddenError) return { status: 403, errors: { form: error.message } };
  if (error instanceof ConflictError || error instanceof InvalidInputError) {
    const errors: FieldErrors = { form: error.message };
    for (const issue of error.issues) errors[renamePaths[issue.path] ?? issue.path] ??= issue.message;
    return { status: error instanceof ConflictError ? 409 : 400, errors };
  }
  return null;
}
