// Several app instances may share one PostgreSQL. Each tells the others when it has committed a write (NOTIFY, sent
// after the commit) and listens for theirs, so a page cached in one instance is dropped as soon as another instance
// changes the data. While the listener is not connected, caches are switched off: an unseen write is a stale page.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { noteWrite, onLocalWrite, setWriteTrackingComplete } from "./write-tracking.server";

const CHANNEL = "hearback_writes";
const RECONNECT_MS = 2_000;

export async function shareWritesBetweenInstances(databaseUrl: string, pool: pg.Pool): Promise<() => Promise<void>> {
  const instanceId = randomUUID();
  let stopped = false;
  let listener: pg.Client | null = null;
  setWriteTrackingComplete(false);

  async function listen(): Promise<void> {
    if (stopped) return;
    const client = new pg.Client({ connectionString: databaseUrl });
    const lost = () => {
      if (listener !== client) return;
      listener = null;
      setWriteTrackingComplete(false);
      client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void listen(), RECONNECT_MS);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.payload !== instanceId) noteWrite();
    });
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (listener === client) setWriteTrackingComplete(true);
    } catch (error) {
      console.warn(`Could not listen for other instances' writes (caches stay off): ${(error as Error).message}`);
      lost();
    }
  }

  // Writes committed while a NOTIFY is on its way are announced by one more NOTIFY after it: never before a commit.
  let pending = false;
  let sending = false;
  async function announce(): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      while (pending && !stopped) {
        pending = false;
        await pool.query("SELECT pg_notify($1, $2)", [CHANNEL, instanceId]);
      }
    } catch (error) {
      console.warn(`Could not tell other instances about a write (trying again): ${(error as Error).message}`);
      pending = true;
      setTimeout(() => void announce(), RECONNECT_MS);
    } finally {
      sending = false;
    }
  }
  onLocalWrite(() => {
    pending = true;
    void announce();
  });

  await listen();
  return async () => {
    stopped = true;
    const client = listener;
    listener = null;
    await client?.end().catch(() => undefined);
  };
}
