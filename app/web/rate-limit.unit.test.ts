import { expect, test } from "vitest";
import { allowRequest, clientAddress } from "./rate-limit.server";

test("a key gets `limit` requests a minute, then none until the next minute; keys are counted apart", () => {
  const start = 1_000_000;
  const results = Array.from({ length: 5 }, (_, index) => allowRequest("status:a", 3, start + index));
  expect(results).toEqual([true, true, true, false, false]);
  expect(allowRequest("status:b", 3, start + 10)).toBe(true);
  expect(allowRequest("status:a", 3, start + 60_000)).toBe(true);
});

test("the client address is the one server.mjs recorded, never a header the client sends itself", () => {
  const spoofed = new Request("http://hearback.test/s/x", { headers: { "X-Forwarded-For": "203.0.113.9" } });
  expect(clientAddress(spoofed)).toBe("direct");
  const recorded = new Request("http://hearback.test/s/x", { headers: { "X-Hearback-Client-Ip": "198.51.100.7" } });
  expect(clientAddress(recorded)).toBe("198.51.100.7");
});
