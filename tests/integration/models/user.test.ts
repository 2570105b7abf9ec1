// Accounts: first admin, credentials, invitations, role changes and sign-in throttling.
import { expect, test } from "vitest";
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from "~/models/login-attempt.server";
import {
  acceptInvite,
  changeUserRole,
  createFirstAdmin,
  createInvite,
  findOpenInvite,
  setUserActive,
  verifyCredentials,
} from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import { pinClock } from "../../clock";

const NOW = pinClock();

test("the first admin can be created once; passwords are stored as argon2id hashes", async () => {
  const admin = await createFirstAdmin({
    email: " Root@Example.com ",
    name: "Rita Root",
    password: "a long enough password",
  });
  expect(admin).toMatchObject({ email: "root@example.com", role: "admin" });
  const stored = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
  expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  await expect(
    createFirstAdmin({ email: "second@example.com", name: "Second", password: "a long enough password" }),
  ).rejects.toThrow(ConflictError);

  expect(await verifyCredentials("ROOT@example.com", "a long enough password")).toMatchObject({ id: admin.id });
  expect(await verifyCredentials("root@example.com", "wrong password")).toBeNull();
  expect(await verifyCredentials("nobody@example.com", "a long enough password")).toBeNull();
});

test("an invitation creates an account with the invited role, once", async () => {
  const admin = await prisma.user.findFirstOrThrow({ where: { role: "admin" } });
  const { secret } = await createInvite({ email: "Rex@Example.com", name: "Rex", role: "recruiter" }, admin.id);
  expect(await findOpenInvite(secret)).toMatchObject({ email: "rex@example.com", role: "recruiter" });
  const rex = await acceptInvite(secret, { name: "Rex Recruiter", password: "another long password" });
  expect(rex).toMatchObject({ email: "rex@example.com", role: "recruiter", name: "Rex Recruiter" });
  await expect(acceptInvite(secret, { name: "Again", password: "another long password" })).rejects.toThrow(
    NotFoundError,
  );
  await expect(createInvite({ email: "rex@example.com", name: "Rex", role: "admin" }, admin.id)).rejects.toThrow(
    /already has an account/,
  );
});

test("the last active admin cannot be demoted or deactivated", async () => {
  const admin = await prisma.user.findFirstOrThrow({ where: { role: "admin" } });
  await expect(changeUserRole(admin.id, "recruiter", admin.id)).rejects.toThrow(/at least one active admin/);
  await expect(setUserActive(admin.id, false, admin.id)).rejects.toThrow(/at least one active admin/);
  const rex = await prisma.user.findUniqueOrThrow({ where: { email: "rex@example.com" } });
  await changeUserRole(rex.id, "admin", admin.id);
  await expect(changeUserRole(admin.id, "recruiter", rex.id)).resolves.toMatchObject({ role: "recruiter" });
  expect(await prisma.auditLog.count({ where: { action: "user.role_changed" } })).toBe(2);
});

test("deactivated users cannot sign in and lose their sessions", async () => {
  const admin = await prisma.user.findFirstOrThrow({ where: { role: "admin", active: true } });
  const { secret } = await createInvite({ email: "gone@example.com", name: "Gone", role: "interviewer" }, admin.id);
  const gone = await acceptInvite(secret, { name: "Gone", password: "another long password" });
  await prisma.session.create({ data: { id: "s1", userId: gone.id, expiresAt: new Date(NOW.getTime() + 60_000) } });
  await setUserActive(gone.id, false, admin.id);
  expect(await verifyCredentials("gone@example.com", "another long password")).toBeNull();
  expect(await prisma.session.count({ where: { userId: gone.id } })).toBe(0);
});

test("five failures lock an account for a while; another account from the same place is still fine", async () => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    expect(await isLoginThrottled("victim@example.com", { ip: "10.0.0.1" })).toBe(false);
    await recordLoginFailure("victim@example.com", { ip: "10.0.0.1" });
  }
  expect(await isLoginThrottled("Victim@Example.com", { ip: "10.0.0.2" })).toBe(true);
  expect(await isLoginThrottled("other@example.com", { ip: "10.0.0.1" })).toBe(false);
  await clearLoginFailures("victim@example.com", { ip: "10.0.0.3" });
  expect(await isLoginThrottled("victim@example.com", { ip: "10.0.0.3" })).toBe(false);
});

test("many failures from one address throttle every account from it", async () => {
  for (let attempt = 0; attempt < 30; attempt += 1)
    await recordLoginFailure(`guess${attempt}@example.com`, { ip: "192.0.2.9" });
  expect(await isLoginThrottled("fresh@example.com", { ip: "192.0.2.9" })).toBe(true);
  expect(await isLoginThrottled("fresh@example.com", { ip: "192.0.2.10" })).toBe(false);
});
