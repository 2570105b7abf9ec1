// First start on an empty database: the demo workspace is seeded once, whole or not at all, however many instances
// start together.
import { spawn } from "node:child_process";
import { beforeAll, expect, test } from "vitest";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prepareWorkspace } from "~/models/workspace.server";
import { openDatabase, prisma } from "~/platform/db.server";
import { pinClock } from "../clock";
import { createTestDatabaseTarget } from "../test-database";
import type { PrismaClient } from "~/generated/prisma/client";

beforeAll(async () => {
  pinClock();
  await ensureTemplateLibrary(); // what every start does first; not part of the demo
});

/** Rows per table, every table but the migration history. */
async function rowCounts(client: PrismaClient): Promise<Record<string, number>> {
  const tables = await client.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await client.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = row!.n;
  }
  return counts;
}

/** What the demo workspace holds when it is complete: each of these once, and the experience data it ends with. */
async function expectOneWholeDemoWorkspace(client: PrismaClient) {
  expect(await client.user.count()).toBe(9);
  expect(await client.job.count()).toBe(6);
  expect(await client.slaPolicy.count({ where: { isDefault: false } })).toBe(1);
  expect(await client.customerBenchmark.count()).toBe(3);
  expect(await client.application.count()).toBeGreaterThanOrEqual(270);
  expect(await client.surveyResponse.count()).toBeGreaterThan(0);
  expect(await client.slaRecompute.count({ where: { status: { in: ["queued", "running"] } } })).toBe(0);
}

test("a seed that fails midway leaves nothing behind", async () => {
  const before = await rowCounts(prisma);
  expect(before.User).toBe(0);
  // The last step of the seed fails, after the accounts, jobs, applications and clocks are written.
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION fail_demo_seed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the seed fails here';
    END $$`);
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER fail_demo_seed BEFORE INSERT ON "SurveyResponse" FOR EACH STATEMENT EXECUTE FUNCTION fail_demo_seed()`,
  );
  try {
    await expect(prepareWorkspace({ demo: true })).rejects.toThrow();
  } finally {
    await prisma.$executeRawUnsafe(`DROP TRIGGER fail_demo_seed ON "SurveyResponse"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION fail_demo_seed()`);
  }
  expect(await rowCounts(prisma)).toEqual(before);
}, 120_000);

test("then two starts at once on the still empty database: both succeed, one seeds the whole workspace", async () => {
  expect(await prisma.user.count()).toBe(0);
  const workspaces = await Promise.all([prepareWorkspace({ demo: true }), prepareWorkspace({ demo: true })]);
  const announcements = workspaces.map((workspace) => workspace.announcement("http://localhost:3000").join("\n"));
  expect(announcements.filter((text) => text.startsWith("Seeded the demo workspace"))).toHaveLength(1);
  expect(announcements).toContain("");
  await expectOneWholeDemoWorkspace(prisma);
}, 120_000);

/** One app instance's start-up (tests/first-start-process.ts) on `databaseUrl`: its exit code and what it printed. */
function startInstance(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const instance = spawn(process.execPath, ["--import", "tsx", "tests/first-start-process.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HEARBACK_DATA_DIR: "memory://",
      HEARBACK_DEMO: "1",
      SMTP_URL: "",
      INBOUND_SMTP_PORT: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  instance.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  instance.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve) => instance.once("exit", (code) => resolve({ code, output: output.join("") })));
}

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// Two processes need one database server: PGlite lives inside a single process.
test.runIf(onPostgres)(
  "two instances started together on a new, empty database: both start, one migrates and seeds the workspace",
  async () => {
    const target = await createTestDatabaseTarget(); // not migrated: the instances do it
    const databaseUrl = target.databaseUrl!;
    try {
      const instances = await Promise.all([startInstance(databaseUrl), startInstance(databaseUrl)]);
      for (const instance of instances) expect(instance, instance.output).toMatchObject({ code: 0 });
      expect(instances.filter((instance) => instance.output.includes("Seeded the demo workspace"))).toHaveLength(1);
      const database = openDatabase({ databaseUrl, dataDir: "memory://" });
      try {
        await expectOneWholeDemoWorkspace(database.prisma);
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  },
  180_000,
);
