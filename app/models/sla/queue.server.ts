// "Waiting on us": every running clock the actor may see, soonest due first, with its risk as of an instant. An
// interviewer's queue is the interview feedback they still owe; feedback clocks name the interview and who owes it.
import { Prisma } from "~/generated/prisma/client";
import type { SlaMetric } from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
import { epochMs, jsonRows } from "~/platform/json-rows.server";
import { applicationScope, type Actor } from "../scope.server";
import { clocksAwaitingFeedbackFrom, interviewersOwingFeedback, peopleNamed } from "./feedback-owed.server";

export type QueueFilter = { jobId?: string; recruiterId?: string; metric?: SlaMetric; limit?: number; at?: Date };

export type QueueRisk = "fine" | "warning" | "breached";

const queueSelect = {
  id: true,
  applicationId: true,
  metric: true,
  instance: true,
  startedAt: true,
  dueAt: true,
  warnAt: true,
  breached: true,
  businessHours: true,
  targetMinutes: true,
  interviewId: true,
  application: {
    select: {
      candidate: { select: { id: true, name: true } },
      stage: { select: { id: true, name: true } },
      job: { select: { id: true, title: true, recruiter: { select: { id: true, name: true } } } },
    },
  },
} satisfies Prisma.SlaClockSelect;

type QueueRow = Prisma.SlaClockGetPayload<{ select: typeof queueSelect }>;

/** The interview a feedback clock is about. */
export type QueueInterview = { id: string; kind: string; startsAt: Date | null; endsAt: Date | null };

export type QueueItem = Omit<QueueRow, "dueAt" | "application"> & {
  dueAt: Date;
  risk: QueueRisk;
  candidate: QueueRow["application"]["candidate"];
  stage: QueueRow["application"]["stage"];
  job: QueueRow["application"]["job"];
  /** Feedback clocks: the interview (null if it was deleted) and who still owes feedback on it; else null and []. */
  interview: QueueInterview | null;
  feedbackOwedBy: { id: string; name: string }[];
};

/** An interviewer's queue holds only the feedback clocks on which they still owe feedback. */
async function ownClocksOnly(actor: Actor): Promise<Prisma.SlaClockWhereInput> {
  if (actor.role !== "interviewer") return {};
  return { id: { in: await clocksAwaitingFeedbackFrom(actor, actor.id) } };
}

export async function queueWhere(actor: Actor, filter: QueueFilter): Promise<Prisma.SlaClockWhereInput> {
  return {
    state: "running",
    dueAt: { not: null },
    ...(filter.metric ? { metric: filter.metric } : {}),
    ...(await ownClocksOnly(actor)),
    // AND, not a spread: a hiring manager's scope is itself a `job` condition, which a job filter must not replace.
    application: {
      AND: [
        applicationScope(actor),
        ...(filter.jobId || filter.recruiterId
          ? [
              {
                job: {
                  ...(filter.jobId ? { id: filter.jobId } : {}),
                  ...(filter.recruiterId ? { recruiterId: filter.recruiterId } : {}),
                },
              },
            ]
          : []),
      ],
    },
  };
}

export function riskAt(clock: { dueAt: Date; warnAt: Date | null; breached: boolean }, at: Date): QueueRisk {
  if (clock.breached || clock.dueAt.getTime() < at.getTime()) return "breached";
  if (clock.warnAt && clock.warnAt.getTime() <= at.getTime()) return "warning";
  return "fine";
}

/** Running clocks, soonest due first (ties: the longest waiting first). */
export async function getQueue(actor: Actor, filter: QueueFilter = {}): Promise<{ items: QueueItem[]; total: number }> {
  const at = filter.at ?? new Date();
  const where = await queueWhere(actor, filter);
  const [rows, total] = await Promise.all([
    prisma.slaClock.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { startedAt: "asc" }, { id: "asc" }],
      take: Math.min(Math.max(filter.limit ?? 100, 1), 1000),
      select: queueSelect,
    }),
    prisma.slaClock.count({ where }),
  ]);
  const { interviews, owed } = await feedbackDetails(rows);
  const items = rows.map(({ application, dueAt, ...clock }) => ({
    ...clock,
    dueAt: dueAt!,
    risk: riskAt({ dueAt: dueAt!, warnAt: clock.warnAt, breached: clock.breached }, at),
    candidate: application.candidate,
    stage: application.stage,
    job: application.job,
    interview: clock.interviewId ? (interviews.get(clock.interviewId) ?? null) : null,
    feedbackOwedBy: clock.interviewId ? (owed.get(clock.interviewId) ?? []) : [],
  }));
  return { items, total };
}

/** The interviews of the feedback clocks among `rows`, and who still owes feedback on each. */
async function feedbackDetails(rows: readonly Pick<QueueRow, "applicationId" | "interviewId">[]) {
  const interviewIds = rows.flatMap((row) => (row.interviewId ? [row.interviewId] : []));
  if (interviewIds.length === 0) return { interviews: new Map<string, QueueInterview>(), owed: new Map() };
  const [interviews, owedIds] = await Promise.all([
    prisma.interview.findMany({
      where: { id: { in: interviewIds } },
      select: { id: true, kind: true, startsAt: true, endsAt: true },
    }),
    interviewersOwingFeedback(prisma, rows),
  ]);
  const people = await peopleNamed(prisma, [...owedIds.values()].flat());
  const owed = new Map(
    [...owedIds].map(([interviewId, ids]) => [interviewId, ids.flatMap((id) => people.get(id) ?? [])]),
  );
  return { interviews: new Map(interviews.map((interview) => [interview.id, interview])), owed };
}

/** Per risk, how many running clocks the actor's queue holds (for the page heading and the header badge). */
export async function countQueueByRisk(actor: Actor, filter: QueueFilter = {}) {
  const at = filter.at ?? new Date();
  const where = await queueWhere(actor, filter);
  const [breached, warning, total] = await Promise.all([
    prisma.slaClock.count({ where: { AND: [where, { OR: [{ breached: true }, { dueAt: { lt: at } }] }] } }),
    prisma.slaClock.count({
      where: { AND: [where, { breached: false, dueAt: { gte: at }, warnAt: { lte: at } }] },
    }),
    prisma.slaClock.count({ where }),
  ]);
  return { breached, warning, fine: total - breached - warning, total };
}

const badgeSelect = {
  id: true,
  applicationId: true,
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
  interviewId: true,
} satisfies Prisma.SlaClockSelect;

export type ClockBadge = Prisma.SlaClockGetPayload<{ select: typeof badgeSelect }>;

/** The soonest open clock of a board card: a running one by due date, else a paused one. */
export type SoonestClock = {
  metric: SlaMetric;
  state: "running" | "paused";
  dueAt: Date | null;
  warnAt: Date | null;
  breached: boolean;
};

/** Each application's soonest open clock, for board cards: one query whatever the count (a 2,000-card board reads
 * 2,000 rows, not every open clock). */
export async function soonestOpenClocks(applicationIds: string[]): Promise<Map<string, SoonestClock>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await jsonRows<[string, SlaMetric, "running" | "paused", number | null, number | null, boolean]>(
    prisma,
    Prisma.sql`SELECT coalesce(json_agg(json_build_array("applicationId", metric, state, ${epochMs(`"dueAt"`)},
                                                       ${epochMs(`"warnAt"`)}, breached)), '[]')::text AS rows
                 FROM (SELECT DISTINCT ON ("applicationId") "applicationId", metric, state, "dueAt", "warnAt", breached
                         FROM "SlaClock"
                        WHERE "applicationId" = ANY(${applicationIds}::text[]) AND state IN ('running', 'paused')
                        ORDER BY "applicationId", "dueAt" ASC NULLS LAST, metric) AS soonest`,
  );
  const date = (epoch: number | null) => (epoch === null ? null : new Date(epoch));
  return new Map(
    rows.map(([applicationId, metric, state, dueAt, warnAt, breached]) => [
      applicationId,
      { metric, state, dueAt: date(dueAt), warnAt: date(warnAt), breached },
    ]),
  );
}

/** Every clock of one application, newest first within each metric, for the application page. */
export async function clocksOfApplication(applicationId: string): Promise<ClockBadge[]> {
  return prisma.slaClock.findMany({
    where: { applicationId },
    orderBy: [{ startedAt: "desc" }, { metric: "asc" }, { instance: "desc" }],
    select: badgeSelect,
  });
}
