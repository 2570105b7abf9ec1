// Counts the SQL statements some work sends, BEGIN and COMMIT included, from Prisma's "query" events (recorded by
// tests/query-counter.ts; the bench turns the events on with HEARBACK_QUERY_EVENTS=1, see bench/run.ts). Prisma
// reports every statement and the end of each transaction — a real COMMIT on PostgreSQL, an "Implicit COMMIT" line on
// the embedded database, whose driver sends it itself — but never the BEGIN, which both driver adapters send
// themselves: one BEGIN is counted for each transaction that ends.
import { recordQueries } from "../tests/query-counter";

export const STATEMENTS_COUNTED = "every statement sent, BEGIN and COMMIT included";

const BEGIN = /^\s*(begin|start transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback)\b|^-- Implicit "(COMMIT|ROLLBACK)"/i;

export type StatementCount = { total: number; transactions: number };

/** Classifies recorded queries: `total` counts each statement once and adds the BEGIN Prisma does not report. */
export function countStatements(queries: string[]): StatementCount {
  const ends = queries.filter((query) => TRANSACTION_END.test(query)).length;
  const reportedBegins = queries.filter((query) => BEGIN.test(query)).length;
  return { total: queries.length + Math.max(0, ends - reportedBegins), transactions: ends };
}

/** Runs `work` and counts its statements. */
export async function withStatementCount<T>(work: () => Promise<T>): Promise<{ result: T } & StatementCount> {
  const { result, queries } = await recordQueries(work);
  return { result, ...countStatements(queries) };
}
