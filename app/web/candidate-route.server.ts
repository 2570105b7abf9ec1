// What every candidate route (/s/<token>/…) does first: limit how fast one address may try links, and find the
// application the link opens. A wrong, expired or erased link and a wrong-looking one get the very same 404, so a
// page never tells a guesser whether a token ever existed.
import { isbot } from "isbot";
import { recordStatusView } from "~/models/status-page.server";
import { applicationIdForStatusToken } from "~/models/status-link.server";
import { allowRequest, clientAddress } from "./rate-limit.server";
import { cachedStatusPage, type CachedStatusPage, type StatusPageOffer } from "./status-page-cache.server";
import { logger } from "~/platform/log.server";

/** Requests a minute from one address to status links: a person reading and clicking stays far below this. */
export const STATUS_REQUESTS_PER_MINUTE = 120;

export function statusLinkNotFound(): Response {
  return new Response(
    "This link does not work. If it came in an email from us, reply to that email and we will help.",
    {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    },
  );
}

function statusRequestAllowed(address: string): boolean {
  return allowRequest(`status:${address}`, STATUS_REQUESTS_PER_MINUTE);
}

/** The application id behind the link in `params.token`; throws the 404 or a 429 Response otherwise. */
export async function openStatusLink(request: Request, params: { token?: string }): Promise<string> {
  if (!statusRequestAllowed(clientAddress(request))) {
    throw new Response("Too many requests. Please wait a minute and try again.", {
      status: 429,
      headers: { "Retry-After": "60", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const applicationId = await applicationIdForStatusToken(params.token ?? "");
  if (!applicationId) throw statusLinkNotFound();
  return applicationId;
}

/** The load context of one request (server.mjs getLoadContext): the status page's loader leaves its offer there. */
type OfferContext = { statusPageOffer?: StatusPageOffer };

/** Lets handleRequest keep the page about to be rendered (app/web/status-page-cache.server.ts). Only the plain
 * address is kept: the same page with a query string is a different request. */
export function offerStatusPage(request: Request, context: unknown, offer: StatusPageOffer): void {
  if (new URL(request.url).search !== "" || typeof context !== "object" || context === null) return;
  (context as OfferContext).statusPageOffer = offer;
}

export function statusPageOffer(context: unknown): StatusPageOffer | null {
  return (context as OfferContext | undefined)?.statusPageOffer ?? null;
}

/** A GET of /s/<token> answered from the cache, before Remix: the same rate limit and view log as the loader. Null
 * sends the request on to Remix: no stored page, a request with cookies (staff may be looking, and their views are
 * not logged; only the loader can tell), or one over the rate limit (the loader answers it with the 429). */
export function statusPageFromCache(request: {
  token: string;
  clientAddress: string;
  userAgent: string;
  hasCookie: boolean;
}): CachedStatusPage | null {
  if (request.hasCookie) return null;
  const page = cachedStatusPage(request.token);
  if (!page || !statusRequestAllowed(request.clientAddress)) return null;
  if (!isbot(request.userAgent)) {
    recordStatusView(page.extra.applicationId).catch((error: unknown) =>
      logger.error({ err: error }, "Could not record a status view"),
    );
  }
  return page;
}
