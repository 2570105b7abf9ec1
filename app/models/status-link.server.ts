// Candidates' private status links: finding the application a token opens, the link's lifetime after the outcome,
// and rotating a link (the old one stops working at once). Tokens are derived and only their hashes are stored
// (app/platform/status-link-tokens.server.ts, docs/decisions/012). A wrong, expired or erased link all look the
// same: null.
import { z } from "zod";
import { textFor, type Localized } from "~/domain/i18n";
import type { TemplateSource } from "~/domain/templates/render";
import { prisma } from "~/platform/db.server";
import { NotFoundError } from "~/platform/errors.server";
import { statusTokenHashFor, statusUrlOf } from "~/platform/status-link-tokens.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { hashSecret } from "~/platform/tokens.server";
import { lockApplications } from "./application-locks.server";
import { recordAudit } from "./audit.server";
import { queueCandidateMessage } from "./outbox/queue.server";
import { applicationScope, type Actor } from "./scope.server";
import { readSetting, saveSetting } from "./setting.server";

const SETTING_KEY = "statusLinks";
const DAY_MS = 24 * 60 * 60_000;

export const statusLinkSettingsSchema = z.object({
  daysAfterOutcome: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter whole days.")
    .min(1, "At least one day.")
    .max(3650, "At most ten years (3650 days)."),
});
export type StatusLinkSettings = z.output<typeof statusLinkSettingsSchema>;

/** Half a year after the outcome: long enough to read the decision and answer the survey, short enough to forget. */
export const DEFAULT_STATUS_LINK_SETTINGS: StatusLinkSettings = { daysAfterOutcome: 180 };

export async function getStatusLinkSettings(): Promise<StatusLinkSettings> {
  const stored = statusLinkSettingsSchema.safeParse((await readSetting(SETTING_KEY)) ?? {});
  return stored.success ? stored.data : DEFAULT_STATUS_LINK_SETTINGS;
}

export async function saveStatusLinkSettings(settings: StatusLinkSettings, actorId: string | null): Promise<void> {
  await saveSetting(SETTING_KEY, settings, { action: "settings.status_links_updated", actorId });
}

/** Tokens are 24 random-looking bytes in base64url (32 characters); anything else cannot be one. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/** The id of the application this status token opens now, or null: unknown, expired, or the candidate erased. */
export async function applicationIdForStatusToken(token: string, now: Date = new Date()): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const application = await prisma.application.findUnique({
    where: { statusTokenHash: hashSecret(token) },
    select: { id: true, closedAt: true, candidate: { select: { erasedAt: true } } },
  });
  if (!application || application.candidate.erasedAt) return null;
  if (application.closedAt) {
    const { daysAfterOutcome } = await getStatusLinkSettings();
    if (now.getTime() > application.closedAt.getTime() + daysAfterOutcome * DAY_MS) return null;
  }
  return application.id;
}

/** Gives the application a new status link; the old one is a 404 from now on. Returns the new link. */
export async function rotateStatusLink(applicationId: string, actor: Actor): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: applicationId, ...applicationScope(actor) },
      select: { id: true, statusTokenRotation: true },
    });
    if (!application) throw new NotFoundError("The application");
    const rotation = application.statusTokenRotation + 1;
    await tx.application.update({
      where: { id: applicationId },
      data: { statusTokenRotation: rotation, statusTokenHash: statusTokenHashFor(applicationId, rotation) },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.status_link_rotated",
      entityType: "Application",
      entityId: applicationId,
      data: { rotation },
    });
    return statusUrlOf({ id: applicationId, statusTokenRotation: rotation });
  });
}

/** However often someone asks, one application's link is emailed again at most once in this many minutes. */
export const STATUS_LINK_RESEND_MINUTES = 10;
const STATUS_LINK_RESENT = "application.status_link_resent";

/**
 * Emails the candidate their current status link again, in a message of its own (`text`, in their language, with
 * {{statusUrl}} in it), queued in the outbox like every candidate email and linted like a one-off message. Someone who
 * is not the candidate can set this off (anyone may type an address into a public form), so it goes only to the
 * candidate's own address, tells nobody else anything, and is sent at most once every STATUS_LINK_RESEND_MINUTES per
 * application. Returns whether a message was queued. Nothing is sent to an erased candidate.
 */
export async function emailStatusLinkAgain(
  applicationId: string,
  text: Localized<TemplateSource>,
  now: Date = new Date(),
): Promise<boolean> {
  const queued = await prisma.$transaction(async (tx) => {
    await lockApplications(tx, [applicationId]);
    const application = await tx.application.findUnique({
      where: { id: applicationId },
      select: { candidate: { select: { locale: true, erasedAt: true } } },
    });
    if (!application || application.candidate.erasedAt) return false;
    const recent = await tx.auditLog.findFirst({
      where: {
        entityType: "Application",
        entityId: applicationId,
        action: STATUS_LINK_RESENT,
        createdAt: { gt: new Date(now.getTime() - STATUS_LINK_RESEND_MINUTES * 60_000) },
      },
      select: { id: true },
    });
    if (recent) return false;
    const message = await queueCandidateMessage(tx, {
      applicationId,
      kind: "custom",
      text: textFor(text, application.candidate.locale),
      automated: true,
      awaitsCandidate: false,
      timing: { kind: "now" },
      actorId: null,
      now,
    });
    await recordAudit(tx, {
      actorId: null,
      action: STATUS_LINK_RESENT,
      entityType: "Application",
      entityId: applicationId,
      data: { messageId: message.id },
    });
    return true;
  });
  if (queued) wakeOutboxWorker();
  return queued;
}
