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

/** The settings key the candidate-email settings are stored under. */
export const MAIL_SETTINGS_KEY = KEY;

/** The settings from their stored value (null when never saved): defaults for whatever is missing or invalid. */
export function mailSettingsFrom(stored: unknown): MailSettings {
  const defaults = defaultMailSettings(companyFromMailFrom());
  const parsed = mailSettingsSchema.partial().safeParse(stored ?? {});
  return { ...defaults, ...(parsed.success ? parsed.data : {}) };
}

export async function getMailSettings(db: Prisma.TransactionClient = prisma): Promise<MailSettings> {
  return mailSettingsFrom(await readSetting(KEY, db));
}

export async function saveMailSettings(
  settings: MailSettings,
  actorId: string | null,
  db?: Prisma.TransactionClient,
): Promise<void> {
  await saveSetting(KEY, settings, { action: "settings.mail_updated", actorId }, db);
}
