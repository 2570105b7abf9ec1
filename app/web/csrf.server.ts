// Cross-site request forgery defence for cookie-authenticated mutations: SameSite=Lax cookies plus this Origin check.
// server.mjs asks it about every request before the app sees it, and drops the Origin header of a request it let
// through: Remix's own check compares Origin with Host only, which fails behind a proxy that rewrites Host.
import { env, publicUrl } from "~/platform/env.server";

// The JSON API (/api/*) is exempt: it authenticates with bearer tokens, which browsers never attach on their own.
// So is the CLI's endpoint (/internal/cli/*): it needs the secret from the data folder, never a cookie, and so are
// connectors' webhooks (/hooks/*): each is verified by its sender's signature, and no session is read.
const EXEMPT_PREFIXES = ["/api/", "/internal/cli/", "/hooks/"];
// Candidates' pages (/s/<token>/…) use no cookie: the secret is the token in the address. They send no Referer
// (Referrer-Policy: no-referrer), so browsers post their forms with "Origin: null", which is accepted; a named
// foreign origin is not.
const CANDIDATE_PREFIX = "/s/";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type MutationRequest = {
  method: string;
  /** The request target as sent (`req.url`): path and query, not normalised. */
  url: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
};

/** The path the router will run: dot segments resolved and percent-encoded dots read, as `new URL` does. */
export function routedPath(url: string): string {
  try {
    return new URL(url, "http://hearback.invalid").pathname;
  } catch {
    return "/";
  }
}

/** The hosts a staff form may come from: the public address; without a configured PUBLIC_URL (development), also the
 * Host asked for. */
function trustedHosts(host: string | undefined, configuredPublicUrl: string | undefined): string[] {
  if (configuredPublicUrl) return [new URL(configuredPublicUrl).host];
  return host ? [new URL(publicUrl()).host, host] : [new URL(publicUrl()).host];
}

/** Returns a reason to refuse the request, or null when it may proceed. */
export function rejectCrossSiteMutation(
  request: MutationRequest,
  configuredPublicUrl: string | undefined = env.PUBLIC_URL,
): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const path = routedPath(request.url);
  if (EXEMPT_PREFIXES.some((prefix) => path.startsWith(prefix))) return null;
  const candidatePage = path.startsWith(CANDIDATE_PREFIX);
  if (candidatePage && (request.origin === undefined || request.origin === "null")) return null;
  const source = request.origin ?? request.referer;
  if (!source) return "This form was sent without an Origin header. Please reload the page and try again.";
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return "This form came from an unknown page. Please reload the page and try again.";
  }
  if (!trustedHosts(request.host, configuredPublicUrl).includes(sourceHost)) {
    return "This form was sent from another site, so it was not accepted. Please reload the page and try again.";
  }
  return null;
}
