// Sign-in throttling, kept in the database so it holds across app instances. Failures count per account and per
// client address, which stops guessing from new places. A browser that has signed in to an account before (a known
// device: app/web/known-device.server.ts) is judged only by its own failures for that account, so an attacker who keeps
// an account or an office's address throttled cannot lock out its owner's correct password.
import { prisma } from "~/platform/db.server";

export const LOGIN_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;
const MAX_FAILURES_PER_KNOWN_DEVICE = 5;

export type SignInSource = {
  ip: string;
  /** Set when this browser has signed in to this very account before. */
  knownDeviceId?: string | null;
};

function normalisedEmail(email: string) {
  return email.trim().toLowerCase();
}

function keys(email: string, source: SignInSource) {
  const account = normalisedEmail(email);
  return {
    account: `account:${account}`,
    address: `ip:${source.ip}`,
    device: source.knownDeviceId ? `device:${source.knownDeviceId}:${account}` : null,
  };
}

async function failuresSince(key: string, since: Date): Promise<number> {
  return prisma.loginAttempt.count({ where: { key, createdAt: { gt: since } } });
}

export async function isLoginThrottled(email: string, source: SignInSource): Promise<boolean> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60 * 1000);
  const { account, address, device } = keys(email, source);
  if (device) return (await failuresSince(device, since)) >= MAX_FAILURES_PER_KNOWN_DEVICE;
  const [accountFailures, addressFailures] = await Promise.all([
    failuresSince(account, since),
    failuresSince(address, since),
  ]);
  return accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordLoginFailure(email: string, source: SignInSource): Promise<void> {
  const { account, address, device } = keys(email, source);
  const rows = device ? [{ key: account }, { key: address }, { key: device }] : [{ key: account }, { key: address }];
  await prisma.loginAttempt.createMany({ data: rows });
}

export async function clearLoginFailures(email: string, source: SignInSource): Promise<void> {
  const { account, device } = keys(email, source);
  await prisma.loginAttempt.deleteMany({ where: { key: { in: device ? [account, device] : [account] } } });
}
