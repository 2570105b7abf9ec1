// A browser that has signed in to an account before is a known device for it: a signed cookie (kept a year) holds a
// random id for the browser and a short digest of each account it signed in to. Sign-in throttling judges a known
// device by its own failures only (app/models/login-attempt.server.ts).
import { createCookie } from "@remix-run/node";
import { sessionSecret } from "~/platform/secrets.server";
import { singleton } from "~/platform/singleton.server";
import { generateSecret, hashSecret } from "~/platform/tokens.server";
import { cookiesAreSecure } from "./session.server";

const DEVICE_DAYS = 365;
/** The accounts one browser remembers, most recent first; older ones fall off. */
const MAX_ACCOUNTS = 10;

type DeviceRecord = { id: string; accounts: string[] };

function deviceCookie() {
  return singleton("device-cookie", () =>
    createCookie("hb_device", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookiesAreSecure(),
      secrets: [sessionSecret()],
      maxAge: DEVICE_DAYS * 24 * 60 * 60,
    }),
  );
}

function accountDigest(email: string): string {
  return hashSecret(`account:${email.trim().toLowerCase()}`).slice(0, 16);
}

async function readDevice(request: Request): Promise<DeviceRecord | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get("Cookie"));
  if (typeof value !== "object" || value === null) return null;
  const { id, accounts } = value as Partial<DeviceRecord>;
  if (typeof id !== "string" || !Array.isArray(accounts)) return null;
  return { id, accounts: accounts.filter((account): account is string => typeof account === "string") };
}

/** This browser's id when it has signed in to `email` before, else null. */
export async function knownDeviceFor(request: Request, email: string): Promise<string | null> {
  const device = await readDevice(request);
  return device?.accounts.includes(accountDigest(email)) ? device.id : null;
}

/** The Set-Cookie header that makes this browser a known device for `email`. */
export async function rememberDevice(request: Request, email: string): Promise<string> {
  const device = (await readDevice(request)) ?? { id: generateSecret(16), accounts: [] };
  const digest = accountDigest(email);
  const accounts = [digest, ...device.accounts.filter((account) => account !== digest)].slice(0, MAX_ACCOUNTS);
  return deviceCookie().serialize({ id: device.id, accounts });
}
