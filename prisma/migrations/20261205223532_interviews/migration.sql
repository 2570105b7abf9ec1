-- CreateEnum
CREATE TYPE "InterviewKind" AS ENUM ('screen', 'interview', 'assessment', 'onsite', 'other');

-- CreateEnum
CREATE TYPE "InterviewStatus" AS ENUM ('offered', 'scheduled', 'cancelled', 'done', 'no_show');

-- CreateEnum
CREATE TYPE "InterviewRecommendation" AS ENUM ('strong_no', 'no', 'yes', 'strong_yes');

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'interview_feedback';

-- AlterEnum
ALTER TYPE "SlaMetric" ADD VALUE 'interviewer_feedback';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TemplateKind" ADD VALUE 'interview_rescheduled';
ALTER TYPE "TemplateKind" ADD VALUE 'interview_cancelled';
ALTER TYPE "TemplateKind" ADD VALUE 'interview_reminder';
ALTER TYPE "TemplateKind" ADD VALUE 'interview_offer';

-- AlterTable
ALTER TABLE "SlaClock" ADD COLUMN     "interviewId" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "calendarIcs" TEXT,
ADD COLUMN     "calendarMethod" TEXT,
ADD COLUMN     "interviewId" TEXT;

-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "InterviewKind" NOT NULL,
    "status" "InterviewStatus" NOT NULL,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "timeZone" TEXT NOT NULL,
    "location" TEXT,
    "videoUrl" TEXT,
    "calendarUid" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "organizerId" TEXT,
    "offeredAt" TIMESTAMP(3),
    "bookedAt" TIMESTAMP(3),
    "rescheduleCount" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "declinedAt" TIMESTAMP(3),
    "declineNote" TEXT,
    "candidateRemindedAt" TIMESTAMP(3),
    "interviewersRemindedAt" TIMESTAMP(3),
    "endRecordedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewSlot" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewSeat" (
    "interviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "recommendation" "InterviewRecommendation",
    "notes" TEXT,
    "feedbackAt" TIMESTAMP(3),

    CONSTRAINT "InterviewSeat_pkey" PRIMARY KEY ("interviewId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Interview_calendarUid_key" ON "Interview"("calendarUid");

-- CreateIndex
CREATE INDEX "Interview_applicationId_createdAt_idx" ON "Interview"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Interview_status_startsAt_idx" ON "Interview"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Interview_status_endsAt_idx" ON "Interview"("status", "endsAt");

-- CreateIndex
CREATE INDEX "InterviewSlot_interviewId_startsAt_idx" ON "InterviewSlot"("interviewId", "startsAt");

-- CreateIndex
CREATE INDEX "InterviewSeat_userId_feedbackAt_idx" ON "InterviewSeat"("userId", "feedbackAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSlot" ADD CONSTRAINT "InterviewSlot_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSeat" ADD CONSTRAINT "InterviewSeat_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSeat" ADD CONSTRAINT "InterviewSeat_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The default policy gets the interviewer-feedback promise (one business day, warned two hours before), unless it
-- has one; other policies keep no feedback clock until someone sets one.
UPDATE "SlaPolicy"
   SET targets = targets || '[{"metric":"interviewer_feedback","minutes":480,"businessHours":true,"warnBeforeMinutes":120,"stageDecisionRestartsAt":"last_feedback"}]'::jsonb,
       "updatedAt" = CURRENT_TIMESTAMP
 WHERE "isDefault"
   AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(targets) AS t WHERE t->>'metric' = 'interviewer_feedback');
