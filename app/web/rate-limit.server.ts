// A small in-memory rate limiter (fixed one-minute windows, the same for every key), for the routes that take a secret
// from the address: guessing status tokens must be slow. Per app instance; each instance limits on its own. A new
// minute starts with a new map, so old counts are dropped whole instead of swept key by key on a busy server.
import { singleton } from "~/platform/singleton.server";

type Minute = { index: number; counts: Map<string, number> };

const current = singleton<Minute>("rate-limit-minute", () => ({ index: -1, counts: new Map() }));
const WINDOW_MS = 60_000;

/** Counts one request for `key`; false once more than `limit` came in the current minute. */
export function allowRequest(key: string, limit: number, now = Date.now()): boolean {
  const index = Math.floor(now / WINDOW_MS);
  if (index !== current.index) {
    current.index = index;
    current.counts = new Map();
  }
  const count = (current.counts.get(key) ?? 0) + 1;
  current.counts.set(key, count);
  return count <= limit;
}

/** The client's address as server.mjs saw it (X-Forwarded-For only when TRUST_PROXY says a proxy sits in front). */
export function clientAddress(request: Request): string {
  return request.headers.get("X-Hearback-Client-Ip")?.trim() || "direct";
}
