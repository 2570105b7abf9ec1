// The audit log: who changed what, written in the same transaction as the change.
import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma } from "~/generated/prisma/client";
import { newId } from "~/platform/ids.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
};

// The API token a request came with. Held per request (not passed through every model function) so that each audit
// entry written while serving an API request names the token, whichever model wrote it.
const apiTokenContext = new AsyncLocalStorage<{ apiTokenId: string }>();

/** Runs `work` so that every audit entry it writes records `apiTokenId` in its data. */
export function withApiTokenAudit<T>(apiTokenId: string, work: () => Promise<T>): Promise<T> {
  return apiTokenContext.run({ apiTokenId }, work);
}

function withRequestContext(data: Prisma.InputJsonValue | undefined): Prisma.InputJsonValue {
  const context = apiTokenContext.getStore();
  if (!context) return data ?? {};
  if (data === undefined) return { apiTokenId: context.apiTokenId };
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    return { ...(data as Prisma.InputJsonObject), apiTokenId: context.apiTokenId };
  }
  return { value: data, apiTokenId: context.apiTokenId };
}

export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: { ...entry, data: withRequestContext(entry.data) } });
}

/** The statement that records several entries, for the caller to run alone or together with the change's other writes
 * (app/platform/sql-together.server.ts). */
export function auditInsert(entries: AuditEntry[], now: Date = new Date()): Prisma.Sql {
  const rows = JSON.stringify(
    entries.map((entry) => [
      newId(),
      entry.actorId,
      entry.action,
      entry.entityType,
      entry.entityId,
      withRequestContext(entry.data),
    ]),
  );
  return Prisma.sql`
    INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", data, "createdAt")
    SELECT e->>0, e->>1, e->>2, e->>3, e->>4, e->5, ${now.toISOString()}::timestamp(3)
      FROM jsonb_array_elements(${rows}::jsonb) AS e`;
}

/** Records several entries in one statement. */
export async function recordAudits(tx: Prisma.TransactionClient, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.$executeRaw(auditInsert(entries));
}
