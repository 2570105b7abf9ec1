-- AlterTable
ALTER TABLE "CustomerBenchmark" ADD COLUMN     "importBusinessHours" BOOLEAN,
ADD COLUMN     "importFileName" TEXT,
ADD COLUMN     "importPeriodFrom" TIMESTAMP(3),
ADD COLUMN     "importPeriodTo" TIMESTAMP(3),
ADD COLUMN     "importTickets" INTEGER,
ADD COLUMN     "importVendor" TEXT;

