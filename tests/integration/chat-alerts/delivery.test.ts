// Chat messages through the real outbox worker to a real HTTP server on loopback: an overdue alert and a test
// message arrive as the JSON queued, unsigned, with Content-Type application/json; without CHAT_ALLOW_PRIVATE_NETWORK
// a loopback address is refused.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sendChatTestMessage } from "~/models/chat-alerts/channels.server";
import { deliverDueHttp } from "~/models/outbox/http-delivery.server";
import { prisma } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { sealSecret } from "~/platform/secret-box.server";
import { createTestUser } from "../../factories";

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
  });
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T/B/x`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The form refuses http and loopback addresses, so the channel row is written as the model would write it. */
async function loopbackChannel(kind: "slack" | "teams") {
  return prisma.chatChannel.create({
    data: { kind, urlCipher: sealSecret(url), urlHint: "127.0.0.1…/x", overdueAlerts: true, weeklyDigest: true },
  });
}

test("a test message reaches the channel's server as queued, and the channel shows it delivered", async () => {
  const admin = await createTestUser({ role: "admin" });
  const original = env.CHAT_ALLOW_PRIVATE_NETWORK;
  Object.assign(env, { CHAT_ALLOW_PRIVATE_NETWORK: true });
  try {
    const channel = await loopbackChannel("slack");
    const id = await sendChatTestMessage(channel.id, admin.id);
    const report = await deliverDueHttp();
    expect(report.chat).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message!.headers["content-type"]).toMatch(/^application\/json/);
    expect(message!.headers["webhook-signature"]).toBeUndefined();
    const queued = await prisma.httpDelivery.findUniqueOrThrow({ where: { id } });
    expect(message!.body).toBe(queued.body);
    expect(JSON.parse(message!.body).blocks[0].text.text).toBe("Hearback is connected");
    expect(queued.status).toBe("delivered");
    expect((await prisma.chatChannel.findUniqueOrThrow({ where: { id: channel.id } })).lastDeliveredAt).not.toBeNull();
  } finally {
    Object.assign(env, { CHAT_ALLOW_PRIVATE_NETWORK: original });
  }
});

test("without the allowance a chat channel on a private address is refused, and nothing is sent", async () => {
  const admin = await createTestUser({ role: "admin" });
  Object.assign(env, { CHAT_ALLOW_PRIVATE_NETWORK: false });
  received.length = 0;
  const channel = await loopbackChannel("teams");
  const id = await sendChatTestMessage(channel.id, admin.id);
  const report = await deliverDueHttp();
  expect(report.chat.sent).toBe(0);
  expect(received).toHaveLength(0);
  const row = await prisma.httpDelivery.findUniqueOrThrow({ where: { id } });
  expect(row.status).not.toBe("delivered");
  expect(row.lastError).toBeTruthy();
});
