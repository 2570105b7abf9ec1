// A stand-in for the Hearback server in its own process, for tests/integration/backup.test.ts: it claims the data
// folder (HEARBACK_DATA_DIR) as the server does, then answers HTTP with the real /internal/cli/backup route, so that
// `hearback backup` finds it through server.json and backs up through it. Prints "listening <port>"; SIGTERM stops it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { database } from "~/platform/db.server";
import { claimDataDir, releaseDataDir } from "~/platform/instance.server";
import { applyMigrations } from "~/platform/migrate.server";
import { action } from "~/routes/internal.cli.backup";

claimDataDir();
await applyMigrations(database);

const server = http.createServer((incoming, outgoing) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://127.0.0.1${incoming.url}`, { method: incoming.method, headers });
  const context = { clientIp: incoming.socket.remoteAddress };
  void (async () => {
    const response = await action({ request, context, params: {} } as Parameters<typeof action>[0]);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return outgoing.end();
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), outgoing);
  })();
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  claimDataDir({ port });
  console.log(`listening ${port}`);
});

process.on("SIGTERM", () => {
  server.close();
  void database.close().finally(() => {
    releaseDataDir();
    process.exit(0);
  });
});
