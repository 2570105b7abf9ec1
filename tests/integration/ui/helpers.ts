// Calling page loaders and actions the way Remix does: real Requests with a session cookie, against the test database.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~/domain/permissions";
import { createUser, type UserSummary } from "~/models/user.server";
import { startSession } from "~/web/session.server";
import { recordQueries } from "../../query-counter";

export const ORIGIN = "http://hearback.test";

let counter = 0;

export type SignedIn = { user: UserSummary; cookie: string };

export async function signIn(role: Role, overrides: { timeZone?: string; name?: string } = {}): Promise<SignedIn> {
  counter += 1;
  const user = await createUser({
    email: `${role.replace("_", "-")}${counter}@example.com`,
    name: overrides.name ?? `${role} ${counter}`,
    role,
    password: "correct horse battery",
    timeZone: overrides.timeZone,
  });
  const setCookie = await startSession(user.id, new Request(ORIGIN));
  return { user, cookie: setCookie.split(";")[0]! };
}

export function getRequest(path: string, who?: SignedIn): Request {
  return new Request(`${ORIGIN}${path}`, { headers: who ? { Cookie: who.cookie } : {} });
}

export function postRequest(path: string, who: SignedIn | undefined, fields: Record<string, string> | string[][]) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: ORIGIN,
      ...(who ? { Cookie: who.cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

export type Outcome<T = unknown> = {
  status: number;
  /** Where a redirect points. */
  location: string | null;
  data: T;
  headers: Headers;
};

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

/** Runs a loader or action and reports what the browser would get: status, redirect target and data. */
export async function run<T = Record<string, unknown>>(
  fn: RouteFunction,
  request: Request,
  params: Record<string, string> = {},
): Promise<Outcome<T>> {
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    return {
      status: result.status,
      location: result.headers.get("Location"),
      data: text as T,
      headers: result.headers,
    };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: T; init: ResponseInit | null };
    return { status: init?.status ?? 200, location: null, data, headers: new Headers(init?.headers) };
  }
  return { status: 200, location: null, data: result as T, headers: new Headers() };
}

/** How many SQL statements `work` sends (tests/query-counter.ts, from Prisma's public query events). */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const { queries } = await recordQueries(work);
  return queries.length;
}
