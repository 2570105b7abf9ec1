-- CreateEnum
CREATE TYPE "CustomerMetric" AS ENUM ('first_reply', 'next_reply', 'resolution');

-- CreateTable
CREATE TABLE "CustomerBenchmark" (
    "id" TEXT NOT NULL,
    "metric" "CustomerMetric" NOT NULL,
    "targetMinutes" INTEGER NOT NULL,
    "attainment" DOUBLE PRECISION,
    "medianMinutes" DOUBLE PRECISION,
    "source" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "CustomerBenchmark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomerBenchmark_metric_key" ON "CustomerBenchmark"("metric");

-- AddForeignKey
ALTER TABLE "CustomerBenchmark" ADD CONSTRAINT "CustomerBenchmark_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

