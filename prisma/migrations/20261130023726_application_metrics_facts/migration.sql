-- DropIndex
DROP INDEX "Application_closedAt_idx";

-- DropIndex
DROP INDEX "StageStay_enteredAt_idx";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "furthestPosition" INTEGER,
ADD COLUMN     "outcomeToldAt" TIMESTAMP(3);

-- Backfill: how far each application got, by its stays and the stage it stands in (the statement of
-- app/models/metrics/stage-stays.server.ts as of this migration).
UPDATE "Application" AS target SET "furthestPosition" = furthest.position
  FROM (SELECT a.id, greatest(current.position, max(s.position)) AS position
          FROM "Application" a JOIN "Stage" current ON current.id = a."stageId"
          LEFT JOIN "StageStay" stay ON stay."applicationId" = a.id
          LEFT JOIN "Stage" s ON s.id = stay."stageId"
         GROUP BY a.id, current.position) AS furthest
 WHERE target.id = furthest.id;

-- Backfill: when each closed application's candidate was first told its outcome (the statement of
-- app/models/metrics/outcome-told.server.ts as of this migration).
UPDATE "Application" AS a SET "outcomeToldAt" = least(
    (SELECT min(e."occurredAt") FROM "Event" e
      WHERE e."applicationId" = a.id AND e.type = 'message_out' AND e.visibility = 'candidate'
        AND e."occurredAt" >= a."closedAt"),
    CASE WHEN a.status = 'rejected' THEN
      (SELECT min(coalesce(m."sentAt", m."createdAt")) FROM "Message" m
        WHERE m."applicationId" = a.id AND m.direction = 'outbound' AND m.audience = 'candidate' AND m.status = 'sent'
          AND m.kind IN ('not_progressing', 'rejection_after_screen', 'rejection_after_interview'))
    END)
 WHERE a."closedAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Application_closedAt_status_appliedAt_jobId_outcomeToldAt_idx" ON "Application"("closedAt", "status", "appliedAt", "jobId", "outcomeToldAt");

-- CreateIndex
CREATE INDEX "Application_appliedAt_jobId_furthestPosition_idx" ON "Application"("appliedAt", "jobId", "furthestPosition");

-- CreateIndex
CREATE INDEX "StageStay_enteredAt_stageId_jobId_leftAt_idx" ON "StageStay"("enteredAt", "stageId", "jobId", "leftAt");

