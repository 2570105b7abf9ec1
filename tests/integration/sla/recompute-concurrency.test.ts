// A recompute and a touchpoint on the same application at once, as happens with several app instances (or the
// background worker and a recruiter) on one PostgreSQL database: the recompute waits for the event's transaction and
// its clocks include the event. The embedded database has one connection, so only PostgreSQL can interleave them.
import { expect, test } from "vitest";
import { appendEvent } from "~/models/event.server";
import { computeApplicationsClocks } from "~/models/sla/clocks.server";
import { processRecomputeBatch, requestRecompute } from "~/models/sla/recompute.server";
import { prisma } from "~/platform/db.server";
import { clockNow, pinClock } from "../../clock";
import { createTestApplication, createTestJob, createTestUser } from "../../factories";

pinClock();

test.skipIf(!process.env.TEST_DATABASE_URL)(
  "a recompute running while a reply is being recorded waits for it and keeps the reply's effect",
  async () => {
    const recruiter = await createTestUser({ role: "recruiter" });
    const job = await createTestJob({ recruiterId: recruiter.id, department: "Race" });
    const application = await createTestApplication({ jobId: job.id, appliedAt: new Date("2026-03-02T10:00:00Z") });
    const repliedAt = new Date("2026-03-02T11:00:00Z");

    let releaseReply!: () => void;
    const replyMayCommit = new Promise<void>((resolve) => (releaseReply = resolve));
    let replyWritten!: () => void;
    const replyIsWritten = new Promise<void>((resolve) => (replyWritten = resolve));
    // What recording a message does (app/models/application.server.ts), held open before the commit.
    const reply = prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Application" WHERE id = ${application.id} FOR UPDATE`;
        await appendEvent(tx, {
          applicationId: application.id,
          type: "message_out",
          occurredAt: repliedAt,
          actorId: recruiter.id,
          visibility: "candidate",
          data: { body: "Thank you for applying.", automated: false, awaitsCandidate: false },
        });
        replyWritten();
        await replyMayCommit;
      },
      { timeout: 30_000 },
    );
    await replyIsWritten;

    // A policy change moves every due date, so the recompute has rows to rewrite.
    const policy = await prisma.slaPolicy.findFirstOrThrow({
      where: { isDefault: true },
      select: { id: true, targets: true },
    });
    const targets = (policy.targets as { metric: string; minutes: number }[]).map((target) => ({
      ...target,
      minutes: target.minutes * 2,
    }));
    await prisma.slaPolicy.update({ where: { id: policy.id }, data: { targets } });
    await requestRecompute(prisma, { reason: "policy changed", full: true });
    const recompute = processRecomputeBatch();
    // Give the recompute time to read the log and write, were it not waiting for the reply.
    await new Promise((resolve) => setTimeout(resolve, 500));
    releaseReply();
    await Promise.all([reply, recompute]);

    const stored = await prisma.slaClock.findMany({
      where: { applicationId: application.id },
      orderBy: [{ metric: "asc" }, { instance: "asc" }],
      select: { metric: true, instance: true, state: true, startedAt: true, stoppedAt: true },
    });
    expect(stored.find((clock) => clock.metric === "first_response")).toMatchObject({
      state: "stopped",
      stoppedAt: repliedAt,
    });
    const [fromLog] = await computeApplicationsClocks(prisma, [application.id], clockNow());
    expect(stored).toEqual(
      fromLog!.clocks.map(({ metric, instance, state, startedAt, stoppedAt }) => ({
        metric,
        instance,
        state,
        startedAt,
        stoppedAt,
      })),
    );
  },
);
