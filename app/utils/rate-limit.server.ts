// A small in-memory rate limiter (fixed one-minute windows per key), for the routes that take a secret from the
// address: guessing status tokens must be slow. Per app instance; each instance limits on its own.
import { singleton } from "./singleton.server";

type Window = { startedAt: number; count: number };

const windows = singleton<Map<string, Window>>("rate-limit-windows", () => new Map());
const WINDOW_MS = 60_000;
let lastSweep = 0;

/** Counts one request for `key`; false once more than `limit` came in the current minute. */
export function allowRequest(key: string, limit: number, now = Date.now()): boolean {
  if (now - lastSweep > WINDOW_MS) {
    for (const [oldKey, window] of windows) if (now - window.startedAt >= WINDOW_MS) windows.delete(oldKey);
    lastSweep = now;
  }
  const window = windows.get(key);
  if (!window || now - window.startedAt >= WINDOW_MS) {
    windows.set(key, { startedAt: now, count: 1 });
    return true;
  }
  window.count += 1;
  return window.count <= limit;
}

/** The client's address as server.mjs saw it (X-Forwarded-For only when TRUST_PROXY says a proxy sits in front). */
export function clientAddress(request: Request): string {
  return request.headers.get("X-Hearback-Client-Ip")?.trim() || "direct";
}
