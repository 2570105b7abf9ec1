// The write generation: one number that moves after every write this process commits to the database (and, on
// PostgreSQL, after every write another app instance commits: app/platform/write-notifications.server.ts). A cache of
// rendered pages keeps the generation it read its data at and drops the page once the number has moved, so it never
// serves a page older than the database (docs/decisions/014). Every statement Prisma sends passes through the driver
// adapter, so wrapping the adapter sees every write, whichever model, transaction or raw query made it.
//
// Beside the one number, each watched table (watchTables) has its own generation, moved only by committed writes whose
// statement names that table, and by everything that moves "everything" (scripts, the listener reconnecting). A cache
// of data from a few tables that rarely change (the SLA configuration) keeps that instead, so writes elsewhere do not
// empty it.
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
  afterLocalWrite: Array<(moved: MovedTables) => void>;
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

/** Which watched tables a write may have changed: some of them (perhaps none), or everything. */
export type MovedTables = ReadonlySet<string> | "everything";

type WatchedTables = {
  /** Watched table names, and each as the quoted identifier a statement names it by. */
  names: Map<string, string>;
  /** Moves whenever everything moves; part of every table's generation. */
  everything: number;
  /** Per watched table: committed writes that named it. */
  moved: Map<string, number>;
  /** Per watched table: transactions of this process that have written it and not yet ended. */
  open: Map<string, number>;
};

const watched = singleton<WatchedTables>("watched-tables", () => ({
  names: new Map(),
  everything: 0,
  moved: new Map(),
  open: new Map(),
}));

/** Moves the generation: something in the database may have changed. Without `tables`, everything may have (every
 * watched table's generation moves too); with them, only those watched tables (and the global generation). */
export function noteWrite(tables?: Iterable<string>): void {
  state.generation += 1;
  if (tables === undefined) {
    watched.everything += 1;
    return;
  }
  for (const table of tables) {
    if (watched.names.has(table)) watched.moved.set(table, (watched.moved.get(table) ?? 0) + 1);
  }
}

/** Registers tables whose writes a cache watches (the model table names, as in the schema: "SlaPolicy"). Call it when
 * the cache's module loads, before anything can write them: a write is attributed to a table only once it is watched. */
export function watchTables(...tables: string[]): void {
  for (const table of tables) watched.names.set(table, `"${table}"`);
}

/** The watched table names, for telling other instances which of them moved. */
export function watchedTables(): string[] {
  return [...watched.names.keys()];
}

/** A number that moves whenever a committed write may have changed one of these watched tables (including every time
 * everything moves). A cache of data read from them keeps it like the write generation. */
export function tablesGeneration(tables: readonly string[]): number {
  let generation = watched.everything;
  for (const table of tables) generation += watched.moved.get(table) ?? 0;
  return generation;
}

/** Whether a transaction of this process has written one of these tables and not yet committed or rolled back. Only
 * then can a transaction see data no committed copy holds: its own uncommitted writes. */
export function uncommittedWritesTo(tables: readonly string[]): boolean {
  return tables.some((table) => (watched.open.get(table) ?? 0) > 0);
}

/** Called after each local write has committed, with the watched tables it moved (PostgreSQL tells the other
 * instances). */
export function onLocalWrite(listener: (moved: MovedTables) => void): void {
  state.afterLocalWrite.push(listener);
}

function localWriteCommitted(moved: MovedTables): void {
  noteWrite(moved === "everything" ? undefined : moved);
  for (const listener of state.afterLocalWrite) listener(moved);
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

/** Statements that cannot change data. Anything else (INSERT, UPDATE, DELETE, a WITH with a data-modifying part, DDL)
 * counts as a write. */
const READ_ONLY = /^\s*(select|show|explain|begin|start transaction|commit|rollback|savepoint|release|set|values)\b/i;
/** A plain INSERT, UPDATE or DELETE: it changed exactly the rows it reports (a CTE could hide another change). */
const PLAIN_CHANGE = /^\s*(insert|update|delete)\b/i;
const RETURNING = /\breturning\b/i;
/** Statements that change only the tables they name (DDL, TRUNCATE … CASCADE, DO, COPY may change any: everything). */
const NAMES_ITS_TABLES = /^\s*(insert|update|delete|with|merge)\b/i;
const WITH = /^\s*with\b/i;
const MODIFYING = /\b(insert|update|delete|merge)\b/i;

/** A `WITH …` query without any data-modifying part (the metrics' reports, Waiting on us): a SELECT in all but its
 * first word. Telling it by its words errs only one way: a read that merely names "update" counts as a write. */
function readOnlyWith(sql: string): boolean {
  return WITH.test(sql) && !MODIFYING.test(sql);
}

/** The watched tables a statement that changed data may have changed. */
function tablesMovedBy(sql: string): string[] | "everything" {
  if (!NAMES_ITS_TABLES.test(sql)) return "everything";
  const tables: string[] = [];
  for (const [table, quoted] of watched.names) if (sql.includes(quoted)) tables.push(table);
  return tables;
}

/** Whether the statement may have changed data, told from its text and, for a plain change, what it reported: the
 * workers' idle polls ("claim due rows … RETURNING id", none due) change nothing and must not empty the caches. */
function changedData(query: SqlQuery, result: { rows: unknown[] } | number | undefined): boolean {
  if (READ_ONLY.test(query.sql) || readOnlyWith(query.sql)) return false;
  if (result === undefined || !PLAIN_CHANGE.test(query.sql)) return true;
  if (typeof result === "number") return result > 0;
  return !RETURNING.test(query.sql) || result.rows.length > 0;
}

type Result = { rows: unknown[] } | number;

/** Whether the current async context runs inside withUnseenWrites. */
function markedUnseen(): boolean {
  return unseenWrites.getStore() === true;
}

type Changed = (tables: string[] | "everything") => void;

/** Runs one statement, then calls `changed` with the watched tables it moved if it may have changed data (a failed one
 * counts: better safe). A statement marked unseen counts only if it names a watched table (or may change any). */
async function tracked<T extends Result>(
  query: SqlQuery,
  execute: (query: SqlQuery) => Promise<T>,
  changed: Changed,
  unseen: boolean,
): Promise<T> {
  let result: T | undefined;
  try {
    result = await execute(query);
    return result;
  } finally {
    if (changedData(query, result)) {
      const tables = tablesMovedBy(query.sql);
      if (!unseen || tables === "everything" || tables.length > 0) changed(tables);
    }
  }
}

/** queryRaw or executeRaw of an adapter or a transaction, calling `changed` after a statement that changed data
 * unless `unseen()` says it was marked so. */
function trackedStatement(
  target: SqlDriverAdapter | Transaction,
  method: StatementMethod,
  changed: Changed,
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
          return trackedStatement(
            target,
            property,
            (tables) => localWriteCommitted(tables === "everything" ? tables : new Set(tables)),
            markedUnseen,
          );
        case "executeScript":
          return async (script: string) => {
            try {
              await target.executeScript(script);
            } finally {
              localWriteCommitted("everything");
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

/** Writes inside a transaction count once it ends: before COMMIT nobody else can read them. Until then the watched
 * tables it wrote are counted as open (uncommittedWritesTo). */
function trackedTransaction(transaction: Transaction, unseen: boolean): Transaction {
  let wrote = false;
  let moved: Set<string> | "everything" = new Set();
  const opened = new Set<string>();
  const wroteTo = (tables: string[] | "everything") => {
    wrote = true;
    if (tables === "everything") moved = "everything";
    else if (moved !== "everything") for (const table of tables) moved.add(table);
    for (const table of tables === "everything" ? watched.names.keys() : tables) {
      if (opened.has(table)) continue;
      opened.add(table);
      watched.open.set(table, (watched.open.get(table) ?? 0) + 1);
    }
  };
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      // In one step: no caller sees the writes neither open nor moved.
      for (const table of opened) watched.open.set(table, (watched.open.get(table) ?? 1) - 1);
      opened.clear();
      if (wrote) localWriteCommitted(moved);
    }
  };
  return new Proxy(transaction, {
    get(target, property, receiver) {
      switch (property) {
        case "queryRaw":
        case "executeRaw":
          return trackedStatement(target, property, wroteTo, () => unseen);
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
