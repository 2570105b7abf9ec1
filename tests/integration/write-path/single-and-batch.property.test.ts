// The batch write path is the single one applied to many applications at once, so the same histories must leave the
// same state whichever way they were written: random histories (moves, emails both ways, notes, status views,
// decisions with their emails, reopenings) are driven once step by step, one transaction per step, and once in rounds
// that put every application's next steps into one appendEvents / decideApplications / reopenApplications call
// (several steps of one application in one call too). Clocks, stage stays, the materialised facts, touchpoints and
// the outbox must come out identical.
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import type { Prisma } from "~/generated/prisma/client";
import { decideApplications, reopenApplications } from "~/models/decisions.server";
import { appendEvents, type NewEvent } from "~/models/event.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { createTestApplication, createTestJob, createTestUser, seedFactories, type TestUser } from "../../factories";
import { historyArbitrary, type Step } from "./histories";
import { snapshotOf } from "./snapshots";

const APPLIED_AT = new Date("2026-03-02T09:00:00Z");
/** Every write happens "now" at this instant, after every step's own time. */
const NOW = new Date("2026-04-20T10:30:00Z");

let recruiter: TestUser;
let job: Awaited<ReturnType<typeof createTestJob>>;

beforeAll(async () => {
  seedFactories(7);
  await ensureTemplateLibrary();
  recruiter = await createTestUser({ role: "recruiter" });
  job = await createTestJob({
    recruiterId: recruiter.id,
    stages: [
      { name: "Applied", kind: "applied" },
      { name: "Phone screen", kind: "screen", decisionMinutes: 3 * 24 * 60 },
      { name: "Onsite", kind: "interview", decisionMinutes: 5 * 24 * 60 },
      { name: "Offer", kind: "offer" },
    ],
  });
});

async function applicationsFor(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const candidate = { name: `Candidate ${index}`, timeZone: "Europe/Berlin", locale: "en" as const };
    ids.push((await createTestApplication({ jobId: job.id, candidate, appliedAt: APPLIED_AT })).id);
  }
  return ids;
}

type Event = { applicationId: string; step: Extract<Step, { kind: "event" }> };

/** The touchpoints of event steps, with the stage moves' own column written alongside as moveApplication does. */
async function writeEvents(tx: Prisma.TransactionClient, events: Event[]): Promise<void> {
  const stageIds = job.stages.map((stage) => stage.id);
  const current = new Map(
    (
      await tx.application.findMany({
        where: { id: { in: events.map((event) => event.applicationId) } },
        select: { id: true, stageId: true },
      })
    ).map((application) => [application.id, application.stageId]),
  );
  const newEvents: NewEvent[] = [];
  for (const { applicationId, step } of events) {
    const occurredAt = new Date(APPLIED_AT.getTime() + step.minutes * 60_000);
    const base = { applicationId, occurredAt, actorId: recruiter.id };
    if (step.type === "stage_changed") {
      const fromStageId = current.get(applicationId)!;
      const toStageId = stageIds[step.stage]!;
      if (toStageId === fromStageId) continue;
      current.set(applicationId, toStageId);
      const name = (id: string) => job.stages.find((stage) => stage.id === id)!.name;
      newEvents.push({
        ...base,
        type: "stage_changed",
        data: { fromStageId, fromStageName: name(fromStageId), toStageId, toStageName: name(toStageId) },
      });
    } else if (step.type === "message_out") {
      newEvents.push({
        ...base,
        type: "message_out",
        data: { body: "An update from us.", automated: step.automated, awaitsCandidate: step.awaitsCandidate },
      });
    } else if (step.type === "message_in") {
      newEvents.push({ ...base, type: "message_in", data: { body: "A question from me." }, actorId: null });
    } else if (step.type === "note") {
      newEvents.push({ ...base, type: "note", data: { body: "A note." }, visibility: "internal" });
    } else {
      newEvents.push({ ...base, type: "status_viewed", data: {} });
    }
  }
  for (const [applicationId, stageId] of current) {
    await tx.application.update({ where: { id: applicationId }, data: { stageId } });
  }
  await appendEvents(tx, newEvents, { now: NOW });
}

type Work = { applicationId: string; steps: Step[] };

/** Applies one round: every application's events in one call, then decisions by kind, then reopenings. */
async function applyRound(tx: Prisma.TransactionClient, round: Work[]): Promise<void> {
  const events = round.flatMap(({ applicationId, steps }) =>
    steps.flatMap((step) => (step.kind === "event" ? [{ applicationId, step }] : [])),
  );
  if (events.length > 0) await writeEvents(tx, events);
  const decisions = round.flatMap(({ applicationId, steps }) =>
    steps.flatMap((step) => (step.kind === "decide" ? [{ applicationId, step }] : [])),
  );
  const groups = new Map<string, typeof decisions>();
  for (const decision of decisions) {
    const key = `${decision.step.outcome} ${decision.step.notify}`;
    groups.set(key, [...(groups.get(key) ?? []), decision]);
  }
  for (const group of groups.values()) {
    const { outcome, notify } = group[0]!.step;
    await decideApplications(
      tx,
      group.map((decision) => decision.applicationId),
      { outcome, notify, reason: "Another candidate matched more closely" },
      recruiter,
      { now: NOW },
    );
  }
  const reopened = round.flatMap(({ applicationId, steps }) => (steps[0]?.kind === "reopen" ? [applicationId] : []));
  if (reopened.length > 0) await reopenApplications(tx, reopened, recruiter, {}, { now: NOW });
}

/** Step by step: one transaction per step of each application. */
async function writeSingly(ids: string[], histories: Step[][]): Promise<void> {
  for (const [index, history] of histories.entries()) {
    for (const step of history) {
      await prisma.$transaction((tx) => applyRound(tx, [{ applicationId: ids[index]!, steps: [step] }]));
    }
  }
}

/** In rounds: each application's next run of events (or its next decision or reopening), all in one transaction. */
async function writeInBatches(ids: string[], histories: Step[][]): Promise<void> {
  const cursors = histories.map(() => 0);
  while (cursors.some((cursor, index) => cursor < histories[index]!.length)) {
    const round: Work[] = [];
    for (const [index, history] of histories.entries()) {
      let end = cursors[index]!;
      if (end >= history.length) continue;
      if (history[end]!.kind !== "event") end += 1;
      else while (end < history.length && history[end]!.kind === "event") end += 1;
      round.push({ applicationId: ids[index]!, steps: history.slice(cursors[index], end) });
      cursors[index] = end;
    }
    await prisma.$transaction((tx) => applyRound(tx, round));
  }
}

test("random histories written one step at a time and in batches leave identical clocks, stays, facts and emails", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(historyArbitrary(job.stages.length), { minLength: 1, maxLength: 4 }),
      async (histories) => {
        const single = await applicationsFor(histories.length);
        const batched = await applicationsFor(histories.length);
        await writeSingly(single, histories);
        await writeInBatches(batched, histories);
        expect(await snapshotOf(batched)).toEqual(await snapshotOf(single));
      },
    ),
    { numRuns: 12, seed: 2026_12_05, endOnFailure: true },
  );
}, 240_000);
