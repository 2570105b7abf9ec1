// What every candidate route (/s/<token>/…) does first: limit how fast one address may try links, and find the
// application the link opens. A wrong, expired or erased link and a wrong-looking one get the very same 404, so a
// page never tells a guesser whether a token ever existed.
import { applicationIdForStatusToken } from "~/models/status-link.server";
import { allowRequest, clientAddress } from "./rate-limit.server";

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

/** The application id behind the link in `params.token`; throws the 404 or a 429 Response otherwise. */
export async function openStatusLink(request: Request, params: { token?: string }): Promise<string> {
  if (!allowRequest(`status:${clientAddress(request)}`, STATUS_REQUESTS_PER_MINUTE)) {
    throw new Response("Too many requests. Please wait a minute and try again.", {
      status: 429,
      headers: { "Retry-After": "60", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const applicationId = await applicationIdForStatusToken(params.token ?? "");
  if (!applicationId) throw statusLinkNotFound();
  return applicationId;
}
