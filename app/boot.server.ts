// Start-up: migrate the database, seed the demo workspace on an empty embedded database, and hand server.mjs what it
// needs to listen and shut down.
import { startBulkRejectionWorker } from "~/workers/bulk-rejection-worker.server";
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

export type Started = {
  port: number;
  host: string;
  announce(port: number): void;
  shutdown(): Promise<void>;
};

export async function boot(): Promise<Started> {
  if (database.kind === "embedded") claimDataDir();
  const applied = await applyMigrations(database);
  if (applied.length > 0) console.log(`Applied ${applied.length} database migration(s): ${applied.join(", ")}`);
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
  return {
    port: env.PORT,
    host: env.HOST,
    announce(port) {
      const base = env.PUBLIC_URL ? publicUrl() : `http://localhost:${port}`;
      const where = database.kind === "embedded" ? "embedded database" : "PostgreSQL";
      console.log(`Hearback is running at ${base} (${where})`);
      if (database.kind === "embedded") claimDataDir({ port });
      for (const line of workspace.announcement(base)) console.log(line);
    },
    async shutdown() {
      stopPlannerStatistics();
      stopSlaWorker();
      stopDigestWorker();
      stopInterviewWorker();
      stopConnectorWorker();
      await stopBulkRejectionWorker(); // lets the batch in hand commit
      await stopImportWorker();
      await stopInboundSmtp();
      stopOutboxWorker();
      await stopSharingWrites();
      await database.close();
      releaseDataDir();
    },
  };
}
