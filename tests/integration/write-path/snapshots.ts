// Everything the write path materialises for some applications, with the applications named by their place in the
// list and per-application values (ids, status links, reply addresses) taken out, so two sets written the same way
// compare equal.
import { prisma } from "~/platform/db.server";

function withoutApplicationTraces(text: string | null, applicationId: string): string | null {
  if (text === null) return null;
  return text.replaceAll(/\/s\/[A-Za-z0-9_-]+/g, "/s/<token>").replaceAll(applicationId, "<application>");
}

async function snapshotOne(applicationId: string) {
  const [application, clocks, stays, events, messages] = await Promise.all([
    prisma.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        status: true,
        stageId: true,
        closedAt: true,
        outcomeReason: true,
        furthestPosition: true,
        outcomeToldAt: true,
      },
    }),
    prisma.slaClock.findMany({
      where: { applicationId },
      orderBy: [{ metric: "asc" }, { instance: "asc" }],
      select: {
        metric: true,
        instance: true,
        state: true,
        startedAt: true,
        dueAt: true,
        warnAt: true,
        stoppedAt: true,
        breached: true,
        businessHours: true,
        targetMinutes: true,
        remainingMinutes: true,
        stageId: true,
        policyId: true,
        promiseShownAt: true,
      },
    }),
    prisma.stageStay.findMany({
      where: { applicationId },
      orderBy: { sequence: "asc" },
      select: { sequence: true, stageId: true, enteredAt: true, leftAt: true },
    }),
    prisma.event.findMany({
      where: { applicationId },
      orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
      select: { type: true, occurredAt: true, visibility: true, data: true },
    }),
    prisma.message.findMany({
      where: { applicationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        kind: true,
        status: true,
        subject: true,
        bodyText: true,
        scheduledFor: true,
        automated: true,
        awaitsCandidate: true,
        templateId: true,
      },
    }),
  ]);
  return {
    application,
    clocks,
    stays,
    events,
    messages: messages.map((message) => ({
      ...message,
      bodyText: withoutApplicationTraces(message.bodyText, applicationId),
    })),
  };
}

export async function snapshotOf(applicationIds: string[]) {
  const snapshots = [];
  for (const id of applicationIds) snapshots.push(await snapshotOne(id));
  return snapshots;
}
