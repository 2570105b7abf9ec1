// The staff-page cache (app/web/staff-page-cache.server.ts): which responses may be kept, and that a kept page is
// served only to exactly the request that rendered it, only while nothing is written and only within its minute.
import { afterEach, expect, test } from "vitest";
import { prisma } from "~/platform/db.server";
import { setWriteTrackingComplete, writeGeneration } from "~/platform/write-tracking.server";
import { pageStore } from "~/web/page-store.server";
import {
  clearStaffPageCache,
  rememberStaffPage,
  requestStart,
  staffPageFromCache,
  staffPageOffer,
} from "~/web/staff-page-cache.server";
import { pinClock } from "../clock";
import { createTestUser } from "../factories";

const NOW = pinClock();
const COOKIE = "hb_session=signed.session.value";
const KEPT = [undefined, { keptWhileUnchanged: true }];
const html = { headers: new Headers({ "Content-Type": "text/html; charset=utf-8" }), body: Buffer.from("<p>jobs</p>") };
const write = () => prisma.setting.create({ data: { key: `staff-cache-test-${Math.random()}`, value: {} } });

afterEach(() => clearStaffPageCache());

function request(address = "/jobs", init: RequestInit = {}): Request {
  return new Request(`http://127.0.0.1:3000${address}`, {
    ...init,
    headers: { Cookie: COOKIE, "Accept-Language": "en-GB", ...(init.headers as Record<string, string>) },
  });
}

const shape = (address = "/jobs", cookie: string | null = COOKIE, acceptLanguage = "en-GB") => ({
  address,
  cookie,
  acceptLanguage,
});

test("only a signed-in GET of a route that allows it, answered 200, after its start was noted, is offered", () => {
  const start = requestStart(NOW.getTime());
  expect(staffPageOffer(request(), 200, KEPT, start)).toMatchObject({ generation: start.startGeneration });
  expect(staffPageOffer(request("/jobs", { method: "POST" }), 200, KEPT, start)).toBe(null);
  expect(staffPageOffer(request(), 404, KEPT, start)).toBe(null);
  expect(staffPageOffer(request(), 200, [undefined, {}], start)).toBe(null);
  expect(staffPageOffer(request(), 200, [{ keptWhileUnchanged: true }, undefined], start)).toBe(null);
  expect(staffPageOffer(request(), 200, KEPT, {})).toBe(null);
  const anonymous = new Request("http://127.0.0.1:3000/jobs");
  expect(staffPageOffer(anonymous, 200, KEPT, start)).toBe(null);
});

test("a kept page is served to the same address, cookie and language only", () => {
  const offer = staffPageOffer(request("/waiting?scope=everyone"), 200, KEPT, requestStart(NOW.getTime()))!;
  expect(rememberStaffPage(offer, html, NOW.getTime())).toBe(true);

  const now = NOW.getTime();
  expect(staffPageFromCache(shape("/waiting?scope=everyone"), now)?.body.toString()).toBe("<p>jobs</p>");
  expect(staffPageFromCache(shape("/waiting"), now)).toBe(null);
  expect(staffPageFromCache(shape("/waiting?scope=everyone", `${COOKIE}x`), now)).toBe(null);
  expect(staffPageFromCache(shape("/waiting?scope=everyone", null), now)).toBe(null);
  expect(staffPageFromCache(shape("/waiting?scope=everyone", COOKIE, "de-DE"), now)).toBe(null);
});

test("a kept page lasts until the minute it was read in ends", () => {
  const startedAt = Date.parse("2027-01-11T09:00:20.000Z");
  const offer = staffPageOffer(request(), 200, KEPT, requestStart(startedAt))!;
  expect(offer.validUntil).toBe(Date.parse("2027-01-11T09:01:00.000Z"));
  rememberStaffPage(offer, html, startedAt + 100);
  expect(staffPageFromCache(shape(), Date.parse("2027-01-11T09:00:59.999Z"))).not.toBe(null);
  expect(staffPageFromCache(shape(), Date.parse("2027-01-11T09:01:00.000Z"))).toBe(null);
  // Rendered after its minute ended: not kept at all.
  expect(rememberStaffPage(offer, html, Date.parse("2027-01-11T09:01:00.500Z"))).toBe(false);
});

test("any write ends every kept page, and a page whose data was read before a write is not kept", async () => {
  const offer = staffPageOffer(request(), 200, KEPT, requestStart(NOW.getTime()))!;
  rememberStaffPage(offer, html, NOW.getTime());
  await write();
  expect(staffPageFromCache(shape(), NOW.getTime())).toBe(null);
  expect(rememberStaffPage(offer, html, NOW.getTime())).toBe(false);
});

test("a sign-out is a write: the signed-out cookie finds nothing", async () => {
  const offer = staffPageOffer(request(), 200, KEPT, requestStart(NOW.getTime()))!;
  rememberStaffPage(offer, html, NOW.getTime());
  await prisma.session.deleteMany({ where: { id: "no-such-session" } });
  // Deleting nothing changed nothing: still served.
  expect(staffPageFromCache(shape(), NOW.getTime())).not.toBe(null);
  const user = await createTestUser();
  const session = await prisma.session.create({
    data: { id: `session-${Math.random()}`, userId: user.id, expiresAt: new Date(NOW.getTime() + 86_400_000) },
  });
  await prisma.session.delete({ where: { id: session.id } });
  expect(staffPageFromCache(shape(), NOW.getTime())).toBe(null);
});

test("nothing is kept or served while other instances' writes could go unseen, nor a page that sets a cookie", () => {
  const offer = staffPageOffer(request(), 200, KEPT, requestStart(NOW.getTime()))!;
  rememberStaffPage(offer, html, NOW.getTime());
  setWriteTrackingComplete(false);
  try {
    expect(staffPageFromCache(shape(), NOW.getTime())).toBe(null);
    expect(rememberStaffPage(offer, html, NOW.getTime())).toBe(false);
  } finally {
    setWriteTrackingComplete(true);
  }
  const headers = new Headers(html.headers);
  headers.set("Set-Cookie", "hb_session=other");
  expect(rememberStaffPage(offer, { headers, body: html.body }, NOW.getTime())).toBe(false);
});

test("memory is counted with each page's gzip once made, and the least recently served page goes first", () => {
  const store = pageStore<null>("test-small", 3_000);
  const validity = { generation: writeGeneration(), validUntil: NOW.getTime() + 60_000 };
  const page = (text: string) => ({ headers: html.headers, body: Buffer.from(text.repeat(1_000)) });
  store.remember("a", validity, null, page("a"), NOW.getTime());
  expect(store.bytes()).toBe(1_000);
  const gzipped = store.find("a", NOW.getTime())!.gzipped;
  expect(store.bytes()).toBe(1_000 + gzipped.length);
  store.remember("b", validity, null, page("b"), NOW.getTime());
  store.find("a", NOW.getTime());
  store.remember("c", validity, null, page("c"), NOW.getTime());
  // Over 3,000 bytes: "b" was served least recently.
  expect(store.find("b", NOW.getTime())).toBe(null);
  expect(store.find("a", NOW.getTime())).not.toBe(null);
  expect(store.find("c", NOW.getTime())).not.toBe(null);
  store.clear();
  expect(store.bytes()).toBe(0);
});
