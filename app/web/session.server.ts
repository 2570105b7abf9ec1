// Database sessions: the signed cookie carries only the session id, so sign-out and revocation take effect at once.
import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "~/platform/db.server";
import { env, publicUrl } from "~/platform/env.server";
import { sessionSecret } from "~/platform/secrets.server";
import { generateSecret } from "~/platform/tokens.server";
import { singleton } from "~/platform/singleton.server";

const SESSION_DAYS = 30;

/** Whether the app's cookies are sent over HTTPS only: in production behind an https:// PUBLIC_URL. */
export function cookiesAreSecure(): boolean {
  return env.NODE_ENV === "production" && publicUrl().startsWith("https://");
}

function sessionCookie() {
  return singleton("session-cookie", () =>
    createCookie("hb_session", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookiesAreSecure(),
      secrets: [sessionSecret()],
      maxAge: SESSION_DAYS * 24 * 60 * 60,
    }),
  );
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function startSession(userId: string, request: Request): Promise<string> {
  const id = generateSecret();
  await prisma.session.create({
    data: {
      id,
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
  await prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  return sessionCookie().serialize(id);
}

export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await prisma.session.deleteMany({ where: { id } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function redirectWithSession(to: string, ...cookieHeaders: string[]) {
  const headers = new Headers();
  for (const cookie of cookieHeaders) headers.append("Set-Cookie", cookie);
  return redirect(to, { headers });
}
