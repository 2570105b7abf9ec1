// One way for a page action to answer a form that names its `intent`: the route declares a table of intents, each
// with its schema, permission and handler; dispatchIntent picks the intent, checks, validates and runs it.
import type { z } from "zod";
import { parseForm, type FieldErrors } from "~/domain/forms";
import { can, type Permission, type Role } from "~/domain/permissions";

export type InvalidForm = { errors: FieldErrors; values: Record<string, unknown> };

export type IntentHandler<Data, Answer> = {
  /** Without a schema the handler reads the form itself. */
  schema?: z.ZodType<Data>;
  /** Checked against `role` before the form is validated, so a forbidden post learns nothing about its fields. */
  permission?: Permission;
  /** How this intent answers a post its schema rejects, when that differs from the page's `invalid`. */
  invalid?: (failure: InvalidForm) => Answer;
  run: (posted: { input: Data; formData: FormData }) => Answer | Promise<Answer>;
};

/** Declares one row of an intent table; it exists so `run` is typed by the row's schema. */
export function defineIntent<Data = undefined, Answer = unknown>(
  handler: IntentHandler<Data, Answer>,
): IntentHandler<Data, Answer> {
  return handler;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows differ in their data and answers
type IntentTable = Record<string, IntentHandler<any, any>>;
type AnswerOf<Table extends IntentTable> = {
  [Name in keyof Table]: Table[Name] extends IntentHandler<infer _Data, infer Answer> ? Awaited<Answer> : never;
}[keyof Table];

type DispatchOptions<Table extends IntentTable, InvalidAnswer, UnknownAnswer> = {
  intents: Table;
  /** The poster's role, for the rows that name a permission. */
  role?: Role;
  /** The intent's name when it is not the form's `intent` field (a query parameter, a default). */
  intent?: string | null;
  /** How the page answers a post a row's schema rejects; without it, a plain 400. */
  invalid?: (intent: keyof Table & string, failure: InvalidForm) => InvalidAnswer;
  /** How the page answers an intent it does not have; without it, a plain 400 "Unknown action.". */
  unknown?: () => UnknownAnswer;
};

export async function dispatchIntent<Table extends IntentTable, InvalidAnswer = never, UnknownAnswer = never>(
  formData: FormData,
  options: DispatchOptions<Table, InvalidAnswer, UnknownAnswer>,
): Promise<AnswerOf<Table> | InvalidAnswer | UnknownAnswer> {
  const name = options.intent !== undefined ? options.intent : formData.get("intent");
  const handler = typeof name === "string" && Object.hasOwn(options.intents, name) ? options.intents[name] : undefined;
  if (typeof name !== "string" || !handler) {
    if (options.unknown) return options.unknown();
    throw new Response("Unknown action.", { status: 400 });
  }
  if (handler.permission && !(options.role && can(options.role, handler.permission))) {
    throw new Response("You do not have permission to do that.", { status: 403 });
  }
  let input: unknown = undefined;
  if (handler.schema) {
    const parsed = parseForm(formData, handler.schema);
    if (!parsed.ok) {
      const failure = { errors: parsed.errors, values: parsed.values };
      if (handler.invalid) return handler.invalid(failure);
      if (options.invalid) return options.invalid(name, failure);
      throw new Response("That request was not understood.", { status: 400 });
    }
    input = parsed.data;
  }
  return handler.run({ input, formData });
}
