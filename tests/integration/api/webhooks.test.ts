// /api/v1/webhooks: subscribing a URL (the secret shown once), listing and reading without secrets, sending a test
// event that arrives signed (Standard Webhooks) at a receiver on loopback, the delivery log, redelivery under the same
// webhook-id, removal, and who may do each.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, test } from "vitest";
import { deliverDueHttp } from "~/models/outbox/http-delivery.server";
import * as redeliverRoute from "~/routes/api.v1.webhooks.$webhookId.deliveries.$deliveryId.redeliver";
import * as deliveriesRoute from "~/routes/api.v1.webhooks.$webhookId.deliveries";
import * as testRoute from "~/routes/api.v1.webhooks.$webhookId.[test]";
import * as webhookRoute from "~/routes/api.v1.webhooks.$webhookId";
import * as webhooksRoute from "~/routes/api.v1.webhooks";
import { prisma } from "~/platform/db.server";
import {
  queuedDeliveryResource,
  webhookDeliveryListResource,
  webhookEndpointCreatedResource,
  webhookEndpointListResource,
  webhookEndpointResource,
} from "~/web/api-webhook-resources.server";
import { apiRequest, caller, expectShape, send, type Caller, type ErrorBody } from "./helpers";

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let receiver: http.Server;
let receiverUrl: string;
let admin: Caller;

beforeAll(async () => {
  admin = await caller("admin");
  receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hearback`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

async function create(body: unknown, who: Caller = admin) {
  return send(webhooksRoute, apiRequest("POST", "/api/v1/webhooks", who, { body }));
}

test("an admin subscribes a URL: 201 with the whsec_ secret once; the list and the endpoint never show it", async () => {
  const answer = await create({
    url: "https://hooks.example.com/hearback",
    events: ["application.created", "application.decided", "application.created"],
    description: "Data warehouse",
  });
  expect(answer.status).toBe(201);
  const created = expectShape(webhookEndpointCreatedResource, answer.body);
  expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  expect(created).toMatchObject({
    url: "https://hooks.example.com/hearback",
    events: ["application.created", "application.decided"],
    description: "Data warehouse",
    allowPrivate: false,
    state: "active",
    counts: { delivered: 0, failing: 0, queued: 0 },
  });
  expect(answer.headers.get("Location")).toBe(`/api/v1/webhooks/${created.id}`);
  const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
  expect(stored.secretCipher).not.toContain(created.secret.slice(6));
  const audit = await prisma.auditLog.findFirst({ where: { entityId: created.id, action: "webhook.created" } });
  expect(audit).not.toBeNull();

  const list = await send(webhooksRoute, apiRequest("GET", "/api/v1/webhooks", admin));
  expect(list.status).toBe(200);
  const { webhooks } = expectShape(webhookEndpointListResource, list.body);
  expect(webhooks.map((webhook) => webhook.id)).toContain(created.id);
  expect(JSON.stringify(list.body)).not.toContain(created.secret);

  const one = await send(webhookRoute, apiRequest("GET", `/api/v1/webhooks/${created.id}`, admin), {
    webhookId: created.id,
  });
  expect(one.status).toBe(200);
  expect(expectShape(webhookEndpointResource, one.body).id).toBe(created.id);
  expect(JSON.stringify(one.body)).not.toContain("whsec_");
});

test("a bad URL, no events, an unknown event or a long description: 400 naming each field", async () => {
  const answer = await send<ErrorBody>(
    webhooksRoute,
    apiRequest("POST", "/api/v1/webhooks", admin, {
      body: { url: "ftp://files.example.com", events: [], description: "x".repeat(201) },
    }),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.error.issues.map((issue) => issue.path).sort()).toEqual(["description", "events", "url"]);
  const unknown = await create({ url: "https://user:pw@hooks.example.com", events: ["candidate.hired"] });
  expect(unknown.status).toBe(400);
  expect((unknown.body as ErrorBody).error.issues.map((issue) => issue.path).sort()).toEqual(["events.0", "url"]);
  expect(await prisma.webhookEndpoint.count({ where: { url: { startsWith: "ftp:" } } })).toBe(0);
});

test("without a token 401; a recruiter's token 403 on every webhook endpoint", async () => {
  const anonymous = await create({ url: "https://hooks.example.com/x", events: ["sla.breached"] }, {
    token: "",
    tokenId: "",
    user: null,
  } as Caller);
  expect(anonymous.status).toBe(401);
  const recruiter = await caller("recruiter");
  const refused = [
    await create({ url: "https://hooks.example.com/x", events: ["sla.breached"] }, recruiter),
    await send(webhooksRoute, apiRequest("GET", "/api/v1/webhooks", recruiter)),
    await send(webhookRoute, apiRequest("DELETE", "/api/v1/webhooks/x", recruiter), { webhookId: "x" }),
    await send(testRoute, apiRequest("POST", "/api/v1/webhooks/x/test", recruiter), { webhookId: "x" }),
    await send(deliveriesRoute, apiRequest("GET", "/api/v1/webhooks/x/deliveries", recruiter), { webhookId: "x" }),
  ];
  expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
});

test("a test event arrives signed at the receiver; the log shows it; redelivery sends the same webhook-id again", async () => {
  const created = expectShape(
    webhookEndpointCreatedResource,
    (await create({ url: receiverUrl, events: ["sla.breached"], allowPrivate: true })).body,
  );
  const params = { webhookId: created.id };
  const queued = await send(testRoute, apiRequest("POST", `/api/v1/webhooks/${created.id}/test`, admin), params);
  expect(queued.status).toBe(202);
  const { deliveryId } = expectShape(queuedDeliveryResource, queued.body);

  const early = await send<ErrorBody>(
    redeliverRoute,
    apiRequest("POST", `/api/v1/webhooks/${created.id}/deliveries/${deliveryId}/redeliver`, admin),
    { ...params, deliveryId },
  );
  expect(early.status).toBe(409);

  await deliverDueHttp();
  const [first] = received.filter((mail) => mail.headers["webhook-id"] === deliveryId);
  expect(first).toBeDefined();
  expect(first!.headers["content-type"]).toMatch(/^application\/json/);
  const verified = new Webhook(created.secret).verify(first!.body, {
    "webhook-id": String(first!.headers["webhook-id"]),
    "webhook-timestamp": String(first!.headers["webhook-timestamp"]),
    "webhook-signature": String(first!.headers["webhook-signature"]),
  }) as { type: string; data: { endpointId: string } };
  expect(verified).toMatchObject({ type: "webhook.test", data: { endpointId: created.id } });

  const log = await send(
    deliveriesRoute,
    apiRequest("GET", `/api/v1/webhooks/${created.id}/deliveries`, admin),
    params,
  );
  expect(log.status).toBe(200);
  const { deliveries } = expectShape(webhookDeliveryListResource, log.body);
  expect(deliveries[0]).toMatchObject({
    id: deliveryId,
    eventType: "webhook.test",
    status: "delivered",
    lastStatusCode: 204,
    redeliverable: true,
  });
  expect(deliveries[0]!.attemptLog).toHaveLength(1);
  expect(deliveries[0]!.attemptLog[0]).toMatchObject({ statusCode: 204, error: null });

  const again = await send(
    redeliverRoute,
    apiRequest("POST", `/api/v1/webhooks/${created.id}/deliveries/${deliveryId}/redeliver`, admin),
    { ...params, deliveryId },
  );
  expect(again.status).toBe(202);
  await deliverDueHttp();
  expect(received.filter((mail) => mail.headers["webhook-id"] === deliveryId)).toHaveLength(2);

  const other = await send<ErrorBody>(
    redeliverRoute,
    apiRequest("POST", `/api/v1/webhooks/${created.id}/deliveries/nope/redeliver`, admin),
    { ...params, deliveryId: "nope" },
  );
  expect(other.status).toBe(404);
});

test("DELETE removes the endpoint with its deliveries: 204, then 404", async () => {
  const created = expectShape(
    webhookEndpointCreatedResource,
    (await create({ url: "https://hooks.example.com/gone", events: ["sla.warning"] })).body,
  );
  const params = { webhookId: created.id };
  await send(testRoute, apiRequest("POST", `/api/v1/webhooks/${created.id}/test`, admin), params);
  const removed = await send(webhookRoute, apiRequest("DELETE", `/api/v1/webhooks/${created.id}`, admin), params);
  expect(removed.status).toBe(204);
  expect(removed.body).toBeNull();
  expect(await prisma.httpDelivery.count({ where: { endpointId: created.id } })).toBe(0);
  const audit = await prisma.auditLog.findFirst({ where: { entityId: created.id, action: "webhook.deleted" } });
  expect(audit).not.toBeNull();
  const gone = await send(webhookRoute, apiRequest("GET", `/api/v1/webhooks/${created.id}`, admin), params);
  expect(gone.status).toBe(404);
  const again = await send(webhookRoute, apiRequest("DELETE", `/api/v1/webhooks/${created.id}`, admin), params);
  expect(again.status).toBe(404);
  const test404 = await send(testRoute, apiRequest("POST", `/api/v1/webhooks/${created.id}/test`, admin), params);
  expect(test404.status).toBe(404);
});
