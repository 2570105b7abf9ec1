// Applies pending prisma/migrations at start-up, recording them in Prisma's own `_prisma_migrations` table so that
// `prisma migrate status` and `prisma migrate deploy` agree with it (docs/decisions/001).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "./db.server";
import { logger } from "./log.server";

export type Migration = { name: string; sql: string; checksum: string };

/**
 * The start-up lock (a PostgreSQL advisory lock; any constant): migrations hold it on their connection, and the demo
 * seed in its transaction (prisma/seed.ts), so instances starting together migrate and seed one at a time.
 */
export const START_UP_LOCK_KEY = 72_190_001;

export function readMigrations(migrationsDir = path.resolve("prisma", "migrations")): Migration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Applies every migration not yet recorded, each in its own transaction. Returns the names applied. */
export async function applyMigrations(database: Database, migrations = readMigrations()): Promise<string[]> {
  return database.withConnection(async (script) => {
    // A session lock on this one connection keeps several instances from migrating at once. It is taken before the
    // history table is created: two CREATE TABLE IF NOT EXISTS at the same moment collide in PostgreSQL's catalog.
    await script(`SELECT pg_advisory_lock(${START_UP_LOCK_KEY})`);
    try {
      await script(CREATE_HISTORY_TABLE);
      const applied = await script(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const appliedByName = new Map(applied.map((row) => [String(row.migration_name), String(row.checksum)]));
      const newlyApplied: string[] = [];
      for (const migration of migrations) {
        const recorded = appliedByName.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            logger.warn(
              { migration: migration.name },
              `Migration ${migration.name} changed after it was applied; the database keeps the applied one.`,
            );
          }
          continue;
        }
        await script(
          `BEGIN;\n${migration.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)` +
            ` VALUES (${quote(randomUUID())}, ${quote(migration.checksum)}, now(), ${quote(migration.name)}, 1);\nCOMMIT;`,
        );
        newlyApplied.push(migration.name);
      }
      return newlyApplied;
    } catch (error) {
      await script("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await script(`SELECT pg_advisory_unlock(${START_UP_LOCK_KEY})`);
    }
  });
}
