// Lever end to end against a fake Lever API on loopback: its webhooks carry ids only, so the opportunity, its posting
// and archive reasons are read from the API with the connector's key. When the API is down the delivery fails, is
// logged with its body, tells the admins at the third failure in a row, and applies on retry.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createConnector, type CreatedConnector } from "~/models/connectors/connectors.server";
import { listDeliveries } from "~/models/connectors/deliveries.server";
import { retryDelivery } from "~/models/connectors/receive.server";
import { prisma } from "~/platform/db.server";
import { fixtureBody, receiveAndApply, signLever } from "../../connector-requests";
import { fixtureJson } from "../../connector-fixtures";
import { pinClock } from "../../clock";
import { createTestUser } from "../../factories";

const TOKEN = "lever-signature-token-4f1c2d";
const API_KEY = "lever-api-key-test";

const ARCHIVE_REASONS: Record<string, string> = {
  "4105fb10-1f79-44ec-b873-33886dc01348": "archive-reason-under-qualified",
  "0092d31b-502b-4f0d-b4da-3827e1a2991f": "archive-reason-hired",
};

/** The fake API's state: which opportunity fixture it answers with, or down. */
const lever = { opportunity: "opportunity-new-applicant", down: false, authorizations: new Set<string>() };
let server: http.Server;
let connector: CreatedConnector;
let adminId: string;

beforeAll(async () => {
  pinClock("2026-03-02T10:05:00Z");
  server = http.createServer((request, response) => {
    lever.authorizations.add(request.headers.authorization ?? "");
    const path = new URL(request.url ?? "/", "http://lever.test").pathname;
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (lever.down) return answer(503, { code: "ServiceUnavailable" });
    if (path.startsWith("/v1/opportunities/")) return answer(200, fixtureJson("lever", lever.opportunity));
    if (path.startsWith("/v1/postings/")) return answer(200, fixtureJson("lever", "posting-backend-engineer"));
    const reason = ARCHIVE_REASONS[path.replace("/v1/archive_reasons/", "")];
    if (reason) return answer(200, fixtureJson("lever", reason));
    return answer(404, { code: "ResourceNotFound" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  adminId = (await createTestUser({ role: "admin" })).id;
  connector = await createConnector(
    {
      kind: "lever",
      name: "Lever",
      emails: "ats",
      secret: TOKEN,
      apiKey: API_KEY,
      apiBaseUrl: `http://127.0.0.1:${port}/v1`,
    },
    adminId,
  );
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function deliver(fixture: string, opportunity: string) {
  lever.opportunity = opportunity;
  const signed = signLever(fixtureBody("lever", fixture), TOKEN);
  const { triggeredAt } = JSON.parse(signed.raw.toString("utf8")) as { triggeredAt: number };
  return receiveAndApply(connector.id, signed, new Date(triggeredAt + 2_000));
}

async function application() {
  return prisma.application.findFirstOrThrow({
    where: { externalIds: { some: { connectorId: connector.id, kind: "application" } } },
    select: {
      status: true,
      outcomeReason: true,
      stage: { select: { name: true } },
      job: { select: { title: true } },
      candidate: { select: { name: true, email: true } },
    },
  });
}

test("created and moved from what Lever's API says, asked with the connector's key", async () => {
  expect(await deliver("applicationCreated", "opportunity-new-applicant")).toMatchObject({ outcome: "applied" });
  expect(await application()).toMatchObject({
    status: "active",
    stage: { name: "New applicant" },
    job: { title: "Backend Engineer, Payments" },
    candidate: { name: "Aiyana Redcloud", email: "aiyana.redcloud@example.com" },
  });
  expect(await deliver("candidateStageChange", "opportunity-phone-screen")).toMatchObject({ outcome: "applied" });
  expect((await application()).stage.name).toBe("Phone screen");
  expect([...lever.authorizations]).toEqual([`Basic ${Buffer.from(`${API_KEY}:`).toString("base64")}`]);
});

test("Lever's API down: the delivery fails and is kept; the third failure in a row tells the admins; a retry applies it", async () => {
  lever.down = true;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    expect(await deliver("candidateArchiveChange", "opportunity-archived")).toMatchObject({
      outcome: "failed",
      refused: false,
      error: expect.stringContaining("answered 503"),
    });
  }
  const [failed] = await listDeliveries(connector.id, 1);
  expect(failed).toMatchObject({ status: "failed", attempts: 3, retryable: true, eventType: "candidateArchiveChange" });
  expect(await prisma.notification.count({ where: { userId: adminId, kind: "connector_failing" } })).toBe(1);
  expect((await application()).status).toBe("active");

  lever.down = false;
  lever.opportunity = "opportunity-archived";
  expect(await retryDelivery(connector.id, failed!.id)).toMatchObject({ outcome: "applied" });
  expect(await application()).toMatchObject({ status: "rejected", outcomeReason: "Under-qualified" });
  const [retried] = await listDeliveries(connector.id, 1);
  expect(retried).toMatchObject({ id: failed!.id, status: "applied", retryable: false, error: null });
  expect(await prisma.connectorDelivery.findUniqueOrThrow({ where: { id: failed!.id } })).toMatchObject({ body: null });
  expect(await prisma.connector.findUniqueOrThrow({ where: { id: connector.id } })).toMatchObject({
    consecutiveFailures: 0,
  });
});

test("archived as hired is left to candidateHired, which hires", async () => {
  expect(await deliver("candidateArchiveChange-hired", "opportunity-hired")).toMatchObject({ outcome: "ignored" });
  expect(await deliver("candidateHired", "opportunity-hired")).toMatchObject({ outcome: "applied" });
  // Rejected before, so not hired here: Hearback does not turn one outcome into another on its own.
  expect((await application()).status).toBe("rejected");
});
