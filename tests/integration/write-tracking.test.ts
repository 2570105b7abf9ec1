// The write generation (app/platform/write-tracking.server.ts) must move after every committed write however it was made
// — model call, interactive or batch transaction, raw SQL — and must not move for reads, or the status-page cache
// would serve pages older than the database (or never serve any).
import { AsyncLocalStorage } from "node:async_hooks";
import { expect, test } from "vitest";
import { database, prisma } from "~/platform/db.server";
import {
  noteWrite,
  setWriteTrackingComplete,
  tablesGeneration,
  uncommittedWritesTo,
  watchTables,
  withUnseenWrites,
  writeGeneration,
} from "~/platform/write-tracking.server";

const key = (name: string) => `write-tracking-test:${name}:${Math.random()}`;

async function moved(work: () => Promise<unknown>): Promise<boolean> {
  const before = writeGeneration();
  await work();
  return writeGeneration() !== before;
}

test("reads leave the generation where it is", async () => {
  expect(await moved(() => prisma.setting.findMany({ take: 1 }))).toBe(false);
  expect(await moved(() => prisma.$queryRaw`SELECT 1`)).toBe(false);
  // A WITH query that modifies nothing is a read too (the reports behind Waiting on us and the dashboard).
  expect(await moved(() => prisma.$queryRaw`WITH p AS (SELECT key FROM "Setting") SELECT count(*)::int FROM p`)).toBe(
    false,
  );
  expect(await moved(() => prisma.$transaction(async (tx) => tx.setting.count()))).toBe(false);
});

test("a model write, a raw write and a batch transaction each move it", async () => {
  expect(await moved(() => prisma.setting.create({ data: { key: key("create"), value: {} } }))).toBe(true);
  const name = key("raw");
  await prisma.setting.create({ data: { key: name, value: {} } });
  expect(await moved(() => prisma.$executeRaw`UPDATE "Setting" SET value = '{"a":1}' WHERE key = ${name}`)).toBe(true);
  expect(
    await moved(
      () =>
        prisma.$queryRaw`WITH changed AS (UPDATE "Setting" SET value = '{}' WHERE key = ${name} RETURNING key) SELECT key FROM changed`,
    ),
  ).toBe(true);
  expect(await moved(() => prisma.$transaction([prisma.setting.deleteMany({ where: { key: name } })]))).toBe(true);
});

test("an interactive transaction moves it when it ends, not while it runs", async () => {
  const before = writeGeneration();
  let inside = 0;
  await prisma.$transaction(async (tx) => {
    await tx.setting.create({ data: { key: key("tx"), value: {} } });
    inside = writeGeneration();
  });
  expect(inside).toBe(before);
  expect(writeGeneration()).not.toBe(before);
});

test("a failed transaction moves it too: whatever it touched is re-read", async () => {
  const before = writeGeneration();
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: key("rollback"), value: {} } });
      throw new Error("changed my mind");
    }),
  ).rejects.toThrow("changed my mind");
  expect(writeGeneration()).not.toBe(before);
});

test("writes marked unseen leave it where it is, and only those", async () => {
  expect(
    await moved(() => withUnseenWrites(() => prisma.setting.create({ data: { key: key("unseen"), value: {} } }))),
  ).toBe(false);
  expect(
    await moved(() =>
      withUnseenWrites(() =>
        prisma.$transaction(async (tx) => tx.setting.create({ data: { key: key("u2"), value: {} } })),
      ),
    ),
  ).toBe(false);
  expect(await moved(() => prisma.setting.create({ data: { key: key("seen"), value: {} } }))).toBe(true);
});

test("a plain change that changed no row leaves it where it is: the workers' idle polls keep the caches", async () => {
  const nobody = key("nobody");
  expect(await moved(() => prisma.$executeRaw`UPDATE "Setting" SET value = '{}' WHERE key = ${nobody}`)).toBe(false);
  expect(
    await moved(() => prisma.$queryRaw`UPDATE "Setting" SET value = '{}' WHERE key = ${nobody} RETURNING key`),
  ).toBe(false);
  expect(await moved(() => prisma.setting.updateMany({ where: { key: nobody }, data: { value: {} } }))).toBe(false);
  // A CTE may hide a change whatever the last statement reports, so it always counts.
  expect(
    await moved(
      () =>
        prisma.$queryRaw`WITH gone AS (DELETE FROM "Setting" WHERE key = ${nobody} RETURNING key) SELECT key FROM gone`,
    ),
  ).toBe(true);
  const name = key("somebody");
  await prisma.setting.create({ data: { key: name, value: {} } });
  expect(await moved(() => prisma.$queryRaw`UPDATE "Setting" SET value = '{}' WHERE key = ${name} RETURNING key`)).toBe(
    true,
  );
});

// Prisma queues a transaction's statements and sends all queued in one tick from the context of the request that queued
// first (its DataLoader batches by transaction), so a statement may run in another request's async context. Whether a
// transaction's writes are unseen is therefore decided by the context it was started in. (The other request's read is
// not awaited inside the transaction: on PGlite it waits for the transaction to end.)
test("an unseen transaction stays unseen when Prisma sends its statement along with another request's", async () => {
  const inAnotherRequest = AsyncLocalStorage.snapshot();
  let otherRead: Promise<unknown> = Promise.resolve();
  expect(
    await moved(() =>
      withUnseenWrites(() =>
        prisma.$transaction(async (tx) => {
          otherRead = inAnotherRequest(() => prisma.setting.findUnique({ where: { key: key("x") } }).then());
          await tx.setting.create({ data: { key: key("unseen-batched"), value: {} } });
        }),
      ),
    ),
  ).toBe(false);
  await otherRead;
});

test("a transaction's write counts when Prisma sends it along with a request marked unseen", async () => {
  let unseenRead: Promise<unknown> = Promise.resolve();
  expect(
    await moved(() =>
      prisma.$transaction(async (tx) => {
        unseenRead = withUnseenWrites(() => prisma.setting.findUnique({ where: { key: key("y") } }).then());
        await tx.setting.create({ data: { key: key("seen-batched"), value: {} } });
      }),
    ),
  ).toBe(true);
  await unseenRead;
});

// Watched tables (a cache of the SLA configuration keeps their generation, not the global one).
watchTables("SlaPolicy", "Schedule");

/** Which of the generations moved while `work` ran. */
async function movedTables(work: () => Promise<unknown>) {
  const before = {
    all: writeGeneration(),
    policy: tablesGeneration(["SlaPolicy"]),
    schedule: tablesGeneration(["Schedule"]),
  };
  await work();
  return {
    all: writeGeneration() !== before.all,
    policy: tablesGeneration(["SlaPolicy"]) !== before.policy,
    schedule: tablesGeneration(["Schedule"]) !== before.schedule,
  };
}

test("a watched table's generation moves only for writes that name it", async () => {
  expect(await movedTables(() => prisma.setting.create({ data: { key: key("other"), value: {} } }))).toEqual({
    all: true,
    policy: false,
    schedule: false,
  });
  expect(
    await movedTables(() => prisma.slaPolicy.update({ where: { id: "default-policy" }, data: { name: "Policy A" } })),
  ).toEqual({ all: true, policy: true, schedule: false });
  expect(await movedTables(() => prisma.$executeRaw`UPDATE "Schedule" SET name = 'Hours A' WHERE "isDefault"`)).toEqual(
    { all: true, policy: false, schedule: true },
  );
  expect(await movedTables(() => prisma.slaPolicy.findMany())).toEqual({ all: false, policy: false, schedule: false });
  // A WITH query that modifies nothing (the metrics' reports) moves nothing.
  expect(
    await movedTables(() => prisma.$queryRaw`WITH p AS (SELECT name FROM "SlaPolicy") SELECT count(*)::int FROM p`),
  ).toEqual({ all: false, policy: false, schedule: false });
  // Several writes sent as one WITH statement move every watched table they name.
  expect(
    await movedTables(
      () =>
        prisma.$executeRaw`WITH w0 AS (UPDATE "SlaPolicy" SET name = 'Policy B' WHERE id = 'default-policy') SELECT 1`,
    ),
  ).toEqual({ all: true, policy: true, schedule: false });
  // Marked unseen or not, a write to a watched table counts.
  expect(
    await movedTables(() =>
      withUnseenWrites(() => prisma.slaPolicy.update({ where: { id: "default-policy" }, data: { name: "Policy C" } })),
    ),
  ).toEqual({ all: true, policy: true, schedule: false });
});

test("a transaction moves the watched tables it wrote when it ends, and holds them open meanwhile", async () => {
  const before = tablesGeneration(["SlaPolicy"]);
  let inside = { generation: 0, open: false };
  await prisma.$transaction(async (tx) => {
    expect(uncommittedWritesTo(["SlaPolicy"])).toBe(false);
    await tx.slaPolicy.update({ where: { id: "default-policy" }, data: { name: "Policy D" } });
    inside = { generation: tablesGeneration(["SlaPolicy"]), open: uncommittedWritesTo(["SlaPolicy"]) };
    expect(uncommittedWritesTo(["Schedule"])).toBe(false);
  });
  expect(inside).toEqual({ generation: before, open: true });
  expect(tablesGeneration(["SlaPolicy"])).not.toBe(before);
  expect(uncommittedWritesTo(["SlaPolicy"])).toBe(false);

  const beforeRollback = tablesGeneration(["Schedule"]);
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.schedule.updateMany({ where: { isDefault: true }, data: { name: "Hours B" } });
      throw new Error("changed my mind");
    }),
  ).rejects.toThrow("changed my mind");
  expect(tablesGeneration(["Schedule"])).not.toBe(beforeRollback);
  expect(uncommittedWritesTo(["Schedule"])).toBe(false);

  expect(
    await movedTables(() =>
      prisma.$transaction(async (tx) => tx.setting.create({ data: { key: key("t"), value: {} } })),
    ),
  ).toEqual({ all: true, policy: false, schedule: false });
});

test("everything moves every watched table: scripts, statements that name no table, tracking switched on or off", async () => {
  const everything = { all: true, policy: true, schedule: true };
  expect(await movedTables(async () => noteWrite())).toEqual(everything);
  expect(await movedTables(() => database.withConnection((script) => script("SELECT 1")))).toEqual(everything);
  expect(await movedTables(() => prisma.$executeRawUnsafe(`ANALYZE "Setting"`))).toEqual(everything);
  expect(await movedTables(async () => setWriteTrackingComplete(false))).toEqual(everything);
  expect(await movedTables(async () => setWriteTrackingComplete(true))).toEqual(everything);
  // Another instance's write with a known list moves only those tables.
  expect(await movedTables(async () => noteWrite(["Schedule"]))).toEqual({ all: true, policy: false, schedule: true });
});
