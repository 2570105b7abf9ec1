-- CreateEnum
CREATE TYPE "BulkRejectionStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'undoing', 'undone');

-- AlterTable
ALTER TABLE "BulkRejection" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "jobId" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "skipped" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "status" "BulkRejectionStatus" NOT NULL DEFAULT 'queued',
ADD COLUMN     "total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "undoDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "undoIds" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "undoRequestedAt" TIMESTAMP(3),
ADD COLUMN     "undoneById" TEXT;

-- CreateIndex
CREATE INDEX "BulkRejection_status_createdAt_idx" ON "BulkRejection"("status", "createdAt");

-- CreateIndex
CREATE INDEX "BulkRejection_jobId_createdAt_idx" ON "BulkRejection"("jobId", "createdAt");


-- Bulk rejections from before they were background jobs were written whole in one transaction: they are done (or
-- undone), every application worked, on the board of their first application's job.
UPDATE "BulkRejection" AS b
   SET "status" = CASE WHEN b."undoneAt" IS NULL THEN 'done' ELSE 'undone' END::"BulkRejectionStatus",
       "total" = jsonb_array_length(b."applicationIds"),
       "done" = jsonb_array_length(b."applicationIds"),
       "startedAt" = b."createdAt",
       "finishedAt" = b."createdAt",
       "undoRequestedAt" = b."undoneAt",
       "jobId" = (SELECT a."jobId" FROM "Application" AS a WHERE a.id = b."applicationIds" ->> 0);
