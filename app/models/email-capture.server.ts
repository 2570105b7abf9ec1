// The workspace's BCC capture address (bcc+<secret>@<inbound domain>): its secret is kept in Setting, made the first
// time anyone needs it, and replaced on request, after which mail to the old address is filed nowhere. The secret is
// never written to the audit log.
import type { Prisma } from "~/generated/prisma/client";
import { captureSecretOf, domainOf } from "~/domain/messages/addresses";
import {
  EMAIL_CAPTURE_SETTING_KEY,
  emailCaptureSettingSchema,
  type EmailCaptureSetting,
} from "~/domain/inbound/capture";
import { prisma } from "~/platform/db.server";
import { captureAddress, newCaptureSecret, replyDomain } from "~/platform/mail-addresses.server";
import { secretsEqual } from "~/platform/tokens.server";
import { recordAudit } from "./audit.server";
import { readSetting } from "./setting.server";
import type { Actor } from "./scope.server";

export type EmailCapture = { address: string; since: Date };

function present(setting: EmailCaptureSetting): EmailCapture {
  return { address: captureAddress(setting.secret), since: new Date(setting.since) };
}

async function readCapture(db: Prisma.TransactionClient): Promise<EmailCaptureSetting | null> {
  const parsed = emailCaptureSettingSchema.safeParse(await readSetting(EMAIL_CAPTURE_SETTING_KEY, db));
  return parsed.success ? parsed.data : null;
}

function freshSetting(): EmailCaptureSetting {
  return { secret: newCaptureSecret(), since: new Date().toISOString() };
}

/** The capture address, made on first use. Two first uses at once make one: the second insert finds the first's row. */
export async function getEmailCapture(actor: Actor): Promise<EmailCapture> {
  const stored = await readCapture(prisma);
  if (stored) return present(stored);
  return prisma.$transaction(async (tx) => {
    const made = freshSetting();
    const { count } = await tx.setting.createMany({
      data: [{ key: EMAIL_CAPTURE_SETTING_KEY, value: made }],
      skipDuplicates: true,
    });
    let setting = count === 1 ? made : await readCapture(tx);
    if (!setting) {
      // A stored value this version cannot read: replace it, as a rotation would.
      setting = made;
      await tx.setting.update({ where: { key: EMAIL_CAPTURE_SETTING_KEY }, data: { value: made } });
    }
    if (setting === made) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "email_capture.created",
        entityType: "Setting",
        entityId: EMAIL_CAPTURE_SETTING_KEY,
        data: { since: made.since },
      });
    }
    return present(setting);
  });
}

/** Replaces the secret: mail to the old address is no longer filed (it waits in the inbox). */
export async function rotateEmailCapture(actor: Actor): Promise<EmailCapture> {
  return prisma.$transaction(async (tx) => {
    const previous = await readCapture(tx);
    const made = freshSetting();
    await tx.setting.upsert({
      where: { key: EMAIL_CAPTURE_SETTING_KEY },
      create: { key: EMAIL_CAPTURE_SETTING_KEY, value: made },
      update: { value: made },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "email_capture.rotated",
      entityType: "Setting",
      entityId: EMAIL_CAPTURE_SETTING_KEY,
      data: { since: made.since, previousSince: previous?.since ?? null },
    });
    return present(made);
  });
}

/**
 * Whether mail to `recipients` was sent to the capture address: "current" when one of them carries the workspace's
 * secret, "unknown" when one is a capture address at the inbound domain with another secret (an old or mistyped one),
 * null when none is. The setting is read only for mail that names such an address.
 */
export async function captureAddressAmong(recipients: readonly string[]): Promise<"current" | "unknown" | null> {
  const domain = replyDomain();
  const secrets = recipients.flatMap((address) =>
    domainOf(address) === domain ? (captureSecretOf(address) ?? []) : [],
  );
  if (secrets.length === 0) return null;
  const setting = await readCapture(prisma);
  if (setting && secrets.some((secret) => secretsEqual(secret, setting.secret))) return "current";
  return "unknown";
}
