// One way for a page action to answer a form that names its `intent`: the route declares a table of intents, each
// with its schema, permission and handler; dispatchIntent picks the intent, checks, validates and runs it.
import type { z } from "zod";
import { parseForm, type FieldErrors } from "~/domain/forms";
import { can, type Permission, type Role } from "~/domain/permissions";

export type InvalidForm = { errors: FieldErrors; values: Record<string, unknown> };

/** One row of an intent table. `Refusal` is what its guard and invalid answer, apart from what `run` answers. */
export type IntentHandler<Data, Answer, Argument = undefined, Refusal = never> = {
  /** Without a schema the handler reads the form itself. */
  schema?: z.ZodType<Data>;
  /** Checked against `role` before the form is validated, so a forbidden post learns nothing about its fields. */
  permission?: Permission;
  /** A refusal that must come before the form is validated (and after the permission): it throws, or returns the
   * answer that ends the post; undefined lets the post through. */
  guard?: (formData: FormData) => Refusal | undefined;
  /** For an intent whose name carries an argument after a colon (`remove-stage:3`, one submit button per row of a
   * list): the argument's schema. The row answers only a name with an argument this schema accepts. */
  argument?: z.ZodType<Argument>;
  /** How this intent answers a post its schema rejects, when that differs from the page's `invalid`. */
  invalid?: (failure: InvalidForm) => Refusal | Promise<Refusal>;
  run: (posted: { input: Data; formData: FormData; argument: Argument }) => Answer | Promise<Answer>;
};

/** Declares one row of an intent table; it exists so `run` is typed by the row's schema. */
export function defineIntent<Data = undefined, Answer = unknown, Argument = undefined, Refusal = never>(
  handler: IntentHandler<Data, Answer, Argument, Refusal>,
): IntentHandler<Data, Answer, Argument, Refusal> {
  return handler;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows differ in their data and answers
type IntentTable = Record<string, IntentHandler<any, any, any, any>>;
type AnswerOf<Table extends IntentTable> = {
  [Name in keyof Table]: Table[Name] extends IntentHandler<infer _Data, infer Answer, infer _Argument, infer Refusal>
    ? Awaited<Answer | Refusal>
    : never;
}[keyof Table];

type DispatchOptions<Table extends IntentTable, InvalidAnswer, UnknownAnswer> = {
  intents: Table;
  /** The poster's role, for the rows that name a permission. */
  role?: Role;
  /** The intent's name when it is not the form's `intent` field (a query parameter, a default). */
  intent?: string | null;
  /** The row (one without an argument) that answers a post naming no row of the table: no intent, or one the page
   * does not know. For a page whose main form posts no intent; with it, `unknown` is never called. */
  fallback?: keyof Table & string;
  /** How the page answers a post a row's schema rejects; without it, a plain 400. */
  invalid?: (intent: keyof Table & string, failure: InvalidForm) => InvalidAnswer | Promise<InvalidAnswer>;
  /** How the page answers an intent it does not have; without it, a plain 400 "Unknown action.". */
  unknown?: () => UnknownAnswer;
};

type Picked = { name: string; handler: IntentTable[string]; argument: unknown };

/** The row a posted name stands for: the row of that name, or a row with an argument and the argument after its name. */
function pick(intents: IntentTable, name: string): Picked | undefined {
  if (Object.hasOwn(intents, name) && !intents[name]!.argument) {
    return { name, handler: intents[name]!, argument: undefined };
  }
  const colon = name.indexOf(":");
  if (colon < 0) return undefined;
  const base = name.slice(0, colon);
  const handler = Object.hasOwn(intents, base) ? intents[base] : undefined;
  if (!handler?.argument) return undefined;
  const argument = handler.argument.safeParse(name.slice(colon + 1));
  return argument.success ? { name: base, handler, argument: argument.data } : undefined;
}

export async function dispatchIntent<Table extends IntentTable, InvalidAnswer = never, UnknownAnswer = never>(
  formData: FormData,
  options: DispatchOptions<Table, InvalidAnswer, UnknownAnswer>,
): Promise<AnswerOf<Table> | InvalidAnswer | UnknownAnswer> {
  const posted = options.intent !== undefined ? options.intent : formData.get("intent");
  let picked = typeof posted === "string" ? pick(options.intents, posted) : undefined;
  if (!picked && options.fallback) {
    picked = { name: options.fallback, handler: options.intents[options.fallback]!, argument: undefined };
  }
  if (!picked) {
    if (options.unknown) return options.unknown();
    throw new Response("Unknown action.", { status: 400 });
  }
  const { name, handler, argument } = picked;
  if (handler.permission && !(options.role && can(options.role, handler.permission))) {
    throw new Response("You do not have permission to do that.", { status: 403 });
  }
  const refusal = handler.guard?.(formData);
  if (refusal !== undefined) return refusal;
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
  return handler.run({ input, formData, argument });
}
