// The demo's experience data, so the metrics dashboard has something to say on a fresh start: survey answers from
// about a third of the candidates whose process ended (mostly glad of how they were treated; less so where they
// waited longer than promised), and the support team's
// figures that the Importance Index compares candidates with. Deterministic: drawn from each application's id.
import type { Prisma } from "~/generated/prisma/client";

/** What a mid-sized support desk reports: first reply within 4 business hours, next within 8, solved in 3 days. */
const SUPPORT_FIGURES = [
  { metric: "first_reply", targetMinutes: 240, attainment: 0.94, medianMinutes: 95 },
  { metric: "next_reply", targetMinutes: 480, attainment: 0.91, medianMinutes: 180 },
  { metric: "resolution", targetMinutes: 4320, attainment: 0.88, medianMinutes: 1900 },
] as const;

export async function seedDemoExperience(tx: Prisma.TransactionClient, now: Date, adminId: string): Promise<void> {
  await tx.customerBenchmark.createMany({
    data: SUPPORT_FIGURES.map((figure) => ({
      ...figure,
      source: "Support desk, last quarter (demo figures)",
      updatedById: adminId,
    })),
  });
  // Three independent draws (0–99) per application from its id's hash: who answers, their score, their frictions.
  await tx.$executeRaw`
    WITH draws AS (
      SELECT a.id, a."closedAt", a.status, j.id AS "jobId",
             ('x' || substr(md5(a.id), 1, 8))::bit(32)::int & 2147483647 AS d1,
             ('x' || substr(md5(a.id), 9, 8))::bit(32)::int & 2147483647 AS d2,
             ('x' || substr(md5(a.id), 17, 8))::bit(32)::int & 2147483647 AS d3,
             EXISTS (SELECT 1 FROM "SlaClock" c WHERE c."applicationId" = a.id AND c.breached) AS waited
        FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
       WHERE a.status <> 'active' AND a."closedAt" IS NOT NULL AND a."closedAt" < ${now}::timestamp(3) - interval '2 days'
    )
    INSERT INTO "SurveyResponse" (id, "applicationId", nps, effort, "knewNext", "frictionTags", comment, "createdAt")
    SELECT 'demo-survey-' || id, id,
           CASE WHEN status = 'hired' THEN 8 + d2 % 3
                WHEN waited THEN (ARRAY[4, 6, 7, 7, 8, 8, 9, 9, 10, 10])[1 + d2 % 10]
                ELSE (ARRAY[7, 8, 8, 9, 9, 9, 10, 10, 10, 10])[1 + d2 % 10] END,
           CASE WHEN waited THEN 3 + d3 % 3 ELSE 1 + d3 % 3 END,
           CASE WHEN waited THEN (ARRAY['no', 'partly'])[1 + d3 % 2] ELSE (ARRAY['yes', 'yes', 'partly'])[1 + d3 % 3] END,
           CASE WHEN NOT waited THEN ARRAY[]::text[]
                WHEN d3 % 3 = 0 THEN ARRAY['long_silence', 'unclear_next_step']
                WHEN d3 % 3 = 1 THEN ARRAY['long_silence']
                ELSE ARRAY['unanswered_question'] END,
           NULL,
           LEAST("closedAt" + interval '2 days' + (d1 % 48) * interval '1 hour', ${now}::timestamp(3))
      FROM draws
     WHERE d1 % 100 < 35`;
}
