// The SLA sweeper's database work: marks running clocks breached once past due and raises warnings once inside their
// warn-before window, notifying the job's recruiter (else its hiring manager) and, for interview feedback, the
// interviewers who still owe it. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app instances sweeping one
// PostgreSQL database never notify twice.
import { feedbackFromText } from "~/domain/sla/feedback-text";
import { SLA_METRIC_LABELS, type SlaMetric } from "~/domain/sla/types";
import { prisma } from "~/platform/db.server";
import { createNotifications, type NewNotification } from "../notification.server";
import type { NotificationKind } from "~/generated/prisma/client";
import type { Db } from "./config.server";
import { interviewersOwingFeedback, peopleNamed } from "./feedback-owed.server";
import { queueSlaDeliveries } from "../webhooks/emit.server";

const SWEEP_BATCH = 500;
/** Breaches and warnings older than this (history, an import, a long outage) are marked but not pushed to anyone. */
const NOTIFY_WITHIN_MS = 24 * 60 * 60_000;

async function claim(db: Db, kind: "breach" | "warning", now: Date): Promise<string[]> {
  const rows =
    kind === "breach"
      ? await db.$queryRaw<{ id: string }[]>`
          SELECT id FROM "SlaClock"
           WHERE state = 'running' AND "breachNotifiedAt" IS NULL AND "dueAt" <= ${now.toISOString()}::timestamp(3)
           ORDER BY "dueAt" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`
      : await db.$queryRaw<{ id: string }[]>`
          SELECT id FROM "SlaClock"
           WHERE state = 'running' AND "warnedAt" IS NULL AND "warnAt" <= ${now.toISOString()}::timestamp(3) AND "dueAt" > ${now.toISOString()}::timestamp(3)
             AND NOT breached
           ORDER BY "warnAt" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`;
  return rows.map((row) => row.id);
}

function describe(metric: SlaMetric, candidate: string, job: string, kind: "breach" | "warning", owedBy: string[]) {
  const what = SLA_METRIC_LABELS[metric].toLowerCase();
  if (metric === "interviewer_feedback") {
    const feedback = owedBy.length > 0 ? feedbackFromText(owedBy) : "Interview feedback";
    const when = kind === "breach" ? "is overdue" : "is due soon";
    return {
      title: `${kind === "breach" ? "Feedback overdue" : "Feedback due soon"}: ${candidate}`,
      body: `${feedback} on ${candidate}’s interview (${job}) ${when}.`,
    };
  }
  return kind === "breach"
    ? { title: `Overdue: ${candidate}`, body: `The ${what} promised to ${candidate} (${job}) is overdue.` }
    : { title: `Due soon: ${candidate}`, body: `The ${what} promised to ${candidate} (${job}) is due soon.` };
}

async function notices(db: Db, ids: string[], kind: "breach" | "warning", now: Date): Promise<NewNotification[]> {
  const clocks = await db.slaClock.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      metric: true,
      dueAt: true,
      warnAt: true,
      applicationId: true,
      interviewId: true,
      application: {
        select: {
          candidate: { select: { name: true } },
          job: { select: { title: true, recruiterId: true, hiringManagerId: true } },
        },
      },
    },
  });
  const owed = await interviewersOwingFeedback(db, clocks);
  const people = await peopleNamed(db, [...owed.values()].flat());
  return clocks.flatMap((clock) => {
    const when = (kind === "breach" ? clock.dueAt : clock.warnAt)?.getTime() ?? 0;
    if (now.getTime() - when > NOTIFY_WITHIN_MS) return [];
    const owner = clock.application.job.recruiterId ?? clock.application.job.hiringManagerId;
    // Feedback is chased with the people who owe it; the recruiter hears of it too.
    const owing = clock.interviewId ? (owed.get(clock.interviewId) ?? []) : [];
    const recipients = [...new Set([...owing, ...(owner ? [owner] : [])])];
    const names = owing.flatMap((id) => people.get(id)?.name ?? []);
    const text = describe(clock.metric, clock.application.candidate.name, clock.application.job.title, kind, names);
    return recipients.map((userId) => ({
      userId,
      kind: kind === "breach" ? ("sla_breach" as const) : ("sla_warning" as const),
      applicationId: clock.applicationId,
      clockId: clock.id,
      ...text,
    }));
  });
}

export type SweepResult = { breached: number; warned: number; notified: number };

/** One sweep as of `now`: returns how many clocks it marked and how many notifications it created. */
export async function sweepClocks(now: Date = new Date()): Promise<SweepResult> {
  return prisma.$transaction(
    async (tx) => {
      const breachIds = await claim(tx, "breach", now);
      if (breachIds.length > 0) {
        await tx.slaClock.updateMany({
          where: { id: { in: breachIds } },
          data: { breached: true, breachNotifiedAt: now },
        });
      }
      const warnIds = await claim(tx, "warning", now);
      if (warnIds.length > 0) await tx.slaClock.updateMany({ where: { id: { in: warnIds } }, data: { warnedAt: now } });
      await queueSlaDeliveries(tx, { breached: breachIds, warned: warnIds }, now, NOTIFY_WITHIN_MS);
      const created = await createNotifications(
        tx,
        [...(await notices(tx, breachIds, "breach", now)), ...(await notices(tx, warnIds, "warning", now))],
        now,
      );
      return { breached: breachIds.length, warned: warnIds.length, notified: created };
    },
    { timeout: 60_000 },
  );
}

/** Notification emails whose time has come, claimed so that only one instance sends each. */
export async function claimNotificationEmails(
  db: Db,
  now: Date,
): Promise<
  {
    id: string;
    kind: NotificationKind;
    title: string;
    body: string;
    applicationId: string | null;
    email: string;
    name: string;
  }[]
> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Notification" WHERE "emailedAt" IS NULL AND "emailAfter" <= ${now.toISOString()}::timestamp(3)
     ORDER BY "emailAfter" LIMIT 50 FOR UPDATE SKIP LOCKED`;
  if (rows.length === 0) return [];
  const notifications = await db.notification.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      applicationId: true,
      user: { select: { email: true, name: true } },
    },
  });
  return notifications.map(({ user, ...notification }) => ({ ...notification, email: user.email, name: user.name }));
}
