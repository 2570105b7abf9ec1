// Several app instances on one PostgreSQL: each one's writes must move the others' write generation, or their cached
// status pages would go stale (app/platform/write-notifications.server.ts). PGlite has one process, so nothing to share.
import pg from "pg";
import { expect, test, vi } from "vitest";
import { currentSlaConfig } from "~/models/sla/config.server";
import { prisma } from "~/platform/db.server";
import {
  readWriteNotification,
  shareWritesBetweenInstances,
  writeNotificationPayload,
} from "~/platform/write-notifications.server";
import { writeGeneration, writeTrackingComplete } from "~/platform/write-tracking.server";
import { recordQueries } from "../query-counter";
import { logger } from "~/platform/log.server";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** Statements a currentSlaConfig call sends (0: from memory), and the default policy's name. */
async function readConfig() {
  const { result, queries } = await recordQueries(() => currentSlaConfig());
  return { statements: queries.length, policyName: result.policies.find((policy) => policy.isDefault)!.name };
}

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
  const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
  await currentSlaConfig();
  const stop = await shareWritesBetweenInstances("postgresql://postgres@127.0.0.1:1/none", pool);
  try {
    expect(writeTrackingComplete()).toBe(false);
    expect(await readConfig()).toMatchObject({ statements: 2 });
    expect(await readConfig()).toMatchObject({ statements: 2 });
  } finally {
    await stop();
    warn.mockRestore();
    await pool.end();
  }
});

test.runIf(onPostgres)(
  "another instance's write to a policy drops the cached SLA configuration; others keep it",
  async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const otherInstance = new pg.Client({ connectionString: databaseUrl });
    await otherInstance.connect();
    const stop = await shareWritesBetweenInstances(databaseUrl, pool);
    const notify = (payload: string) => otherInstance.query("SELECT pg_notify('hearback_writes', $1)", [payload]);
    const heard = async (payload: string) => {
      const before = writeGeneration();
      await notify(payload);
      await vi.waitFor(() => expect(writeGeneration()).toBeGreaterThan(before));
    };
    try {
      await currentSlaConfig();
      expect(await readConfig()).toMatchObject({ statements: 0 });

      // A write elsewhere keeps it.
      await otherInstance.query(`INSERT INTO "Setting" (key, value) VALUES ('other-instance-${Math.random()}', '{}')`);
      await heard(writeNotificationPayload("other-instance", new Set()));
      expect(await readConfig()).toMatchObject({ statements: 0 });

      // A policy write drops it.
      await otherInstance.query(`UPDATE "SlaPolicy" SET name = 'Renamed elsewhere' WHERE id = 'default-policy'`);
      await heard(writeNotificationPayload("other-instance", new Set(["SlaPolicy"])));
      expect(await readConfig()).toEqual({ statements: 2, policyName: "Renamed elsewhere" });
      expect(await readConfig()).toMatchObject({ statements: 0 });

      // So does a payload in the old format (the instance id), an unrecognised one, or one from an instance that does
      // not watch the configuration's tables (an older version during a deploy).
      for (const payload of [
        "another-instance",
        "{not json",
        JSON.stringify({ v: 2, from: "x", watched: ["Other"], moved: [] }),
      ]) {
        await heard(payload);
        expect(await readConfig(), payload).toMatchObject({ statements: 2 });
        expect(await readConfig(), payload).toMatchObject({ statements: 0 });
      }
    } finally {
      await stop();
      await otherInstance.end();
      await pool.end();
    }
  },
);

test.runIf(onPostgres)("our writes are announced with the watched tables they moved", async () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const otherInstance = new pg.Client({ connectionString: databaseUrl });
  await otherInstance.connect();
  const heard: string[] = [];
  otherInstance.on("notification", (message) => heard.push(message.payload ?? ""));
  await otherInstance.query("LISTEN hearback_writes");
  const stop = await shareWritesBetweenInstances(databaseUrl, pool);
  try {
    await prisma.slaPolicy.update({ where: { id: "default-policy" }, data: { name: "Renamed here" } });
    await vi.waitFor(() =>
      expect(heard.map((payload) => readWriteNotification(payload).moved)).toContainEqual(["SlaPolicy"]),
    );
    heard.length = 0;
    await prisma.setting.create({ data: { key: `notify-test-${Math.random()}`, value: {} } });
    await vi.waitFor(() => expect(heard.map((payload) => readWriteNotification(payload).moved)).toContainEqual([]));
    // In the current format, so the other instances know who sent it (an instance ignores its own).
    expect(heard.every((payload) => readWriteNotification(payload).from !== null)).toBe(true);
  } finally {
    await stop();
    await otherInstance.end();
    await pool.end();
  }
});

test("a notification names the watched tables moved; a payload too long for NOTIFY says everything moved", () => {
  const note = readWriteNotification(writeNotificationPayload("me", new Set(["SlaPolicy"])));
  expect(note).toEqual({ from: "me", moved: ["SlaPolicy"] });
  const long = writeNotificationPayload("me", new Set(Array.from({ length: 1_000 }, (_, i) => `Table${i}`)));
  expect(Buffer.byteLength(long)).toBeLessThan(8_000);
  expect(readWriteNotification(long)).toEqual({ from: "me" });
  expect(readWriteNotification(writeNotificationPayload("me", "everything"))).toEqual({ from: "me" });
  expect(readWriteNotification("0b4c6a9e-instance-id")).toEqual({ from: null });
  expect(readWriteNotification(undefined)).toEqual({ from: null });
});
