// Staff accounts: creation, sign-in checks, roles and invitations.
import type { Prisma, Role } from "~/generated/prisma/client";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import { prisma } from "~/platform/db.server";
import { decoyPasswordHash, hashPassword, verifyPassword } from "~/platform/password.server";
import { generateSecret, hashSecret } from "~/platform/tokens.server";
import { recordAudit } from "./audit.server";

export const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  timeZone: true,
  active: true,
} satisfies Prisma.UserSelect;

export type UserSummary = Prisma.UserGetPayload<{ select: typeof userSummarySelect }>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countUsers(): Promise<number> {
  return prisma.user.count();
}

export async function createUser(
  input: { email: string; name: string; role: Role; password: string; timeZone?: string },
  actorId: string | null = null,
  tx: Prisma.TransactionClient = prisma,
): Promise<UserSummary> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing)
    throw new ConflictError("An account with this email already exists.", [
      { path: "email", message: "An account with this email already exists." },
    ]);
  const user = await tx.user.create({
    data: { email, name: input.name.trim(), role: input.role, passwordHash, timeZone: input.timeZone ?? "UTC" },
    select: userSummarySelect,
  });
  await recordAudit(tx, {
    actorId: actorId ?? user.id,
    action: "user.created",
    entityType: "User",
    entityId: user.id,
    data: { role: user.role },
  });
  return user;
}

/** Creates the first admin; refuses once any account exists, so /setup cannot be replayed. */
export async function createFirstAdmin(input: { email: string; name: string; password: string }): Promise<UserSummary> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`LOCK TABLE "User" IN EXCLUSIVE MODE`);
    if ((await tx.user.count()) > 0) throw new ConflictError("Hearback is already set up. Please sign in.");
    return createUser({ ...input, role: "admin" }, null, tx);
  });
}

/** The account for these credentials, or null. Takes the same time whether or not the email exists. */
export async function verifyCredentials(email: string, password: string): Promise<UserSummary | null> {
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...userSummarySelect, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.passwordHash || !valid || !user.active) return null;
  const { passwordHash: _omit, ...summary } = user;
  return summary;
}

export async function listUsers(): Promise<UserSummary[]> {
  return prisma.user.findMany({ select: userSummarySelect, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export async function listUsersByRole(roles: Role[]): Promise<UserSummary[]> {
  return prisma.user.findMany({
    where: { role: { in: roles }, active: true },
    select: userSummarySelect,
    orderBy: { name: "asc" },
  });
}

export async function changeUserRole(userId: string, role: Role, actorId: string): Promise<UserSummary> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new NotFoundError("The user");
    if (before.role === "admin" && role !== "admin") await assertAnotherAdmin(tx, userId);
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: userSummarySelect });
    await recordAudit(tx, {
      actorId,
      action: "user.role_changed",
      entityType: "User",
      entityId: userId,
      data: { from: before.role, to: role },
    });
    return user;
  });
}

export async function setUserActive(userId: string, active: boolean, actorId: string): Promise<UserSummary> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new NotFoundError("The user");
    if (!active && before.role === "admin") await assertAnotherAdmin(tx, userId);
    const user = await tx.user.update({ where: { id: userId }, data: { active }, select: userSummarySelect });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId,
      action: active ? "user.reactivated" : "user.deactivated",
      entityType: "User",
      entityId: userId,
    });
    return user;
  });
}

async function assertAnotherAdmin(tx: Prisma.TransactionClient, userId: string) {
  const otherAdmins = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (otherAdmins === 0)
    throw new ConflictError("Hearback needs at least one active admin. Make someone else an admin first.");
}

const INVITE_DAYS = 7;

/** Creates an invitation and returns the one-time secret for its link. */
export async function createInvite(input: { email: string; name: string; role: Role }, actorId: string) {
  const email = normalizeEmail(input.email);
  const secret = generateSecret();
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new ConflictError("This person already has an account.", [
        { path: "email", message: "This person already has an account." },
      ]);
    }
    const invite = await tx.invite.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        tokenHash: hashSecret(secret),
        createdById: actorId,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000),
      },
      select: { id: true, email: true, name: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "invite.created",
      entityType: "Invite",
      entityId: invite.id,
      data: { email, role: input.role },
    });
    return { invite, secret };
  });
}

export async function listOpenInvites() {
  return prisma.invite.findMany({
    where: { acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, name: true, role: true, expiresAt: true, createdBy: { select: { name: true } } },
    orderBy: { expiresAt: "desc" },
  });
}

export async function findOpenInvite(secret: string) {
  return prisma.invite.findFirst({
    where: { tokenHash: hashSecret(secret), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, name: true, role: true },
  });
}

export async function acceptInvite(secret: string, input: { name: string; password: string }): Promise<UserSummary> {
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: { tokenHash: hashSecret(secret), acceptedAt: null, expiresAt: { gt: new Date() } },
    });
    if (!invite) throw new NotFoundError("This invitation");
    await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: new Date() } });
    return createUser(
      { email: invite.email, name: input.name, role: invite.role, password: input.password },
      invite.createdById,
      tx,
    );
  });
}
