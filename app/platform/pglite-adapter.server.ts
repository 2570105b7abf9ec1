import { setImmediate as nextTurnOfTheEventLoop } from "node:timers/promises";
import type { PGlite } from "@electric-sql/pglite";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { member, runStatement, type StatementMethod } from "./adapter-proxy.server";

/**
 * pglite-prisma-adapter 0.6 (the last for Prisma 6) is typed against @prisma/driver-adapter-utils 6.10; the runtime
 * protocol is unchanged in 6.19, only the declared types differ (docs/decisions/001).
 */
export function pgliteAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

/**
 * An adapter that opens PGlite only when Prisma first connects, i.e. at the first query. Importing or constructing
 * the client must not open the embedded database: a running server may hold it, and a second opener corrupts it
 * (the CLI imports models only to talk to that server).
 */
export function pgliteAdapterOpenedOnFirstQuery(open: () => PGlite): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: async () => takingTurns(await pgliteAdapter(open()).connect()),
    connectToShadowDb: async () => takingTurns(await pgliteAdapter(open()).connectToShadowDb()),
  };
}

/**
 * PGlite runs inside this process and answers without any I/O: a query's promise settles in a microtask. A job that
 * awaits query after query (the first SLA sweep of the demo workspace queues its hundred due surveys, each rendered
 * and linted) therefore held the event loop for 6–9 s, and requests waiting meanwhile stalled; a page whose render had
 * started was aborted by its 5 s timer and answered 500. So each statement first lets waiting timers and I/O in, as
 * a network database does by its nature. The wait comes before the statement, never between it and the write
 * generation's update after it (app/platform/write-tracking.server.ts): no request can see a committed write with the
 * old generation.
 */
function takingTurns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      switch (property) {
        case "queryRaw":
        case "executeRaw":
          return afterTurn(target, property);
        case "startTransaction":
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
            transactionTakingTurns(await target.startTransaction(...args));
        default:
          return member(target, property, receiver);
      }
    },
  });
}

function transactionTakingTurns(transaction: Transaction): Transaction {
  return new Proxy(transaction, {
    get(target, property, receiver) {
      return property === "queryRaw" || property === "executeRaw"
        ? afterTurn(target, property)
        : member(target, property, receiver);
    },
  });
}

function afterTurn(target: SqlDriverAdapter | Transaction, method: StatementMethod) {
  return async (query: SqlQuery) => {
    await nextTurnOfTheEventLoop();
    return runStatement(target, method, withBytes(query));
  };
}

/**
 * Prisma 6.19 sends a `Bytes` value as base64 text (or a list of byte values) and says so in `argTypes`, as
 * @prisma/adapter-pg expects; pglite-prisma-adapter 0.6 passes it on as it is, and PGlite refuses anything but a
 * Uint8Array for a bytea parameter. So the bytes are decoded here, as adapter-pg does.
 */
function withBytes(query: SqlQuery): SqlQuery {
  const bytes = query.argTypes.some((type) => type?.scalarType === "bytes");
  if (!bytes) return query;
  const args = query.args.map((arg, index) => {
    if (query.argTypes[index]?.scalarType !== "bytes") return arg;
    if (typeof arg === "string") return Buffer.from(arg, "base64");
    if (Array.isArray(arg) && arg.every((value) => typeof value === "number")) return Buffer.from(arg as number[]);
    return arg;
  });
  return { ...query, args };
}
