// The SLA background work of each app instance: every 15 s it sweeps for breaches and warnings (so each is noticed
// within 60 s of its time), queues notification emails whose time has come (the outbox delivers them), and works
// through queued clock recomputes. It also starts the daily overdue summaries (app/workers/overdue-summaries.server.ts).
import { notificationPath } from "~/models/notification.server";
import { queueStaffEmail } from "~/models/outbox/queue.server";
import { failRecompute, processRecomputeBatch, requestRecompute } from "~/models/sla/recompute.server";
import { claimNotificationEmails, sweepClocks } from "~/models/sla/sweep.server";
import { pruneDeliveries } from "~/models/connectors/deliveries.server";
import { pruneImportPreviews } from "~/models/imports/imports.server";
import { queueDueSurveys } from "~/models/survey.server";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { recordSlaSweep } from "~/platform/prometheus.server";
import { startOverdueSummaryWorker } from "./overdue-summaries.server";
import { logger } from "~/platform/log.server";

const SWEEP_EVERY_MS = 15_000;
const log = logger.child({ worker: "sla" });
const RECOMPUTE_SLICE_MS = 5_000;

/** Puts notification emails whose time has come into the outbox; each is marked emailed in the same transaction. */
export async function queueNotificationEmails(now: Date = new Date()): Promise<number> {
  const queued = await prisma.$transaction(
    async (tx) => {
      const due = await claimNotificationEmails(tx, now);
      for (const notification of due) {
        const link = `${publicUrl()}${notificationPath(notification) ?? ""}`;
        await queueStaffEmail(tx, {
          to: { name: notification.name, email: notification.email },
          subject: notification.title,
          text: `Hello ${notification.name},\n\n${notification.body}\n\nOpen it in Hearback: ${link}\n\nYou get these emails inside your working hours. Change this under Notifications in Hearback.\n`,
          applicationId: notification.applicationId,
          now,
        });
        await tx.notification.update({ where: { id: notification.id }, data: { emailedAt: now } });
      }
      return due.length;
    },
    { timeout: 60_000 },
  );
  if (queued > 0) wakeOutboxWorker();
  return queued;
}

/** Works queued recomputes for at most `sliceMs`, so the sweep keeps its rhythm during a long rebuild. */
export async function workRecomputes(sliceMs = RECOMPUTE_SLICE_MS): Promise<void> {
  const until = Date.now() + sliceMs;
  let failures = 0;
  while (Date.now() < until) {
    try {
      if (!(await processRecomputeBatch())) return;
      failures = 0;
    } catch (error) {
      failures += 1;
      log.error({ err: error }, "Recomputing SLA clocks failed");
      if (failures >= 3) {
        await failRecompute(error);
        return;
      }
    }
  }
}

/** Databases that had applications before clocks existed get them built once, in the background. */
export async function ensureClocksBuilt(): Promise<void> {
  const [clocks, applications, queued] = await Promise.all([
    prisma.slaClock.count(),
    prisma.application.count(),
    prisma.slaRecompute.count({ where: { status: { in: ["queued", "running"] } } }),
  ]);
  if (clocks === 0 && applications > 0 && queued === 0) {
    await requestRecompute(prisma, { reason: "Building clocks for existing applications", full: true });
  }
}

export async function runSlaWorkOnce(now: Date = new Date()): Promise<void> {
  const sweepStartedAt = Date.now();
  await sweepClocks(now);
  // For /api/v1/prometheus: the sweep's duration, and from when the sweeper's lag counts.
  recordSlaSweep(sweepStartedAt, Date.now());
  await queueNotificationEmails(now);
  // Candidate surveys due after an outcome (app/models/survey.server.ts): cheap when none are due.
  await queueDueSurveys(now);
  await workRecomputes();
  // Connector deliveries past their 30 days (an indexed delete, usually of nothing).
  await pruneDeliveries(now);
  // Import previews nobody confirmed within a day, with their uploaded files.
  await pruneImportPreviews(now);
}

/** Starts the loop; returns a function that stops it, resolving once the sweep in hand (if any) has finished. */
export async function startSlaWorker(): Promise<() => Promise<void>> {
  await ensureClocksBuilt();
  const stopOverdueSummaries = startOverdueSummaryWorker();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const sweepOnce = async () => {
    try {
      await runSlaWorkOnce();
    } catch (error) {
      log.error({ err: error }, "The SLA sweeper failed; it tries again in 15 s");
    }
  };
  const tick = async () => {
    running = sweepOnce();
    await running;
    running = null;
    if (!stopped) {
      timer = setTimeout(tick, SWEEP_EVERY_MS);
      timer.unref();
    }
  };
  timer = setTimeout(tick, 1_000);
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await Promise.all([running, stopOverdueSummaries()]);
  };
}
