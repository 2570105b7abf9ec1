// Who is asking: `requireUser` and `requirePermission` guard every staff loader and action.
import { redirect } from "@remix-run/node";
import { can, type Permission } from "~/domain/permissions";
import { userSummarySelect, type UserSummary } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { readSessionId } from "./session.server";

export async function getUser(request: Request): Promise<UserSummary | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: userSummarySelect } },
  });
  if (!session || session.expiresAt < new Date() || !session.user.active) return null;
  return session.user;
}

function safeRedirectTarget(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

export async function requireUser(request: Request): Promise<UserSummary> {
  const user = await getUser(request);
  if (!user) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: safeRedirectTarget(request) })}`);
  }
  return user;
}

export async function requirePermission(request: Request, permission: Permission): Promise<UserSummary> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) {
    throw new Response("You do not have permission to see this page.", { status: 403 });
  }
  return user;
}

/** Only a path on this site is allowed after sign-in, so a crafted link cannot send people elsewhere. The value is read
 * the way a browser would read it against our own address: a tab, a newline or a backslash that a browser would drop
 * or turn into `//elsewhere` makes it fall back. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const origin = new URL(publicUrl()).origin;
  let target: URL;
  try {
    target = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== origin || to.startsWith("//")) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
