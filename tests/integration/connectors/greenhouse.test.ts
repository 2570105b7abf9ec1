// Greenhouse end to end (the tests share the fixture's candidate, so they run in this order; the erasure is last): its documented web hooks, signed with the connector's secret, applied through the receiving
// path — jobs, stages and applications created on first sight, moved, rejected (with exactly one humane rejection
// email when Hearback writes the emails, none when the ATS does), unrejected, hired and deleted; replays and
// out-of-order arrivals end in the right state.
import { beforeAll, expect, test } from "vitest";
import { createConnector } from "~/models/connectors/connectors.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { fixtureBody, receiveAndApply, signGreenhouse } from "../../connector-requests";
import { pinClock } from "../../clock";
import { createTestJob, createTestApplication, createTestUser } from "../../factories";

const CREATED = new Date("2026-03-02T09:15:00Z"); // a minute after applied_at in the fixture
const MOVED = new Date("2026-03-04T10:00:00Z");
const REJECTED = new Date("2026-03-06T16:06:00Z"); // rejected_at is 16:05:41
const APPLICATION = "81234567";

let adminId: string;

beforeAll(async () => {
  pinClock("2026-03-06T16:06:00Z");
  await ensureTemplateLibrary();
  adminId = (await createTestUser({ role: "admin" })).id;
});

async function greenhouse(emails: "hearback" | "ats" = "hearback") {
  const connector = await createConnector({ kind: "greenhouse", name: `Greenhouse ${emails}`, emails }, adminId);
  let sequence = 0;
  const deliver = (fixture: string, at: Date, eventId = `evt-${connector.id}-${(sequence += 1)}`) => {
    return receiveAndApply(
      connector.id,
      signGreenhouse(fixtureBody("greenhouse", fixture), connector.secret, eventId),
      at,
    );
  };
  return { connector, deliver };
}

async function applicationOf(connectorId: string) {
  const record = await prisma.externalRecord.findUniqueOrThrow({
    where: { connectorId_kind_externalId: { connectorId, kind: "application", externalId: APPLICATION } },
    select: { applicationId: true },
  });
  return prisma.application.findUniqueOrThrow({
    where: { id: record.applicationId! },
    select: {
      id: true,
      status: true,
      appliedAt: true,
      outcomeReason: true,
      stage: { select: { name: true, kind: true } },
      job: { select: { id: true, title: true } },
      candidate: { select: { id: true, name: true, email: true, erasedAt: true } },
      messages: { select: { kind: true, status: true, scheduledFor: true } },
    },
  });
}

test("the candidate's email matches an existing candidate case-insensitively", async () => {
  const job = await createTestJob({});
  const existing = await createTestApplication({
    jobId: job.id,
    candidate: { name: "Mariam Haddad", email: "Mariam.Haddad@Example.com" },
  });
  const { connector, deliver } = await greenhouse("ats");
  await deliver("new_candidate_application", CREATED);
  expect((await applicationOf(connector.id)).candidate.id).toBe(existing.candidateId);
});

test("hearback writes the emails: acknowledged on arrival, moved, rejected with one humane rejection email", async () => {
  const { connector, deliver } = await greenhouse("hearback");
  expect(await deliver("new_candidate_application", CREATED)).toMatchObject({ outcome: "applied" });
  let application = await applicationOf(connector.id);
  expect(application).toMatchObject({
    status: "active",
    appliedAt: new Date("2026-03-02T09:14:08Z"),
    stage: { name: "Application Review", kind: "applied" },
    job: { title: "Senior Backend Engineer" },
    candidate: { name: "Mariam Haddad" },
  });
  // The personal address of the two Greenhouse lists (the first test met her under it, differently capitalised).
  expect(application.candidate.email.toLowerCase()).toBe("mariam.haddad@example.com");
  expect(application.messages.map((message) => message.kind)).toEqual(["application_received"]);

  expect(await deliver("candidate_stage_change", MOVED)).toMatchObject({ outcome: "applied" });
  application = await applicationOf(connector.id);
  expect(application.stage).toEqual({ name: "Preliminary Phone Screen", kind: "screen" });

  expect(await deliver("reject_candidate", REJECTED)).toMatchObject({ outcome: "applied" });
  application = await applicationOf(connector.id);
  expect(application.status).toBe("rejected");
  const rejections = application.messages.filter((message) => message.kind !== "application_received");
  expect(rejections).toHaveLength(1);
  expect(rejections[0]).toMatchObject({ kind: "rejection_after_screen", status: "queued" });
  expect(rejections[0]!.scheduledFor!.getTime()).toBeGreaterThanOrEqual(REJECTED.getTime());
  const events = await prisma.event.findMany({
    where: { applicationId: application.id },
    orderBy: { occurredAt: "asc" },
    select: { type: true, actorId: true, occurredAt: true },
  });
  expect(events.map((event) => event.type)).toEqual(["applied", "stage_changed", "decision"]);
  expect(events.every((event) => event.actorId === null)).toBe(true);
});

test("the ATS writes the emails: the same deliveries queue nothing for the candidate, and the clocks still run", async () => {
  const { connector, deliver } = await greenhouse("ats");
  await deliver("new_candidate_application", CREATED);
  await deliver("candidate_stage_change", MOVED);
  await deliver("reject_candidate", REJECTED);
  const application = await applicationOf(connector.id);
  expect(application.status).toBe("rejected");
  expect(application.messages).toEqual([]);
  expect(await prisma.slaClock.count({ where: { applicationId: application.id } })).toBeGreaterThan(0);
});

test("a replay of the same delivery changes nothing", async () => {
  const { connector, deliver } = await greenhouse("hearback");
  const first = await deliver("new_candidate_application", CREATED, "evt-replayed");
  const again = await deliver("new_candidate_application", CREATED, "evt-replayed");
  expect(first.outcome).toBe("applied");
  expect(again).toMatchObject({ outcome: "duplicate" });
  const application = await applicationOf(connector.id);
  expect(application.messages).toHaveLength(1);
  expect(await prisma.event.count({ where: { applicationId: application.id } })).toBe(1);
  expect(await prisma.connectorDelivery.count({ where: { connectorId: connector.id } })).toBe(1);
});

test("out of order: a rejection before its application, then the older deliveries, ends rejected in its stage", async () => {
  const { connector, deliver } = await greenhouse("hearback");
  await deliver("reject_candidate", REJECTED);
  let application = await applicationOf(connector.id);
  expect(application).toMatchObject({ status: "rejected", stage: { name: "Preliminary Phone Screen" } });
  expect(await deliver("candidate_stage_change", MOVED)).toMatchObject({
    outcome: "applied",
    summary: expect.stringContaining("older than a change already applied"),
  });
  await deliver("new_candidate_application", CREATED);
  application = await applicationOf(connector.id);
  expect(application).toMatchObject({ status: "rejected", stage: { name: "Preliminary Phone Screen" } });
  // Arriving days late, the application is history: no acknowledgement; the rejection was live and is told.
  expect(application.messages.map((message) => message.kind)).toEqual(["rejection_after_screen"]);
  // The stage first seen last is placed by its kind: the pipeline reads in order.
  const stages = await prisma.stage.findMany({
    where: { jobId: application.job.id },
    orderBy: { position: "asc" },
    select: { name: true, position: true },
  });
  expect(stages).toEqual([
    { name: "Application Review", position: 0 },
    { name: "Preliminary Phone Screen", position: 1 },
  ]);
  const furthest = await prisma.application.findUniqueOrThrow({
    where: { id: application.id },
    select: { furthestPosition: true },
  });
  expect(furthest.furthestPosition).toBe(1); // moved down with its stage
});

test("unrejected in Greenhouse reopens the application, even once the candidate was told; then hired", async () => {
  const { connector, deliver } = await greenhouse("ats");
  await deliver("new_candidate_application", CREATED);
  await deliver("reject_candidate", REJECTED);
  await deliver("unreject_candidate", new Date("2026-03-07T09:00:00Z"));
  expect((await applicationOf(connector.id)).status).toBe("active");
  await deliver("hire_candidate", new Date("2026-03-20T09:00:00Z"));
  expect((await applicationOf(connector.id)).status).toBe("hired");
});

test("a candidate deleted in Greenhouse is erased here", async () => {
  const { connector, deliver } = await greenhouse("ats");
  await deliver("new_candidate_application", CREATED);
  expect(await deliver("delete_candidate", new Date("2026-03-08T09:00:00Z"))).toMatchObject({
    outcome: "applied",
    summary: expect.stringContaining("erased here"),
  });
  const application = await applicationOf(connector.id);
  expect(application.candidate.erasedAt).not.toBeNull();
  expect(application.candidate.name).not.toContain("Haddad");
});
