// What server.mjs logs about each request when it completes: the path without its query string and with the secrets
// some paths carry (a candidate's status-link token, an invitation's secret) replaced by their names, and which
// requests are not worth a line (health checks, static files, the development server's own files).
import { routedPath } from "./csrf.server";

const SECRET_SEGMENTS: [RegExp, string][] = [
  [/^\/s\/[^/]+/, "/s/:token"],
  [/^\/join\/[^/]+/, "/join/:secret"],
];

const LONGEST_LOGGED_PATH = 200;

/** The path of `url` as a log may show it: no query string, no secret. */
export function loggedPath(url: string): string {
  let path = routedPath(url);
  for (const [pattern, name] of SECRET_SEGMENTS) path = path.replace(pattern, name);
  return path.length > LONGEST_LOGGED_PATH ? `${path.slice(0, LONGEST_LOGGED_PATH)}…` : path;
}

const UNLOGGED =
  /^\/(?:healthz|readyz)$|^\/(?:assets|@vite|@fs|@id|node_modules|app)\/|^\/(?:@vite\/client|favicon\.(?:ico|svg))$/;

/** Whether a request to `path` (as loggedPath gives it) gets a line: not health checks, assets and the like. */
export function requestLogged(path: string): boolean {
  return !UNLOGGED.test(path);
}

export type RequestLine = { method: string; path: string; status: number; ms: number; aborted?: true };

/** The fields of a completed request's line. */
export function requestLine(request: {
  method: string;
  url: string;
  status: number;
  startedAt: number;
  endedAt: number;
  finished: boolean;
}): RequestLine {
  const line: RequestLine = {
    method: request.method,
    path: loggedPath(request.url),
    status: request.status,
    ms: Math.round((request.endedAt - request.startedAt) * 10) / 10,
  };
  if (!request.finished) line.aborted = true;
  return line;
}
