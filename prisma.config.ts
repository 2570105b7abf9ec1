// Configures the Prisma CLI (migrate status/deploy, studio) to use the same driver adapters as the app, so no
// native engine is ever downloaded. Embedded PGlite when DATABASE_URL is unset, PostgreSQL otherwise.
import path from "node:path";
import type { PrismaConfig } from "prisma";

const usesEmbeddedDatabase = !process.env.DATABASE_URL;
if (usesEmbeddedDatabase) delete process.env.DATABASE_URL;
// The schema's datasource reads DATABASE_URL and the CLI downloads engines unless it looks like postgresql://.
process.env.DATABASE_URL ??= "postgresql://embedded@localhost/hearback";

export default {
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    if (usesEmbeddedDatabase) {
      const { createEmbeddedMigrationAdapter } = await import("./app/platform/db-migration-adapters.server.ts");
      return createEmbeddedMigrationAdapter();
    }
    const { createPostgresMigrationAdapter } = await import("./app/platform/db-migration-adapters.server.ts");
    return createPostgresMigrationAdapter(process.env.DATABASE_URL!);
  },
} satisfies PrismaConfig;
