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

/** The routes under the root, grouped by the static first segment of their path ("jobs" for "jobs/:jobId"); routes
 * whose path may start with anything (a parameter, no path, an index) are in every group. */
type RouteGroups = { root: { id: string; path?: string }; bySegment: Map<string, RouteNode[]>; anywhere: RouteNode[] };

const routeGroups = new WeakMap<RouteManifest, RouteGroups>();

function groupsOf(manifest: RouteManifest): RouteGroups {
  let groups = routeGroups.get(manifest);
  if (groups) return groups;
  const routes = Object.values(manifest).flatMap((route) => (route ? [route] : []));
  const children = (parentId: string): RouteNode[] =>
    routes
      .filter((route) => route.parentId === parentId)
      .map(({ id, path, caseSensitive, index }): RouteNode =>
        index ? { id, path, caseSensitive, index: true } : { id, path, caseSensitive, children: children(id) },
      );
  const root = routes.find((route) => route.parentId === undefined) ?? { id: "root", path: "" };
  groups = { root: { id: root.id, path: root.path }, bySegment: new Map(), anywhere: [] };
  for (const route of children(root.id)) {
    const first = route.path?.split("/")[0] ?? "";
    if (first === "" || first === "*" || /[:?]/.test(first)) groups.anywhere.push(route);
    else groups.bySegment.set(first.toLowerCase(), [...(groups.bySegment.get(first.toLowerCase()) ?? []), route]);
  }
  routeGroups.set(manifest, groups);
  return groups;
}

const candidateTrees = new WeakMap<RouteManifest, Map<string, RouteNode[]>>();

/** The routes that could answer a path starting with `segment`: matchRoutes ranks every route it is given on every
 * call (about as long as Remix's own routing), so it is given only these. One tree per static first segment. */
function candidatesFor(manifest: RouteManifest, segment: string): RouteNode[] {
  const groups = groupsOf(manifest);
  const key = groups.bySegment.has(segment) ? segment : "";
  let trees = candidateTrees.get(manifest);
  if (!trees) candidateTrees.set(manifest, (trees = new Map()));
  let tree = trees.get(key);
  if (!tree) {
    tree = [{ ...groups.root, children: [...(groups.bySegment.get(key) ?? []), ...groups.anywhere] }];
    trees.set(key, tree);
  }
  return tree;
}

/** The id of the route that answers `url`: a client navigation's data request (/jobs/x.data, /_root.data) counts
 * for the page's route. */
export function routeIdFor(manifest: RouteManifest, url: string): string {
  let pathname = url.split("?")[0] ?? "/";
  if (pathname.endsWith(".data")) pathname = pathname.slice(0, -".data".length).replace(/^\/_root$/, "/");
  try {
    const segment = decodeURIComponent(pathname.split("/")[1] ?? "").toLowerCase();
    return matchRoutes(candidatesFor(manifest, segment), pathname)?.at(-1)?.route.id ?? "unmatched";
  } catch {
    // A malformed address (bad percent-encoding) matches nothing.
    return "unmatched";
  }
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
