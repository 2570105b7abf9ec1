// Several app instances may share one PostgreSQL. Each tells the others when it has committed a write (NOTIFY, sent
// after the commit) and listens for theirs, so a page cached in one instance is dropped as soon as another instance
// changes the data. While the listener is not connected, caches are switched off: an unseen write is a stale page.
// A notification also names the watched tables the writes moved (write-tracking.server.ts: watchTables), so a cache of
// those tables (the SLA configuration) survives the other instances' writes elsewhere.
import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  noteWrite,
  onLocalWrite,
  setWriteTrackingComplete,
  watchedTables,
  type MovedTables,
} from "./write-tracking.server";
import { logger } from "./log.server";

const CHANNEL = "hearback_writes";
const RECONNECT_MS = 2_000;
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a longer one is sent as "everything moved". */
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * What one NOTIFY says, as JSON: `{"v":2,"from":<instance>,"watched":[…],"moved":[…]}`, where `watched` is the tables
 * the sender attributes writes to and `moved` those of them its writes moved; without `moved`, everything moved.
 * Sending `watched` keeps instances whose lists differ (a deploy rolling out a new cache) right: a table the receiver
 * watches and the sender does not counts as moved.
 */
type WriteNotification = { v: 2; from: string; watched?: string[]; moved?: string[] };

export function writeNotificationPayload(from: string, moved: MovedTables): string {
  const everything = JSON.stringify({ v: 2, from } satisfies WriteNotification);
  if (moved === "everything") return everything;
  const payload = JSON.stringify({
    v: 2,
    from,
    watched: watchedTables(),
    moved: [...moved],
  } satisfies WriteNotification);
  return Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES ? payload : everything;
}

const stringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** Who sent a notification and which of our watched tables it moved (undefined: everything). An old-format or
 * unrecognised payload comes from nobody we know and moved everything. */
export function readWriteNotification(payload: string | undefined): { from: string | null; moved?: string[] } {
  let note: unknown;
  try {
    note = JSON.parse(payload ?? "");
  } catch {
    return { from: null };
  }
  if (typeof note !== "object" || note === null) return { from: null };
  const { v, from, watched, moved } = note as Partial<Record<keyof WriteNotification, unknown>>;
  if (v !== 2 || typeof from !== "string") return { from: null };
  if (!stringList(watched) || !stringList(moved)) return { from };
  const theirs = new Set(watched);
  return { from, moved: [...moved, ...watchedTables().filter((table) => !theirs.has(table))] };
}

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
      const note = readWriteNotification(message.payload);
      if (note.from !== instanceId) noteWrite(note.moved);
    });
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (listener === client) setWriteTrackingComplete(true);
    } catch (error) {
      logger.warn({ err: error }, "Could not listen for other instances' writes (caches stay off)");
      lost();
    }
  }

  // Writes committed while a NOTIFY is on its way are announced by one more NOTIFY after it: never before a commit.
  // `pending` gathers the watched tables they moved (null: nothing to announce).
  let pending: Set<string> | "everything" | null = null;
  const gather = (moved: MovedTables) => {
    if (pending === "everything" || moved === "everything") pending = "everything";
    else pending = new Set([...(pending ?? []), ...moved]);
  };
  let sending = false;
  async function announce(): Promise<void> {
    if (sending) return;
    sending = true;
    let sent: MovedTables | null = null;
    try {
      while (pending !== null && !stopped) {
        sent = pending;
        pending = null;
        await pool.query("SELECT pg_notify($1, $2)", [CHANNEL, writeNotificationPayload(instanceId, sent)]);
        sent = null;
      }
    } catch (error) {
      logger.warn({ err: error }, "Could not tell other instances about a write (trying again)");
      if (sent !== null) gather(sent);
      setTimeout(() => void announce(), RECONNECT_MS);
    } finally {
      sending = false;
    }
  }
  onLocalWrite((moved) => {
    gather(moved);
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
