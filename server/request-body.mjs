// Request bodies read with a limit that holds whatever the client declares: a chunked body has no Content-Length, so
// the bytes are counted as they arrive and keeping them stops at the limit. The app then gets the body from memory.
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { Readable } from "node:stream";

const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** How long a refused upload's connection stays open after the 413 went out, discarding what still arrives. */
const LINGER_MS = 2_000;

/**
 * Reads the whole body, or stops at `limit` bytes. Resolves with the bytes, or null when the body is larger (the
 * rest is never kept: the caller answers 413 and drops the connection).
 */
export function readBodyWithin(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let received = 0;
    const onData = (chunk) => {
      received += chunk.length;
      if (received > limit) {
        cleanUp();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error) => {
      cleanUp();
      reject(error);
    };
    function cleanUp() {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * Express middleware: bodies up to `limitFor(req)` bytes are read into `req.hearbackBody`; larger ones, declared or
 * not, are answered with 413 in the API's error shape; the rest of such a body is discarded, never kept.
 */
export function bodyLimit(limitFor) {
  return (req, res, next) => {
    if (BODYLESS_METHODS.has(req.method)) return next();
    const limit = limitFor(req);
    const tooLarge = () => {
      res.status(413).json({
        error: {
          code: "payload_too_large",
          message: `The request body is larger than ${limit / (1024 * 1024)} MB.`,
          issues: [],
        },
      });
      // Lingering close: Node discards whatever more the client sends, and the connection is dropped a moment later
      // unless the body has ended by then; nothing of it is kept. Closing at once made the kernel reset the
      // connection over unread bytes, and a client still sending lost the answer (EPIPE before it read the 413).
      res.on("finish", () => {
        if (req.readableEnded) return;
        const drop = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
        req.on("end", () => clearTimeout(drop));
      });
    };
    if (Number(req.headers["content-length"] ?? 0) > limit) return tooLarge();
    readBodyWithin(req, limit).then((body) => {
      if (body === null) return tooLarge();
      req.hearbackBody = body;
      next();
    }, next);
  };
}

/** The request's own address, built as Remix's Express adapter builds it (the port from X-Forwarded-Host or Host). */
function requestUrl(req) {
  const portOf = (value) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

function remixHeaders(nodeHeaders) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(nodeHeaders)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value) headers.set(name, value);
  }
  return headers;
}

async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * Remix's Express adapter, except that the body comes from `req.hearbackBody` (read by bodyLimit) rather than from
 * the socket. The rest is the adapter's, rewritten: it does not export these parts.
 */
export function createRemixHandler({ build, mode, getLoadContext }) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const controller = new AbortController();
      const init = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal };
      if (req.hearbackBody) {
        init.body = createReadableStreamFromReadable(Readable.from([req.hearbackBody]));
        init.duplex = "half";
      }
      // Loaders and actions are aborted when the client goes away before the answer is written.
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const response = await handleRequest(new Request(requestUrl(req).href, init), await getLoadContext(req, res));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
