// Reading and saving the workspace's candidate-email settings (app/domain/messages/mail-settings.ts).
import type { Prisma } from "~/generated/prisma/client";
import { defaultMailSettings, mailSettingsSchema, type MailSettings } from "~/domain/messages/mail-settings";
import { prisma } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { readSetting, saveSetting } from "../setting.server";

const KEY = "mail";

/** The display name of MAIL_FROM ("Acme Careers <jobs@acme.example>" → "Acme Careers"), else "our team". */
function companyFromMailFrom(): string {
  const name = /^\s*"?([^"<]+?)"?\s*</.exec(env.MAIL_FROM)?.[1];
  return name && name.length > 0 ? name : "our team";
}

export async function getMailSettings(db: Prisma.TransactionClient = prisma): Promise<MailSettings> {
  const defaults = defaultMailSettings(companyFromMailFrom());
  const stored = mailSettingsSchema.partial().safeParse((await readSetting(KEY, db)) ?? {});
  return { ...defaults, ...(stored.success ? stored.data : {}) };
}

export async function saveMailSettings(
  settings: MailSettings,
  actorId: string | null,
  db?: Prisma.TransactionClient,
): Promise<void> {
  await saveSetting(KEY, settings, { action: "settings.mail_updated", actorId }, db);
}
