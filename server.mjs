// The HTTP server: Express in front of the Remix request handler. In development Vite serves the app with hot reload;
// in production (`npm start`) it serves the built bundle. Start-up work (migrations, demo data, workers) lives in
// app/boot.server.ts and runs inside the app's own module graph so the process holds one database connection. Every
// request gets an id and a log line (the app's logger, app/platform/log.server.ts); SIGTERM and SIGINT drain.
import { randomBytes } from "node:crypto";
import http from "node:http";
import compression from "compression";
import express from "express";
import proxyaddr from "proxy-addr";
import { bodyLimit, createRemixHandler } from "./server/request-body.mjs";

if (process.argv.includes("--production")) process.env.NODE_ENV = "production";
const production = process.env.NODE_ENV === "production";

const viteDevServer = production
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));
// Vite's own SIGTERM listener (its compiler's) would exit at once; this server drains first, then exits (below).
if (viteDevServer) for (const listener of process.listeners("SIGTERM")) process.off("SIGTERM", listener);

async function loadBuild() {
  return viteDevServer ? viteDevServer.ssrLoadModule("virtual:remix/server-build") : import("./build/server/index.js");
}

let started;
let entry;
let routeManifest;
try {
  const build = await loadBuild();
  entry = build.entry.module;
  routeManifest = build.routes;
  started = await entry.boot();
} catch (error) {
  // A bad variable is named for the person starting the server (LOG_LEVEL itself may be the bad one).
  if (error instanceof Error && error.name === "EnvError") console.error(error.message);
  else if (entry?.logger) entry.logger.fatal({ err: error }, "Start-up failed");
  else console.error(error);
  process.exit(1);
}
const log = entry.logger;

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, TRUST_PROXY (Express's "trust proxy": "loopback", a hop count, an address) makes the client's
// address come from X-Forwarded-For; without it the header is ignored, so nobody can fake their address.
if (process.env.TRUST_PROXY) {
  const hops = Number(process.env.TRUST_PROXY);
  app.set("trust proxy", Number.isInteger(hops) ? hops : process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY);
}
app.use(compression());
if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}
// Every body is read with a limit, chunked or not (server/request-body.mjs). Raw candidate replies may carry
// attachments: that endpoint takes up to 10 MB. The schedule editor takes a calendar file of up to 2 MB, which it
// checks itself so that a larger one gets a message beside the field: its form may be a little larger.
const MAX_BODY_BYTES = 1024 * 1024;
const LARGER_BODIES = [
  [/^\/api\/v1\/inbound\/email$/, 10 * 1024 * 1024],
  [/^\/settings\/schedules\/[^/]+$/, 3 * 1024 * 1024],
  // An application from the careers page with its CV of up to 10 MB (app/web/careers-form.server.ts).
  [/^\/careers\/[^/]+$/, 11 * 1024 * 1024],
  // A spreadsheet to import, up to 20 MB, on the Import page or through the API (app/web/import-upload.server.ts).
  [/^\/jobs\/import$/, 21 * 1024 * 1024],
  [/^\/api\/v1\/imports$/, 21 * 1024 * 1024],
];
function bodyLimitFor(path) {
  return LARGER_BODIES.find(([pattern]) => pattern.test(path))?.[1] ?? MAX_BODY_BYTES;
}
app.use((req, res, next) => {
  // Remix's data requests of old (`?_data=`) are not how this app's pages load data; answered by Remix they gave a 500.
  if (req.query._data !== undefined) {
    res.status(400).type("text/plain").send("This address does not take a _data parameter.");
    return;
  }
  const refusal = entry.rejectCrossSiteMutation({
    method: req.method,
    url: req.url,
    host: req.headers.host,
    origin: req.headers.origin,
    referer: req.headers.referer,
  });
  if (refusal) {
    res.status(403).type("text/plain").send(refusal);
    return;
  }
  // The Origin has been judged above, against PUBLIC_URL. Remix would judge it again against Host alone, which a
  // proxy may rewrite, and answer 500.
  delete req.headers.origin;
  // The address the rate limits count (app/web/rate-limit.server.ts); set here, so a client cannot choose it.
  req.headers["x-hearback-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
  next();
});
app.use(bodyLimit((req) => bodyLimitFor(entry.routedPath(req.url))));
// Browsers ask for /favicon.ico whatever the page links; the icon is an SVG.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
app.all(
  "*",
  createRemixHandler({
    build: viteDevServer ? loadBuild : await loadBuild(),
    mode: production ? "production" : "development",
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown", ...entry.requestStart() }),
  }),
);

// The candidate's status page and the staff pages, answered from memory while they are exactly what a render would
// give (app/web/status-page-cache.server.ts, docs/decisions/014; app/web/staff-page-cache.server.ts), before Express:
// at thousands of pages a second its routing is most of the cost. Anything else, and any page not stored, goes on to
// the app.
const STATUS_PAGE_PATH = /^\/s\/([A-Za-z0-9_-]{32})$/;
const trustProxy = app.get("trust proxy fn");
// The same answers as req.ip. proxy-addr parses an address each time it asks whether to trust it, which was a tenth of
// a cached page's CPU time; the answers for the few addresses proxies connect from are kept (the trust function
// depends only on the address and the hop).
const trustAnswers = new Map();
function trustedHop(address, hop) {
  const key = `${hop} ${address}`;
  let trusted = trustAnswers.get(key);
  if (trusted === undefined) {
    if (trustAnswers.size >= 1000) trustAnswers.clear();
    trusted = trustProxy(address, hop);
    trustAnswers.set(key, trusted);
  }
  return trusted;
}
function storedPage(req) {
  const token = STATUS_PAGE_PATH.exec(req.url)?.[1];
  if (token) {
    return entry.statusPageFromCache({
      token,
      clientAddress: proxyaddr(req, trustedHop) ?? "unknown",
      userAgent: req.headers["user-agent"] ?? "",
      hasCookie: Boolean(req.headers.cookie),
    });
  }
  // A staff page this very session opened in this minute, with nothing written since (docs/decisions/022).
  return entry.staffPageFromCache({
    address: req.url,
    cookie: req.headers.cookie,
    acceptLanguage: req.headers["accept-language"],
  });
}
function answeredFromCache(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const page = storedPage(req);
  if (!page) return false;
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const body = gzip ? page.gzipped : page.body;
  res.writeHead(200, gzip ? page.gzipHeaders : page.plainHeaders);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

// Each request's id: a well-formed X-Request-Id from a trusted proxy (TRUST_PROXY), else a new one. It goes back in
// the X-Request-Id header, is on every line the app logs while handling the request, and is the error page's
// "Reference". One line per request when it completes (not for health checks and static files): method, path without
// query string or secrets, status, milliseconds (app/web/request-log.server.ts).
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** From SIGTERM or SIGINT on (below). */
let draining = false;
function requestIdFor(req) {
  const offered = req.headers["x-request-id"];
  const fromProxy = typeof offered === "string" && WELL_FORMED_REQUEST_ID.test(offered);
  return fromProxy && trustedHop(req.socket.remoteAddress ?? "", 0) ? offered : randomBytes(8).toString("hex");
}
function handleWithRequestId(req, res, handle) {
  const reqId = requestIdFor(req);
  const startedAt = performance.now();
  res.setHeader("X-Request-Id", reqId);
  if (draining) res.setHeader("Connection", "close");
  res.once("close", () => {
    if (draining) setImmediate(() => server.closeIdleConnections());
    const line = entry.requestLine({
      method: req.method,
      url: req.url,
      status: res.statusCode,
      startedAt,
      endedAt: performance.now(),
      finished: res.writableFinished,
    });
    if (entry.requestLogged(line.path)) {
      entry.runWithRequestId(reqId, () => log.info(line, `${line.method} ${line.path} ${line.status}`));
    }
  });
  entry.runWithRequestId(reqId, handle);
}

const server = http.createServer((req, res) =>
  handleWithRequestId(req, res, () => {
    // Every request's duration by route, for /api/v1/prometheus (app/web/request-metrics.server.ts).
    const timing = entry.timeRequest(req, res, routeManifest);
    if (answeredFromCache(req, res)) timing.answeredFromMemory();
    else app(req, res);
  }),
);
server.listen(started.port, started.host, () => {
  started.announce(server.address().port);
});

// SIGTERM or SIGINT: /readyz answers 503 from now on; the server stops accepting connections and closes idle ones;
// requests in flight finish (their connections close after the answer) while the workers stop, each once its item
// in hand is finished; then the database closes. Whatever is still running after 10 s is abandoned: exit code 1.
const DRAIN_LIMIT_MS = 10_000;
function drain(signal) {
  if (draining) {
    log.warn({ signal }, `${signal} received again: exiting without waiting`);
    process.exit(1);
  }
  draining = true;
  entry.markDraining();
  log.info({ signal }, `Draining: ${signal} received; finishing requests in flight and the workers' work in hand`);
  const drainStartedAt = performance.now();
  setTimeout(() => {
    log.error(`Stopping took longer than ${DRAIN_LIMIT_MS / 1000} s; exiting with work unfinished`);
    process.exit(1);
  }, DRAIN_LIMIT_MS).unref();
  // The workers wind down at once, beside the requests (an outbox delivery in hand finishes, unstarted claims are
  // handed back); the database closes once both are done.
  const workersStopped = started.stopWorkers();
  server.close(() => {
    workersStopped
      .then(() => started.shutdown())
      .then(
        () => {
          log.info({ ms: Math.round(performance.now() - drainStartedAt) }, "Stopped");
          process.exit(0);
        },
        (error) => {
          log.error({ err: error }, "Stopping failed");
          process.exit(1);
        },
      );
  });
  server.closeIdleConnections();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => drain(signal));
