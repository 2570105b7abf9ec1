// Each vendor's signature scheme, checked on the bytes as received, through the receiving route: a bad or missing
// signature, a wrong prefix, a stale Standard Webhooks timestamp, a body re-encoded after signing — each is a 401 and
// writes nothing. Unknown events are 202 and logged as ignored; pings are answered; oversized bodies are refused.
import { beforeAll, expect, test } from "vitest";
import { createConnector, type CreatedConnector } from "~/models/connectors/connectors.server";
import { applyReceivedDeliveries } from "~/models/connectors/work.server";
import { prisma } from "~/platform/db.server";
import {
  fixtureBody,
  postHook,
  signAshby,
  signGreenhouse,
  signLever,
  signStandard,
  type SignedRequest,
} from "../../connector-requests";
import { clockNow, minutesFrom, pinClock } from "../../clock";
import { createTestUser } from "../../factories";

let greenhouse: CreatedConnector;
let ashby: CreatedConnector;
let lever: CreatedConnector;
let webhook: CreatedConnector;

beforeAll(async () => {
  pinClock();
  const adminId = (await createTestUser({ role: "admin" })).id;
  greenhouse = await createConnector({ kind: "greenhouse", name: "Greenhouse", emails: "ats" }, adminId);
  ashby = await createConnector({ kind: "ashby", name: "Ashby", emails: "ats" }, adminId);
  lever = await createConnector(
    // The API is never asked here: every Lever request below fails verification first.
    { kind: "lever", name: "Lever", emails: "ats", secret: "lever-signature-token-0123", apiKey: "key" },
    adminId,
  );
  webhook = await createConnector({ kind: "webhook", name: "Zapier", emails: "ats" }, adminId);
});

async function writesNothing(connectorId: string, request: SignedRequest) {
  const before = await Promise.all([prisma.connectorDelivery.count(), prisma.application.count(), prisma.job.count()]);
  const answer = await postHook(connectorId, request);
  expect(answer.status).toBe(401);
  expect(await Promise.all([prisma.connectorDelivery.count(), prisma.application.count(), prisma.job.count()])).toEqual(
    before,
  );
  return answer.body;
}

const tampered = (request: SignedRequest): SignedRequest => ({
  ...request,
  // Still valid JSON, one byte more than was signed.
  raw: Buffer.concat([request.raw, Buffer.from(" ")]),
});

test("Greenhouse: Signature: sha256 <hex> over the raw body", async () => {
  const body = fixtureBody("greenhouse", "new_candidate_application");
  const signed = signGreenhouse(body, greenhouse.secret, "evt-v-1");
  await writesNothing(greenhouse.id, tampered(signed));
  await writesNothing(greenhouse.id, signGreenhouse(body, "another secret entirely", "evt-v-1"));
  const wrongPrefix = new Headers(signed.headers);
  wrongPrefix.set("signature", signed.headers.get("signature")!.replace("sha256 ", "sha256="));
  expect(await writesNothing(greenhouse.id, { ...signed, headers: wrongPrefix })).toMatchObject({
    error: { message: expect.stringContaining('does not start with "sha256 "') },
  });
  const unsigned = new Headers(signed.headers);
  unsigned.delete("signature");
  await writesNothing(greenhouse.id, { ...signed, headers: unsigned });
  expect(await postHook(greenhouse.id, signed)).toMatchObject({ status: 202, body: { status: "received" } });
});

test("Greenhouse: a Unicode-escaped body verifies as sent, and not once re-encoded", async () => {
  const body = fixtureBody("greenhouse", "candidate_stage_change_unicode_escaped");
  expect(body).toContain("\\u00eb");
  const signed = signGreenhouse(body, greenhouse.secret, "evt-v-2");
  const reencoded = Buffer.from(JSON.stringify(JSON.parse(body)));
  await writesNothing(greenhouse.id, { ...signed, raw: reencoded });
  expect(await postHook(greenhouse.id, signed)).toMatchObject({ status: 202, body: { status: "received" } });
  await applyReceivedDeliveries({ connectorId: greenhouse.id });
  const candidate = await prisma.candidate.findFirst({ where: { name: { contains: "ë" } }, select: { name: true } });
  expect(candidate?.name).toMatch(/ë/);
});

test("Greenhouse: an event Hearback does not act on is 202 and logged as ignored; its ping is answered", async () => {
  const offer = await postHook(
    greenhouse.id,
    signGreenhouse(fixtureBody("greenhouse", "offer_created"), greenhouse.secret, "evt-v-3"),
  );
  expect(offer).toMatchObject({ status: 202, body: { status: "ignored" } });
  const logged = await prisma.connectorDelivery.findFirstOrThrow({ where: { deliveryKey: "evt-v-3" } });
  expect(logged).toMatchObject({ status: "ignored", eventType: "offer_created", body: null });
  const ping = await postHook(
    greenhouse.id,
    signGreenhouse(fixtureBody("greenhouse", "ping"), greenhouse.secret, "evt-v-4"),
  );
  expect(ping).toMatchObject({ status: 200, body: { status: "pong" } });
});

test("Ashby: Ashby-Signature: sha256=<hex>; its ping is answered", async () => {
  const body = fixtureBody("ashby", "ping");
  const signed = signAshby(body, ashby.secret);
  await writesNothing(ashby.id, tampered(signed));
  const wrongPrefix = new Headers(signed.headers);
  wrongPrefix.set("ashby-signature", signed.headers.get("ashby-signature")!.replace("sha256=", "sha1="));
  await writesNothing(ashby.id, { ...signed, headers: wrongPrefix });
  expect(await postHook(ashby.id, signed)).toMatchObject({ status: 200, body: { status: "pong" } });
});

test("Lever: the body's signature is HMAC(token + triggeredAt) under the signature token", async () => {
  const body = fixtureBody("lever", "candidateStageChange");
  const signed = signLever(body, "lever-signature-token-0123");
  const forged = JSON.parse(signed.raw.toString("utf8")) as { triggeredAt: number };
  forged.triggeredAt += 1;
  await writesNothing(lever.id, { ...signed, raw: Buffer.from(JSON.stringify(forged)) });
  await writesNothing(lever.id, signLever(body, "a token Lever never issued"));
  await writesNothing(lever.id, { ...signed, raw: Buffer.from("not json") });
});

test("Lever: a token per webhook — any of the connector's tokens may sign", async () => {
  const admin = await createTestUser({ role: "admin" });
  const tokens = ["lever-token-application-created", "lever-token-stage-change-000"];
  const several = await createConnector(
    { kind: "lever", name: "Lever, two hooks", emails: "ats", secret: tokens.join("\n"), apiKey: "key" },
    admin.id,
  );
  const body = fixtureBody("lever", "candidateDeleted");
  expect(await postHook(several.id, signLever(body, tokens[1]!))).toMatchObject({ status: 202 });
  await writesNothing(several.id, signLever(body, "lever-token-of-another-account"));
});

test("generic: the Standard Webhooks scheme, signed by its own package; a stale timestamp is refused", async () => {
  const body = fixtureBody("webhook", "application.created");
  const now = clockNow();
  const stale = signStandard(body, webhook.secret, "msg_stale", minutesFrom(now, -6));
  expect(await writesNothing(webhook.id, stale)).toMatchObject({
    error: { message: expect.stringContaining("more than 5 minutes old") },
  });
  await writesNothing(webhook.id, tampered(signStandard(body, webhook.secret, "msg_1", now)));
  const signed = signStandard(body, webhook.secret, "msg_1", now);
  const noId = new Headers(signed.headers);
  noId.delete("webhook-id");
  await writesNothing(webhook.id, { ...signed, headers: noId });
  expect(await postHook(webhook.id, signed)).toMatchObject({ status: 202, body: { status: "received" } });
  expect(await postHook(webhook.id, signed)).toMatchObject({ status: 200, body: { status: "duplicate" } });
});

test("an unknown connector is 404; a body over 1 MB is 413 before anything is read", async () => {
  const signed = signStandard("{}", webhook.secret, "msg_2", clockNow());
  expect((await postHook("no-such-connector", signed)).status).toBe(404);
  const huge = signStandard(`{"pad":"${"x".repeat(1024 * 1024)}"}`, webhook.secret, "msg_3", clockNow());
  expect((await postHook(webhook.id, huge)).status).toBe(413);
  expect(await prisma.connectorDelivery.count({ where: { deliveryKey: "msg_3" } })).toBe(0);
});

test("a signed body that cannot be read is 400 and writes nothing", async () => {
  const body = JSON.stringify({ type: "application.created", data: { externalId: "x" } });
  const answer = await postHook(webhook.id, signStandard(body, webhook.secret, "msg_4", clockNow()));
  expect(answer.status).toBe(400);
  expect(await prisma.connectorDelivery.count({ where: { deliveryKey: "msg_4" } })).toBe(0);
});
