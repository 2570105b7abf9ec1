// Who is asking: `requireUser` and `requirePermission` guard every staff loader and action.
import { redirect } from "@remix-run/node";
import { can, type Permission } from "~/domain/permissions";
import { userSummarySelect, type UserSummary } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { readSessionId } from "./session.server";

/** Lookups under way, by Cookie header. A page's root loader (for the header) and its own loader ask at the same moment;
 * they share one lookup. An entry lives only while its query runs, so a sign-out is seen by the next request. */
const lookupsUnderWay = new Map<string, Promise<UserSummary | null>>();

export function getUser(request: Request): Promise<UserSummary | null> {
  const cookie = request.headers.get("Cookie");
  if (!cookie) return Promise.resolve(null);
  const underWay = lookupsUnderWay.get(cookie);
  if (underWay) return underWay;
  const lookup = lookUpUser(request).finally(() => lookupsUnderWay.delete(cookie));
  lookupsUnderWay.set(cookie, lookup);
  return lookup;
}

/** One statement: the active user who holds this unexpired session. */
async function lookUpUser(request: Request): Promise<UserSummary | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  return prisma.user.findFirst({
    where: { active: true, sessions: { some: { id: sessionId, expiresAt: { gte: new Date() } } } },
    select: userSummarySelect,
  });
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
