-- CreateEnum
CREATE TYPE "ChatKind" AS ENUM ('slack', 'teams');

-- CreateEnum
CREATE TYPE "HttpDeliveryStatus" AS ENUM ('queued', 'sending', 'delivered', 'failed');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'webhook_endpoint_disabled';
ALTER TYPE "NotificationKind" ADD VALUE 'chat_channel_disabled';

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT[],
    "secretCipher" TEXT NOT NULL,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failingSince" TIMESTAMP(3),
    "lastDeliveredAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatChannel" (
    "id" TEXT NOT NULL,
    "kind" "ChatKind" NOT NULL,
    "urlCipher" TEXT NOT NULL,
    "urlHint" TEXT NOT NULL,
    "jobId" TEXT,
    "overdueAlerts" BOOLEAN NOT NULL DEFAULT true,
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failingSince" TIMESTAMP(3),
    "lastDeliveredAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,

    CONSTRAINT "ChatChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatAlert" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "hour" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HttpDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT,
    "channelId" TEXT,
    "eventType" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "applicationId" TEXT,
    "candidateId" TEXT,
    "status" "HttpDeliveryStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,

    CONSTRAINT "HttpDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HttpDeliveryAttempt" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "HttpDeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChatAlert_channelId_jobId_hour_key" ON "ChatAlert"("channelId", "jobId", "hour");

-- CreateIndex
CREATE INDEX "HttpDelivery_status_nextAttemptAt_idx" ON "HttpDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "HttpDelivery_endpointId_createdAt_idx" ON "HttpDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "HttpDelivery_channelId_createdAt_idx" ON "HttpDelivery"("channelId", "createdAt");

-- CreateIndex
CREATE INDEX "HttpDelivery_candidateId_idx" ON "HttpDelivery"("candidateId");

-- CreateIndex
CREATE INDEX "HttpDeliveryAttempt_deliveryId_attemptedAt_idx" ON "HttpDeliveryAttempt"("deliveryId", "attemptedAt");

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatChannel" ADD CONSTRAINT "ChatChannel_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatChannel" ADD CONSTRAINT "ChatChannel_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatAlert" ADD CONSTRAINT "ChatAlert_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "ChatChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HttpDelivery" ADD CONSTRAINT "HttpDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HttpDelivery" ADD CONSTRAINT "HttpDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "ChatChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HttpDeliveryAttempt" ADD CONSTRAINT "HttpDeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "HttpDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

