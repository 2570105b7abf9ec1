// Times every HTTP request for hearback_http_request_duration_seconds (app/platform/prometheus.server.ts), labelled by
// the Remix route that answers it, never by its URL: the route id ("routes/jobs.$jobId"), "cached:status-page" or
// "cached:staff-page" for pages answered from memory in server.mjs, "unmatched" when no route matches (static files,
// unknown addresses). server.mjs starts the timing as a request arrives, before anything answers it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { matchRoutes } from "@remix-run/react";
import type { ServerBuild } from "@remix-run/node";
import { observeHttpRequest } from "~/platform/prometheus.server";

type RouteManifest = ServerBuild["routes"];
type RouteNode = Parameters<typeof matchRoutes>[0][number];

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const routeTrees = new WeakMap<RouteManifest, RouteNode[]>();

/** The manifest as the nested routes matchRoutes takes, built once per build. */
function routeTree(manifest: RouteManifest): RouteNode[] {
  let tree = routeTrees.get(manifest);
  if (!tree) {
    const children = (parentId: string | undefined): RouteNode[] =>
      Object.values(manifest)
        .filter((route) => route !== undefined && route.parentId === parentId)
        .map((route): RouteNode => {
          const { id, path, caseSensitive } = route!;
          return route!.index
            ? { id, path, caseSensitive, index: true }
            : { id, path, caseSensitive, children: children(id) };
        });
    tree = children(undefined);
    routeTrees.set(manifest, tree);
  }
  return tree;
}

/** The id of the route that answers `url`: a client navigation's data request (/jobs/x.data, /_root.data) counts
 * for the page's route. */
export function routeIdFor(manifest: RouteManifest, url: string): string {
  let pathname = url.split("?")[0] ?? "/";
  if (pathname.endsWith(".data")) pathname = pathname.slice(0, -".data".length).replace(/^\/_root$/, "/");
  let matches: ReturnType<typeof matchRoutes> = null;
  try {
    matches = matchRoutes(routeTree(manifest), pathname);
  } catch {
    // A malformed address (bad percent-encoding) matches nothing.
  }
  return matches?.at(-1)?.route.id ?? "unmatched";
}

const CACHED_STATUS_PAGE = /^\/s\//;

/** Starts timing a request; call `answeredFromMemory()` when server.mjs answered it from a page cache. */
export function timeRequest(req: IncomingMessage, res: ServerResponse, manifest: RouteManifest) {
  const started = process.hrtime.bigint();
  // Read now: Express rewrites req.url while a mounted middleware (the static files) looks at it.
  const url = req.url ?? "/";
  let fromMemory = false;
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = fromMemory
      ? CACHED_STATUS_PAGE.test(url)
        ? "cached:status-page"
        : "cached:staff-page"
      : routeIdFor(manifest, url);
    const method = METHODS.has(req.method ?? "") ? req.method! : "other";
    observeHttpRequest(route, method, res.statusCode, seconds);
  });
  return {
    answeredFromMemory() {
      fromMemory = true;
    },
  };
}
