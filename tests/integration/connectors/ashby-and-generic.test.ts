// Ashby and the generic Standard Webhooks format end to end: one Ashby action fanned out into several webhooks
// applies once, an archive is a rejection told once, an unarchive (reported as a stage change) reopens; the generic
// format, signed by the standardwebhooks package itself, creates, moves, records a withdrawal and erases.
import { beforeAll, expect, test } from "vitest";
import { createConnector } from "~/models/connectors/connectors.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { fixtureBody, receiveAndApply, signAshby, signStandard } from "../../connector-requests";
import { clockNow, pinClock } from "../../clock";
import { createTestUser } from "../../factories";

let adminId: string;

beforeAll(async () => {
  pinClock("2026-03-02T10:22:00Z");
  await ensureTemplateLibrary();
  adminId = (await createTestUser({ role: "admin" })).id;
});

async function linked(connectorId: string) {
  return prisma.application.findFirstOrThrow({
    where: { externalIds: { some: { connectorId, kind: "application" } } },
    select: {
      id: true,
      status: true,
      outcomeReason: true,
      stage: { select: { name: true } },
      candidate: { select: { name: true, timeZone: true, locale: true, erasedAt: true } },
      messages: { select: { kind: true }, orderBy: { createdAt: "asc" } },
      _count: { select: { events: true } },
    },
  });
}

test("Ashby: a fan-out applies once, an archive rejects with one email, an unarchive reopens", async () => {
  const ashby = await createConnector({ kind: "ashby", name: "Ashby", emails: "hearback" }, adminId);
  const deliver = (body: string, at: string) => {
    return receiveAndApply(ashby.id, signAshby(body, ashby.secret), new Date(at));
  };
  expect(await deliver(fixtureBody("ashby", "applicationSubmit"), "2026-03-02T10:21:40Z")).toMatchObject({
    outcome: "applied",
  });
  let application = await linked(ashby.id);
  expect(application).toMatchObject({ status: "active", stage: { name: "Application Review" } });
  expect(application.messages.map((message) => message.kind)).toEqual(["application_received"]);

  // One stage change in Ashby: its applicationUpdate echo first, then the candidateStageChange, then Ashby's retry.
  await deliver(fixtureBody("ashby", "applicationUpdate-stage-change-echo"), "2026-03-05T15:02:12Z");
  await deliver(fixtureBody("ashby", "candidateStageChange"), "2026-03-05T15:02:12Z");
  expect(await deliver(fixtureBody("ashby", "candidateStageChange"), "2026-03-05T15:07:12Z")).toMatchObject({
    outcome: "duplicate",
  });
  application = await linked(ashby.id);
  expect(application.stage.name).toBe("Technical Interview");
  expect(application._count.events).toBe(2);

  await deliver(fixtureBody("ashby", "applicationUpdate-archived"), "2026-03-09T08:45:00Z");
  application = await linked(ashby.id);
  expect(application).toMatchObject({
    status: "rejected",
    outcomeReason: "Not enough frontend architecture experience",
  });
  expect(application.messages.map((message) => message.kind)).toEqual([
    "application_received",
    "rejection_after_interview",
  ]);

  // Unarchived in Ashby: a stage change of an application Ashby now calls Active.
  const unarchived = JSON.parse(fixtureBody("ashby", "candidateStageChange")) as {
    webhookActionId: string;
    data: { application: { updatedAt: string } };
  };
  unarchived.webhookActionId = "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f";
  unarchived.data.application.updatedAt = "2026-03-10T09:00:00.000Z";
  expect(await deliver(JSON.stringify(unarchived), "2026-03-10T09:00:02Z")).toMatchObject({
    outcome: "applied",
    summary: expect.stringContaining("reopened"),
  });
  expect((await linked(ashby.id)).status).toBe("active");
});

test("generic: signed with standardwebhooks, creates, moves and records a withdrawal; a deletion erases", async () => {
  const zapier = await createConnector({ kind: "webhook", name: "Workable via Zapier", emails: "hearback" }, adminId);
  let sequence = 0;
  const deliver = (fixture: string, at: string) => {
    const signed = signStandard(fixtureBody("webhook", fixture), zapier.secret, `msg_${(sequence += 1)}`, clockNow());
    return receiveAndApply(zapier.id, signed, new Date(at));
  };
  expect(await deliver("application.created", "2026-03-02T08:15:05Z")).toMatchObject({ outcome: "applied" });
  let application = await linked(zapier.id);
  // French is not a language Hearback writes in: the candidate reads English, in their own time zone.
  expect(application.candidate).toMatchObject({ name: "Léa Fontaine", timeZone: "Europe/Paris", locale: "en" });
  await deliver("application.stage_changed", "2026-03-05T13:30:05Z");
  await deliver("application.withdrawn", "2026-03-10T07:45:15Z");
  application = await linked(zapier.id);
  expect(application).toMatchObject({
    status: "withdrawn",
    outcomeReason: "Accepted another offer.",
    stage: { name: "Portfolio review call" },
  });
  expect(application.messages.map((message) => message.kind)).toEqual(["application_received", "withdrawal_ack"]);
  expect(await deliver("candidate.deleted", "2026-05-01T09:00:00Z")).toMatchObject({
    summary: expect.stringContaining("erased here"),
  });
  expect((await linked(zapier.id)).candidate.erasedAt).not.toBeNull();
});
