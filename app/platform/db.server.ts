// The one database connection of the process: embedded PGlite under HEARBACK_DATA_DIR, or PostgreSQL at DATABASE_URL.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { dataDir, env } from "./env.server";
import { pgliteAdapterOpenedOnFirstQuery } from "./pglite-adapter.server";
import { singleton } from "./singleton.server";
import { tarBody, tarFolderPieces } from "./tar.server";
import { shareWritesBetweenInstances } from "./write-notifications.server";
import { noteWrite, trackingWrites } from "./write-tracking.server";
import { logger } from "./log.server";

export type DatabaseKind = "embedded" | "postgres";

export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs `work` on one dedicated connection, whose `script` runs parameterless SQL (one or more statements). */
  withConnection<T>(work: (script: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Keeps the write generation right when other app instances write too (PostgreSQL); returns how to stop. */
  shareWrites(): Promise<() => Promise<void>>;
  /** The embedded database's files as tar entries (pieces, no end marker), taken between transactions. */
  dumpDataDir(): Promise<Uint8Array[]>;
};

export type ScriptRunner = (sql: string) => Promise<Record<string, unknown>[]>;

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir: string;
  /** Emit Prisma's "query" events, so tests can count the SQL a loader sends (tests/query-counter.ts). */
  queryEvents?: boolean;
};

export function openDatabase({ databaseUrl, dataDir, queryEvents = false }: DatabaseOptions): Database {
  const log: Prisma.LogDefinition[] | undefined = queryEvents ? [{ emit: "event", level: "query" }] : undefined;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    // An idle connection the server closes (restart, failover, a dropped test database) emits "error" on the pool;
    // without a listener that would crash the process. The pool replaces the connection on the next query.
    pool.on("error", (error) => logger.warn({ err: error }, "A database connection was closed by the server"));
    const prisma = new PrismaClient({ adapter: trackingWrites(new PrismaPg(pool)), log });
    return {
      kind: "postgres",
      prisma,
      async withConnection(work) {
        const connection = await pool.connect();
        try {
          return await work(async (sql) => {
            const result = await connection.query(sql);
            const results = Array.isArray(result) ? result : [result];
            return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
          });
        } finally {
          connection.release();
          noteWrite(); // scripts (migrations, test resets) pass by Prisma's adapter
        }
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
      shareWrites: () => shareWritesBetweenInstances(databaseUrl, pool),
      dumpDataDir: () => Promise.reject(new Error("PostgreSQL is backed up with pg_dump, not by Hearback.")),
    };
  }
  // Nothing is opened until the first query (see pgliteAdapterOpenedOnFirstQuery).
  let pglite: PGlite | undefined;
  const openPglite = (): PGlite => {
    if (pglite) return pglite;
    const inMemory = dataDir.startsWith("memory://");
    if (!inMemory) fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
    pglite = new PGlite(inMemory ? undefined : path.join(dataDir, "pglite"));
    return pglite;
  };
  const prisma = new PrismaClient({ adapter: trackingWrites(pgliteAdapterOpenedOnFirstQuery(openPglite)), log });
  return {
    kind: "embedded",
    prisma,
    async withConnection(work) {
      try {
        return await work(async (sql) => {
          const results = await openPglite().exec(sql);
          return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        noteWrite(); // scripts (migrations, test resets) pass by Prisma's adapter
      }
    },
    async close() {
      await prisma.$disconnect();
      await pglite?.close();
    },
    // One process holds the embedded database: every write it sees is its own.
    shareWrites: async () => async () => undefined,
    async dumpDataDir() {
      const db = openPglite();
      await db.exec("CHECKPOINT"); // the pages in memory go to the files, so the copy needs no recovery when opened
      // Copied under PGlite's transaction lock (Prisma's transactions hold it from BEGIN to COMMIT), so never in the
      // middle of one, and its statement lock. PGlite's own dumpDataDir packs the files synchronously, holding the
      // event loop for seconds on the demo; on disk the folder is read asynchronously instead, in the same format.
      if (dataDir.startsWith("memory://")) {
        const tarball = await db._runExclusiveTransaction(() => db.dumpDataDir("none"));
        return [tarBody(new Uint8Array(await tarball.arrayBuffer()))];
      }
      return db._runExclusiveTransaction(() => db.runExclusive(() => tarFolderPieces(path.join(dataDir, "pglite"))));
    },
  };
}

/** Query events are on under test and when HEARBACK_QUERY_EVENTS=1 (the benchmarks that count statements). */
const queryEvents = env.NODE_ENV === "test" || process.env.HEARBACK_QUERY_EVENTS === "1";

export const database = singleton("database", () =>
  openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, queryEvents }),
);
export const prisma = database.prisma;
