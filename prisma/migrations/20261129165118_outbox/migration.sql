-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('outbound', 'inbound');

-- CreateEnum
CREATE TYPE "MessageAudience" AS ENUM ('candidate', 'staff');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('queued', 'sending', 'sent', 'failed', 'cancelled', 'received', 'unmatched');

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'reopened';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'message_failed';

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "entryTemplateKind" "TemplateKind";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "statusTokenRotation" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT,
    "direction" "MessageDirection" NOT NULL,
    "audience" "MessageAudience" NOT NULL DEFAULT 'candidate',
    "status" "MessageStatus" NOT NULL,
    "kind" "TemplateKind",
    "templateId" TEXT,
    "templateVersion" INTEGER,
    "fromAddress" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "replyTo" TEXT,
    "subject" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "bodyHtml" TEXT,
    "headerMessageId" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "automated" BOOLEAN NOT NULL DEFAULT false,
    "awaitsCandidate" BOOLEAN NOT NULL DEFAULT false,
    "scheduledFor" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "eventId" TEXT,
    "bulkRejectionId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkRejection" (
    "id" TEXT NOT NULL,
    "createdById" TEXT,
    "reason" TEXT,
    "templateKind" "TemplateKind" NOT NULL,
    "applicationIds" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "BulkRejection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Message_headerMessageId_key" ON "Message"("headerMessageId");

-- CreateIndex
CREATE INDEX "Message_status_nextAttemptAt_idx" ON "Message"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Message_applicationId_createdAt_idx" ON "Message"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_direction_status_createdAt_idx" ON "Message"("direction", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_bulkRejectionId_fkey" FOREIGN KEY ("bulkRejectionId") REFERENCES "BulkRejection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkRejection" ADD CONSTRAINT "BulkRejection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

