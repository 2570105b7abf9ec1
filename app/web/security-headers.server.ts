// Security headers for every HTML page. Candidates' pages (/s/…) carry a secret in their address, so the address
// never leaves in a Referer and they are never indexed. No page is kept by a browser or proxy cache: staff pages show
// private data, candidates' pages a secret. Scripts run only from our own files or with this response's nonce; a
// page that ships no script (the status page itself) allows none.
import { randomBytes } from "node:crypto";

const CANDIDATE_PAGE = /^\/s\//;

/** A fresh nonce for one response's inline scripts. */
export function scriptNonce(): string {
  return randomBytes(18).toString("base64");
}

/** `nonce`: the one the page's inline scripts carry; null when the page has no script at all. */
export function applySecurityHeaders(headers: Headers, pathname: string, nonce: string | null): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  headers.set("Cache-Control", "private, no-store");
  const scripts = nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'none'";
  if (CANDIDATE_PAGE.test(pathname)) {
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Robots-Tag", "noindex, nofollow");
    headers.set(
      "Content-Security-Policy",
      `default-src 'self'; ${scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; ` +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    return;
  }
  headers.set("Referrer-Policy", "same-origin");
  headers.set(
    "Content-Security-Policy",
    `${scripts}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'`,
  );
}
