// The one database connection of the process: embedded PGlite under HEARBACK_DATA_DIR, or PostgreSQL at DATABASE_URL.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { dataDir, env } from "./env.server";
import { pgliteAdapter } from "./pglite-adapter.server";
import { singleton } from "./singleton.server";

export type DatabaseKind = "embedded" | "postgres";

export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs `work` on one dedicated connection, whose `script` runs parameterless SQL (one or more statements). */
  withConnection<T>(work: (script: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
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
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log });
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
        }
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true });
  const pglite = new PGlite(inMemory ? undefined : path.join(dataDir, "pglite"));
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite), log });
  return {
    kind: "embedded",
    prisma,
    async withConnection(work) {
      return work(async (sql) => {
        const results = await pglite.exec(sql);
        return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
      });
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function processDatabase(): Database {
  return singleton("database", () =>
    openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, queryEvents: env.NODE_ENV === "test" }),
  );
}

/**
 * Stands in for the object `open()` returns, opening it on first use. Importing a module must never open the
 * database: the embedded one may be held by a running server, and a second opener would corrupt it (the CLI imports
 * models only to talk to that server).
 */
function openedOnFirstUse<T extends object>(open: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = open();
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    has: (_target, property) => Reflect.has(open(), property),
  });
}

export const database: Database = openedOnFirstUse(processDatabase);
export const prisma: PrismaClient = openedOnFirstUse(() => processDatabase().prisma);
