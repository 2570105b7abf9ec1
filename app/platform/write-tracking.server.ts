// The write generation: one number that moves after every write this process commits to the database (and, on
// PostgreSQL, after every write another app instance commits: app/platform/write-notifications.server.ts). A cache of
// rendered pages keeps the generation it read its data at and drops the page once the number has moved, so it never
// serves a page older than the database (docs/decisions/014). Every statement Prisma sends passes through the driver
// adapter, so wrapping the adapter sees every write, whichever model, transaction or raw query made it.
import { AsyncLocalStorage } from "node:async_hooks";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { member, runStatement, type StatementMethod } from "./adapter-proxy.server";
import { singleton } from "./singleton.server";

type WriteState = {
  generation: number;
  /** Whether every write that can reach the database moves the generation (false while a PostgreSQL listener is
   * down: another instance's writes would go unseen, so nothing may be served from a cache). */
  complete: boolean;
  afterLocalWrite: Array<() => void>;
};

const state = singleton<WriteState>("write-generation", () => ({ generation: 0, complete: true, afterLocalWrite: [] }));

export function writeGeneration(): number {
  return state.generation;
}

/** True while caches may trust the generation (see WriteState.complete). */
export function writeTrackingComplete(): boolean {
  return state.complete;
}

export function setWriteTrackingComplete(complete: boolean): void {
  state.complete = complete;
  noteWrite();
}

/** Moves the generation: something in the database may have changed. */
export function noteWrite(): void {
  state.generation += 1;
}

/** Called after each local write has committed (PostgreSQL tells the other instances). */
export function onLocalWrite(listener: () => void): void {
  state.afterLocalWrite.push(listener);
}

function localWriteCommitted(): void {
  noteWrite();
  for (const listener of state.afterLocalWrite) listener();
}

const unseenWrites = new AsyncLocalStorage<true>();

/** Runs `work` whose writes change nothing any cached page shows (an internal `status_viewed` touchpoint), so they do
 * not move the generation. When in doubt, don't use it: a moved generation only costs a re-render. Plain statements
 * and interactive transactions started inside `work` are unseen. (A batch transaction, `$transaction([...])`, is
 * started by Prisma in the context of whichever request queued first in that tick, so one queued right after an
 * unseen transaction's statement would go unseen too: none that writes exists; keep it so.) */
export function withUnseenWrites<T>(work: () => Promise<T>): Promise<T> {
  // Awaited inside the context: a Prisma query is lazy and would otherwise start outside it.
  return unseenWrites.run(true, async () => await work());
}

/** Statements that cannot change data. Anything else (INSERT, UPDATE, DELETE, WITH …, DDL) counts as a write. */
const READ_ONLY = /^\s*(select|show|explain|begin|start transaction|commit|rollback|savepoint|release|set|values)\b/i;
/** A plain INSERT, UPDATE or DELETE: it changed exactly the rows it reports (a CTE could hide another change). */
const PLAIN_CHANGE = /^\s*(insert|update|delete)\b/i;
const RETURNING = /\breturning\b/i;

/** Whether the statement may have changed data, told from its text and, for a plain change, what it reported: the
 * workers' idle polls ("claim due rows … RETURNING id", none due) change nothing and must not empty the caches. */
function changedData(query: SqlQuery, result: { rows: unknown[] } | number | undefined): boolean {
  if (READ_ONLY.test(query.sql)) return false;
  if (result === undefined || !PLAIN_CHANGE.test(query.sql)) return true;
  if (typeof result === "number") return result > 0;
  return !RETURNING.test(query.sql) || result.rows.length > 0;
}

type Result = { rows: unknown[] } | number;

/** Whether the current async context runs inside withUnseenWrites. */
function markedUnseen(): boolean {
  return unseenWrites.getStore() === true;
}

/** Runs one statement, then calls `changed` if it may have changed data (a failed one counts: better safe). */
async function tracked<T extends Result>(
  query: SqlQuery,
  execute: (query: SqlQuery) => Promise<T>,
  changed: () => void,
  unseen: boolean,
): Promise<T> {
  let result: T | undefined;
  try {
    result = await execute(query);
    return result;
  } finally {
    if (!unseen && changedData(query, result)) changed();
  }
}

/** queryRaw or executeRaw of an adapter or a transaction, calling `changed` after a statement that changed data
 * unless `unseen()` says it was marked so. */
function trackedStatement(
  target: SqlDriverAdapter | Transaction,
  method: StatementMethod,
  changed: () => void,
  unseen: () => boolean,
): (query: SqlQuery) => Promise<Result> {
  return (query) => tracked<Result>(query, (q) => runStatement(target, method, q), changed, unseen());
}

/** The adapter factory with every connection's writes tracked. */
export function trackingWrites(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => trackedAdapter(await factory.connect()),
    connectToShadowDb: async () => trackedAdapter(await factory.connectToShadowDb()),
  };
}

function trackedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // A Proxy keeps every other member (provider, getConnectionInfo, dispose, …) exactly as the adapter has it.
  return new Proxy(adapter, {
    get(target, property, receiver) {
      switch (property) {
        case "queryRaw":
        case "executeRaw":
          return trackedStatement(target, property, localWriteCommitted, markedUnseen);
        case "executeScript":
          return async (script: string) => {
            try {
              await target.executeScript(script);
            } finally {
              localWriteCommitted();
            }
          };
        case "startTransaction":
          return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => {
            // Told here, in the context that started the transaction. Prisma sends a transaction's statements queued
            // in one tick together, from the context of whichever request queued first (its DataLoader), so at a
            // statement the context may be another request's: an unseen write would count, or, worse, another
            // transaction's real write would go unseen.
            const unseen = markedUnseen();
            return trackedTransaction(await target.startTransaction(...args), unseen);
          };
        default:
          return member(target, property, receiver);
      }
    },
  });
}

/** Writes inside a transaction count once it ends: before COMMIT nobody else can read them. */
function trackedTransaction(transaction: Transaction, unseen: boolean): Transaction {
  let wrote = false;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (wrote) localWriteCommitted();
    }
  };
  return new Proxy(transaction, {
    get(target, property, receiver) {
      switch (property) {
        case "queryRaw":
        case "executeRaw":
          return trackedStatement(
            target,
            property,
            () => (wrote = true),
            () => unseen,
          );
        case "commit":
          return () => end(() => target.commit());
        case "rollback":
          return () => end(() => target.rollback());
        default:
          return member(target, property, receiver);
      }
    },
  });
}
