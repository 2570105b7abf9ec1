import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * pglite-prisma-adapter 0.6 (the last for Prisma 6) is typed against @prisma/driver-adapter-utils 6.10; the runtime
 * protocol is unchanged in 6.19, only the declared types differ (docs/decisions/001).
 */
export function pgliteAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

/**
 * An adapter that opens PGlite only when Prisma first connects, i.e. at the first query. Importing or constructing
 * the client must not open the embedded database: a running server may hold it, and a second opener corrupts it
 * (the CLI imports models only to talk to that server).
 */
export function pgliteAdapterOpenedOnFirstQuery(open: () => PGlite): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => pgliteAdapter(open()).connect(),
    connectToShadowDb: () => pgliteAdapter(open()).connectToShadowDb(),
  };
}
