// Webhook events queued in the transaction of the change they report: one delivery per subscribed, live endpoint and
// none for the others, nothing when the change rolls back, bodies without personal data, candidate.told only once the
// outcome email actually left, SLA warnings and breaches from the sweeper, and no extra statements on the write path.
import { afterAll, beforeAll, expect, test } from "vitest";
import { moveApplications } from "~/models/application.server";
import { decideApplication, decideApplications } from "~/models/decisions.server";
import { appendEvents } from "~/models/event.server";
import { deliverDueMessages } from "~/models/outbox/delivery.server";
import { createPolicy } from "~/models/sla/policies.server";
import { sweepClocks } from "~/models/sla/sweep.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { prisma } from "~/platform/db.server";
import { smtpTransport, type MailTransport } from "~/platform/mail.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";
import { recordQueries } from "../../query-counter";
import { startSmtpSink, type SmtpSink } from "../../smtp-sink";

const NOW = pinClock();
const MINUTE = 60_000;
const DEPARTMENT = "Webhook clocks";

let sink: SmtpSink;
let transport: MailTransport;
let recruiter: Awaited<ReturnType<typeof createTestUser>>;
let everything: string;
let onlyReplies: string;

beforeAll(async () => {
  await ensureTemplateLibrary();
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url);
  recruiter = await createTestUser({ role: "recruiter" });
  const all = [
    "application.created",
    "application.stage_changed",
    "application.decided",
    "candidate.told",
    "sla.warning",
    "sla.breached",
    "survey.submitted",
    "interview.scheduled",
  ] as const;
  everything = (
    await createWebhookEndpoint({ url: "https://hooks.example.com/all", events: [...all], allowPrivate: false }, null)
  ).id;
  onlyReplies = (
    await createWebhookEndpoint(
      { url: "https://hooks.example.com/replies", events: ["message.received"], allowPrivate: false },
      null,
    )
  ).id;
  const disabled = await createWebhookEndpoint(
    { url: "https://hooks.example.com/off", events: [...all, "message.received"], allowPrivate: false },
    null,
  );
  await prisma.webhookEndpoint.update({
    where: { id: disabled.id },
    data: { disabledAt: NOW, disabledReason: "HTTP 500" },
  });
});
afterAll(async () => {
  transport.close();
  await sink.stop();
});

async function deliveriesOf(applicationId: string, eventType?: string) {
  return prisma.httpDelivery.findMany({
    where: { applicationId, ...(eventType ? { eventType } : {}) },
    orderBy: { createdAt: "asc" },
  });
}

async function job() {
  return createTestJob({ recruiterId: recruiter.id, department: DEPARTMENT });
}

const parse = (body: string) => JSON.parse(body) as { type: string; timestamp: string; data: Record<string, unknown> };

test("a new application queues application.created to the subscribed endpoint only, its body holding ids only", async () => {
  const { id: jobId } = await job();
  const application = await createTestApplication({
    jobId,
    candidate: { name: "Zelda Quartermaine", email: "zelda.q@example.com", phone: "+44 20 7946 0000" },
    appliedAt: new Date(NOW.getTime() - MINUTE),
    source: "Referral from Zelda's friend",
  });
  const deliveries = await deliveriesOf(application.id);
  expect(deliveries).toHaveLength(1);
  const [delivery] = deliveries;
  expect(delivery).toMatchObject({
    endpointId: everything,
    eventType: "application.created",
    status: "queued",
    candidateId: application.candidateId,
  });
  expect(delivery!.id).toMatch(/^msg_/);
  expect(parse(delivery!.body)).toEqual({
    type: "application.created",
    timestamp: new Date(NOW.getTime() - MINUTE).toISOString(),
    data: { applicationId: application.id, candidateId: application.candidateId, jobId, externalIds: [] },
  });
  for (const personal of ["Zelda", "Quartermaine", "zelda.q@example.com", "7946", "Referral"]) {
    expect(delivery!.body).not.toContain(personal);
  }
});

test("a stage move queues application.stage_changed with the stages; a rolled-back move queues nothing", async () => {
  const { id: jobId } = await job();
  const application = await createTestApplication({ jobId });
  const stages = await prisma.stage.findMany({ where: { jobId }, orderBy: { position: "asc" } });
  await prisma.$transaction((tx) =>
    moveApplications(tx, [{ applicationId: application.id, stageId: stages[1]!.id }], recruiter),
  );
  const [moved] = await deliveriesOf(application.id, "application.stage_changed");
  expect(parse(moved!.body).data).toMatchObject({
    applicationId: application.id,
    fromStageId: stages[0]!.id,
    fromStageName: stages[0]!.name,
    toStageId: stages[1]!.id,
    toStageName: stages[1]!.name,
  });

  await expect(
    prisma.$transaction(async (tx) => {
      await moveApplications(tx, [{ applicationId: application.id, stageId: stages[2]!.id }], recruiter);
      throw new Error("changed my mind");
    }),
  ).rejects.toThrow("changed my mind");
  expect(await deliveriesOf(application.id, "application.stage_changed")).toHaveLength(1);
});

test("a rejection queues application.decided without its reason; candidate.told waits for the email to leave", async () => {
  const { id: jobId } = await job();
  const application = await createTestApplication({ jobId });
  await decideApplication(
    application.id,
    { outcome: "rejected", reason: "Secret internal rationale", notify: true },
    recruiter,
  );
  const [decided] = await deliveriesOf(application.id, "application.decided");
  expect(parse(decided!.body).data).toMatchObject({ outcome: "rejected", applicationId: application.id });
  expect(decided!.body).not.toContain("Secret internal rationale");
  expect(await deliveriesOf(application.id, "candidate.told")).toHaveLength(0);

  await deliverDueMessages(transport, { now: () => new Date(clockNow().getTime() + 7 * 24 * 60 * MINUTE) });
  const told = await deliveriesOf(application.id, "candidate.told");
  expect(told).toHaveLength(1);
  const { outcomeToldAt } = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
  expect(outcomeToldAt).not.toBeNull();
  expect(parse(told[0]!.body)).toMatchObject({
    type: "candidate.told",
    timestamp: outcomeToldAt!.toISOString(),
    data: { applicationId: application.id, outcome: "rejected" },
  });

  // A later email to the candidate tells them nothing new.
  await deliverDueMessages(transport, { now: () => new Date(clockNow().getTime() + 7 * 24 * 60 * MINUTE) });
  expect(await deliveriesOf(application.id, "candidate.told")).toHaveLength(1);
});

test("a reply, a survey answer and a scheduled interview queue their events to their subscribers", async () => {
  const { id: jobId } = await job();
  const application = await createTestApplication({ jobId });
  await prisma.$transaction((tx) =>
    appendEvents(tx, [
      { applicationId: application.id, type: "message_in", data: { body: "My private reply", subject: "Re: hi" } },
      { applicationId: application.id, type: "survey_answered", data: { score: 4 } },
      {
        applicationId: application.id,
        type: "interview",
        data: {
          action: "scheduled",
          interviewId: "interview-1",
          kind: "interview",
          when: "2027-01-14T09:00:00.000Z",
          endsAt: "2027-01-14T10:00:00.000Z",
          where: "Room with a secret",
        },
      },
      { applicationId: application.id, type: "interview", data: { action: "offered", interviewId: "interview-2" } },
      { applicationId: application.id, type: "note", data: { body: "A note nobody outside reads" } },
    ]),
  );
  const deliveries = await deliveriesOf(application.id);
  const received = deliveries.filter((delivery) => delivery.eventType === "message.received");
  expect(received.map((delivery) => delivery.endpointId)).toEqual([onlyReplies]);
  const survey = deliveries.filter((delivery) => delivery.eventType === "survey.submitted");
  expect(survey).toHaveLength(1);
  expect(parse(survey[0]!.body).data.score).toBe(4);
  const interviews = deliveries.filter((delivery) => delivery.eventType === "interview.scheduled");
  expect(interviews).toHaveLength(1);
  expect(parse(interviews[0]!.body).data).toMatchObject({
    interviewId: "interview-1",
    startsAt: "2027-01-14T09:00:00.000Z",
    endsAt: "2027-01-14T10:00:00.000Z",
  });
  const text = deliveries.map((delivery) => delivery.body).join("\n");
  for (const personal of ["My private reply", "Re: hi", "Room with a secret", "A note"]) {
    expect(text).not.toContain(personal);
  }
  expect(deliveries).toHaveLength(4); // application.created, message.received, survey.submitted, interview.scheduled
});

test("the sweeper queues sla.breached and sla.warning with the clock, once", async () => {
  await createPolicy(
    {
      name: "Webhook first response",
      position: 1,
      match: { departments: [DEPARTMENT] },
      countAutomatedReplies: false,
      targets: [{ metric: "first_response", minutes: 60, businessHours: false, warnBeforeMinutes: 30 }],
    },
    null,
  );
  const { id: jobId } = await job();
  const overdue = await createTestApplication({ jobId, appliedAt: new Date(NOW.getTime() - 90 * MINUTE) });
  const dueSoon = await createTestApplication({ jobId, appliedAt: new Date(NOW.getTime() - 40 * MINUTE) });
  await sweepClocks(clockNow());
  await sweepClocks(clockNow());
  const [breached, ...moreBreaches] = await deliveriesOf(overdue.id, "sla.breached");
  expect(moreBreaches).toHaveLength(0);
  const clock = await prisma.slaClock.findFirstOrThrow({
    where: { applicationId: overdue.id, metric: "first_response" },
  });
  expect(parse(breached!.body)).toMatchObject({
    type: "sla.breached",
    timestamp: clock.dueAt!.toISOString(),
    data: { clockId: clock.id, metric: "first_response", dueAt: clock.dueAt!.toISOString(), jobId },
  });
  expect(await deliveriesOf(dueSoon.id, "sla.warning")).toHaveLength(1);
  expect(await deliveriesOf(dueSoon.id, "sla.breached")).toHaveLength(0);
});

test("with endpoints subscribed, fifty decisions and fifty replies take the statements of one", async () => {
  const { id: jobId } = await job();
  const ids = async (count: number) => {
    const made: string[] = [];
    for (let index = 0; index < count; index += 1) made.push((await createTestApplication({ jobId })).id);
    return made;
  };
  const [one, fifty] = [await ids(1), await ids(50)];
  const decide = (applicationIds: string[]) =>
    recordQueries(() =>
      prisma.$transaction((tx) =>
        decideApplications(tx, applicationIds, { outcome: "rejected", notify: true }, recruiter),
      ),
    );
  const single = await decide(one);
  const batch = await decide(fifty);
  expect(batch.queries.length, batch.queries.join("\n\n")).toBe(single.queries.length);
  expect(
    await prisma.httpDelivery.count({ where: { applicationId: { in: fifty }, eventType: "application.decided" } }),
  ).toBe(50);

  const reply = (applicationIds: string[]) =>
    recordQueries(() =>
      prisma.$transaction((tx) =>
        appendEvents(
          tx,
          applicationIds.map((applicationId) => ({ applicationId, type: "message_in" as const, data: { body: "Hi" } })),
        ),
      ),
    );
  const singleReply = await reply(one);
  const batchReply = await reply(fifty);
  expect(batchReply.queries.length).toBe(singleReply.queries.length);
  // As without endpoints: the clocks' inputs, then the events with their clocks and deliveries; and the COMMIT.
  expect(singleReply.queries.length, singleReply.queries.join("\n\n")).toBeLessThanOrEqual(3);
  expect(
    await prisma.httpDelivery.count({ where: { applicationId: { in: fifty }, eventType: "message.received" } }),
  ).toBe(50);
});
