// The daily backup: written when today's (UTC) is missing, not again that day, the newest 7 kept, other files and
// what an interrupted run left behind handled. On PostgreSQL there is nothing to back up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { describeBackup } from "~/platform/backup.server";
import { database } from "~/platform/db.server";
import { runDailyBackup } from "~/workers/backup-worker.server";
import { createTestJob } from "../factories";

// Made by the test itself: when it is skipped (PostgreSQL) there is nothing to clean up.
let folder = "";
afterAll(() => folder && fs.rmSync(folder, { recursive: true, force: true }));

const daily = (day: string) => `hearback-2026-${day}.tar.gz`;

test.skipIf(database.kind !== "embedded")(
  "a backup a day into the backups folder, the newest 7 kept",
  async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "hearback-daily-"));
    await createTestJob({ title: "Site Reliability Engineer" });
    const older = ["11-27", "11-28", "11-29", "11-30", "12-01", "12-02", "12-03", "12-04", "12-05"].map(daily);
    for (const name of [...older, "before-upgrade.tar.gz", ".hearback-2026-12-05.tar.gz.tmp-4242-1"]) {
      fs.writeFileSync(path.join(folder, name), "an older backup");
    }

    const written = await runDailyBackup(new Date("2026-12-06T00:20:00Z"), folder);
    expect(written).toBe(path.join(folder, daily("12-06")));
    expect(fs.readdirSync(folder).sort()).toEqual(
      ["before-upgrade.tar.gz", ...["11-30", "12-01", "12-02", "12-03", "12-04", "12-05", "12-06"].map(daily)].sort(),
    );
    expect(fs.statSync(written!).mode & 0o777).toBe(0o600);
    expect((await describeBackup(written!)).jobs).toBeGreaterThanOrEqual(1);

    // Later the same UTC day: nothing to do; the next day: the next backup, and the oldest goes.
    expect(await runDailyBackup(new Date("2026-12-06T23:59:00Z"), folder)).toBeNull();
    expect(await runDailyBackup(new Date("2026-12-07T00:10:00Z"), folder)).toBe(path.join(folder, daily("12-07")));
    expect(fs.existsSync(path.join(folder, daily("11-30")))).toBe(false);
    expect(fs.readdirSync(folder).filter((name) => name.startsWith("hearback-"))).toHaveLength(7);
  },
  120_000,
);
