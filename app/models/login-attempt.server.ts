// Sign-in throttling per account and per IP address, kept in the database so it holds across app instances.
import { prisma } from "~/platform/db.server";

export const LOGIN_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 30;

function keys(email: string, ip: string) {
  return { account: `account:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

export async function isLoginThrottled(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60 * 1000);
  const { account, ip: ipKey } = keys(email, ip);
  const [accountFailures, ipFailures] = await Promise.all([
    prisma.loginAttempt.count({ where: { key: account, createdAt: { gt: since } } }),
    prisma.loginAttempt.count({ where: { key: ipKey, createdAt: { gt: since } } }),
  ]);
  return accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP;
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const { account, ip: ipKey } = keys(email, ip);
  await prisma.loginAttempt.createMany({ data: [{ key: account }, { key: ipKey }] });
}

export async function clearLoginFailures(email: string): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { key: keys(email, "").account } });
}
