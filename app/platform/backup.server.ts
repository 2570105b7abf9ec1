// Backups of the embedded database: one gzip'd tarball of PGlite's data folder as its dumpDataDir() writes it, plus
// the data folder's session secret (status links, reply addresses and sealed connector secrets are signed or
// encrypted with it, so a database restored without it would break them). Reading one back checks that it is such a
// file and holds Hearback's database before anything is written; restoring writes into a folder beside the target and
// renames it into place, so a failure leaves nothing half-restored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "./db.server";
import { TAR_END, TarFormatError, tarEntries, tarEntryPieces, withoutTarEntries } from "./tar.server";

const SESSION_SECRET_FILE = "session-secret";
/** Hearback's own entries sit outside PGlite's (which start with "/"), and are taken out again before loading. */
const HEARBACK_ENTRY_PREFIX = "hearback/";
const SESSION_SECRET_ENTRY = `${HEARBACK_ENTRY_PREFIX}${SESSION_SECRET_FILE}`;

/** A backup that cannot be taken or used, said in one sentence for the person running the command. */
export class BackupError extends Error {}

/** What a backup holds, read from the database inside it. */
export type BackupContents = { jobs: number; applications: number; migrations: number };

/** The embedded database in `dataDir` (and its session secret) as an uncompressed tarball in pieces; see gzipped(). */
export async function backupTarball(
  database: Database,
  dataDir: string,
  now: Date = new Date(),
): Promise<Uint8Array[]> {
  if (database.kind !== "embedded") {
    throw new BackupError(
      "Hearback backs up only its embedded database. On PostgreSQL use pg_dump, e.g. pg_dump -Fc -f hearback.dump " +
        '"$DATABASE_URL" (docs/operations.md).',
    );
  }
  const pieces = await database.dumpDataDir();
  const secretFile = path.join(dataDir, SESSION_SECRET_FILE);
  if (!dataDir.startsWith("memory://") && fs.existsSync(secretFile)) {
    pieces.push(...tarEntryPieces(SESSION_SECRET_ENTRY, fs.readFileSync(secretFile), now));
  }
  return [...pieces, TAR_END];
}

/** The tarball, gzip-compressed as it is read (zlib works off the event loop). */
export function gzipped(pieces: Uint8Array[]): Readable {
  const gzip = zlib.createGzip();
  const buffers = pieces.map((piece) => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
  void pipeline(Readable.from(buffers), gzip).catch((error: unknown) => gzip.destroy(error as Error));
  return gzip;
}

/**
 * Writes `source` to `target` through a temporary file beside it, so the target is either absent or whole. Without
 * `overwrite` an existing target is refused, even one that appears meanwhile. The file is readable by its owner only.
 */
export async function writeFileAtomically(
  target: string,
  source: Readable | AsyncIterable<Uint8Array>,
  { overwrite = false }: { overwrite?: boolean } = {},
): Promise<number> {
  if (!overwrite && fs.existsSync(target)) throw new BackupError(`${target} already exists.`);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    await pipeline(source, fs.createWriteStream(temporary, { flags: "wx", mode: 0o600 }));
    const handle = await fs.promises.open(temporary, "r");
    await handle.sync().finally(() => handle.close());
    if (overwrite) {
      await fs.promises.rename(temporary, target);
    } else {
      // link() fails if the target exists, where rename() would replace it.
      await fs.promises.link(temporary, target).catch((error: NodeJS.ErrnoException) => {
        throw error.code === "EEXIST" ? new BackupError(`${target} already exists.`) : error;
      });
    }
    return (await fs.promises.stat(target)).size;
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
}

type ReadBackup = { pgdata: Uint8Array<ArrayBuffer>; sessionSecret?: Buffer };

/** The backup in `file`, checked to be a gzip'd tarball of a PostgreSQL data folder; nothing is written. */
async function readBackup(file: string): Promise<ReadBackup> {
  let compressed: Buffer;
  try {
    compressed = await fs.promises.readFile(file);
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const notABackup = (why: string) => new BackupError(`${file} is not a Hearback backup (${why}).`);
  if (compressed[0] !== 0x1f || compressed[1] !== 0x8b) throw notABackup("it is not gzip-compressed");
  let tarball: Buffer;
  try {
    tarball = await promisify(zlib.gunzip)(compressed);
  } catch (error) {
    throw notABackup(`its compression is damaged: ${(error as Error).message}`);
  }
  try {
    const entries = tarEntries(tarball);
    const named = (name: string) => entries.find((entry) => entry.name === name && entry.type === "file");
    if (!named("/PG_VERSION") || !named("/global/pg_control")) throw notABackup("it holds no PostgreSQL data folder");
    const secret = named(SESSION_SECRET_ENTRY);
    return {
      pgdata: withoutTarEntries(tarball, (entry) => entry.name.startsWith(HEARBACK_ENTRY_PREFIX)),
      sessionSecret: secret ? Buffer.from(secret.data) : undefined,
    };
  } catch (error) {
    if (error instanceof TarFormatError) throw notABackup(error.message);
    throw error;
  }
}

/** Writes the database in `pgdata` into `pgliteDir`, opens it, reads what it holds, and closes it. */
async function loadAndCount(file: string, pgdata: Uint8Array<ArrayBuffer>, pgliteDir: string): Promise<BackupContents> {
  let db: PGlite | undefined;
  try {
    db = new PGlite(pgliteDir, { loadDataDir: new Blob([pgdata], { type: "application/x-tar" }) });
    await db.waitReady;
    const [{ hearback }] = (
      await db.query<{ hearback: boolean }>(
        `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AND to_regclass('public."Application"') IS NOT NULL
             AND to_regclass('public."Job"') IS NOT NULL AS hearback`,
      )
    ).rows as [{ hearback: boolean }];
    if (!hearback) throw new BackupError(`${file} holds a PostgreSQL database, but not Hearback's.`);
    const [counts] = (
      await db.query<BackupContents>(
        `SELECT (SELECT count(*) FROM "Job")::int AS jobs, (SELECT count(*) FROM "Application")::int AS applications,
                (SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL)::int AS migrations`,
      )
    ).rows as [BackupContents];
    return counts;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} could not be opened as a database: ${(error as Error).message}`);
  } finally {
    await db?.close().catch(() => undefined);
  }
}

/**
 * What the backup in `file` holds, read by opening it in a temporary folder (so it is also known to open). Not in
 * memory: PGlite 0.5 loads a dump into its in-memory file system without the tables.
 */
export async function describeBackup(file: string): Promise<BackupContents> {
  const { pgdata } = await readBackup(file);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-backup-check-"));
  try {
    return await loadAndCount(file, pgdata, path.join(folder, "pglite"));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Whether `folder` is missing or an empty folder. */
export function isMissingOrEmpty(folder: string): boolean {
  try {
    return fs.readdirSync(folder).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/**
 * Restores the backup in `file` as the data folder `dataDir`, which must be missing or empty: the database goes to
 * <dataDir>/pglite and the session secret beside it. Built in a folder next to `dataDir` and renamed into place.
 */
export async function restoreBackup(file: string, dataDir: string): Promise<BackupContents> {
  if (!isMissingOrEmpty(dataDir)) {
    throw new BackupError(`The data folder ${dataDir} is not empty. Restore into a new folder (HEARBACK_DATA_DIR).`);
  }
  const backup = await readBackup(file);
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  const building = fs.mkdtempSync(path.join(parent, `.${path.basename(dataDir)}.restoring-`));
  try {
    const contents = await loadAndCount(file, backup.pgdata, path.join(building, "pglite"));
    if (backup.sessionSecret) {
      fs.writeFileSync(path.join(building, SESSION_SECRET_FILE), backup.sessionSecret, { mode: 0o600 });
    }
    if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir); // empty, checked above; rmdir refuses anything else
    fs.renameSync(building, dataDir);
    return contents;
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
}
