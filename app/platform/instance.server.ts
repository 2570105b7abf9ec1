// The embedded database lives inside this process, so only one process may open a data folder at a time. The running
// server records itself in <data>/server.json; the CLI reads it to talk to the server instead of opening the files.
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "./env.server";
import { singleton } from "./singleton.server";
import { generateSecret } from "./tokens.server";

export type InstanceRecord = { pid: number; port?: number; cliSecret: string };

const recordPath = () => path.join(dataDir, "server.json");

// Kept per process, not per module: in development Vite may evaluate this module again, and the secret must stay the
// one written to server.json.
const cliSecret = singleton("cli-secret", () => ({ value: undefined as string | undefined }));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readInstance(): InstanceRecord | null {
  if (dataDir.startsWith("memory://") || !fs.existsSync(recordPath())) return null;
  try {
    const record = JSON.parse(fs.readFileSync(recordPath(), "utf8")) as InstanceRecord;
    return isAlive(record.pid) && record.pid !== process.pid ? record : null;
  } catch {
    return null;
  }
}

export function claimDataDir(details: { port?: number } = {}): void {
  if (dataDir.startsWith("memory://")) return;
  const other = readInstance();
  if (other) {
    throw new Error(
      `Another Hearback process (pid ${other.pid}) is using the data folder ${dataDir}. Stop it first, or set HEARBACK_DATA_DIR.`,
    );
  }
  cliSecret.value ??= generateSecret();
  fs.mkdirSync(dataDir, { recursive: true });
  const record: InstanceRecord = { pid: process.pid, cliSecret: cliSecret.value, ...details };
  fs.writeFileSync(recordPath(), JSON.stringify(record), { mode: 0o600 });
}

export function releaseDataDir(): void {
  if (dataDir.startsWith("memory://")) return;
  try {
    const record = JSON.parse(fs.readFileSync(recordPath(), "utf8")) as InstanceRecord;
    if (record.pid === process.pid) fs.rmSync(recordPath());
  } catch {
    // nothing recorded
  }
}

export function currentCliSecret(): string | undefined {
  return cliSecret.value;
}
