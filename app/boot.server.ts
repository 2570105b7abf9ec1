// Start-up: migrate the database, seed the demo workspace on an empty embedded database, start the workers, mark the
// process ready (GET /readyz), and hand server.mjs what it needs to listen and shut down.
import { startBackupWorker } from "~/workers/backup-worker.server";
import { startBulkRejectionWorker } from "~/workers/bulk-rejection-worker.server";
import { startChatAlertWorker } from "~/workers/chat-alerts.server";
import { startConnectorWorker } from "~/workers/connector-worker.server";
import { startDigestWorker } from "~/workers/digest.server";
import { startImportWorker } from "~/workers/import-worker.server";
import { startInterviewWorker } from "~/workers/interview-worker.server";
import { startInboundSmtpFromEnv } from "~/workers/inbound-smtp.server";
import { startOutboxWorker } from "~/workers/outbox-worker.server";
import { startPlannerStatistics } from "~/workers/planner-statistics.server";
import { startSlaWorker } from "~/workers/sla-worker.server";
import { database } from "~/platform/db.server";
import { env, publicUrl } from "~/platform/env.server";
import { applyMigrations } from "~/platform/migrate.server";
import { claimDataDir, releaseDataDir } from "~/platform/instance.server";
import { markReady } from "~/platform/lifecycle.server";
import { logger } from "~/platform/log.server";

export type Started = {
  port: number;
  host: string;
  announce(port: number): void;
  /** Stops the background workers (each after its item in hand); the database stays open for requests. */
  stopWorkers(): Promise<void>;
  /** Stops the workers if that has not begun, then closes the database. */
  shutdown(): Promise<void>;
};

export async function boot(): Promise<Started> {
  if (database.kind === "embedded") claimDataDir();
  const applied = await applyMigrations(database);
  if (applied.length > 0) {
    logger.info({ migrations: applied }, `Applied ${applied.length} database migration(s): ${applied.join(", ")}`);
  }
  const { prepareWorkspace } = await import("./models/workspace.server");
  const workspace = await prepareWorkspace({ demo: env.HEARBACK_DEMO });
  const stopSharingWrites = await database.shareWrites();
  const stopPlannerStatistics = await startPlannerStatistics(database);
  const stopSlaWorker = await startSlaWorker();
  const stopInboundSmtp = await startInboundSmtpFromEnv();
  const stopOutboxWorker = startOutboxWorker();
  const stopDigestWorker = startDigestWorker();
  const stopBulkRejectionWorker = startBulkRejectionWorker();
  const stopConnectorWorker = startConnectorWorker();
  const stopImportWorker = startImportWorker();
  const stopInterviewWorker = startInterviewWorker();
  const stopChatAlertWorker = startChatAlertWorker();
  const stopBackupWorker = startBackupWorker();
  markReady();
  let workersStopped: Promise<void> | undefined;
  const stopWorkers = (): Promise<void> => {
    // Each stop resolves once its worker's item in hand is finished (a batch committed, a sweep done, the message
    // being sent sent, claims not started handed back); none starts another. Asked once at SIGTERM, so the workers
    // wind down while requests in flight finish, and again by shutdown.
    workersStopped ??= Promise.all([
      stopPlannerStatistics(),
      stopSlaWorker(),
      stopDigestWorker(),
      stopInterviewWorker(),
      stopChatAlertWorker(),
      stopBackupWorker(),
      stopConnectorWorker(),
      stopBulkRejectionWorker(),
      stopImportWorker(),
      stopInboundSmtp(),
      stopOutboxWorker(),
    ]).then(() => undefined);
    return workersStopped;
  };
  return {
    port: env.PORT,
    host: env.HOST,
    announce(port) {
      const base = env.PUBLIC_URL ? publicUrl() : `http://localhost:${port}`;
      const where = database.kind === "embedded" ? "embedded database" : "PostgreSQL";
      logger.info({ url: base, database: database.kind }, `Hearback is running at ${base} (${where})`);
      if (database.kind === "embedded") claimDataDir({ port });
      const announcement = workspace.announcement(base);
      // The demo's sign-ins are for the person at the terminal, printed there as they are; a log gets its lines.
      if (process.stdout.isTTY && announcement.length > 0) process.stdout.write(`${announcement.join("\n")}\n`);
      else for (const line of announcement) logger.info(line.trim());
    },
    stopWorkers,
    async shutdown() {
      await stopWorkers();
      await stopSharingWrites();
      await database.close();
      releaseDataDir();
    },
  };
}
