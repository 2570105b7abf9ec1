// Lists of fixed identifiers written into SQL text, so statements can say `type IN (…)` without parameters (bulk
// loads run some statements' text as it is).
import { Prisma } from "~/generated/prisma/client";

/** SQL list literal of fixed identifiers (event types, template kinds, metrics): constants, never user input. */
export function sqlList(values: Iterable<string>): Prisma.Sql {
  return Prisma.raw([...values].map((value) => `'${value}'`).join(", "));
}
