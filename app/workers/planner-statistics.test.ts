import { expect, test } from "vitest";
import { database } from "~/platform/db.server";
import { analyzeDatabase } from "./planner-statistics.server";

test("ANALYZE gives the planner statistics for the application table", async () => {
  await database.prisma.user.create({ data: { email: "stats@example.com", name: "Stats", role: "admin" } });
  await analyzeDatabase(database);
  const [row] = await database.withConnection((script) =>
    script(`SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = 'public' AND tablename = 'User'`),
  );
  expect(Number(row?.n)).toBeGreaterThan(0);
});
