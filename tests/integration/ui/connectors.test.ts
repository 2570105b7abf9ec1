// Settings → Connectors: admin-only, the signing secret shown once, a refused form keeps what was typed, a failed
// delivery retried from the connector page, stage kinds corrected, and disconnecting.
import { Webhook } from "standardwebhooks";
import { expect, test } from "vitest";
import { receiveWebhook } from "~/models/connectors/receive.server";
import { applyReceivedDeliveries } from "~/models/connectors/work.server";
import { prisma } from "~/platform/db.server";
import * as connectorPage from "~/routes/settings.connectors.$connectorId";
import * as connectors from "~/routes/settings.connectors._index";
import { minutesFrom, pinClock } from "../../clock";
import { getRequest, postRequest, run, signIn, type SignedIn } from "./helpers";

type ListData = Awaited<ReturnType<typeof connectors.loader>>;
type PageData = Awaited<ReturnType<typeof connectorPage.loader>>;
type CreateAnswer = {
  intent: "create";
  errors?: Record<string, string>;
  values?: Record<string, string>;
  created?: { id: string; name: string; kind: string; webhookUrl: string; secret: string };
};
type RetryAnswer = { intent: "retry"; retried: Record<string, unknown> };

const LIST = "/settings/connectors";
const EMPTY_FIELDS = { secret: "", apiKey: "", apiBaseUrl: "" };

async function addGenericConnector(admin: SignedIn, name: string, emails = "hearback") {
  const answer = await run<CreateAnswer>(
    connectors.action,
    postRequest(LIST, admin, { intent: "create", kind: "webhook", name, emails, ...EMPTY_FIELDS }),
  );
  expect(answer.status).toBe(200);
  return answer.data.created!;
}

/** Receives a generic webhook for application a-1 (Ada) on job j-1, signed as a sender would at `occurredAt` (the clock
 * is pinned there), and applies it as the connector worker would. */
async function deliver(
  connector: { id: string; secret: string },
  messageId: string,
  type: string,
  stage: { externalId: string; name: string },
  occurredAt: Date,
) {
  const body = JSON.stringify({
    type,
    data: {
      externalId: "a-1",
      candidate: { name: "Ada", email: "ada@example.com" },
      job: { externalId: "j-1", title: "Engineer" },
      stage,
      occurredAt: occurredAt.toISOString(),
    },
  });
  const sentAt = pinClock(occurredAt);
  const headers = new Headers({
    "content-type": "application/json",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(connector.secret).sign(messageId, sentAt, body),
  });
  const received = await receiveWebhook(connector.id, Buffer.from(body), headers);
  if (received.outcome !== "received") return received;
  // What the connector worker does within seconds of the delivery.
  const applied = await applyReceivedDeliveries({ connectorId: connector.id, only: [received.deliveryId] });
  return applied.find((outcome) => outcome.deliveryId === received.deliveryId);
}

const pagePath = (connectorId: string) => `${LIST}/${connectorId}`;
const loadPage = async (admin: SignedIn, connectorId: string) =>
  (await run<PageData>(connectorPage.loader, getRequest(pagePath(connectorId), admin), { connectorId })).data;

test("only admins reach the connector settings", async () => {
  const admin = await signIn("admin");
  const existing = await addGenericConnector(admin, "Careers script");
  for (const role of ["recruiter", "hiring_manager", "interviewer"] as const) {
    const someone = await signIn(role);
    const params = { connectorId: existing.id };
    expect((await run(connectors.loader, getRequest(LIST, someone))).status).toBe(403);
    const create = postRequest(LIST, someone, { intent: "create", kind: "webhook", name: "Sneaky", ...EMPTY_FIELDS });
    expect((await run(connectors.action, create)).status).toBe(403);
    expect((await run(connectorPage.loader, getRequest(pagePath(existing.id), someone), params)).status).toBe(403);
    const remove = postRequest(pagePath(existing.id), someone, { intent: "delete" });
    expect((await run(connectorPage.action, remove, params)).status).toBe(403);
  }
  expect(await prisma.connector.count({ where: { name: "Sneaky" } })).toBe(0);
  expect(await prisma.connector.count({ where: { id: existing.id } })).toBe(1);
});

test("a connector added through the form shows its secret once; the list and its page show it without", async () => {
  const admin = await signIn("admin");

  const lever = {
    intent: "create",
    kind: "lever",
    name: "Lever EU",
    emails: "ats",
    secret: "lever-signature-token-0123",
    apiKey: "",
    apiBaseUrl: "https://api.eu.lever.co/v1",
  };
  const refused = await run<CreateAnswer>(connectors.action, postRequest(LIST, admin, lever));
  expect(refused.status).toBe(400);
  expect(refused.data.errors).toEqual({
    apiKey: "Lever sends ids only: give an API key with read access to opportunities.",
  });
  const { intent: _intent, ...typed } = lever;
  expect(refused.data.values).toEqual(typed);
  expect(await prisma.connector.count({ where: { name: "Lever EU" } })).toBe(0);

  const created = await addGenericConnector(admin, "Careers site");
  expect(created).toMatchObject({
    name: "Careers site",
    kind: "webhook",
    webhookUrl: `http://hearback.test/hooks/${created.id}`,
  });
  expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

  const list = await run<ListData>(connectors.loader, getRequest(LIST, admin));
  expect(list.data.connectors.find((each) => each.id === created.id)).toMatchObject({
    name: "Careers site",
    kind: "webhook",
    emails: "hearback",
    webhookUrl: created.webhookUrl,
    lastDeliveryAt: null,
    failing: false,
    createdBy: { name: admin.user.name },
  });
  expect(JSON.stringify(list.data)).not.toContain(created.secret);
  const page = await loadPage(admin, created.id);
  expect(page).toMatchObject({ connector: { name: "Careers site" }, deliveries: [], stages: [] });
  expect(JSON.stringify(page)).not.toContain(created.secret);

  const params = { connectorId: created.id };
  const switched = await run(
    connectorPage.action,
    postRequest(pagePath(created.id), admin, { intent: "emails", emails: "ats" }),
    params,
  );
  expect(switched).toMatchObject({ status: 302, location: `${pagePath(created.id)}?done=emails` });
  expect((await loadPage(admin, created.id)).connector.emails).toBe("ats");
  const nonsense = await run<{ error: string }>(
    connectorPage.action,
    postRequest(pagePath(created.id), admin, { intent: "emails", emails: "nobody" }),
    params,
  );
  expect(nonsense).toMatchObject({ status: 400, data: { error: "Choose who writes to candidates." } });
});

test("a failed delivery is retried from the connector page, failing with its error until the cause is fixed", async () => {
  const start = pinClock();
  const admin = await signIn("admin", { timeZone: "Europe/Berlin" });
  const connector = await addGenericConnector(admin, "Careers script", "ats");
  const applied = { externalId: "s-1", name: "Applied" };
  const screen = { externalId: "s-2", name: "Phone screen" };
  expect(await deliver(connector, "msg-1", "application.created", applied, minutesFrom(start, 1))).toMatchObject({
    outcome: "applied",
  });
  await deliver(connector, "msg-2", "application.stage_changed", screen, minutesFrom(start, 2));
  await deliver(connector, "msg-3", "application.stage_changed", applied, minutesFrom(start, 3));
  // Someone removes "Phone screen" from the job in Hearback; the ATS then moves Ada there again.
  const phoneScreen = (await loadPage(admin, connector.id)).stages.find((stage) => stage.stageName === "Phone screen")!;
  await prisma.stage.update({ where: { id: phoneScreen.stageId }, data: { archivedAt: minutesFrom(start, 3) } });
  const failed = await deliver(connector, "msg-4", "application.stage_changed", screen, minutesFrom(start, 4));
  expect(failed).toMatchObject({ outcome: "failed", error: "That stage is not part of this job." });

  const before = await loadPage(admin, connector.id);
  expect(before.deliveries).toHaveLength(4);
  expect(before.deliveries[0]).toMatchObject({
    eventType: "application.stage_changed",
    status: "failed",
    error: "That stage is not part of this job.",
    attempts: 1,
    retryable: true,
  });
  expect(before.deliveries.slice(1).map((delivery) => [delivery.status, delivery.retryable])).toEqual([
    ["applied", false],
    ["applied", false],
    ["applied", false],
  ]);
  expect(before.connector.consecutiveFailures).toBe(1);
  const deliveryId = before.deliveries[0]!.id;

  const params = { connectorId: connector.id };
  const retry = () =>
    run<RetryAnswer>(
      connectorPage.action,
      postRequest(pagePath(connector.id), admin, { intent: "retry", deliveryId }),
      params,
    );
  const again = await retry();
  expect(again).toMatchObject({
    status: 200,
    data: {
      intent: "retry",
      retried: { outcome: "failed", deliveryId, error: "That stage is not part of this job.", refused: true },
    },
  });
  const stillFailed = await loadPage(admin, connector.id);
  expect(stillFailed.deliveries[0]).toMatchObject({ id: deliveryId, status: "failed", attempts: 2, retryable: true });
  expect(stillFailed.connector.consecutiveFailures).toBe(2);

  await prisma.stage.update({ where: { id: phoneScreen.stageId }, data: { archivedAt: null } });
  const fixed = await retry();
  expect(fixed.data.retried).toEqual({ outcome: "applied", deliveryId, summary: "Application a-1: moved." });
  const after = await loadPage(admin, connector.id);
  expect(after.deliveries[0]).toMatchObject({ id: deliveryId, status: "applied", error: null, retryable: false });
  expect(after.connector.consecutiveFailures).toBe(0);
  const application = await prisma.application.findFirstOrThrow({ where: { jobId: phoneScreen.jobId } });
  expect(application.stageId).toBe(phoneScreen.stageId);

  const unknown = await run(
    connectorPage.action,
    postRequest(pagePath(connector.id), admin, { intent: "retry", deliveryId: "nope" }),
    params,
  );
  expect(unknown.status).toBe(404);
});

test("correcting a mapped stage's kind changes it and rebuilds the job's clocks", async () => {
  const start = pinClock();
  const admin = await signIn("admin");
  const connector = await addGenericConnector(admin, "Careers script", "ats");
  const screen = { externalId: "s-9", name: "Phone screen" };
  await deliver(connector, "msg-9", "application.created", screen, minutesFrom(start, 1));
  const { stages } = await loadPage(admin, connector.id);
  expect(stages).toMatchObject([{ stageName: "Phone screen", kind: "screen", jobTitle: "Engineer" }]);
  const stageId = stages[0]!.stageId;

  const params = { connectorId: connector.id };
  const post = (fields: Record<string, string>) =>
    run<{ stageId: string; error: string }>(
      connectorPage.action,
      postRequest(pagePath(connector.id), admin, { intent: "stage-kind", ...fields }),
      params,
    );
  const wrong = await post({ stageId, kind: "wizard" });
  expect(wrong).toMatchObject({ status: 400, data: { stageId, error: expect.stringMatching(/^Stage kind must be/) } });
  expect((await post({ stageId: "elsewhere", kind: "interview" })).status).toBe(404);

  const corrected = await post({ stageId, kind: "interview" });
  expect(corrected).toMatchObject({ status: 302, location: `${pagePath(connector.id)}?done=stage` });
  expect(await prisma.stage.findUniqueOrThrow({ where: { id: stageId } })).toMatchObject({ kind: "interview" });
  expect((await loadPage(admin, connector.id)).stages).toMatchObject([{ stageId, kind: "interview" }]);
  const recompute = await prisma.slaRecompute.findFirst({ where: { jobIds: { has: stages[0]!.jobId } } });
  expect(recompute?.reason).toContain("Phone screen");
});

test("disconnecting removes the connector, not what it brought", async () => {
  const start = pinClock();
  const admin = await signIn("admin");
  const connector = await addGenericConnector(admin, "Old ATS", "ats");
  await deliver(connector, "msg-20", "application.created", { externalId: "s-1", name: "Applied" }, start);
  const { jobId } = (await loadPage(admin, connector.id)).stages[0]!;
  const params = { connectorId: connector.id };

  const removed = await run(
    connectorPage.action,
    postRequest(pagePath(connector.id), admin, { intent: "delete" }),
    params,
  );
  expect(removed).toMatchObject({ status: 302, location: "/settings/connectors?deleted=Old%20ATS" });
  expect((await run(connectorPage.loader, getRequest(pagePath(connector.id), admin), params)).status).toBe(404);
  const list = await run<ListData>(connectors.loader, getRequest(LIST, admin));
  expect(list.data.connectors.map((each) => each.id)).not.toContain(connector.id);
  expect(await prisma.job.count({ where: { id: jobId } })).toBe(1);
  const twice = await run(
    connectorPage.action,
    postRequest(pagePath(connector.id), admin, { intent: "delete" }),
    params,
  );
  expect(twice.status).toBe(404);
});

test("replacing the secret: a malformed one is refused on the page, a new one is what verifies from then on", async () => {
  const start = pinClock();
  const admin = await signIn("admin");
  const connector = await addGenericConnector(admin, "Rotated sender", "ats");
  const params = { connectorId: connector.id };
  const replace = (secret: string) =>
    run<{ errors: Record<string, string> }>(
      connectorPage.action,
      postRequest(pagePath(connector.id), admin, { intent: "secrets", secret }),
      params,
    );
  expect(await replace("")).toMatchObject({ status: 400, data: { errors: { secret: "Enter the new secret." } } });
  const malformed = await replace("not-a-standard-webhooks-secret");
  expect(malformed).toMatchObject({ status: 400, data: { errors: { secret: expect.stringContaining("whsec_") } } });

  const fresh = `whsec_${Buffer.from("a brand new signing secret, 32 bytes!").toString("base64")}`;
  expect(await replace(fresh)).toMatchObject({ status: 302, location: `${pagePath(connector.id)}?done=secrets` });
  const stage = { externalId: "s-1", name: "Applied" };
  expect(await deliver(connector, "msg-30", "application.created", stage, start)).toMatchObject({
    outcome: "unverified",
  });
  await deliver({ id: connector.id, secret: fresh }, "msg-31", "application.created", stage, start);
  expect((await loadPage(admin, connector.id)).deliveries).toMatchObject([{ status: "applied" }]);
});
