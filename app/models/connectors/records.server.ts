// What a connector's ids stand for here (ExternalRecord): read for a whole batch in one statement, and the jobs and
// stages an ATS names for the first time created, each stage placed in its job's pipeline by its guessed kind. Called
// by the connector worker, which holds the connector's lock, so no two transactions create the same record.
import type { Prisma } from "~/generated/prisma/client";
import type { AtsApplicationEvent, AtsStage } from "~/domain/connectors/events";
import { guessStageKind } from "~/domain/connectors/stage-kinds";
import { placeStage } from "../stage-placement.server";

type Tx = Prisma.TransactionClient;

export const stageKey = (jobExternalId: string, stage: AtsStage) =>
  `${jobExternalId}/${stage.externalId ?? `name:${stage.name.trim().toLowerCase()}`}`;

/** An application linked to the ATS, as it is here now. */
export type LinkedApplication = {
  id: string;
  syncedAt: Date | null;
  status: string;
  stageId: string;
  appliedAt: Date;
  erased: boolean;
  /** Created (or linked) by this batch. */
  fresh?: boolean;
};

export type Records = {
  jobs: Map<string, string>;
  stages: Map<string, string>;
  applications: Map<string, LinkedApplication>;
};

/** Instants come as epoch milliseconds: a raw read of a timestamp column would be taken in the process's time zone
 * by the embedded database's driver. */
type RecordRow = {
  kind: "job" | "stage" | "application";
  externalId: string;
  jobId: string | null;
  stageId: string | null;
  applicationId: string | null;
  syncedAt: number | null;
  status: string | null;
  currentStageId: string | null;
  appliedAt: number | null;
  erased: boolean | null;
};

/** The records of these events' jobs, stages and applications, with each linked application's state, in one
 * statement. */
export async function readRecords(tx: Tx, connectorId: string, events: AtsApplicationEvent[]): Promise<Records> {
  const jobs = [...new Set(events.map((event) => event.application.job.externalId))];
  const stages = [
    ...new Set(
      events.flatMap(({ application }) =>
        application.stage ? [stageKey(application.job.externalId, application.stage)] : [],
      ),
    ),
  ];
  const applications = [...new Set(events.map((event) => event.application.externalId))];
  const rows = await tx.$queryRaw<RecordRow[]>`
    SELECT x.kind::text AS kind, x."externalId", x."jobId", x."stageId", x."applicationId",
           round(extract(epoch from x."syncedAt") * 1000)::float8 AS "syncedAt", a.status::text AS status,
           a."stageId" AS "currentStageId", round(extract(epoch from a."appliedAt") * 1000)::float8 AS "appliedAt",
           c."erasedAt" IS NOT NULL AS erased
      FROM "ExternalRecord" x
      LEFT JOIN "Application" a ON a.id = x."applicationId"
      LEFT JOIN "Candidate" c ON c.id = a."candidateId"
     WHERE x."connectorId" = ${connectorId}
       AND ((x.kind = 'job' AND x."externalId" = ANY(${jobs}::text[]))
         OR (x.kind = 'stage' AND x."externalId" = ANY(${stages}::text[]))
         OR (x.kind = 'application' AND x."externalId" = ANY(${applications}::text[])))`;
  const records: Records = { jobs: new Map(), stages: new Map(), applications: new Map() };
  for (const row of rows) {
    if (row.kind === "job" && row.jobId) records.jobs.set(row.externalId, row.jobId);
    if (row.kind === "stage" && row.stageId) records.stages.set(row.externalId, row.stageId);
    if (row.kind === "application" && row.applicationId && row.status && row.currentStageId && row.appliedAt) {
      records.applications.set(row.externalId, {
        id: row.applicationId,
        syncedAt: row.syncedAt === null ? null : new Date(row.syncedAt),
        status: row.status,
        stageId: row.currentStageId,
        appliedAt: new Date(row.appliedAt),
        erased: row.erased ?? false,
      });
    }
  }
  return records;
}

export type NewLink = {
  kind: "job" | "stage" | "candidate" | "application";
  externalId: string;
  jobId?: string;
  stageId?: string;
  candidateId?: string;
  applicationId?: string;
};

/** Links ATS ids to what they stand for here (an id already linked keeps its link). */
export async function linkRecords(tx: Tx, connectorId: string, links: NewLink[]): Promise<void> {
  if (links.length === 0) return;
  await tx.externalRecord.createMany({
    data: links.map((link) => ({ connectorId, ...link })),
    skipDuplicates: true,
  });
}

/** Creates the jobs these events name that have no record yet (open, no stages until one is named). */
export async function createMissingJobs(tx: Tx, connectorId: string, events: AtsApplicationEvent[], records: Records) {
  for (const { application } of events) {
    const { externalId, title } = application.job;
    if (records.jobs.has(externalId)) continue;
    const job = await tx.job.create({ data: { title: title.trim().slice(0, 200) || "Untitled job" } });
    await linkRecords(tx, connectorId, [{ kind: "job", externalId, jobId: job.id }]);
    records.jobs.set(externalId, job.id);
  }
}

/** Creates the stages these events name that have no record yet, each with its kind guessed from its name (the
 * connector page corrects it); and for a job the ATS named no stage of, an "Applied" stage to apply into. */
export async function createMissingStages(
  tx: Tx,
  connectorId: string,
  events: AtsApplicationEvent[],
  records: Records,
) {
  for (const { application } of events) {
    const jobId = records.jobs.get(application.job.externalId)!;
    if (!application.stage) {
      const first = await tx.stage.findFirst({ where: { jobId, archivedAt: null }, select: { id: true } });
      if (!first) await tx.stage.create({ data: { jobId, name: "Applied", kind: "applied", position: 0 } });
      continue;
    }
    const key = stageKey(application.job.externalId, application.stage);
    if (records.stages.has(key)) continue;
    const name = application.stage.name.trim().slice(0, 120) || "Stage";
    const kind = guessStageKind(name);
    const stage = await tx.stage.create({ data: { jobId, name, kind, position: await placeStage(tx, jobId, kind) } });
    await linkRecords(tx, connectorId, [{ kind: "stage", externalId: key, stageId: stage.id }]);
    records.stages.set(key, stage.id);
  }
}

/** Moves each linked application's "latest change applied" mark forward to its change's time. */
export async function markSynced(tx: Tx, connectorId: string, synced: { externalId: string; at: Date }[]) {
  if (synced.length === 0) return;
  const rows = JSON.stringify(synced.map((entry) => [entry.externalId, entry.at.toISOString()]));
  await tx.$executeRaw`
    UPDATE "ExternalRecord" x
       SET "syncedAt" = greatest(coalesce(x."syncedAt", (e->>1)::timestamp(3)), (e->>1)::timestamp(3))
      FROM jsonb_array_elements(${rows}::jsonb) AS e
     WHERE x."connectorId" = ${connectorId} AND x.kind = 'application' AND x."externalId" = e->>0`;
}
