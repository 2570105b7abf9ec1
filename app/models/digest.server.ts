// The weekly digest to hiring managers: who is due now (the rule is in app/domain/metrics/digest.ts), their figures
// for the last 7 days and the 7 before, the candidates waiting longest on them, and the email in the outbox — queued
// through the same staff path as SLA notification emails, so delivery, retries and /outbox treat it alike.
//
// Exactly once per person and ISO week, across app instances and restarts: the claim is a Setting row
// `digest:<week>:<userId>`, inserted with INSERT … ON CONFLICT DO NOTHING in the transaction that queues the email.
// A concurrent tick's insert waits for that transaction and then inserts nothing, so it queues nothing; a rolled-back
// transaction leaves neither claim nor email. Setting is the only existing table keyed by an arbitrary unique string
// (no schema change was allowed); the week comes first in the key so old claims can be pruned by a range on the key.
import { DateTime } from "luxon";
import type { Prisma, Role } from "~/generated/prisma/client";
import {
  composeDigestEmail,
  digestFigures,
  digestWeekAt,
  isDigestDue,
  type DigestWeek,
  type WaitingCandidate,
} from "~/domain/metrics/digest";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { loadMetricsReport } from "./metrics/report.server";
import { emailTimeFor } from "./notification.server";
import { queueStaffEmail } from "./outbox/queue.server";
import { logger } from "~/platform/log.server";

const DAY_MS = 24 * 60 * 60_000;
const WEEK_MS = 7 * DAY_MS;
const WAITING_SHOWN = 5;
/** Claims older than this can never matter again: only the current week's is ever looked up. */
const KEEP_CLAIMS_WEEKS = 8;

/** Interviewers have no metrics (app/models/scope.server.ts), so a job they manage brings them no digest. */
const DIGEST_ROLES: Role[] = ["hiring_manager", "recruiter", "admin"];

type Manager = {
  id: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  notifyOutsideHours: boolean;
};

export function digestClaimKey(week: string, userId: string): string {
  return `digest:${week}:${userId}`;
}

/** Active people who are the hiring manager of at least one open or on-hold job (drafts and closed jobs wait on nobody). */
function listManagers(): Promise<Manager[]> {
  return prisma.user.findMany({
    where: {
      active: true,
      role: { in: DIGEST_ROLES },
      managedJobs: { some: { status: { in: ["open", "on_hold"] } } },
    },
    select: { id: true, name: true, email: true, role: true, timeZone: true, notifyOutsideHours: true },
  });
}

/** The people whose digest for the current week is due by `now`, with that week. */
async function dueManagers(now: Date): Promise<Array<{ manager: Manager; week: DigestWeek }>> {
  const managers = await listManagers();
  if (managers.length === 0) return [];
  // The same business hours as staff notification emails: the default schedule's weekly hours and holidays, read in
  // the person's own time zone (emailTimeFor). Without a default schedule any time will do.
  const workingHours = (await prisma.schedule.findFirst({
    where: { isDefault: true },
    select: { hours: true, holidays: true },
  })) ?? { hours: [], holidays: [] };
  // Everyone with the same time zone and preference shares one answer (compiling a calendar is the costly part).
  const byRule = new Map<string, DigestWeek | null>();
  const weekOf = (manager: Manager): DigestWeek | null => {
    const rule = `${manager.timeZone}|${manager.notifyOutsideHours}`;
    if (byRule.has(rule)) return byRule.get(rule)!;
    let week: DigestWeek | null = null;
    try {
      week = digestWeekAt(now, manager.timeZone, (at) => emailTimeFor(manager, workingHours, at));
    } catch (error) {
      logger.error(
        { err: error, userId: manager.id, timeZone: manager.timeZone },
        "No weekly digest for a user: their time zone is unusable",
      );
    }
    byRule.set(rule, week);
    return week;
  };
  const due = managers.flatMap((manager) => {
    const week = weekOf(manager);
    return isDigestDue(week, now) ? [{ manager, week }] : [];
  });
  if (due.length === 0) return [];
  const claimed = await prisma.setting.findMany({
    where: { key: { in: due.map(({ manager, week }) => digestClaimKey(week.week, manager.id)) } },
    select: { key: true },
  });
  const done = new Set(claimed.map((row) => row.key));
  return due.filter(({ manager, week }) => !done.has(digestClaimKey(week.week, manager.id)));
}

/** Running stage-decision clocks on the person's jobs, longest waiting first. */
async function longestWaiting(managerId: string): Promise<WaitingCandidate[]> {
  const clocks = await prisma.slaClock.findMany({
    where: { metric: "stage_decision", state: "running", application: { job: { hiringManagerId: managerId } } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: WAITING_SHOWN,
    select: {
      startedAt: true,
      application: {
        select: {
          id: true,
          candidate: { select: { name: true } },
          job: { select: { title: true } },
          stage: { select: { name: true } },
        },
      },
    },
  });
  return clocks.map(({ startedAt, application }) => ({
    applicationId: application.id,
    candidateName: application.candidate.name,
    jobTitle: application.job.title,
    stageName: application.stage.name,
    waitingSince: startedAt,
  }));
}

/** Decisions the person owed at `at`: stage-decision clocks on their jobs that had started and not yet ended.
 * (The report's own count is of now, whatever its window.) */
function decisionsOwedAt(managerId: string, at: Date): Promise<number> {
  return prisma.slaClock.count({
    where: {
      metric: "stage_decision",
      state: { not: "paused" },
      startedAt: { lte: at },
      OR: [{ stoppedAt: null }, { stoppedAt: { gt: at } }],
      application: { job: { hiringManagerId: managerId } },
    },
  });
}

/** Loads the person's figures and queues their digest, unless another tick has claimed this week already. */
async function queueDigest(manager: Manager, week: DigestWeek, now: Date): Promise<boolean> {
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const actor = { id: manager.id, role: manager.role };
  const scope = { hiringManagerId: manager.id };
  const current = await loadMetricsReport(actor, { ...scope, from: weekAgo, to: now }, now);
  const previous = await loadMetricsReport(
    actor,
    { ...scope, from: new Date(weekAgo.getTime() - WEEK_MS), to: weekAgo },
    now,
  );
  const waiting = await longestWaiting(manager.id);
  const currentFigures = digestFigures(current, manager.id);
  const previousFigures = {
    ...digestFigures(previous, manager.id),
    decisionsOwed: await decisionsOwedAt(manager.id, weekAgo),
  };
  const email = composeDigestEmail({
    recipientName: manager.name,
    timeZone: manager.timeZone,
    now,
    current: currentFigures,
    previous: previousFigures,
    waiting,
    waitingTotal: Math.max(currentFigures.decisionsOwed, waiting.length),
    baseUrl: publicUrl(),
  });

  return prisma.$transaction(async (tx) => {
    const claim: Prisma.InputJsonObject = { userId: manager.id, week: week.week, queuedAt: now.toISOString() };
    const { count } = await tx.setting.createMany({
      data: [{ key: digestClaimKey(week.week, manager.id), value: claim }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    const id = await queueStaffEmail(tx, {
      to: { name: manager.name, email: manager.email },
      subject: email.subject,
      text: email.text,
      now,
    });
    // queueStaffEmail writes plain text only; the digest also has an HTML part.
    await tx.message.update({ where: { id }, data: { bodyHtml: email.html } });
    return true;
  });
}

/** Removes claims of weeks long gone (week-first keys sort by week). */
async function pruneClaims(now: Date): Promise<void> {
  const oldest = DateTime.fromJSDate(new Date(now.getTime() - KEEP_CLAIMS_WEEKS * WEEK_MS), { zone: "UTC" });
  await prisma.setting.deleteMany({
    where: { key: { startsWith: "digest:", lt: `digest:${oldest.toFormat("kkkk-'W'WW")}` } },
  });
}

/** Queues every digest due by `now`; returns how many were queued. One person's failure does not stop the others. */
export async function queueDueDigests(now: Date = new Date()): Promise<number> {
  const due = await dueManagers(now);
  let queued = 0;
  for (const { manager, week } of due) {
    try {
      if (await queueDigest(manager, week, now)) queued += 1;
    } catch (error) {
      logger.error({ err: error, userId: manager.id }, "Queueing a weekly digest failed; the next tick tries again");
    }
  }
  if (queued > 0) await pruneClaims(now);
  return queued;
}
