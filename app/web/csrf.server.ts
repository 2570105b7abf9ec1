// Cross-site request forgery defence for cookie-authenticated mutations: SameSite=Lax cookies plus this Origin check.
import { publicUrl } from "~/platform/env.server";

// The JSON API (/api/*) is exempt: it authenticates with bearer tokens, which browsers never attach on their own.
// So is the CLI's endpoint (/internal/cli/*): it needs the secret from the data folder, never a cookie. And so are
// candidates' pages (/s/<token>/…): no cookie is involved, the secret is the token in the address, and those pages
// send no Referer (Referrer-Policy: no-referrer), so browsers post their forms with "Origin: null".
const EXEMPT_PREFIXES = ["/api/", "/internal/cli/", "/s/"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type MutationRequest = {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
};

/** Returns a reason to refuse the request, or null when it may proceed. */
export function rejectCrossSiteMutation(request: MutationRequest): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (EXEMPT_PREFIXES.some((prefix) => request.path.startsWith(prefix))) return null;
  const source = request.origin ?? request.referer;
  if (!source) return "This form was sent without an Origin header. Please reload the page and try again.";
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return "This form came from an unknown page. Please reload the page and try again.";
  }
  if (sourceHost !== request.host && sourceHost !== new URL(publicUrl()).host) {
    return "This form was sent from another site, so it was not accepted. Please reload the page and try again.";
  }
  return null;
}
