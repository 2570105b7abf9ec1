// Opening the embedded database is deferred to the first query, so merely importing models (as the CLI does while a
// server holds the data folder) never opens the files a second time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { openDatabase } from "~/platform/db.server";

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

test("a run of queries on the embedded database lets timers and requests in between its statements", async () => {
  // PGlite answers inside this process, without I/O: unless the adapter hands the event loop back, a job that awaits
  // query after query holds it to the end, and every request meanwhile waits (a page's 5 s render abort fired: a 500).
  const database = openDatabase({ dataDir: "memory://" });
  try {
    await database.prisma.$queryRaw`SELECT 1`;
    const statements = 200;
    let finished = 0;
    let finishedWhenTimerRan: number | null = null;
    setTimeout(() => (finishedWhenTimerRan = finished), 0);
    for (let index = 0; index < statements; index += 1) {
      await database.prisma.$queryRaw`SELECT 1`;
      finished += 1;
    }
    expect(finishedWhenTimerRan).not.toBeNull();
    expect(finishedWhenTimerRan).toBeLessThan(statements);
  } finally {
    await database.close();
  }
});
