// `npm run db:seed`: seeds the demo workspace into an empty database from a terminal (the server does the same at its
// first start). Kept apart from seed.ts so the server bundle holds no command-line entry point.
import { seedDemoWorkspace } from "./seed";

async function seedFromCommandLine() {
  const { database } = await import("~/platform/db.server");
  const { applyMigrations } = await import("~/platform/migrate.server");
  const { claimDataDir, releaseDataDir } = await import("~/platform/instance.server");
  if (database.kind === "embedded") claimDataDir();
  try {
    await applyMigrations(database);
    const started = performance.now();
    const logins = await seedDemoWorkspace(database.prisma);
    if (!logins) {
      console.log("The database already has accounts; the demo workspace is only seeded into an empty one.");
      return;
    }
    console.log(`Seeded the demo workspace in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    for (const login of logins) console.log(`  ${login.role.padEnd(15)} ${login.email}  password: ${login.password}`);
  } finally {
    await database.close();
    releaseDataDir();
  }
}

await seedFromCommandLine();
