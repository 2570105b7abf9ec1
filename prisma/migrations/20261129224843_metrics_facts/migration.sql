-- DropIndex
DROP INDEX "SlaClock_startedAt_idx";

-- DropIndex
DROP INDEX "SlaClock_state_dueAt_idx";

-- AlterTable (jobId is filled from the clocks' applications before it becomes required)
ALTER TABLE "SlaClock" ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "promiseShownAt" TIMESTAMP(3);

UPDATE "SlaClock" AS c SET "jobId" = a."jobId" FROM "Application" AS a WHERE a.id = c."applicationId";

ALTER TABLE "SlaClock" ALTER COLUMN "jobId" SET NOT NULL;

-- CreateTable
CREATE TABLE "StageStay" (
    "applicationId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "jobId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL,
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "StageStay_pkey" PRIMARY KEY ("applicationId","sequence")
);

-- CreateIndex
CREATE INDEX "Application_closedAt_idx" ON "Application"("closedAt");

-- CreateIndex
CREATE INDEX "StageStay_enteredAt_idx" ON "StageStay"("enteredAt");

-- Backfill: the stays of every application from its touchpoints (the statement of
-- app/models/metrics/stage-stays.server.ts as of this migration).
INSERT INTO "StageStay" ("applicationId", sequence, "jobId", "stageId", "enteredAt", "leftAt")
SELECT m."applicationId",
       (row_number() OVER (PARTITION BY m."applicationId" ORDER BY m."occurredAt", m."recordedAt"))::int AS sequence,
       m."jobId", s.id, m."occurredAt", m."nextAt"
  FROM (SELECT e."applicationId", e.type, e."occurredAt", e."recordedAt", e.data->>'toStageId' AS "toStageId",
               a.status, a."stageId", a."jobId",
               lead(e."occurredAt") OVER next AS "nextAt", lead(e.type) OVER next AS "nextType",
               lead(e.data->>'fromStageId') OVER next AS "nextFromStageId"
          FROM "Event" e JOIN "Application" a ON a.id = e."applicationId"
         WHERE e.type IN ('applied', 'stage_changed', 'decision', 'withdrawn')
        WINDOW next AS (PARTITION BY e."applicationId" ORDER BY e."occurredAt", e."recordedAt")) m
  JOIN "Stage" s ON s.id = CASE WHEN m.type = 'stage_changed' THEN m."toStageId"
                                WHEN m."nextType" = 'stage_changed' THEN m."nextFromStageId"
                                ELSE m."stageId" END
 WHERE m.type IN ('applied', 'stage_changed') AND (m."nextAt" IS NOT NULL OR m.status = 'active');

-- The emails each candidate got, for the metrics report's "was the candidate told" and "last heard" probes (an
-- index-only lookup per application). Partial, so written here by hand: Prisma's schema cannot express it.
CREATE INDEX "Event_candidate_emails_partial" ON "Event"("applicationId", "occurredAt")
 WHERE type = 'message_out' AND visibility = 'candidate';

-- Backfill: when each regular-update and stage-decision clock's date was first shown while it ran
-- (app/domain/sla/promise-shown.ts).
UPDATE "SlaClock" AS c SET "promiseShownAt" = shown.at
  FROM (SELECT c."id", min(e."occurredAt") AS at
          FROM "SlaClock" c JOIN "Event" e ON e."applicationId" = c."applicationId"
         WHERE c.metric IN ('periodic_update', 'stage_decision')
           AND e."occurredAt" >= c."startedAt" AND (c."stoppedAt" IS NULL OR e."occurredAt" < c."stoppedAt")
           AND (e.type = 'status_viewed' OR (e.type = 'message_out' AND e.visibility = 'candidate'))
         GROUP BY c."id") AS shown
 WHERE c."id" = shown."id";

-- CreateIndex
CREATE INDEX "SlaClock_state_dueAt_metric_jobId_applicationId_idx" ON "SlaClock"("state", "dueAt", "metric", "jobId", "applicationId");

-- CreateIndex
CREATE INDEX "SlaClock_metric_startedAt_state_breached_dueAt_stoppedAt_pr_idx" ON "SlaClock"("metric", "startedAt", "state", "breached", "dueAt", "stoppedAt", "promiseShownAt", "jobId");

-- AddForeignKey
ALTER TABLE "SlaClock" ADD CONSTRAINT "SlaClock_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageStay" ADD CONSTRAINT "StageStay_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageStay" ADD CONSTRAINT "StageStay_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageStay" ADD CONSTRAINT "StageStay_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

