// A stage's entry message: moving an application into a stage that names a template kind queues that template for
// the candidate, in their language; a move recorded as history, or into a stage without one, writes to nobody.
import { beforeAll, expect, test } from "vitest";
import { moveApplication } from "~/models/application.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { pinClock } from "../../clock";
import { createTestApplication, createTestInterview, createTestJob, createTestUser } from "../../factories";

const NOW = pinClock();

beforeAll(async () => {
  // Test databases start without the template library; the entry message is made from it.
  await ensureTemplateLibrary();
});

async function jobWithScreenInvite() {
  const recruiter = await createTestUser({ role: "recruiter" });
  const job = await createTestJob({
    recruiterId: recruiter.id,
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Screen", kind: "screen", entryTemplateKind: "screen_invite" },
      { name: "Interview", kind: "interview" },
    ],
  });
  const [applied, screen, interview] = job.stages;
  expect([applied!.entryTemplateKind, screen!.entryTemplateKind, interview!.entryTemplateKind]).toEqual([
    null,
    "screen_invite",
    null,
  ]);
  return { recruiter, jobId: job.id, screen: screen!, interview: interview! };
}

const messagesOf = (applicationId: string) =>
  prisma.message.findMany({
    where: { applicationId },
    select: { kind: true, status: true, automated: true, direction: true, template: { select: { locale: true } } },
  });

test("entering a stage with an entry template queues that template once, in the candidate's language", async () => {
  const { recruiter, jobId, screen } = await jobWithScreenInvite();
  const application = await createTestApplication({ jobId, candidate: { locale: "de" } });
  expect(await messagesOf(application.id)).toEqual([]);
  // The invitation names the call's date and place: without a call planned it would not be sent.
  await createTestInterview({
    applicationId: application.id,
    kind: "screen",
    startsAt: new Date(NOW.getTime() + 2 * 24 * 60 * 60_000),
    organizerId: recruiter.id,
  });

  await moveApplication(application.id, { stageId: screen.id }, recruiter);

  expect(await messagesOf(application.id)).toEqual([
    { kind: "screen_invite", status: "queued", automated: true, direction: "outbound", template: { locale: "de" } },
  ]);
});

test("a move recorded as history (with occurredAt) queues nothing", async () => {
  const { recruiter, jobId, screen } = await jobWithScreenInvite();
  const application = await createTestApplication({
    jobId,
    appliedAt: new Date(NOW.getTime() - 3 * 24 * 60 * 60_000),
  });

  await moveApplication(
    application.id,
    { stageId: screen.id, occurredAt: new Date(NOW.getTime() - 2 * 24 * 60 * 60_000) },
    recruiter,
  );

  expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
    stageId: screen.id,
  });
  expect(await messagesOf(application.id)).toEqual([]);
});

test("entering a stage without an entry template queues nothing", async () => {
  const { recruiter, jobId, interview } = await jobWithScreenInvite();
  const application = await createTestApplication({ jobId });

  await moveApplication(application.id, { stageId: interview.id }, recruiter);

  expect(await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
    stageId: interview.id,
  });
  expect(await messagesOf(application.id)).toEqual([]);
});
