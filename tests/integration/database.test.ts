// Opening the embedded database is deferred to the first query, so merely importing models (as the CLI does while a
// server holds the data folder) never opens the files a second time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { openDatabase } from "~/utils/db.server";

test("the embedded database opens on the first query, not before", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-db-"));
  try {
    const database = openDatabase({ dataDir });
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
    await database.prisma.$queryRaw`SELECT 1`;
    expect(fs.existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    await database.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("closing a database that was never used opens nothing", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-db-"));
  try {
    await openDatabase({ dataDir }).close();
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
