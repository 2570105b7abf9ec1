// Reading JSON from another system's API (an ATS's, for payloads that carry ids only), bounded in time and size so a
// slow or huge answer can never hold a delivery up: 10 s and 1 MB by default, redirects not followed.

export class HttpFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HttpFetchError";
  }
}

export type FetchJsonOptions = { headers?: Record<string, string>; timeoutMs?: number; maxBytes?: number };

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HttpFetchError(`The answer is larger than ${Math.round(maxBytes / 1024)} KB.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

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
  const text = await readBounded(response, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpFetchError(`${name} did not answer with JSON.`);
  }
}
