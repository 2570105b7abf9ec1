// API tokens: created in Settings (owned by the admin who made them) or with the CLI (no owner, admin rights).
// The secret is shown once; only its SHA-256 hash and a short display prefix are stored.
import type { Prisma } from "~/generated/prisma/client";
import { API_TOKEN_PREFIX, type ApiTokenInput } from "~/domain/api-tokens";
import { prisma } from "~/platform/db.server";
import { NotFoundError } from "~/platform/errors.server";
import { generateSecret, hashSecret } from "~/platform/tokens.server";
import { recordAudit } from "./audit.server";
import { userSummarySelect, type UserSummary } from "./user.server";

/** "hb_" plus 8 characters: enough to tell tokens apart in a list, far too little to guess the rest. */
const DISPLAY_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;
/** Writing lastUsedAt on every request would turn each read into a write; once a minute is precise enough. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_TOKEN_LENGTH = 200;

export const apiTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ApiTokenSelect;

export type ApiTokenSummary = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

export type CreatedApiToken = { token: ApiTokenSummary; secret: string };

/**
 * Creates a token acting as `ownerId` (null: no owner, admin rights — the CLI's tokens). Returns the secret, which
 * cannot be recovered later.
 */
export async function createApiToken(
  input: ApiTokenInput,
  ownerId: string | null,
  actorId: string | null = ownerId,
): Promise<CreatedApiToken> {
  const secret = `${API_TOKEN_PREFIX}${generateSecret(32)}`;
  return prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
        tokenHash: hashSecret(secret),
        userId: ownerId,
      },
      select: apiTokenSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "api_token.created",
      entityType: "ApiToken",
      entityId: token.id,
      data: { name: token.name, prefix: token.prefix, ownerId },
    });
    return { token, secret };
  });
}

/** Every token, live ones first, newest first. */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const tokens = await prisma.apiToken.findMany({ select: apiTokenSelect, orderBy: { createdAt: "desc" } });
  return [...tokens.filter((token) => !token.revokedAt), ...tokens.filter((token) => token.revokedAt)];
}

/** Revokes a token at once; revoking it again changes nothing. */
export async function revokeApiToken(tokenId: string, actorId: string | null): Promise<ApiTokenSummary> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({ where: { id: tokenId }, select: apiTokenSelect });
    if (!existing) throw new NotFoundError("The API token");
    if (existing.revokedAt) return existing;
    const token = await tx.apiToken.update({
      where: { id: tokenId },
      data: { revokedAt: new Date() },
      select: apiTokenSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "api_token.revoked",
      entityType: "ApiToken",
      entityId: tokenId,
      data: { name: token.name, prefix: token.prefix },
    });
    return token;
  });
}

export type ApiTokenAuthentication =
  | { ok: true; token: { id: string; name: string }; owner: UserSummary | null }
  | { ok: false; reason: "unknown" | "revoked" | "owner_deactivated" };

/** Who a presented secret belongs to. Records when the token was last used. */
export async function authenticateApiToken(secret: string): Promise<ApiTokenAuthentication> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "unknown" };
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: { id: true, name: true, revokedAt: true, user: { select: userSummarySelect } },
  });
  if (!token) return { ok: false, reason: "unknown" };
  if (token.revokedAt) return { ok: false, reason: "revoked" };
  if (token.user && !token.user.active) return { ok: false, reason: "owner_deactivated" };
  const now = new Date();
  await prisma.apiToken.updateMany({
    where: {
      id: token.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return { ok: true, token: { id: token.id, name: token.name }, owner: token.user };
}
