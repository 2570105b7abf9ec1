import { describe, expect, test } from "vitest";
import { dailyBackupDue, dailyBackupName, dailyBackupsToDelete, isDailyBackupName } from "./backups";

describe("daily backup names", () => {
  test("name the UTC day of the backup", () => {
    expect(dailyBackupName(new Date("2026-12-06T10:00:00Z"))).toBe("hearback-2026-12-06.tar.gz");
    // Just before midnight in Berlin is already the next day there, still the same day in UTC.
    expect(dailyBackupName(new Date("2026-12-06T23:30:00Z"))).toBe("hearback-2026-12-06.tar.gz");
    expect(dailyBackupName(new Date("2027-01-01T00:00:00Z"))).toBe("hearback-2027-01-01.tar.gz");
  });

  test("only hearback-YYYY-MM-DD.tar.gz counts as a daily backup", () => {
    expect(isDailyBackupName("hearback-2026-12-06.tar.gz")).toBe(true);
    expect(isDailyBackupName("hearback-2026-12-06.tar.gz.tmp-123")).toBe(false);
    expect(isDailyBackupName("before-upgrade.tar.gz")).toBe(false);
    expect(isDailyBackupName("hearback-latest.tar.gz")).toBe(false);
  });
});

describe("whether a backup is due", () => {
  const now = new Date("2026-12-06T00:05:00Z");

  test("when the folder is empty or holds only older days", () => {
    expect(dailyBackupDue(now, [])).toBe(true);
    expect(dailyBackupDue(now, ["hearback-2026-12-05.tar.gz", "notes.txt"])).toBe(true);
  });

  test("not when today's is there", () => {
    expect(dailyBackupDue(now, ["hearback-2026-12-05.tar.gz", "hearback-2026-12-06.tar.gz"])).toBe(false);
  });

  test("again on the next UTC day", () => {
    const names = ["hearback-2026-12-06.tar.gz"];
    expect(dailyBackupDue(new Date("2026-12-06T23:59:59Z"), names)).toBe(false);
    expect(dailyBackupDue(new Date("2026-12-07T00:00:00Z"), names)).toBe(true);
  });
});

describe("retention", () => {
  const days = (from: number, to: number) =>
    Array.from(
      { length: to - from + 1 },
      (_, index) => `hearback-2026-12-${String(from + index).padStart(2, "0")}.tar.gz`,
    );

  test("keeps the newest seven and deletes the rest, whatever order the folder lists them in", () => {
    const names = [...days(1, 10)].reverse();
    expect(dailyBackupsToDelete(names).sort()).toEqual(days(1, 3));
  });

  test("deletes nothing while there are seven or fewer", () => {
    expect(dailyBackupsToDelete(days(1, 7))).toEqual([]);
    expect(dailyBackupsToDelete(days(1, 2))).toEqual([]);
  });

  test("never deletes files that are not daily backups", () => {
    const names = [...days(1, 9), "before-upgrade.tar.gz", ".hearback-2026-12-10.tar.gz.tmp-42"];
    expect(dailyBackupsToDelete(names).sort()).toEqual(days(1, 2));
  });

  test("orders across months and years by the date in the name", () => {
    const names = ["hearback-2026-12-31.tar.gz", "hearback-2027-01-01.tar.gz", "hearback-2026-11-30.tar.gz"];
    expect(dailyBackupsToDelete(names, 2)).toEqual(["hearback-2026-11-30.tar.gz"]);
  });
});
