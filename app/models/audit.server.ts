// The audit log: who changed what, written in the same transaction as the change.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "~/generated/prisma/client";

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

/** Records several entries in one statement. */
export async function recordAudits(tx: Prisma.TransactionClient, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({ ...entry, data: withRequestContext(entry.data) })),
  });
}
