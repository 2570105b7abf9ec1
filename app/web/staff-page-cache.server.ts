// The pages staff live in (Waiting on us, the board, an application…), kept in memory per session while nothing has
// been written: opened again and again through the day, by several people at once, and changed only by writes and
// by the clock. A page is stored for exactly one request shape (address, Cookie header, Accept-Language), with the
// write generation noted before any of its loaders read, and only until the next minute starts (times on staff pages
// are shown to the minute). Any write, sign-out included, ends every stored page at once (docs/decisions/022).
import { writeGeneration } from "~/platform/write-tracking.server";
import { pageStore, type PageValidity, type StoredPage } from "./page-store.server";

/** What server.mjs notes for each request before anything is read: the load context's part for this cache. */
export type RequestStart = { startGeneration: number; startedAt: number };

/** A route that may be stored says so in its handle: its loaders read only the database, the user and the clock. */
export type StaffPageHandle = { keptWhileUnchanged?: boolean };

/** Per session and address, so a busy team's pages fit; the least recently served go first. */
const MAX_BYTES = 96 * 1024 * 1024;
const MINUTE_MS = 60_000;

const staffPages = pageStore<null>("staff-pages", MAX_BYTES);

export function requestStart(now = Date.now()): RequestStart {
  return { startGeneration: writeGeneration(), startedAt: now };
}

type RequestShape = { address: string; cookie: string | null | undefined; acceptLanguage: string | null | undefined };

function keyOf({ address, cookie, acceptLanguage }: RequestShape): string {
  return `${address}\n${cookie ?? ""}\n${acceptLanguage ?? ""}`;
}

/** What handleRequest needs to keep a rendered staff page, or null when this response must not be kept: not a plain
 * signed-in GET of a route that allows it, not a 200, or a request whose start was not noted. */
export function staffPageOffer(
  request: Request,
  status: number,
  handles: readonly unknown[],
  context: unknown,
): (PageValidity & { key: string }) | null {
  const start = context as Partial<RequestStart> | undefined;
  const cookie = request.headers.get("Cookie");
  if (request.method !== "GET" || status !== 200 || !cookie) return null;
  if (typeof start?.startGeneration !== "number" || typeof start.startedAt !== "number") return null;
  const leaf = handles.at(-1) as StaffPageHandle | undefined;
  if (!leaf?.keptWhileUnchanged) return null;
  const url = new URL(request.url);
  return {
    key: keyOf({
      address: `${url.pathname}${url.search}`,
      cookie,
      acceptLanguage: request.headers.get("Accept-Language"),
    }),
    generation: start.startGeneration,
    validUntil: (Math.floor(start.startedAt / MINUTE_MS) + 1) * MINUTE_MS,
  };
}

export function rememberStaffPage(
  offer: PageValidity & { key: string },
  response: { headers: Headers; body: Buffer },
  now = Date.now(),
): boolean {
  return staffPages.remember(offer.key, offer, null, response, now);
}

/** The stored page for exactly this request, while nothing has been written since and its minute has not ended. The
 * Cookie header must match the one a full render checked, so a signed-out or forged cookie never finds a page. */
export function staffPageFromCache(request: RequestShape, now = Date.now()): StoredPage<null> | null {
  if (!request.cookie) return null;
  return staffPages.find(keyOf(request), now);
}

export function clearStaffPageCache(): void {
  staffPages.clear();
}
