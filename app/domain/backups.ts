// The daily backups of the embedded database: their file names (one per UTC day), whether today's is due, and which
// to delete so that the newest few are kept. Pure: the caller lists the folder and passes the date.

/** How many daily backups are kept: a week's worth. */
export const DAILY_BACKUPS_KEPT = 7;

const DAILY_NAME = /^hearback-(\d{4}-\d{2}-\d{2})\.tar\.gz$/;

/** The UTC day of `date` as YYYY-MM-DD. */
function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The file name of the daily backup taken on `date`'s UTC day, e.g. hearback-2026-12-06.tar.gz. */
export function dailyBackupName(date: Date): string {
  return `hearback-${utcDay(date)}.tar.gz`;
}

/** Whether a file name is one of the daily backups (others in the folder are never touched). */
export function isDailyBackupName(name: string): boolean {
  return DAILY_NAME.test(name);
}

/** Whether the backup of `now`'s UTC day is still to be taken, given the names in the backups folder. */
export function dailyBackupDue(now: Date, names: readonly string[]): boolean {
  return !names.includes(dailyBackupName(now));
}

/** The daily backups to delete so that only the newest `keep` remain (newest by the date in the name). */
export function dailyBackupsToDelete(names: readonly string[], keep: number = DAILY_BACKUPS_KEPT): string[] {
  const daily = names.filter(isDailyBackupName).sort().reverse();
  return daily.slice(Math.max(keep, 0));
}
