// Rendered candidate status pages, kept in memory. Every email links to the page, so it is opened far more often than
// it changes; serving the stored HTML takes a fraction of a millisecond instead of a render and a query. A page is
// kept only with the write generation its data was read at, and served only while no write has happened since and
// before the moment it would read differently (a promised date passing, the link expiring, a new year in the
// candidate's zone): it is never older than the database (docs/decisions/014).
import { pageStore, type PageValidity, type StoredPage } from "./page-store.server";

/** What the status page's loader knows about the page it renders, for handleRequest to store the HTML with. */
export type StatusPageOffer = PageValidity & { token: string; applicationId: string };

export type CachedStatusPage = StoredPage<{ applicationId: string }>;

/** Memory the cache may hold (HTML plus its gzip); the least recently served pages go first. */
const MAX_BYTES = 64 * 1024 * 1024;

const statusPages = pageStore<{ applicationId: string }>("status-pages", MAX_BYTES);

/** Keeps a rendered page, unless anything was written since its data was read or it is already out of date. */
export function rememberStatusPage(
  offer: StatusPageOffer,
  response: { headers: Headers; body: Buffer },
  now = Date.now(),
): boolean {
  return statusPages.remember(offer.token, offer, { applicationId: offer.applicationId }, response, now);
}

/** The stored page for this token while it is still exactly what a render would give; null otherwise. */
export function cachedStatusPage(token: string, now = Date.now()): CachedStatusPage | null {
  return statusPages.find(token, now);
}

export function clearStatusPageCache(): void {
  statusPages.clear();
}
