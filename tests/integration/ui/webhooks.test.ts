// Settings → Webhooks: admin-only; adding an endpoint shows its secret once and keeps what was typed on a bad submit;
// the endpoint page sends a test event, lists its deliveries, redelivers, turns a turned-off endpoint on again and
// removes it.
import { expect, test } from "vitest";
import * as endpointPage from "~/routes/settings.webhooks.$webhookId";
import * as webhooksPage from "~/routes/settings.webhooks._index";
import { prisma } from "~/platform/db.server";
import { clockNow } from "../../clock";
import { getRequest, postRequest, run, signIn } from "./helpers";

type ListData = Awaited<ReturnType<typeof webhooksPage.loader>>;
type EndpointData = Awaited<ReturnType<typeof endpointPage.loader>>;
type CreateAnswer = {
  intent: "create";
  errors?: Record<string, string>;
  values?: { url: string; description: string; events: string[]; allowPrivate: boolean };
  created?: { id: string; url: string; secret: string };
};

test("only admins open Settings → Webhooks or post to it", async () => {
  for (const role of ["recruiter", "hiring_manager", "interviewer"] as const) {
    const someone = await signIn(role);
    expect((await run(webhooksPage.loader, getRequest("/settings/webhooks", someone))).status).toBe(403);
    const post = await run(
      webhooksPage.action,
      postRequest("/settings/webhooks", someone, [
        ["intent", "create"],
        ["url", "https://hooks.example.com/x"],
        ["events", "sla.breached"],
      ]),
    );
    expect(post.status).toBe(403);
  }
  expect(await prisma.webhookEndpoint.count()).toBe(0);
});

test("a bad submit keeps what was typed beside its errors; a good one shows the secret once", async () => {
  const admin = await signIn("admin");
  const bad = await run<CreateAnswer>(
    webhooksPage.action,
    postRequest("/settings/webhooks", admin, [
      ["intent", "create"],
      ["url", "hooks.example.com"],
      ["description", "Warehouse"],
      ["allowPrivate", "on"],
    ]),
  );
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.data.errors!).sort()).toEqual(["events", "url"]);
  expect(bad.data.values).toEqual({
    url: "hooks.example.com",
    description: "Warehouse",
    events: [],
    allowPrivate: true,
  });

  const good = await run<CreateAnswer>(
    webhooksPage.action,
    postRequest("/settings/webhooks", admin, [
      ["intent", "create"],
      ["url", "https://hooks.example.com/warehouse"],
      ["description", "Warehouse"],
      ["events", "application.created"],
      ["events", "candidate.told"],
    ]),
  );
  expect(good.status).toBe(200);
  expect(good.data.created!.secret).toMatch(/^whsec_/);
  const page = await run<ListData>(webhooksPage.loader, getRequest("/settings/webhooks", admin));
  expect(page.data.endpoints).toMatchObject([
    {
      url: "https://hooks.example.com/warehouse",
      description: "Warehouse",
      events: ["application.created", "candidate.told"],
      allowPrivate: false,
      delivered: 0,
    },
  ]);
  expect(JSON.stringify(page.data)).not.toContain(good.data.created!.secret);
});

test("the endpoint page: a test event in the log, redelivery, turning on again, removal", async () => {
  const admin = await signIn("admin");
  const created = await run<CreateAnswer>(
    webhooksPage.action,
    postRequest("/settings/webhooks", admin, [
      ["intent", "create"],
      ["url", "https://hooks.example.com/page"],
      ["events", "sla.breached"],
    ]),
  );
  const webhookId = created.data.created!.id;
  const path = `/settings/webhooks/${webhookId}`;
  const post = (fields: string[][]) => run(endpointPage.action, postRequest(path, admin, fields), { webhookId });

  const sent = await post([["intent", "test"]]);
  expect(sent.location).toBe(`${path}?done=test`);
  const page = await run<EndpointData>(endpointPage.loader, getRequest(path, admin), { webhookId });
  expect(page.data.deliveries).toMatchObject([{ eventType: "webhook.test", status: "queued", redeliverable: false }]);
  const deliveryId = page.data.deliveries[0]!.id;

  const early = await post([
    ["intent", "redeliver"],
    ["deliveryId", deliveryId],
  ]);
  expect(early.status).toBe(409);
  await prisma.httpDelivery.update({
    where: { id: deliveryId },
    data: { status: "failed", attempts: 3, lastStatusCode: 500, nextAttemptAt: null },
  });
  const again = await post([
    ["intent", "redeliver"],
    ["deliveryId", deliveryId],
  ]);
  expect(again.location).toBe(`${path}?done=redeliver`);
  expect(await prisma.httpDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
    status: "queued",
    attempts: 0,
  });

  await prisma.webhookEndpoint.update({
    where: { id: webhookId },
    data: { disabledAt: clockNow(), disabledReason: "HTTP 500 for a day", failingSince: clockNow() },
  });
  const enabled = await post([["intent", "enable"]]);
  expect(enabled.location).toBe(`${path}?done=enabled`);
  expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
    disabledAt: null,
    failingSince: null,
  });
  expect(await prisma.auditLog.count({ where: { entityId: webhookId, action: "webhook.enabled" } })).toBe(1);

  const removed = await post([["intent", "delete"]]);
  expect(removed.location).toBe("/settings/webhooks?deleted=https%3A%2F%2Fhooks.example.com%2Fpage");
  expect(await prisma.webhookEndpoint.count({ where: { id: webhookId } })).toBe(0);
  expect((await run(endpointPage.loader, getRequest(path, admin), { webhookId })).status).toBe(404);
});
