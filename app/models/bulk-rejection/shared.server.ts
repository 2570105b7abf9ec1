// What the request side, the worker and the readers of bulk rejections share.
import type { Prisma } from "~/generated/prisma/client";
import { SKIP_REASONS, type SkippedApplication, type SkipReason } from "~/domain/bulk-rejection";
import { can } from "~/domain/permissions";
import { ForbiddenError } from "~/platform/errors.server";
import type { Actor } from "../scope.server";

export function assertMayDecide(actor: Actor) {
  if (!can(actor.role, "decide_applications")) throw new ForbiddenError("You do not have permission to reject.");
}

export function idsOf(json: Prisma.JsonValue): string[] {
  return Array.isArray(json) ? json.filter((id): id is string => typeof id === "string") : [];
}

const reasons = new Set<string>(SKIP_REASONS);

export function skippedOf(json: Prisma.JsonValue): SkippedApplication[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) => {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) return [];
    const { applicationId, reason } = entry as Record<string, unknown>;
    return typeof applicationId === "string" && typeof reason === "string" && reasons.has(reason)
      ? [{ applicationId, reason: reason as SkipReason }]
      : [];
  });
}
