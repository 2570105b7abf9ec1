// Rendered candidate status pages, kept in memory. Every email links to the page, so it is opened far more often than
// it changes; serving the stored HTML takes a fraction of a millisecond instead of a render and a query. A page is
// kept only with the write generation its data was read at, and served only while no write has happened since and
// before the moment it would read differently (a promised date passing, the link expiring, a new year in the
// candidate's zone): it is never older than the database (docs/decisions/014).
import { gzipSync } from "node:zlib";
import { singleton } from "~/platform/singleton.server";
import { writeGeneration, writeTrackingComplete } from "~/platform/write-tracking.server";

/** What the status page's loader knows about the page it renders, for handleRequest to store the HTML with. */
export type StatusPageOffer = {
  token: string;
  applicationId: string;
  /** The write generation before the loader read anything. */
  generation: number;
  /** Epoch ms from which the same data would render differently. */
  validUntil: number;
};

export type CachedStatusPage = {
  applicationId: string;
  generation: number;
  validUntil: number;
  body: Buffer;
  gzipped: Buffer;
  /** The response headers, ready for writeHead, with and without gzip. */
  plainHeaders: Record<string, string | number>;
  gzipHeaders: Record<string, string | number>;
};

/** Memory the cache may hold (HTML plus its gzip); the least recently served pages go first. */
const MAX_BYTES = 64 * 1024 * 1024;

type Cache = { pages: Map<string, CachedStatusPage>; bytes: number };
const cache = singleton<Cache>("status-page-cache", () => ({ pages: new Map(), bytes: 0 }));

function forget(token: string): void {
  const page = cache.pages.get(token);
  if (!page) return;
  cache.pages.delete(token);
  cache.bytes -= page.body.length + page.gzipped.length;
}

function fresh(page: Pick<CachedStatusPage, "generation" | "validUntil">, now: number): boolean {
  return writeTrackingComplete() && page.generation === writeGeneration() && now < page.validUntil;
}

/** Keeps a rendered page, unless anything was written since its data was read or it is already out of date. */
export function rememberStatusPage(
  offer: StatusPageOffer,
  response: { headers: Headers; body: Buffer },
  now = Date.now(),
): boolean {
  if (!fresh(offer, now) || response.headers.has("Set-Cookie")) return false;
  forget(offer.token);
  const headers = Object.fromEntries(response.headers);
  const gzipped = gzipSync(response.body);
  const page: CachedStatusPage = {
    applicationId: offer.applicationId,
    generation: offer.generation,
    validUntil: offer.validUntil,
    body: response.body,
    gzipped,
    plainHeaders: { ...headers, vary: "Accept-Encoding", "content-length": response.body.length },
    gzipHeaders: { ...headers, vary: "Accept-Encoding", "content-encoding": "gzip", "content-length": gzipped.length },
  };
  cache.pages.set(offer.token, page);
  cache.bytes += page.body.length + page.gzipped.length;
  for (const [token] of cache.pages) {
    if (cache.bytes <= MAX_BYTES) break;
    forget(token);
  }
  return true;
}

/** The stored page for this token while it is still exactly what a render would give; null otherwise. */
export function cachedStatusPage(token: string, now = Date.now()): CachedStatusPage | null {
  const page = cache.pages.get(token);
  if (!page) return null;
  if (!fresh(page, now)) {
    forget(token);
    return null;
  }
  // Map order is insertion order: moving a served page to the end makes the eviction above least-recently-used.
  cache.pages.delete(token);
  cache.pages.set(token, page);
  return page;
}

export function clearStatusPageCache(): void {
  cache.pages.clear();
  cache.bytes = 0;
}
