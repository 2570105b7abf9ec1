// What the proxies around Prisma's driver adapters share (write tracking, the embedded database's turn-taking): the
// two statement methods they intercept, and every other member passed through unchanged.
import type { SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

export type StatementMethod = "queryRaw" | "executeRaw";

/** Runs one statement with the adapter's or transaction's own method. */
export function runStatement(target: SqlDriverAdapter | Transaction, method: StatementMethod, query: SqlQuery) {
  return method === "queryRaw" ? target.queryRaw(query) : target.executeRaw(query);
}

/** Any other member, exactly as the wrapped object has it (methods bound to it). */
export function member(target: object, property: string | symbol, receiver: unknown): unknown {
  const value: unknown = Reflect.get(target, property, receiver);
  return typeof value === "function" ? value.bind(target) : value;
}
