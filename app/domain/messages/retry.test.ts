import { expect, test } from "vitest";
import {
  afterFailure,
  classifyDeliveryError,
  HTTP_DELIVERY_ATTEMPTS,
  MAX_DELIVERY_ATTEMPTS,
  retryDelayMs,
} from "./retry";

const now = new Date("2026-12-01T10:00:00Z");

test("the wait doubles from 30 s and stops growing at 6 hours", () => {
  expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
  expect(retryDelayMs(20, 0)).toBe(6 * 60 * 60_000);
  expect(retryDelayMs(1, 0.999)).toBeLessThan(36_000);
  expect(retryDelayMs(1, 0.5)).toBe(33_000);
});

test("5xx replies are permanent; 4xx replies and network errors are retried", () => {
  expect(classifyDeliveryError({ responseCode: 550, response: "550 5.1.1 No such user" })).toEqual({
    permanent: true,
    reason: "550 5.1.1 No such user",
  });
  expect(classifyDeliveryError({ responseCode: 451, response: "451 Try later" }).permanent).toBe(false);
  expect(classifyDeliveryError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toEqual({
    permanent: false,
    reason: "connect ECONNREFUSED",
  });
  expect(classifyDeliveryError("weird").reason).toBe("weird");
});

test("a temporary failure is retried until the last attempt, then fails", () => {
  const temporary = { permanent: false, reason: "451" };
  expect(afterFailure(temporary, 1, now, 0)).toEqual({ retryAt: new Date(now.getTime() + 30_000) });
  expect(afterFailure(temporary, MAX_DELIVERY_ATTEMPTS - 1, now, 0)).toHaveProperty("retryAt");
  expect(afterFailure(temporary, MAX_DELIVERY_ATTEMPTS, now, 0)).toEqual({ failed: true });
  expect(afterFailure({ permanent: true, reason: "550" }, 1, now, 0)).toEqual({ failed: true });
});

test("webhooks and chat messages are retried for about a day", () => {
  const temporary = { permanent: false, reason: "HTTP 503" };
  let waited = 0;
  for (let attempt = 1; attempt < HTTP_DELIVERY_ATTEMPTS; attempt++) {
    const next = afterFailure(temporary, attempt, now, 0, HTTP_DELIVERY_ATTEMPTS);
    if (!("retryAt" in next)) throw new Error(`attempt ${attempt} gave up`);
    waited += next.retryAt.getTime() - now.getTime();
  }
  expect(afterFailure(temporary, HTTP_DELIVERY_ATTEMPTS, now, 0, HTTP_DELIVERY_ATTEMPTS)).toEqual({ failed: true });
  expect(waited / 3_600_000).toBeGreaterThan(24);
  expect(waited / 3_600_000).toBeLessThan(30);
});
