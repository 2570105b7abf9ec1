// Reading many rows fast with raw SQL: the database builds one JSON text, which costs one parse in place of a driver
// conversion per value. Instants travel as epoch milliseconds, independent of the session's time zone and of how each
// driver (PGlite, node-postgres) reads timestamps.
import { Prisma } from "~/generated/prisma/client";

type Queryable = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

/** A timestamp column as epoch milliseconds (null stays null), for use inside json_build_array/json_build_object. */
export function epochMs(column: string): Prisma.Sql {
  return Prisma.raw(`round(extract(epoch from ${column}) * 1000)`);
}

/** Runs a query whose single row has a `rows` column of JSON text (`coalesce(json_agg(…), '[]')::text AS rows`). */
export async function jsonRows<Row>(db: Queryable, query: Prisma.Sql): Promise<Row[]> {
  const [result] = await db.$queryRaw<{ rows: string }[]>(query);
  return JSON.parse(result?.rows ?? "[]") as Row[];
}
