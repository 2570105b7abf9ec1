// Driver adapters for the Prisma CLI's JavaScript schema engine (prisma.config.ts), never used by the app at run time.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import path from "node:path";
import { pgliteAdapter } from "./pglite-adapter.server.ts";
import { dataDir } from "./env.server.ts";

export function createEmbeddedMigrationAdapter() {
  return pgliteAdapter(new PGlite(dataDir === "memory://" ? undefined : path.join(dataDir, "pglite")));
}

// prisma/prisma#27403: the schema engine cannot decode catalog columns of type `name` (OID 19) or `"char"` (OID 18).
// Report them as text (OID 25); the values are plain strings either way.
const CATALOG_TEXT_TYPES = new Set([18, 19]);

function relabelCatalogTypes<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  for (const field of fields ?? []) {
    if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = 25;
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // pg calls query() with a callback internally and with promises from adapter code; relabel both.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result: unknown) => void;
      args[args.length - 1] = (error: Error | null, result: unknown) => callback(error, relabelCatalogTypes(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    if (pending && typeof (pending as Promise<unknown>).then === "function") {
      return (pending as Promise<unknown>).then(relabelCatalogTypes) as never;
    }
    return pending as never;
  }
}

export function createPostgresMigrationAdapter(connectionString: string) {
  const pool = new pg.Pool({ connectionString, Client: CatalogFriendlyClient });
  return new PrismaPg(pool);
}
