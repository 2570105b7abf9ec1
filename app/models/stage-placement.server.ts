// Where a stage named for the first time by an outside source (a connected ATS, an imported spreadsheet) goes in its
// job's pipeline.
import type { Prisma } from "~/generated/prisma/client";
import type { StageKind } from "~/domain/jobs";

type Tx = Prisma.TransactionClient;

/** Pipeline order by kind, for placing a stage named for the first time. */
const KIND_ORDER: Record<StageKind, number> = { applied: 0, screen: 1, assessment: 2, interview: 3, offer: 4 };

/** Where a new stage of this kind goes: after the job's last stage of the same or an earlier kind, so a pipeline
 * first seen out of order (a rejection in Onsite before anyone reached Phone Screen) still reads in order. The
 * stages after it move down one, and so do the furthest positions the metrics keep of the job's applications. */
export async function placeStage(tx: Tx, jobId: string, kind: StageKind): Promise<number> {
  const stages = await tx.stage.findMany({
    where: { jobId, archivedAt: null },
    orderBy: { position: "asc" },
    select: { position: true, kind: true },
  });
  const before = stages.filter((stage) => KIND_ORDER[stage.kind] <= KIND_ORDER[kind]).at(-1);
  const last = stages.at(-1);
  const position = before ? before.position + 1 : (stages[0]?.position ?? 0);
  if (last && position <= last.position) {
    await tx.$executeRaw`
      WITH shifted AS (
        UPDATE "Stage" SET position = position + 1 WHERE "jobId" = ${jobId} AND position >= ${position} RETURNING 1)
      UPDATE "Application" SET "furthestPosition" = "furthestPosition" + 1
       WHERE "jobId" = ${jobId} AND "furthestPosition" >= ${position}`;
  }
  return position;
}
