// A backup of the embedded database is never taken in the middle of a transaction: the copy waits for an open one to
// commit, and holds all of it. On its own database in a folder on disk, as the server's; PGlite only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, expect, test } from "vitest";
import { database, openDatabase } from "~/platform/db.server";
import { TAR_END } from "~/platform/tar.server";

// Made by the test itself: when it is skipped (PostgreSQL) there is nothing to clean up.
let folder = "";
afterAll(() => folder && fs.rmSync(folder, { recursive: true, force: true }));

const settled = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => "settled"), new Promise((resolve) => setTimeout(() => resolve("pending"), ms))]);

test.skipIf(database.kind !== "embedded")(
  "the copy waits for the open transaction and holds all of it",
  async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-consistency-"));
    const onDisk = openDatabase({ dataDir: path.join(folder, "data") });
    try {
      await onDisk.withConnection((script) => script("CREATE TABLE payments (id int PRIMARY KEY, amount int)"));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let inTransaction!: () => void;
      const opened = new Promise<void>((resolve) => (inTransaction = resolve));
      const transfer = onDisk.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("INSERT INTO payments VALUES (1, -100)");
        inTransaction();
        await gate;
        await tx.$executeRawUnsafe("INSERT INTO payments VALUES (2, 100)");
      });
      await opened;
      const dump = onDisk.dumpDataDir();
      expect(await settled(dump, 500)).toBe("pending");
      release();
      await transfer;
      const pieces = await dump;

      const copy = new PGlite(path.join(folder, "copy"), {
        loadDataDir: new Blob([...pieces, TAR_END] as Uint8Array<ArrayBuffer>[], { type: "application/x-tar" }),
      });
      try {
        const { rows } = await copy.query<{ id: number; amount: number }>("SELECT * FROM payments ORDER BY id");
        expect(rows).toEqual([
          { id: 1, amount: -100 },
          { id: 2, amount: 100 },
        ]);
      } finally {
        await copy.close();
      }
    } finally {
      await onDisk.close();
    }
  },
  120_000,
);
