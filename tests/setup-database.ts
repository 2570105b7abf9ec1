// Vitest setup for integration tests: point the app's database module at a fresh, migrated database for this file.
import { afterAll } from "vitest";
import { createTestDatabaseTarget } from "./test-database";

const target = await createTestDatabaseTarget();
process.env.NODE_ENV = "test";
process.env.HEARBACK_DATA_DIR = "memory://";
process.env.PUBLIC_URL = "http://hearback.test";
if (target.databaseUrl) process.env.DATABASE_URL = target.databaseUrl;
else delete process.env.DATABASE_URL;

const { database } = await import("~/platform/db.server");
const { applyMigrations } = await import("~/platform/migrate.server");
await applyMigrations(database);

afterAll(async () => {
  await database.close();
  await target.drop();
});
