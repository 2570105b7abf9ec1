// The migration history, applied to an empty database, must produce exactly the schema in prisma/schema.prisma.
import { execFileSync } from "node:child_process";
import { expect, test } from "vitest";
import { database, openDatabase, type Database } from "~/platform/db.server";
import { applyMigrations } from "~/platform/migrate.server";
import { createTestDatabaseTarget } from "../test-database";

const CATALOG_QUERY = `
SELECT 'column' AS kind, table_name || '.' || column_name AS name,
       concat_ws(' ', udt_name, is_nullable, column_default) AS definition
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
UNION ALL
SELECT 'index', tablename || '.' || indexname, indexdef
  FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
   AND indexname NOT LIKE '%_one_default' -- partial unique indexes written by hand in the SLA migration
   AND indexname NOT LIKE '%_partial' -- partial indexes written by hand (Prisma's schema cannot express them)
UNION ALL
SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%_prisma_migrations%'
UNION ALL
SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
ORDER BY 1, 2`;

async function catalog(db: Database) {
  return db.withConnection((script) => script(CATALOG_QUERY));
}

function schemaAsSql(): string {
  return execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", HEARBACK_DATA_DIR: "memory://" } },
  );
}

test("migrations applied to an empty database match schema.prisma", async () => {
  const target = await createTestDatabaseTarget();
  const fromSchema = openDatabase({ databaseUrl: target.databaseUrl, dataDir: "memory://" });
  try {
    await fromSchema.withConnection((script) => script(schemaAsSql()));
    const expected = await catalog(fromSchema);
    expect(expected.length).toBeGreaterThan(50);
    expect(await catalog(database)).toEqual(expected);
  } finally {
    await fromSchema.close();
    await target.drop();
  }
});

test("the partial indexes written by hand exist", async () => {
  const rows = (await database.withConnection((script) =>
    script(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE '%_partial'`),
  )) as { indexname: string; indexdef: string }[];
  expect(rows.map((row) => row.indexname)).toEqual(["Event_candidate_emails_partial"]);
  expect(rows[0]!.indexdef).toMatch(/WHERE \(\(type = 'message_out'.*visibility = 'candidate'/);
});

test("applying migrations twice changes nothing", async () => {
  expect(await applyMigrations(database)).toEqual([]);
});
