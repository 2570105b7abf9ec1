// Server entry: streams the React page and adds security headers. Also exports `boot` and the rest server.mjs uses.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { statusPageOffer } from "~/web/candidate-route.server";
import { NonceProvider } from "~/components/ui/nonce";
import { RequestIdProvider } from "~/components/request-reference";
import { currentRequestId, logger } from "~/platform/log.server";
import { pageShipsScripts } from "~/root";
import { applySecurityHeaders, scriptNonce } from "~/web/security-headers.server";
import { rememberStaffPage, staffPageOffer } from "~/web/staff-page-cache.server";
import { rememberStatusPage } from "~/web/status-page-cache.server";

export { boot } from "./boot.server";
export { rejectCrossSiteMutation, routedPath } from "~/web/csrf.server";
export { statusPageFromCache } from "~/web/candidate-route.server";
export { requestStart, staffPageFromCache } from "~/web/staff-page-cache.server";
export { logger, runWithRequestId } from "~/platform/log.server";
export { markDraining } from "~/platform/lifecycle.server";
export { requestLine, requestLogged } from "~/web/request-log.server";
export { timeRequest } from "~/web/request-metrics.server";

const ABORT_DELAY = 5_000;

/** What Remix logs: real faults once, not a request for an address nobody routes (a 404 page) or one the client left.
 * The line carries the request's id (the error page's "Reference"). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const fault = isRouteErrorResponse(error) && "error" in error && error.error ? error.error : error;
  logger.error({ err: fault }, "A request failed");
}

/** Data for staff pages is as private as the pages: never kept by a cache. */
export function handleDataRequest(response: Response) {
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

function routeHandles(remixContext: EntryContext): unknown[] {
  const { matches } = remixContext.staticHandlerContext;
  return matches.map((match) => remixContext.routeModules[match.route.id]?.handle);
}

function renderedApp(request: Request, remixContext: EntryContext, nonce: string) {
  // An error page shows the request's id; other pages do not carry it (kept pages are served to later requests).
  const requestId = remixContext.staticHandlerContext.errors ? currentRequestId() : null;
  return (
    <NonceProvider nonce={nonce}>
      <RequestIdProvider requestId={requestId}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RequestIdProvider>
    </NonceProvider>
  );
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = scriptNonce();
  const pathname = new URL(request.url).pathname;
  const handles = routeHandles(remixContext);
  const scriptsNonce = pageShipsScripts(handles, Boolean(remixContext.staticHandlerContext.errors)) ? nonce : null;
  const statusOffer = statusPageOffer(loadContext);
  if (statusOffer && responseStatusCode === 200) {
    return renderWholePage(request, responseStatusCode, responseHeaders, remixContext, nonce, scriptsNonce, (page) =>
      rememberStatusPage(statusOffer, page),
    );
  }
  const staffOffer = staffPageOffer(request, responseStatusCode, handles, loadContext);
  if (staffOffer) {
    return renderWholePage(request, responseStatusCode, responseHeaders, remixContext, nonce, scriptsNonce, (page) =>
      rememberStaffPage(staffOffer, page),
    );
  }
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Errors before the shell that did not fail it (one inside a Suspense boundary, the abort below) still make the
    // page a 500, and nothing else reports them: they are logged once the shell is out.
    const errorsBeforeShell: unknown[] = [];
    const { pipe, abort } = renderToPipeableStream(renderedApp(request, remixContext, nonce), {
      nonce,
      [waitForAll ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        for (const error of errorsBeforeShell) logger.error({ err: error }, "Rendering a page failed");
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        applySecurityHeaders(responseHeaders, pathname, scriptsNonce);
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // A shell error rejects, and Remix logs it (handleError).
        if (shellRendered) logger.error({ err: error }, "Rendering a page failed");
        else errorsBeforeShell.push(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

/** A page offered for a cache (the status page, a staff page): rendered to the end, kept, and sent in one piece. */
function renderWholePage(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  nonce: string,
  scriptsNonce: string | null,
  keep: (page: { headers: Headers; body: Buffer }) => void,
) {
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(renderedApp(request, remixContext, nonce), {
      nonce,
      onAllReady() {
        const body = new PassThrough();
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("end", () => {
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applySecurityHeaders(responseHeaders, new URL(request.url).pathname, scriptsNonce);
          const html = Buffer.concat(chunks);
          if (!failed) keep({ headers: responseHeaders, body: html });
          resolve(new Response(html, { headers: responseHeaders, status: failed ? 500 : responseStatusCode }));
        });
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        failed = true;
        logger.error({ err: error }, "Rendering a page failed");
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}
