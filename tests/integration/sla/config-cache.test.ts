// The SLA configuration is kept in memory (currentSlaConfig, app/models/sla/config.server.ts) and read again exactly
// when a write that may have changed a policy or schedule has committed, or rolled back; writes elsewhere keep it.
// Another instance's writes are in tests/integration/write-notifications.test.ts.
import pg from "pg";
import { afterEach, expect, test, vi } from "vitest";
import { currentSlaConfig } from "~/models/sla/config.server";
import { updatePolicy } from "~/models/sla/policies.server";
import { updateSchedule } from "~/models/sla/schedules.server";
import { database, prisma } from "~/platform/db.server";
import { setWriteTrackingComplete } from "~/platform/write-tracking.server";
import { recordQueries } from "../../query-counter";

/** The statements a call sends (0: served from memory) and the default policy's name it read. */
async function read(load: () => ReturnType<typeof currentSlaConfig> = () => currentSlaConfig()) {
  const { result, queries } = await recordQueries(load);
  return { statements: queries.length, policyName: result.policies.find((policy) => policy.isDefault)!.name };
}

async function renameDefaultPolicy(name: string) {
  await prisma.slaPolicy.update({ where: { id: "default-policy" }, data: { name } });
}

afterEach(() => setWriteTrackingComplete(true));

test("read once, then served from memory while no policy or schedule changes", async () => {
  await currentSlaConfig();
  expect(await read()).toMatchObject({ statements: 0 });
  expect(await currentSlaConfig()).toBe(await currentSlaConfig());
  // Writes to other tables keep it, in a plain statement or a transaction.
  await prisma.setting.create({ data: { key: `config-cache-${Math.random()}`, value: {} } });
  await prisma.$transaction(async (tx) => tx.setting.create({ data: { key: `cc-${Math.random()}`, value: {} } }));
  expect(await read()).toMatchObject({ statements: 0 });
  // A transaction that wrote nothing to them is served from memory too.
  expect(await prisma.$transaction((tx) => read(() => currentSlaConfig(tx)))).toMatchObject({ statements: 0 });
});

test("a policy saved through the model is read again at once", async () => {
  await renameDefaultPolicy("Standard promise");
  await currentSlaConfig();
  const policy = await prisma.slaPolicy.findUniqueOrThrow({ where: { id: "default-policy" } });
  await updatePolicy(
    policy.id,
    {
      name: "Saved promise",
      countAutomatedReplies: policy.countAutomatedReplies,
      targets: [{ metric: "first_response", minutes: 60, businessHours: true }],
    },
    null,
  );
  expect(await read()).toEqual({ statements: 2, policyName: "Saved promise" });
  expect(await read()).toMatchObject({ statements: 0 });
});

test("a schedule saved through the model is read again at once", async () => {
  const before = (await currentSlaConfig()).defaultSchedule;
  const hours = [{ day: "mon" as const, open: "08:00", close: "16:00" }];
  await updateSchedule(before.id, { name: "Early hours", timeZone: before.timeZone, hours, holidays: [] }, null);
  const { result, queries } = await recordQueries(() => currentSlaConfig());
  expect(queries).toHaveLength(2);
  expect(result.defaultSchedule).toMatchObject({ name: "Early hours", hours });
});

test("a raw SQL update is read again at once", async () => {
  await currentSlaConfig();
  await prisma.$executeRaw`UPDATE "SlaPolicy" SET name = 'Raw promise' WHERE id = 'default-policy'`;
  expect(await read()).toEqual({ statements: 2, policyName: "Raw promise" });
  await currentSlaConfig();
  await prisma.$executeRaw`UPDATE "Schedule" SET name = 'Raw hours' WHERE "isDefault"`;
  const { result, queries } = await recordQueries(() => currentSlaConfig());
  expect(queries).toHaveLength(2);
  expect(result.defaultSchedule.name).toBe("Raw hours");
});

test("a script (migrations, test resets) is read again after: it may have changed anything", async () => {
  await currentSlaConfig();
  await database.withConnection((script) =>
    script(`UPDATE "SlaPolicy" SET name = 'Scripted promise' WHERE id = 'default-policy'`),
  );
  expect(await read()).toEqual({ statements: 2, policyName: "Scripted promise" });
});

test("a transaction's uncommitted policy write is its own: others keep the committed copy, a rollback re-reads", async () => {
  await renameDefaultPolicy("Committed promise");
  await currentSlaConfig();
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.slaPolicy.update({ where: { id: "default-policy" }, data: { name: "Uncommitted promise" } });
      // The transaction reads its own write (not the copy), and what it read is not kept for anyone else.
      expect(await read(() => currentSlaConfig(tx))).toEqual({ statements: 2, policyName: "Uncommitted promise" });
      expect(await read()).toEqual({ statements: 0, policyName: "Committed promise" });
      throw new Error("changed my mind");
    }),
  ).rejects.toThrow("changed my mind");
  // A rolled-back write counts like a committed one: read again (and it is the committed name).
  expect(await read()).toEqual({ statements: 2, policyName: "Committed promise" });
});

test("a transaction that misses reads through itself and refreshes the copy through the root client", async () => {
  await currentSlaConfig();
  await renameDefaultPolicy("Refreshed promise");
  const { result, queries } = await recordQueries(async () => {
    const config = await prisma.$transaction((tx) => currentSlaConfig(tx));
    // The refresh runs in the background (on the embedded database, once the transaction has ended).
    await new Promise((resolve) => setTimeout(resolve, 250));
    return config;
  });
  expect(result.policies.find((policy) => policy.isDefault)!.name).toBe("Refreshed promise");
  // The policies were read twice: in the transaction, and by the refresh.
  expect(queries.filter((sql) => sql.includes('"SlaPolicy"'))).toHaveLength(2);
  expect(await read()).toEqual({ statements: 0, policyName: "Refreshed promise" });
});

test("while write tracking is incomplete every call reads the database", async () => {
  await currentSlaConfig();
  setWriteTrackingComplete(false);
  expect(await read()).toMatchObject({ statements: 2 });
  expect(await read()).toMatchObject({ statements: 2 });
  expect(await prisma.$transaction((tx) => read(() => currentSlaConfig(tx)))).toMatchObject({ statements: 2 });
  setWriteTrackingComplete(true);
  await currentSlaConfig();
  expect(await read()).toMatchObject({ statements: 0 });
});

// On PostgreSQL a load can be held between its two statements (the schedules' table locked), so a policy write commits
// after the load read the policies and before it finished: the copy must count as older than that write.
test.runIf(Boolean(process.env.TEST_DATABASE_URL))(
  "a write committed while the configuration loads leaves the loaded copy out of date",
  async () => {
    await renameDefaultPolicy("Before the load");
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL! });
    await locker.connect();
    try {
      await locker.query(`BEGIN; LOCK TABLE "Schedule" IN ACCESS EXCLUSIVE MODE`);
      const loading = currentSlaConfig();
      await vi.waitFor(async () => {
        const { rows } = await locker.query<{ waiting: number }>(
          // (The waiting statement's text may not show yet: it waits while being parsed.)
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        expect(rows[0]!.waiting).toBe(1);
      });
      await renameDefaultPolicy("During the load");
      await locker.query("COMMIT");
      const loaded = await loading;
      expect(loaded.policies.find((policy) => policy.isDefault)!.name).toBe("Before the load");
      expect(await read()).toEqual({ statements: 2, policyName: "During the load" });
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
    }
  },
);
