// Several writes sent as one statement: `WITH w0 AS (…), w1 AS (…) SELECT 1`. Each database round trip costs about as
// much as the write itself (some 0.6 ms on the embedded database), so the write path sends what it can together.
// PostgreSQL runs the parts on one snapshot, in no set order: none may read what another writes, and no two may touch
// the same row (an event insert and its clocks' writes qualify; a table's DELETE and a re-INSERT of the same keys do
// not).
import { Prisma } from "~/generated/prisma/client";

type Executor = { $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number> };

/** Runs the statements (INSERT, UPDATE or DELETE each) as one; nothing when there are none. */
export async function executeTogether(db: Executor, statements: Prisma.Sql[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) {
    await db.$executeRaw(statements[0]!);
    return;
  }
  const parts = statements.map((statement, index) => Prisma.sql`${Prisma.raw(`w${index}`)} AS (${statement})`);
  await db.$executeRaw(Prisma.sql`WITH ${Prisma.join(parts, ", ")} SELECT 1`);
}
