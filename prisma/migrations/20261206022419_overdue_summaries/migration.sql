-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'overdue_summary';
ALTER TYPE "NotificationKind" ADD VALUE 'workspace_overdue_summary';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "summaryDate" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_kind_summaryDate_key" ON "Notification"("userId", "kind", "summaryDate");

