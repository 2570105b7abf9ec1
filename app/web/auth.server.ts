// Who is asking: `requireUser` and `requirePermission` guard every staff loader and action.
import { redirect } from "@remix-run/node";
import { can, type Permission } from "~/domain/permissions";
import { userSummarySelect, type UserSummary } from "~/models/user.server";
import { prisma } from "~/platform/db.server";
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

/** Only same-site paths are allowed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
