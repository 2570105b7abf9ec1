// Backup and restore of the embedded database, as run by people: `hearback backup` with no server (the database
// opened directly) and through a running server (tests/backup-server-process.ts), `hearback restore` into a fresh
// data folder, and the restored database compared row by row with the original. PGlite only: on PostgreSQL the
// commands refuse and point at pg_dump.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { backupTarball, gzipped, restoreBackup, writeFileAtomically } from "~/platform/backup.server";
import { database, openDatabase, prisma } from "~/platform/db.server";
import { applyMigrations } from "~/platform/migrate.server";
import { moveApplication } from "~/models/application.server";
import { pinClock } from "../clock";
import { createTestApplication, createTestJob, createTestUser } from "../factories";

const NOW = pinClock();
const DAY = 24 * 60 * 60_000;
const TABLES = ["Job", "Stage", "Candidate", "Application", "Event", "SlaClock"] as const;
const SLOW = 240_000;

const run = promisify(execFile);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-backup-"));
const at = (name: string) => path.join(workDir, name);

async function hearback(dataDir: string, ...args: string[]) {
  const env = { ...process.env, HEARBACK_DATA_DIR: dataDir, NODE_ENV: "production" as const };
  try {
    const { stdout, stderr } = await run("node", ["bin/hearback.mjs", ...args], { env, timeout: SLOW });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

async function rowsOf(client: typeof prisma, table: string): Promise<unknown[]> {
  return client.$queryRawUnsafe(`SELECT * FROM "${table}" ORDER BY id`);
}

/** The folder's contents, and what else lies beside it (a half-restored folder would show there). */
function listing(folder: string): string[] {
  const inside = fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => `${path.basename(folder)}/${name}`) : [];
  return [...inside, ...fs.readdirSync(path.dirname(folder))].sort();
}

/** A server on `dataDir` in its own process, once it listens. */
async function startServer(dataDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "tests/backup-server-process.ts"], {
    env: { ...process.env, HEARBACK_DATA_DIR: dataDir, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    server.on("exit", (code) => reject(new Error(`the server stopped (${code})`)));
  });
  return server;
}

async function stop(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.on("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

describe.skipIf(database.kind !== "embedded")("backup and restore of the embedded database", () => {
  const original = at("original");

  beforeAll(async () => {
    // A workspace with jobs, applications, their events and running SLA clocks, in this test's in-memory database…
    const recruiter = await createTestUser({ role: "recruiter" });
    for (const title of ["Backend Engineer", "Product Designer"]) {
      const job = await createTestJob({ title, recruiterId: recruiter.id });
      const stages = await prisma.stage.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
      for (let index = 0; index < 4; index++) {
        const appliedAt = new Date(NOW.getTime() - (index + 1) * DAY);
        const application = await createTestApplication({ jobId: job.id, appliedAt, actorId: recruiter.id });
        if (index % 2 === 0) {
          await moveApplication(
            application.id,
            { stageId: stages[1]!.id, occurredAt: new Date(appliedAt.getTime() + DAY / 2) },
            recruiter,
          );
        }
      }
    }
    expect(await prisma.slaClock.count({ where: { state: "running" } })).toBeGreaterThan(0);
    expect(await prisma.event.count()).toBeGreaterThan(8);
    // …backed up and restored into a data folder on disk, for the commands to work on.
    await writeFileAtomically(at("seed.tar.gz"), gzipped(await backupTarball(database, "memory://", NOW)));
    await restoreBackup(at("seed.tar.gz"), original);
  }, SLOW);

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  /** Restores `file` with the command into a new folder, opens it as the server would, and compares every row. */
  async function expectSameRowsAfterRestore(file: string, folderName: string) {
    const restored = at(folderName);
    const result = await hearback(restored, "restore", file);
    expect(result.stderr).toMatch(/Restored .* 2 jobs, 8 applications/);
    expect(result.code).toBe(0);
    const reopened = openDatabase({ dataDir: restored });
    try {
      expect(await applyMigrations(reopened)).toEqual([]);
      for (const table of TABLES) expect(await rowsOf(reopened.prisma, table)).toEqual(await rowsOf(prisma, table));
    } finally {
      await reopened.close();
    }
  }

  test(
    "without a server the command opens the database itself; the backup restores row for row",
    async () => {
      const file = at("direct.tar.gz");
      const result = await hearback(original, "backup", file);
      expect(result.stderr).toMatch(
        /Backed up the embedded database to .*direct\.tar\.gz \([\d.]+ [KM]B\): 2 jobs, 8 applications/,
      );
      expect(result.code).toBe(0);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.existsSync(path.join(original, "server.json"))).toBe(false);
      await expectSameRowsAfterRestore(file, "restored-direct");
    },
    SLOW,
  );

  test(
    "while a server holds the database the backup comes through it, and restores row for row",
    async () => {
      const server = await startServer(original);
      const file = at("through-server.tar.gz");
      try {
        const result = await hearback(original, "backup", file);
        expect(result.stderr).toMatch(/Using the Hearback server \(pid \d+\)/);
        expect(result.stderr).toMatch(/2 jobs, 8 applications/);
        expect(result.code).toBe(0);
        // The server holds the folder: restoring into it is refused.
        const refused = await hearback(original, "restore", file);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/is using the data folder/);
      } finally {
        await stop(server);
      }
      await expectSameRowsAfterRestore(file, "restored-through-server");
    },
    SLOW,
  );

  test(
    "restore refuses a folder that is not empty and a file that is not a backup, and leaves nothing behind",
    async () => {
      const notEmpty = at("not-empty");
      fs.mkdirSync(notEmpty);
      fs.writeFileSync(path.join(notEmpty, "notes.txt"), "keep me");
      const before = listing(notEmpty);
      const intoFull = await hearback(notEmpty, "restore", at("seed.tar.gz"));
      expect(intoFull.code).toBe(2);
      expect(intoFull.stderr).toMatch(/is not empty/);
      expect(listing(notEmpty)).toEqual(before);

      const fresh = at("fresh");
      const notBackups = {
        "plain.txt": Buffer.from("not a backup"),
        "other.tar.gz": zlib.gzipSync(Buffer.from("just some text, compressed")),
        "cut-short.tar.gz": fs.readFileSync(at("seed.tar.gz")).subarray(0, 200_000),
      };
      for (const [name, bytes] of Object.entries(notBackups)) {
        fs.writeFileSync(at(name), bytes);
        const besides = listing(fresh);
        const result = await hearback(fresh, "restore", at(name));
        expect(result.code, name).toBe(2);
        expect(result.stderr, name).toMatch(/is not a Hearback backup/);
        expect(listing(fresh), name).toEqual(besides);
        expect(fs.existsSync(fresh), name).toBe(false);
      }
    },
    SLOW,
  );

  test(
    "backup refuses to replace a file unless --force",
    async () => {
      const file = at("existing.tar.gz");
      fs.writeFileSync(file, "precious");
      const refused = await hearback(original, "backup", file);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/already exists.*--force/);
      expect(fs.readFileSync(file, "utf8")).toBe("precious");
      const missingFile = await hearback(original, "backup");
      expect(missingFile.code).toBe(2);
      const help = await hearback(original, "--help");
      expect(help.stdout).toMatch(/backup <file> \[--force\]/);
      expect(help.stdout).toMatch(/restore <file>/);
    },
    SLOW,
  );
});

test.skipIf(database.kind === "embedded")("on PostgreSQL the commands refuse and point at pg_dump", async () => {
  const result = await hearback(at("unused"), "backup", at("pg.tar.gz"));
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/pg_dump/);
  fs.rmSync(workDir, { recursive: true, force: true });
});
