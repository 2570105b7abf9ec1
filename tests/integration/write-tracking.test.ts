// The write generation (app/platform/write-tracking.server.ts) must move after every committed write however it was made
// — model call, interactive or batch transaction, raw SQL — and must not move for reads, or the status-page cache
// would serve pages older than the database (or never serve any).
import { AsyncLocalStorage } from "node:async_hooks";
import { expect, test } from "vitest";
import { prisma } from "~/platform/db.server";
import { withUnseenWrites, writeGeneration } from "~/platform/write-tracking.server";

const key = (name: string) => `write-tracking-test:${name}:${Math.random()}`;

async function moved(work: () => Promise<unknown>): Promise<boolean> {
  const before = writeGeneration();
  await work();
  return writeGeneration() !== before;
}

test("reads leave the generation where it is", async () => {
  expect(await moved(() => prisma.setting.findMany({ take: 1 }))).toBe(false);
  expect(await moved(() => prisma.$queryRaw`SELECT 1`)).toBe(false);
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
