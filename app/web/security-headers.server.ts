// Security headers for every HTML page. Candidates' status pages (/s/…) carry a secret in their address, so they are
// stricter: the address never leaves in a Referer, pages are never cached or indexed, and only our own scripts,
// styles and forms are allowed.
const STATUS_PAGE = /^\/s\//;

export function applySecurityHeaders(headers: Headers, pathname = ""): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (STATUS_PAGE.test(pathname)) {
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "private, no-store");
    headers.set("X-Robots-Tag", "noindex, nofollow");
    headers.set(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    return;
  }
  headers.set("Referrer-Policy", "same-origin");
  if (!headers.has("Content-Security-Policy")) {
    headers.set(
      "Content-Security-Policy",
      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
  }
}
