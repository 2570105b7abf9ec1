// Candidates' private status links: finding the application a token opens, the link's lifetime after the outcome,
// and rotating a link (the old one stops working at once). Tokens are derived and only their hashes are stored
// (app/platform/status-link-tokens.server.ts, docs/decisions/012). A wrong, expired or erased link all look the
// same: null.
import { z } from "zod";
import { prisma } from "~/platform/db.server";
import { NotFoundError } from "~/platform/errors.server";
import { statusTokenHashFor, statusUrlOf } from "~/platform/status-link-tokens.server";
import { hashSecret } from "~/platform/tokens.server";
import { recordAudit } from "./audit.server";
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
