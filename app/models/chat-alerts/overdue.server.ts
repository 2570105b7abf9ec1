// Overdue alerts in chat channels: for each channel that is on and takes overdue alerts, the jobs in its scope (its
// job, or every open or on-hold job for a workspace channel) whose running clocks were marked breached since the
// channel's last alert about that job, grouped per job into ONE message, queued in the outbox's HTTP side.
//
// At most one message per channel, job and hour, across instances: the (channel, job, hour) row in ChatAlert is
// inserted with INSERT … ON CONFLICT DO NOTHING in the transaction that queues the message, so a second sweep in the
// same hour, here or in another instance, inserts nothing and queues nothing. A breach after this hour's alert waits
// for the next hour's. Breaches more than a day old when marked (an import, a long outage) are not pushed, as the SLA
// sweeper's own notifications are not.
//
// The claim's createdAt is the newest breach mark (breachNotifiedAt) the alert covered, not the moment it was sent:
// "since the last alert" reads from there, so a clock the sweeper marked just before an alert but committed just after
// it still comes in the next hour's message.
import { Prisma, type ChatKind, type SlaMetric } from "~/generated/prisma/client";
import { chatBody } from "~/domain/chat-alerts/format";
import { overdueAlertMessage, type OverdueClock } from "~/domain/chat-alerts/overdue";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { newId } from "~/platform/ids.server";
import { queueHttpDeliveries } from "../outbox/http-queue.server";
import { logger } from "~/platform/log.server";

const DAY_MS = 24 * 60 * 60_000;
/** Breaches due longer ago than this are history, not news. */
const NEWS_WITHIN_MS = DAY_MS;
/** Alert claims older than this no longer matter: their clocks are past NEWS_WITHIN_MS. */
const KEEP_CLAIMS_MS = 14 * DAY_MS;

export const OVERDUE_EVENT = "chat.overdue";

/** The hour a claim belongs to, "2026-12-06T09" (UTC). */
export function alertHour(now: Date): string {
  return now.toISOString().slice(0, 13);
}

type NewlyOverdueRow = {
  channelId: string;
  kind: ChatKind;
  jobId: string;
  jobTitle: string;
  applicationId: string;
  metric: SlaMetric;
  dueAt: Date;
  breachNotifiedAt: Date;
  stageName: string;
};

/** Clocks newly breached per channel and job in scope, in one statement. */
function newlyOverdue(now: Date): Promise<NewlyOverdueRow[]> {
  const cutoff = new Date(now.getTime() - NEWS_WITHIN_MS).toISOString();
  return prisma.$queryRaw<NewlyOverdueRow[]>`
    WITH scope AS (
      SELECT c.id AS "channelId", c.kind, c."createdAt", j.id AS "jobId", j.title AS "jobTitle"
        FROM "ChatChannel" c
        JOIN "Job" j ON j.id = c."jobId" OR (c."jobId" IS NULL AND j.status IN ('open', 'on_hold'))
       WHERE c."disabledAt" IS NULL AND c."overdueAlerts"
    ), since AS (
      SELECT s.*, GREATEST(s."createdAt", (SELECT max(a."createdAt") FROM "ChatAlert" a
                                             WHERE a."channelId" = s."channelId" AND a."jobId" = s."jobId")) AS since
        FROM scope s
    )
    SELECT s."channelId", s.kind::text AS kind, s."jobId", s."jobTitle", k."applicationId", k.metric::text AS metric,
           k."dueAt", k."breachNotifiedAt", st.name AS "stageName"
      FROM since s
      JOIN "SlaClock" k ON k."jobId" = s."jobId" AND k.state = 'running' AND k.breached
                       AND k."breachNotifiedAt" > s.since AND k."dueAt" >= ${cutoff}::timestamp(3)
      JOIN "Application" a ON a.id = k."applicationId"
      JOIN "Stage" st ON st.id = a."stageId"
     ORDER BY s."channelId", s."jobId", k."dueAt", k.id`;
}

/** Running clocks past due now on each of these jobs. */
async function overdueCounts(jobIds: string[], now: Date): Promise<Map<string, number>> {
  if (jobIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ jobId: string; count: number }[]>`
    SELECT "jobId", count(*)::int AS count FROM "SlaClock"
     WHERE state = 'running' AND "dueAt" <= ${now.toISOString()}::timestamp(3) AND "jobId" IN (${Prisma.join(jobIds)})
     GROUP BY "jobId"`;
  return new Map(rows.map((row) => [row.jobId, row.count]));
}

type Group = {
  channelId: string;
  kind: ChatKind;
  jobId: string;
  jobTitle: string;
  clocks: OverdueClock[];
  /** The newest breach mark among the clocks: the claim's createdAt. */
  markedUpTo: Date;
};

function groupByChannelAndJob(rows: NewlyOverdueRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = `${row.channelId} ${row.jobId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        channelId: row.channelId,
        kind: row.kind,
        jobId: row.jobId,
        jobTitle: row.jobTitle,
        clocks: [],
        markedUpTo: row.breachNotifiedAt,
      };
      groups.set(key, group);
    }
    if (row.breachNotifiedAt > group.markedUpTo) group.markedUpTo = row.breachNotifiedAt;
    group.clocks.push({
      applicationId: row.applicationId,
      metric: row.metric,
      stageName: row.stageName,
      dueAt: row.dueAt,
    });
  }
  return [...groups.values()];
}

/** Claims this hour for the channel and job and queues its message; false when the hour was claimed already. */
async function queueAlert(group: Group, overdueOnJob: number, now: Date): Promise<boolean> {
  const message = overdueAlertMessage({
    jobId: group.jobId,
    jobTitle: group.jobTitle,
    clocks: group.clocks,
    overdueOnJob,
    now,
    baseUrl: publicUrl(),
  });
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      INSERT INTO "ChatAlert" (id, "channelId", "jobId", hour, "createdAt")
      VALUES (${newId()}, ${group.channelId}, ${group.jobId}, ${alertHour(now)},
              ${group.markedUpTo.toISOString()}::timestamp(3))
      ON CONFLICT ("channelId", "jobId", hour) DO NOTHING`;
    if (claimed === 0) return false;
    await queueHttpDeliveries(
      tx,
      [{ channelId: group.channelId, eventType: OVERDUE_EVENT, body: chatBody(group.kind, message) }],
      now,
    );
    return true;
  });
}

/** One sweep as of `now`: queues one message per channel and job with news; returns how many it queued. */
export async function queueOverdueAlerts(now: Date = new Date()): Promise<number> {
  const groups = groupByChannelAndJob(await newlyOverdue(now));
  if (groups.length === 0) return 0;
  const counts = await overdueCounts([...new Set(groups.map((group) => group.jobId))], now);
  let queued = 0;
  for (const group of groups) {
    try {
      if (await queueAlert(group, counts.get(group.jobId) ?? group.clocks.length, now)) queued += 1;
    } catch (error) {
      logger.error(
        { err: error, channelId: group.channelId },
        "Queueing an overdue alert for a chat channel failed; the next sweep tries again",
      );
    }
  }
  if (queued > 0) {
    await prisma.chatAlert.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_CLAIMS_MS) } } });
  }
  return queued;
}
