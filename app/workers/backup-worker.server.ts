// The daily backup of the embedded database: soon after start if today's (UTC) is missing, then checked every hour, so
// one is taken shortly after each midnight UTC. Backups go to <data>/backups/hearback-YYYY-MM-DD.tar.gz (PGlite owns
// only <data>/pglite), the newest 7 are kept. Off on PostgreSQL and with HEARBACK_BACKUPS=off.
import fs from "node:fs";
import path from "node:path";
import { dailyBackupDue, dailyBackupName, dailyBackupsToDelete } from "~/domain/backups";
import { backupTarball, gzipped, writeFileAtomically } from "~/platform/backup.server";
import { database } from "~/platform/db.server";
import { dataDir, env } from "~/platform/env.server";
import { logger } from "~/platform/log.server";

const FIRST_CHECK_MS = 15_000;
const CHECK_EVERY_MS = 60 * 60_000;
const log = logger.child({ worker: "backup" });

export function backupsFolder(): string {
  return path.join(dataDir, "backups");
}

/** Takes today's backup if it is missing and deletes the oldest beyond 7; returns the file written, if any. */
export async function runDailyBackup(now: Date = new Date(), folder: string = backupsFolder()): Promise<string | null> {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const names = fs.readdirSync(folder);
  // What a run cut short (the process stopped while writing) left behind; no other run is under way.
  for (const name of names.filter((name) => name.startsWith(".hearback-") && name.includes(".tmp-"))) {
    fs.rmSync(path.join(folder, name), { force: true });
  }
  if (!dailyBackupDue(now, names)) return null;
  const file = path.join(folder, dailyBackupName(now));
  const started = performance.now();
  const size = await writeFileAtomically(file, gzipped(await backupTarball(database, dataDir, now)), {
    overwrite: true,
  });
  for (const old of dailyBackupsToDelete([...names, path.basename(file)])) fs.rmSync(path.join(folder, old));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log.info(
    { file, bytes: size },
    `Daily backup written: ${file} (${(size / 1024 / 1024).toFixed(1)} MB in ${seconds} s)`,
  );
  return file;
}

/** Starts the loop; returns a function that stops it, resolving once a backup in hand is written. */
export function startBackupWorker(): () => Promise<void> {
  if (database.kind !== "embedded" || !env.HEARBACK_BACKUPS || dataDir.startsWith("memory://")) {
    return async () => undefined;
  }
  let stopped = false;
  let running: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    running = runDailyBackup().catch((error: unknown) => {
      log.error({ err: error }, "The daily backup failed; it is tried again within the hour");
    });
    await running;
    running = null;
    if (stopped) return;
    timer = setTimeout(tick, CHECK_EVERY_MS);
    timer.unref();
  };
  timer = setTimeout(tick, FIRST_CHECK_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
