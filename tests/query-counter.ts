// Counts the SQL statements Prisma sends while some work runs, from Prisma's own "query" events. db.server.ts turns
// those events on under NODE_ENV=test; they fire once per statement the driver adapter executes (PGlite and pg alike),
// including the COMMIT of a transaction (Prisma does not report the BEGIN).
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";

type QueryEventSource = { $on(event: "query", listener: (event: Prisma.QueryEvent) => void): void };

let recording: string[] | null = null;
let listening: Promise<void> | null = null;

/** Subscribes once, and proves the events flow, so a misconfigured client cannot make every count 0. */
function listen(): Promise<void> {
  listening ??= (async () => {
    (prisma as unknown as QueryEventSource).$on("query", (event) => recording?.push(event.query));
    recording = [];
    await prisma.$queryRaw`SELECT 1`;
    const seen = recording.length;
    recording = null;
    if (seen === 0) {
      throw new Error("Prisma emitted no query events: open the database with queryEvents (NODE_ENV=test).");
    }
  })();
  return listening;
}

export type RecordedQueries<T> = { result: T; queries: string[] };

/** Runs `work` and returns what it returned along with every SQL statement it sent, in order. */
export async function recordQueries<T>(work: () => Promise<T>): Promise<RecordedQueries<T>> {
  await listen();
  if (recording) throw new Error("recordQueries calls cannot overlap.");
  const queries: string[] = [];
  recording = queries;
  try {
    return { result: await work(), queries };
  } finally {
    recording = null;
  }
}
