// Reading JSON from another system's API (an ATS's, for payloads that carry ids only), bounded in time and size so a
// slow or huge answer can never hold a delivery up: 10 s and 1 MB by default, redirects not followed.
import { readBounded } from "./bounded-read.server";

export class HttpFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HttpFetchError";
  }
}

export type FetchJsonOptions = { headers?: Record<string, string>; timeoutMs?: number; maxBytes?: number };

export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const { timeoutMs = 10_000, maxBytes = 1024 * 1024 } = options;
  const where = new URL(url);
  const name = `${where.origin}${where.pathname}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json", ...options.headers },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw new HttpFetchError(
      timedOut ? `${name} did not answer within ${timeoutMs / 1000} s.` : `${name} could not be reached.`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpFetchError(`${name} answered ${response.status} ${response.statusText}`.trim() + ".");
  }
  const bytes = await readBounded(response.body, maxBytes);
  if (!bytes) throw new HttpFetchError(`${name} answered with more than ${Math.round(maxBytes / 1024)} KB.`);
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    throw new HttpFetchError(`${name} did not answer with JSON.`);
  }
}
