// Several app instances on one PostgreSQL: each one's writes must move the others' write generation, or their cached
// status pages would go stale (app/platform/write-notifications.server.ts). PGlite has one process, so nothing to share.
import pg from "pg";
import { expect, test, vi } from "vitest";
import { prisma } from "~/platform/db.server";
import { shareWritesBetweenInstances } from "~/platform/write-notifications.server";
import { writeGeneration, writeTrackingComplete } from "~/platform/write-tracking.server";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

test.runIf(onPostgres)("another instance's write moves the generation; ours is announced to the others", async () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const otherInstance = new pg.Client({ connectionString: databaseUrl });
  await otherInstance.connect();
  const heard: string[] = [];
  otherInstance.on("notification", (message) => heard.push(message.payload ?? ""));
  await otherInstance.query("LISTEN hearback_writes");
  const stop = await shareWritesBetweenInstances(databaseUrl, pool);
  try {
    expect(writeTrackingComplete()).toBe(true);

    const before = writeGeneration();
    await otherInstance.query("SELECT pg_notify('hearback_writes', 'another-instance')");
    await vi.waitFor(() => expect(writeGeneration()).toBeGreaterThan(before));

    await prisma.setting.create({ data: { key: `notify-test-${Math.random()}`, value: {} } });
    await vi.waitFor(() => expect(heard.some((payload) => payload !== "another-instance")).toBe(true));
  } finally {
    await stop();
    await otherInstance.end();
    await pool.end();
  }
});

test.runIf(onPostgres)("while the listener cannot connect, caches are off", async () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 1 });
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const stop = await shareWritesBetweenInstances("postgresql://postgres@127.0.0.1:1/none", pool);
  try {
    expect(writeTrackingComplete()).toBe(false);
  } finally {
    await stop();
    warn.mockRestore();
    await pool.end();
  }
});
