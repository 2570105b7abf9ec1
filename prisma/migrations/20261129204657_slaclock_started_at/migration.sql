-- CreateIndex
CREATE INDEX "SlaClock_startedAt_idx" ON "SlaClock"("startedAt");

