// When a failed delivery is tried again: exponential backoff from 30 s, doubling to at most 6 hours, with up to 20 %
// random spread so that many messages failing together (an SMTP outage) do not all return in the same second.
// After MAX_DELIVERY_ATTEMPTS, or at once for a permanent refusal (a 5xx SMTP reply), the message fails visibly.
// Webhooks and chat messages follow the same schedule a little longer, about a day (HTTP_DELIVERY_ATTEMPTS).

export const MAX_DELIVERY_ATTEMPTS = 12; // about 16 hours of retries
/** 13 waits: about 26 hours between the first attempt and the last. */
export const HTTP_DELIVERY_ATTEMPTS = 14;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;

/** The wait after the `attempt`-th failed attempt (1, 2, …); `spread` in [0, 1) picks the jitter. */
export function retryDelayMs(attempt: number, spread = Math.random()): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.2 * spread));
}

export type DeliveryFailure = { permanent: boolean; reason: string };

/** SMTP 5xx replies are permanent (the address does not exist, the message is refused); 4xx replies, timeouts and
 * refused connections are worth another try. */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const details = (typeof error === "object" && error !== null ? error : {}) as {
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const code = typeof details.responseCode === "number" ? details.responseCode : null;
  const text =
    (typeof details.response === "string" && details.response) ||
    (typeof details.message === "string" && details.message) ||
    String(error);
  return { permanent: code !== null && code >= 500 && code < 600, reason: text.slice(0, 500) };
}

/** What happens after a failed attempt: try again at `retryAt`, or give up after `maxAttempts`. */
export function afterFailure(
  failure: DeliveryFailure,
  attempts: number,
  now: Date,
  spread?: number,
  maxAttempts = MAX_DELIVERY_ATTEMPTS,
): { retryAt: Date } | { failed: true } {
  if (failure.permanent || attempts >= maxAttempts) return { failed: true };
  return { retryAt: new Date(now.getTime() + retryDelayMs(attempts, spread)) };
}
