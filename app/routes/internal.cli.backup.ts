// The CLI's way to back up the embedded database while this server holds it (PGlite allows one process):
// `npx hearback backup <file>` calls it and writes the gzip'd tarball it streams back (bin/commands.ts).
import { Readable } from "node:stream";
import { backupTarball, gzipped } from "~/platform/backup.server";
import { database } from "~/platform/db.server";
import { dataDir } from "~/platform/env.server";
import { ApiError, publicApiRoute } from "~/web/api.server";
import { requireCliCaller } from "~/web/cli-endpoint.server";

const handle = publicApiRoute({
  async POST({ request, context }) {
    requireCliCaller(request, context);
    if (database.kind !== "embedded") throw new ApiError("not_found", "Not found.");
    const tarball = await backupTarball(database, dataDir);
    return new Response(Readable.toWeb(gzipped(tarball)) as ReadableStream<Uint8Array>, {
      headers: { "Content-Type": "application/gzip", "Cache-Control": "no-store" },
    });
  },
});

export const loader = handle;
export const action = handle;
