// The Monday digest in chat channels: each channel that is on and takes the digest gets, once per ISO week, the same
// figures as the hiring managers' digest email — the metrics report of the last 7 days and the 7 before, read by
// digestFigures — for the whole workspace (a workspace channel) or for its job (a job channel: the report narrowed to
// that job). Due at the same moment as the email, Monday 08:00 moved into business hours, read in the default
// schedule's time zone (the workspace's), and skipped if more than a day late.
//
// Once per channel and week across instances and restarts: the claim is a ChatAlert row (channel, job "digest",
// hour = the ISO week, "2026-W49") inserted with ON CONFLICT DO NOTHING in the transaction that queues the message.
import { chatDigestMessage } from "~/domain/chat-alerts/digest";
import { chatBody } from "~/domain/chat-alerts/format";
import { digestFigures, digestWeekAt, isDigestDue, type DigestFigures, type DigestWeek } from "~/domain/metrics/digest";
import type { ChatKind } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { newId } from "~/platform/ids.server";
import { loadMetricsReport } from "../metrics/report.server";
import { emailTimeFor } from "../notification.server";
import { queueHttpDeliveries } from "../outbox/http-queue.server";
import { logger } from "~/platform/log.server";

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The ChatAlert job id of digest claims (the hour column holds the week). */
export const DIGEST_CLAIM_JOB = "digest";
export const DIGEST_EVENT = "chat.digest";

/** The report reads every job as an admin would; no person is behind a channel. */
const WORKSPACE_READER = { id: "chat-digest", role: "admin" } as const;

type DigestChannel = { id: string; kind: ChatKind; job: { id: string; title: string } | null };

/** The workspace's week as of `now` (the default schedule's time zone and hours), or null when it has none to give. */
async function workspaceWeek(now: Date): Promise<{ week: DigestWeek | null; timeZone: string }> {
  const schedule = (await prisma.schedule.findFirst({
    where: { isDefault: true },
    select: { timeZone: true, hours: true, holidays: true },
  })) ?? { timeZone: "UTC", hours: [], holidays: [] };
  const reader = { id: WORKSPACE_READER.id, timeZone: schedule.timeZone, notifyOutsideHours: false };
  try {
    return { week: digestWeekAt(now, schedule.timeZone, (at) => emailTimeFor(reader, schedule, at)), ...schedule };
  } catch (error) {
    logger.error(
      { err: error, timeZone: schedule.timeZone },
      "No chat digest: the default schedule's time zone is unusable",
    );
    return { week: null, timeZone: schedule.timeZone };
  }
}

/** Decisions owed at `at` in the channel's scope: stage-decision clocks that had started and not yet ended. */
function decisionsOwedAt(jobId: string | undefined, at: Date): Promise<number> {
  return prisma.slaClock.count({
    where: {
      metric: "stage_decision",
      state: { not: "paused" },
      startedAt: { lte: at },
      OR: [{ stoppedAt: null }, { stoppedAt: { gt: at } }],
      ...(jobId ? { jobId } : {}),
    },
  });
}

/** The digest email's figures for the channel's scope: this week's and the week before's. */
async function scopeFigures(
  jobId: string | undefined,
  now: Date,
): Promise<{ current: DigestFigures; previous: DigestFigures }> {
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const scope = jobId ? { jobId } : {};
  const current = await loadMetricsReport(WORKSPACE_READER, { ...scope, from: weekAgo, to: now }, now);
  const previous = await loadMetricsReport(
    WORKSPACE_READER,
    { ...scope, from: new Date(weekAgo.getTime() - WEEK_MS), to: weekAgo },
    now,
  );
  return {
    current: digestFigures(current, null),
    previous: { ...digestFigures(previous, null), decisionsOwed: await decisionsOwedAt(jobId, weekAgo) },
  };
}

async function queueChannelDigest(channel: DigestChannel, week: string, timeZone: string, now: Date): Promise<boolean> {
  const { current, previous } = await scopeFigures(channel.job?.id, now);
  const message = chatDigestMessage({ job: channel.job, week, now, timeZone, current, previous, baseUrl: publicUrl() });
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      INSERT INTO "ChatAlert" (id, "channelId", "jobId", hour, "createdAt")
      VALUES (${newId()}, ${channel.id}, ${DIGEST_CLAIM_JOB}, ${week}, ${now.toISOString()}::timestamp(3))
      ON CONFLICT ("channelId", "jobId", hour) DO NOTHING`;
    if (claimed === 0) return false;
    await queueHttpDeliveries(
      tx,
      [{ channelId: channel.id, eventType: DIGEST_EVENT, body: chatBody(channel.kind, message) }],
      now,
    );
    return true;
  });
}

/** Queues this week's digest to every channel due one; returns how many it queued. */
export async function queueChatDigests(now: Date = new Date()): Promise<number> {
  const { week, timeZone } = await workspaceWeek(now);
  if (!isDigestDue(week, now)) return 0;
  const claimed = await prisma.chatAlert.findMany({
    where: { jobId: DIGEST_CLAIM_JOB, hour: week.week },
    select: { channelId: true },
  });
  const channels = await prisma.chatChannel.findMany({
    where: {
      disabledAt: null,
      weeklyDigest: true,
      id: { notIn: claimed.map((row) => row.channelId) },
      // A closed job's week has nothing to tell.
      OR: [{ jobId: null }, { job: { status: { not: "closed" } } }],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, job: { select: { id: true, title: true } } },
  });
  let queued = 0;
  for (const channel of channels) {
    try {
      if (await queueChannelDigest(channel, week.week, timeZone, now)) queued += 1;
    } catch (error) {
      logger.error(
        { err: error, channelId: channel.id },
        "Queueing the chat digest for a channel failed; the next tick tries again",
      );
    }
  }
  return queued;
}
