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

/** A kept page. Its gzip is made when first asked for: a page rendered again and again between writes, and never
 * served from here, should not pay for a second gzip besides the one its own response gets. */
export class StoredPage<Extra> {
  readonly generation: number;
  readonly validUntil: number;
  /** The response headers, ready for writeHead, for the plain body. */
  readonly plainHeaders: Record<string, string | number>;
  #gzipped: Buffer | null = null;

  constructor(
    validity: PageValidity,
    readonly extra: Extra,
    readonly body: Buffer,
    private readonly headers: Record<string, string>,
    /** Told the gzip's size when it is made, for the store's count of memory held. */
    private readonly grew: (bytes: number) => void = () => {},
  ) {
    this.generation = validity.generation;
    this.validUntil = validity.validUntil;
    this.plainHeaders = { ...headers, vary: "Accept-Encoding", "content-length": body.length };
  }

  get gzipped(): Buffer {
    if (!this.#gzipped) {
      this.#gzipped = gzipSync(this.body);
      this.grew(this.#gzipped.length);
    }
    return this.#gzipped;
  }

  /** The response headers, ready for writeHead, for the gzipped body. */
  get gzipHeaders(): Record<string, string | number> {
    return {
      ...this.headers,
      vary: "Accept-Encoding",
      "content-encoding": "gzip",
      "content-length": this.gzipped.length,
    };
  }

  /** Memory held: the HTML, and its gzip once made. */
  get bytes(): number {
    return this.body.length + (this.#gzipped?.length ?? 0);
  }
}

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
    store.bytes -= page.bytes;
  }

  function evictOverLimit(): void {
    for (const [oldest] of store.pages) {
      if (store.bytes <= maxBytes) break;
      forget(oldest);
    }
  }

  return {
    remember(key, validity, extra, response, now = Date.now()) {
      if (!fresh(validity, now) || response.headers.has("Set-Cookie")) return false;
      forget(key);
      const page: StoredPage<Extra> = new StoredPage(
        validity,
        extra,
        response.body,
        Object.fromEntries(response.headers),
        (bytes) => {
          if (store.pages.get(key) !== page) return;
          store.bytes += bytes;
          evictOverLimit();
        },
      );
      store.pages.set(key, page);
      store.bytes += page.bytes;
      evictOverLimit();
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
