// One POST to an address an admin entered (a webhook endpoint, a chat channel), made so that the address cannot turn
// Hearback against its own network: the host is resolved at delivery time and every address it resolves to is
// checked (loopback, link-local, private and reserved ranges are refused unless allowed), and the connection goes to
// the address that was checked, so a name that resolves differently a moment later cannot slip past. Bounded: 10 s
// for the whole exchange, 64 KB of answer read, redirects never followed.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "~/domain/outbound-urls";

export const OUTBOUND_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 64 * 1024;
const KEPT_ANSWER_CHARS = 500;

export type OutboundPost = {
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** Whether loopback and private network addresses may be reached (an admin's explicit choice). */
  allowPrivate: boolean;
  timeoutMs?: number;
};

/** What came back: a status code (any, 2xx or not) and the start of the answer. */
export type OutboundAnswer = { status: number; answer: string };

/** Why no answer came: `refused` means Hearback would not send (the address is not allowed), so trying again cannot
 * help until the admin changes something. */
export class OutboundError extends Error {
  constructor(
    message: string,
    readonly refused = false,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

/** The DNS lookup the connection uses: every address the name resolves to must be allowed. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
      if (!allowPrivate && blocked) {
        return callback(
          new OutboundError(`${hostname} resolves to ${blocked.address}, a private network address.`, true),
          "",
          0,
        );
      }
      if (options.all) return callback(null, addresses as never, 0);
      const first = addresses[0];
      if (!first) return callback(new OutboundError(`${hostname} has no address.`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

/** POSTs `body` and resolves with whatever status came back; rejects with OutboundError when there was no answer. */
export function postOutbound(request: OutboundPost): Promise<OutboundAnswer> {
  const url = new URL(request.url);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return Promise.reject(new OutboundError(`Only http and https URLs are sent to, not ${url.protocol}.`, true));
  }
  if (isIP(literal) && !request.allowPrivate && isPrivateAddress(literal)) {
    return Promise.reject(new OutboundError(`${literal} is a private network address.`, true));
  }
  const timeoutMs = request.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(request.body)),
          "user-agent": "Hearback-Webhooks/1",
          ...request.headers,
        },
        lookup: guardedLookup(request.allowPrivate),
        signal: AbortSignal.timeout(timeoutMs),
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
          else incoming.destroy();
        });
        const settle = () =>
          resolve({
            status: incoming.statusCode ?? 0,
            answer: Buffer.concat(chunks).toString("utf8").slice(0, KEPT_ANSWER_CHARS),
          });
        incoming.on("end", settle);
        incoming.on("close", settle);
        incoming.on("error", settle);
      },
    );
    outgoing.on("error", (error: Error & { code?: string }) => {
      if (error instanceof OutboundError) return reject(error);
      if (error.name === "TimeoutError" || error.name === "AbortError") {
        return reject(new OutboundError(`No answer within ${timeoutMs / 1000} s.`));
      }
      reject(new OutboundError(`${url.host} could not be reached (${error.code ?? error.message}).`));
    });
    outgoing.end(request.body);
  });
}
