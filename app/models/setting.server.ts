// Workspace settings kept as one JSON value per key (the Setting table): reading the stored value, and saving a new
// one with its audit entry in one transaction. Each caller validates the value with its own schema.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { recordAudit } from "./audit.server";

/** The stored value of `key`, or null when it was never saved. */
export async function readSetting(key: string, db: Prisma.TransactionClient = prisma): Promise<Prisma.JsonValue> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

/** Saves `value` under `key` and records `action` in the audit log, together: in `db` when the caller has a
 * transaction (the demo seed), else in a transaction of their own. */
export async function saveSetting(
  key: string,
  value: Prisma.InputJsonObject,
  audit: { action: string; actorId: string | null },
  db?: Prisma.TransactionClient,
): Promise<void> {
  const save = async (tx: Prisma.TransactionClient) => {
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await recordAudit(tx, {
      actorId: audit.actorId,
      action: audit.action,
      entityType: "Setting",
      entityId: key,
      data: value,
    });
  };
  await (db ? save(db) : prisma.$transaction(save));
}
