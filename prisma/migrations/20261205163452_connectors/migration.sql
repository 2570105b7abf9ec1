-- CreateEnum
CREATE TYPE "ConnectorKind" AS ENUM ('greenhouse', 'ashby', 'lever', 'webhook');

-- CreateEnum
CREATE TYPE "ConnectorEmailMode" AS ENUM ('hearback', 'ats');

-- CreateEnum
CREATE TYPE "ExternalRecordKind" AS ENUM ('job', 'stage', 'candidate', 'application');

-- CreateEnum
CREATE TYPE "ConnectorDeliveryStatus" AS ENUM ('received', 'applied', 'ignored', 'failed');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'connector_failing';

-- CreateTable
CREATE TABLE "Connector" (
    "id" TEXT NOT NULL,
    "kind" "ConnectorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "emails" "ConnectorEmailMode" NOT NULL DEFAULT 'hearback',
    "secretCipher" TEXT NOT NULL,
    "apiKeyCipher" TEXT,
    "apiBaseUrl" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastDeliveryAt" TIMESTAMP(3),

    CONSTRAINT "Connector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalRecord" (
    "id" TEXT NOT NULL,
    "connectorId" TEXT NOT NULL,
    "kind" "ExternalRecordKind" NOT NULL,
    "externalId" TEXT NOT NULL,
    "jobId" TEXT,
    "stageId" TEXT,
    "candidateId" TEXT,
    "applicationId" TEXT,
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectorDelivery" (
    "id" TEXT NOT NULL,
    "connectorId" TEXT NOT NULL,
    "deliveryKey" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "status" "ConnectorDeliveryStatus" NOT NULL,
    "summary" TEXT,
    "error" TEXT,
    "body" TEXT,
    "headers" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectorDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExternalRecord_jobId_idx" ON "ExternalRecord"("jobId");

-- CreateIndex
CREATE INDEX "ExternalRecord_stageId_idx" ON "ExternalRecord"("stageId");

-- CreateIndex
CREATE INDEX "ExternalRecord_candidateId_idx" ON "ExternalRecord"("candidateId");

-- CreateIndex
CREATE INDEX "ExternalRecord_applicationId_idx" ON "ExternalRecord"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalRecord_connectorId_kind_externalId_key" ON "ExternalRecord"("connectorId", "kind", "externalId");

-- CreateIndex
CREATE INDEX "ConnectorDelivery_connectorId_receivedAt_idx" ON "ConnectorDelivery"("connectorId", "receivedAt");

-- CreateIndex
CREATE INDEX "ConnectorDelivery_receivedAt_idx" ON "ConnectorDelivery"("receivedAt");

-- CreateIndex
CREATE INDEX "ConnectorDelivery_status_receivedAt_idx" ON "ConnectorDelivery"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectorDelivery_connectorId_deliveryKey_key" ON "ConnectorDelivery"("connectorId", "deliveryKey");

-- AddForeignKey
ALTER TABLE "Connector" ADD CONSTRAINT "Connector_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalRecord" ADD CONSTRAINT "ExternalRecord_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalRecord" ADD CONSTRAINT "ExternalRecord_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalRecord" ADD CONSTRAINT "ExternalRecord_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalRecord" ADD CONSTRAINT "ExternalRecord_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalRecord" ADD CONSTRAINT "ExternalRecord_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectorDelivery" ADD CONSTRAINT "ConnectorDelivery_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE CASCADE ON UPDATE CASCADE;

