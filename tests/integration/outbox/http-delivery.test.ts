// The outbox's HTTP side against a real receiver on loopback that verifies every request with the standardwebhooks
// package: down for the first attempts, then every event arrives exactly once by webhook-id; the SSRF guard; a day of
// failures turns the endpoint off and tells the admins; a stopping worker hands back what it did not start.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { deliverDueHttp } from "~/models/outbox/http-delivery.server";
import { queueHttpDeliveries, redeliver } from "~/models/outbox/http-queue.server";
import { prisma } from "~/platform/db.server";
import { sealSecret } from "~/platform/secret-box.server";
import { createTestUser } from "../../factories";

const SECRET = `whsec_${Buffer.from("a test secret of twenty four b").toString("base64")}`;
const START = new Date("2026-03-02T09:00:00.000Z");

type Received = { id: string; body: string };

/** Whether a request carries a valid Standard Webhooks signature. The deliveries here run on a fixed clock, so their
 * timestamps are far from the real time `verify` compares them with: the signature is checked by signing the same
 * id, timestamp and body with the package; `verify` itself, with its 5-minute window, runs when `now` is real. */
function signedCorrectly(headers: http.IncomingHttpHeaders, body: string, realTime: boolean): boolean {
  const given = {
    "webhook-id": String(headers["webhook-id"]),
    "webhook-timestamp": String(headers["webhook-timestamp"]),
    "webhook-signature": String(headers["webhook-signature"]),
  };
  const webhook = new Webhook(SECRET);
  if (realTime) {
    try {
      webhook.verify(body, given);
      return true;
    } catch {
      return false;
    }
  }
  const at = new Date(Number(given["webhook-timestamp"]) * 1000);
  return webhook.sign(given["webhook-id"], at, body) === given["webhook-signature"];
}

/** A webhook receiver: answers 503 while `down`, otherwise verifies and records, answering 200 (or `answer`). */
function startReceiver() {
  const received: Received[] = [];
  const state = { down: false, answer: 200, invalid: 0, delayMs: 0, realTime: false, arrived: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      state.arrived += 1;
      setTimeout(() => {
        if (state.down) return void response.writeHead(503).end("down for maintenance");
        const body = Buffer.concat(chunks).toString("utf8");
        if (!signedCorrectly(request.headers, body, state.realTime)) {
          state.invalid += 1;
          return void response.writeHead(401).end("bad signature");
        }
        received.push({ id: String(request.headers["webhook-id"]), body });
        response.writeHead(state.answer).end("ok");
      }, state.delayMs);
    });
  });
  return {
    received,
    state,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let receiver: ReturnType<typeof startReceiver>;
let receiverUrl: string;

beforeAll(async () => {
  receiver = startReceiver();
  receiverUrl = await receiver.listen();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  receiver.received.length = 0;
  Object.assign(receiver.state, { down: false, answer: 200, invalid: 0, delayMs: 0, realTime: false, arrived: 0 });
  await prisma.httpDelivery.deleteMany();
  await prisma.webhookEndpoint.deleteMany();
});

async function endpoint(options: { url?: string; allowPrivate?: boolean } = {}) {
  return prisma.webhookEndpoint.create({
    data: {
      url: options.url ?? receiverUrl,
      events: ["application.created"],
      secretCipher: sealSecret(SECRET),
      allowPrivate: options.allowPrivate ?? true,
    },
  });
}

function events(count: number, endpointId: string) {
  return Array.from({ length: count }, (_, index) => ({
    endpointId,
    eventType: "application.created",
    body: JSON.stringify({ type: "application.created", timestamp: START.toISOString(), data: { index } }),
  }));
}

const at = (minutes: number) => () => new Date(START.getTime() + minutes * 60_000);

test("a receiver that is down for the first attempts gets every event exactly once, signed, under one webhook-id", async () => {
  const target = await endpoint();
  const ids = await queueHttpDeliveries(prisma, events(12, target.id), START);
  receiver.state.down = true;
  expect((await deliverDueHttp({ now: at(0) })).webhook).toEqual({ sent: 0, retrying: 12, failed: 0 });
  // Nothing is due again before its backoff ends.
  expect((await deliverDueHttp({ now: at(0.2) })).webhook.retrying).toBe(0);
  expect((await deliverDueHttp({ now: at(1) })).webhook.retrying).toBe(12);
  receiver.state.down = false;
  const third = await deliverDueHttp({ now: at(10) });
  expect(third.webhook).toEqual({ sent: 12, retrying: 0, failed: 0 });
  // Nothing is sent twice afterwards.
  await deliverDueHttp({ now: at(60 * 30) });

  expect(receiver.state.invalid).toBe(0);
  expect(receiver.received.map((entry) => entry.id).sort()).toEqual([...ids].sort());
  const rows = await prisma.httpDelivery.findMany({ include: { attemptLog: { orderBy: { attemptedAt: "asc" } } } });
  for (const row of rows) {
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, lastError: null });
    expect(row.attemptLog.map((entry) => entry.statusCode)).toEqual([503, 503, 200]);
    expect(row.attemptLog[0]!.error).toBe("HTTP 503: down for maintenance");
  }
  expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
    failingSince: null,
    lastDeliveredAt: at(10)(),
  });
});

test("on the real clock the receiver's own verify passes; a redelivery goes again under the same webhook-id", async () => {
  receiver.state.realTime = true;
  const target = await endpoint();
  const [id] = await queueHttpDeliveries(prisma, events(1, target.id));
  await deliverDueHttp();
  expect(await redeliver(prisma, id!)).toBe(true);
  await deliverDueHttp();
  expect(receiver.state.invalid).toBe(0);
  expect(receiver.received.map((entry) => entry.id)).toEqual([id, id]);
  expect(await redeliver(prisma, "no-such-delivery")).toBe(false);
});

test.each([
  ["the loopback address", "http://127.0.0.1:9/hooks", "127.0.0.1 is a private network address."],
  ["a name that resolves to loopback", "http://localhost:9/hooks", "localhost resolves to"],
  ["the cloud metadata address", "http://169.254.169.254/latest/meta-data", "169.254.169.254 is a private network"],
  ["a private network", "http://10.0.0.7/hooks", "10.0.0.7 is a private network address."],
  ["IPv6 loopback", "http://[::1]:9/hooks", "::1 is a private network address."],
  ["IPv4 mapped in IPv6", "http://[::ffff:127.0.0.1]:9/hooks", "is a private network address."],
])("the SSRF guard refuses %s unless the admin allowed private addresses", async (_what, url, error) => {
  const target = await endpoint({ url, allowPrivate: false });
  await queueHttpDeliveries(prisma, events(1, target.id), START);
  expect((await deliverDueHttp({ now: at(0) })).webhook).toEqual({ sent: 0, retrying: 0, failed: 1 });
  const row = await prisma.httpDelivery.findFirstOrThrow({ include: { attemptLog: true } });
  expect(row.status).toBe("failed");
  expect(row.lastError).toContain(error);
  expect(row.attemptLog).toHaveLength(1);
});

test("the receiver itself is refused without the allowance, and reached with it", async () => {
  const refused = await endpoint({ allowPrivate: false });
  await queueHttpDeliveries(prisma, events(1, refused.id), START);
  await deliverDueHttp({ now: at(0) });
  expect(receiver.received).toHaveLength(0);
  const allowed = await endpoint({ allowPrivate: true });
  await queueHttpDeliveries(prisma, events(1, allowed.id), START);
  await deliverDueHttp({ now: at(0) });
  expect(receiver.received).toHaveLength(1);
});

test("redirects are not followed", async () => {
  receiver.state.answer = 302;
  const target = await endpoint();
  await queueHttpDeliveries(prisma, events(1, target.id), START);
  expect((await deliverDueHttp({ now: at(0) })).webhook.retrying).toBe(1);
  expect((await prisma.httpDelivery.findFirstOrThrow()).lastError).toBe("HTTP 302 (redirects are not followed): ok");
});

test("a day of failures turns the endpoint off once, tells every admin, and its deliveries wait until it is on again", async () => {
  const admin = await createTestUser({ role: "admin" });
  const target = await endpoint();
  await queueHttpDeliveries(prisma, events(2, target.id), START);
  receiver.state.down = true;
  await deliverDueHttp({ now: at(0) });
  expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: target.id } })).failingSince).toEqual(START);
  // Every retry up to a day later fails; the endpoint is turned off at the first failure a day after the first.
  for (let minutes = 60; minutes <= 26 * 60; minutes += 60) await deliverDueHttp({ now: at(minutes) });
  const off = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: target.id } });
  expect(off.disabledAt).not.toBeNull();
  expect(off.disabledAt!.getTime() - START.getTime()).toBeGreaterThanOrEqual(24 * 60 * 60_000);
  expect(off.disabledReason).toContain("HTTP 503");
  const notices = await prisma.notification.findMany({ where: { kind: "webhook_endpoint_disabled" } });
  expect(notices.filter((notice) => notice.userId === admin.id)).toHaveLength(1);

  receiver.state.down = false;
  await prisma.httpDelivery.updateMany({ data: { nextAttemptAt: at(27 * 60)() } });
  await deliverDueHttp({ now: at(28 * 60) });
  expect(receiver.received).toHaveLength(0);
  await prisma.webhookEndpoint.update({ where: { id: target.id }, data: { disabledAt: null, failingSince: null } });
  await deliverDueHttp({ now: at(28 * 60) });
  expect(receiver.received).toHaveLength(2);
});

test("a stopping worker finishes the POST in hand and hands back the claims it did not start", async () => {
  receiver.state.delayMs = 300;
  const target = await endpoint();
  await queueHttpDeliveries(prisma, events(6, target.id), START);
  let stop = false;
  const run = deliverDueHttp({ now: at(0), concurrency: 1, stopping: () => stop });
  // Stop while the first POST is at the receiver.
  while (receiver.state.arrived === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  stop = true;
  const report = await run;
  expect(report.webhook.sent).toBe(1);
  const rows = await prisma.httpDelivery.findMany({ orderBy: { status: "asc" } });
  expect(rows.filter((row) => row.status === "delivered")).toHaveLength(1);
  const handedBack = rows.filter((row) => row.status === "queued");
  expect(handedBack).toHaveLength(5);
  for (const row of handedBack) expect(row).toMatchObject({ attempts: 0, leaseUntil: null });
});
