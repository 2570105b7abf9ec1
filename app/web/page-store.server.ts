// Rendered pages kept in memory while they are exactly what a render would give: each is stored with the write
// generation its data was read at and the moment it would read differently with the same data, and is served only
// while no write has happened since and that moment has not come (docs/decisions/014). The status page and the staff
// pages each have a store of their own (status-page-cache.server.ts, staff-page-cache.server.ts).
import { gzipSync } from "node:zlib";
import { singleton } from "~/platform/singleton.server";
import { writeGeneration, writeTrackingComplete } from "~/platform/write-tracking.server";

/** When a page stops being exactly right: the generation before its loader read anything, and the epoch ms from which
 * the same data would render differently. */
export type PageValidity = { generation: number; validUntil: number };

export type StoredPage<Extra> = PageValidity & {
  extra: Extra;
  body: Buffer;
  gzipped: Buffer;
  /** The response headers, ready for writeHead, with and without gzip. */
  plainHeaders: Record<string, string | number>;
  gzipHeaders: Record<string, string | number>;
};

export type PageStore<Extra> = {
  /** Keeps a rendered page, unless anything was written since its data was read, it is already out of date, or the
   * response sets a cookie. Answers whether it was kept. */
  remember(
    key: string,
    validity: PageValidity,
    extra: Extra,
    response: { headers: Headers; body: Buffer },
    now?: number,
  ): boolean;
  /** The stored page while it is still exactly what a render would give; null otherwise. */
  find(key: string, now?: number): StoredPage<Extra> | null;
  clear(): void;
  /** Bytes held (HTML plus gzip), for tests. */
  bytes(): number;
};

function fresh(page: PageValidity, now: number): boolean {
  return writeTrackingComplete() && page.generation === writeGeneration() && now < page.validUntil;
}

/** A store of at most `maxBytes` (HTML plus its gzip); the least recently served pages go first. */
export function pageStore<Extra>(name: string, maxBytes: number): PageStore<Extra> {
  const store = singleton(`page-store:${name}`, () => ({ pages: new Map<string, StoredPage<Extra>>(), bytes: 0 }));

  function forget(key: string): void {
    const page = store.pages.get(key);
    if (!page) return;
    store.pages.delete(key);
    store.bytes -= page.body.length + page.gzipped.length;
  }

  return {
    remember(key, validity, extra, response, now = Date.now()) {
      if (!fresh(validity, now) || response.headers.has("Set-Cookie")) return false;
      forget(key);
      const headers = Object.fromEntries(response.headers);
      const gzipped = gzipSync(response.body);
      const page: StoredPage<Extra> = {
        generation: validity.generation,
        validUntil: validity.validUntil,
        extra,
        body: response.body,
        gzipped,
        plainHeaders: { ...headers, vary: "Accept-Encoding", "content-length": response.body.length },
        gzipHeaders: {
          ...headers,
          vary: "Accept-Encoding",
          "content-encoding": "gzip",
          "content-length": gzipped.length,
        },
      };
      store.pages.set(key, page);
      store.bytes += page.body.length + page.gzipped.length;
      for (const [oldest] of store.pages) {
        if (store.bytes <= maxBytes) break;
        forget(oldest);
      }
      return true;
    },
    find(key, now = Date.now()) {
      const page = store.pages.get(key);
      if (!page) return null;
      if (!fresh(page, now)) {
        forget(key);
        return null;
      }
      // Map order is insertion order: moving a served page to the end makes the eviction above least-recently-used.
      store.pages.delete(key);
      store.pages.set(key, page);
      return page;
    },
    clear() {
      store.pages.clear();
      store.bytes = 0;
    },
    bytes: () => store.bytes,
  };
}
