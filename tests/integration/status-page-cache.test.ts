// The status-page cache (app/web/status-page-cache.server.ts) and the request glue in front of Remix
// (statusPageFromCache): a stored page is served only while it is exactly what a render would give.
import { afterEach, beforeAll, expect, test, vi } from "vitest";
import { statusPageFromCache, STATUS_REQUESTS_PER_MINUTE } from "~/web/candidate-route.server";
import { prisma } from "~/platform/db.server";
import {
  cachedStatusPage,
  clearStatusPageCache,
  rememberStatusPage,
  type StatusPageOffer,
} from "~/web/status-page-cache.server";
import { setWriteTrackingComplete, writeGeneration } from "~/platform/write-tracking.server";
import { pinClock } from "../clock";
import { createTestApplication, createTestJob } from "../factories";

const NOW = pinClock();

let applicationId: string;
let tokenCount = 0;

beforeAll(async () => {
  const job = await createTestJob();
  applicationId = (await createTestApplication({ jobId: job.id, notify: false })).id;
});

afterEach(() => clearStatusPageCache());

function offer(overrides: Partial<StatusPageOffer> = {}): StatusPageOffer {
  tokenCount += 1;
  return {
    token: `token-${tokenCount}`.padEnd(32, "x"),
    applicationId,
    generation: writeGeneration(),
    validUntil: NOW.getTime() + 60_000,
    ...overrides,
  };
}

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const html = { headers: new Headers({ "Content-Type": "text/html; charset=utf-8" }), body: Buffer.from("<p>page</p>") };
const write = () => prisma.setting.create({ data: { key: `cache-test-${Math.random()}`, value: {} } });

test("a page is served until anything at all is written", async () => {
  const page = offer();
  expect(rememberStatusPage(page, html)).toBe(true);
  expect(cachedStatusPage(page.token)?.body.toString()).toBe("<p>page</p>");
  expect(cachedStatusPage(page.token)?.plainHeaders["content-type"]).toBe("text/html; charset=utf-8");
  expect(cachedStatusPage(page.token)?.gzipHeaders["content-type"]).toBe("text/html; charset=utf-8");
  await write();
  expect(cachedStatusPage(page.token)).toBe(null);
});

test("a page whose data was read before a write is never kept", async () => {
  const page = offer();
  await write(); // committed while the page was rendering
  expect(rememberStatusPage(page, html)).toBe(false);
  expect(cachedStatusPage(page.token)).toBe(null);
});

test("a page is not served from the moment it would read differently", () => {
  const now = NOW.getTime();
  const page = offer({ validUntil: now + 1_000 });
  rememberStatusPage(page, html, now);
  expect(cachedStatusPage(page.token, now + 999)).not.toBe(null);
  expect(cachedStatusPage(page.token, now + 1_000)).toBe(null);
  expect(rememberStatusPage(offer({ validUntil: now }), html, now)).toBe(false);
});

test("nothing is kept or served while other instances' writes could go unseen", () => {
  const page = offer();
  rememberStatusPage(page, html);
  setWriteTrackingComplete(false);
  try {
    expect(cachedStatusPage(page.token)).toBe(null);
    expect(rememberStatusPage(offer(), html)).toBe(false);
  } finally {
    setWriteTrackingComplete(true);
  }
});

test("a page that sets a cookie is never kept", () => {
  const headers = new Headers(html.headers);
  headers.set("Set-Cookie", "a=b");
  expect(rememberStatusPage(offer(), { headers, body: html.body })).toBe(false);
});

test("in front of Remix: cookies and the rate limit send the request on; a candidate's view is logged once", async () => {
  const page = offer();
  rememberStatusPage(page, html);
  const request = { token: page.token, clientAddress: "203.0.113.77", userAgent: IPHONE };

  expect(statusPageFromCache({ ...request, hasCookie: true })).toBe(null);
  const served = statusPageFromCache({ ...request, hasCookie: false });
  expect(served?.gzipped.length).toBeGreaterThan(0);
  await vi.waitFor(async () =>
    expect(await prisma.event.count({ where: { applicationId, type: "status_viewed" } })).toBe(1),
  );
  // The logged view is internal: the stored page is still the page.
  expect(cachedStatusPage(page.token)).not.toBe(null);

  for (let request_ = 2; request_ <= STATUS_REQUESTS_PER_MINUTE; request_ += 1) {
    expect(statusPageFromCache({ ...request, hasCookie: false })).not.toBe(null);
  }
  expect(statusPageFromCache({ ...request, hasCookie: false })).toBe(null); // the loader answers with the 429
  expect(await prisma.event.count({ where: { applicationId, type: "status_viewed" } })).toBe(1);
});

test("a mail scanner's visit is served but not logged as the candidate's", async () => {
  const page = offer({ applicationId: (await createTestApplication({ jobId: (await createTestJob()).id })).id });
  rememberStatusPage(page, html);
  const scanner = { token: page.token, clientAddress: "203.0.113.78", userAgent: "Googlebot/2.1", hasCookie: false };
  expect(statusPageFromCache(scanner)).not.toBe(null);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await prisma.event.count({ where: { applicationId: page.applicationId, type: "status_viewed" } })).toBe(0);
});
