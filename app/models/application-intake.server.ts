// Adding candidates to jobs, one or many in one transaction (a form, the API, and the batches imports and ATS
// connectors deliver): each candidate is found by email (case-insensitively) or created, lands in the job's first
// stage with its `applied` touchpoint, clocks and audit entry, and unless told not to (imports of history) is sent the
// acknowledgement. Set-based: about ten statements however many applications; one is the batch of one.
import type { Prisma } from "~/generated/prisma/client";
import type { ApplicationInput } from "~/domain/applications";
import { FALLBACK_LOCALE } from "~/domain/i18n";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { statusTokenHashFor, statusUrlOf } from "~/platform/status-link-tokens.server";
import type { ApplicationSummary } from "./application.server";
import { auditInsert } from "./audit.server";
import { appendEvents } from "./event.server";
import { queueAutomaticMessages } from "./outbox/automations.server";

type Tx = Prisma.TransactionClient;

/** A refusal of one input of a batch: which one (its place in the list), and why. */
export class IntakeRefusal extends Error {
  constructor(
    readonly index: number,
    readonly refusal: ConflictError | InvalidInputError,
  ) {
    super(refusal.message);
    this.name = "IntakeRefusal";
  }
}

function duplicateApplication(): ConflictError {
  const message = "This candidate already has an active application for this job.";
  return new ConflictError(message, [{ path: "candidate.email", message }]);
}

export type CreatedApplication = ApplicationSummary & { statusUrl: string };

/** Each job's first live stage (null for a job without stages); a job that does not exist is missing. */
async function firstStages(tx: Tx, jobIds: string[]): Promise<Map<string, string | null>> {
  const rows = await tx.$queryRaw<{ id: string; stageId: string | null }[]>`
    SELECT j.id, (SELECT s.id FROM "Stage" s WHERE s."jobId" = j.id AND s."archivedAt" IS NULL
                   ORDER BY s.position LIMIT 1) AS "stageId"
      FROM "Job" j WHERE j.id = ANY(${jobIds}::text[])`;
  return new Map(rows.map((row) => [row.id, row.stageId]));
}

type CandidateRow = { id: string; emailKey: string; erased: boolean };

/** Finds the candidates by email key or creates them (the first input of a key gives a new candidate's details; an
 * existing candidate is left as they are), in one statement. */
async function upsertCandidates(tx: Tx, inputs: ApplicationInput[], now: Date): Promise<Map<string, CandidateRow>> {
  const byKey = new Map<string, ApplicationInput["candidate"]>();
  for (const { candidate } of inputs) {
    const key = candidate.email.toLowerCase();
    if (!byKey.has(key)) byKey.set(key, candidate);
  }
  const rows = JSON.stringify(
    [...byKey].map(([key, candidate]) => [
      newId(),
      candidate.name,
      candidate.email,
      key,
      candidate.phone ?? null,
      candidate.timeZone ?? "UTC",
      candidate.locale ?? FALLBACK_LOCALE,
    ]),
  );
  const found = await tx.$queryRaw<CandidateRow[]>`
    INSERT INTO "Candidate" (id, name, email, "emailKey", phone, "timeZone", locale, "createdAt", "updatedAt")
    SELECT e->>0, e->>1, e->>2, e->>3, e->>4, e->>5, e->>6, ${now.toISOString()}::timestamp(3),
           ${now.toISOString()}::timestamp(3)
      FROM jsonb_array_elements(${rows}::jsonb) AS e
    ON CONFLICT ("emailKey") DO UPDATE SET "emailKey" = EXCLUDED."emailKey"
    RETURNING id, "emailKey", "erasedAt" IS NOT NULL AS erased`;
  return new Map(found.map((row) => [row.emailKey, row]));
}

/** The (candidate, job) pairs among these that already have an active application. */
async function activePairs(tx: Tx, candidateIds: string[], jobIds: string[]): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ candidateId: string; jobId: string }[]>`
    SELECT "candidateId", "jobId" FROM "Application"
     WHERE status = 'active' AND "candidateId" = ANY(${candidateIds}::text[]) AND "jobId" = ANY(${jobIds}::text[])`;
  return new Set(rows.map((row) => `${row.candidateId} ${row.jobId}`));
}

/**
 * Creates applications in the caller's transaction. All or nothing: a job that does not exist or has no stages, or a
 * candidate already active on the job (or twice in the batch), refuses the batch with an IntakeRefusal naming the
 * input. Returns the applications in the order of `inputs`.
 */
export async function createApplications(
  tx: Tx,
  inputs: ApplicationInput[],
  actorId: string | null,
  now: Date = new Date(),
): Promise<CreatedApplication[]> {
  if (inputs.length === 0) return [];
  const stages = await firstStages(tx, [...new Set(inputs.map((input) => input.jobId))]);
  inputs.forEach((input, index) => {
    if (!stages.has(input.jobId)) {
      const missing = [{ path: "jobId", message: "No job has this id." }];
      throw new IntakeRefusal(index, new InvalidInputError("The job does not exist.", missing));
    }
    if (!stages.get(input.jobId)) throw new IntakeRefusal(index, new ConflictError("This job has no stages yet."));
  });
  const candidates = await upsertCandidates(tx, inputs, now);
  const candidateOf = (input: ApplicationInput) => candidates.get(input.candidate.email.toLowerCase())!;
  const taken = await activePairs(
    tx,
    [...candidates.values()].map((candidate) => candidate.id),
    [...stages.keys()],
  );
  const created: CreatedApplication[] = inputs.map((input, index) => {
    const pair = `${candidateOf(input).id} ${input.jobId}`;
    if (taken.has(pair)) throw new IntakeRefusal(index, duplicateApplication());
    taken.add(pair);
    const id = newId();
    return {
      id,
      jobId: input.jobId,
      candidateId: candidateOf(input).id,
      stageId: stages.get(input.jobId)!,
      status: "active",
      source: input.source ?? null,
      appliedAt: input.appliedAt ?? now,
      closedAt: null,
      outcomeReason: null,
      statusUrl: statusUrlOf({ id, statusTokenRotation: 0 }),
    };
  });
  const rows = JSON.stringify(
    created.map((application) => [
      application.id,
      application.candidateId,
      application.jobId,
      application.stageId,
      application.appliedAt.toISOString(),
      application.source,
      statusTokenHashFor(application.id, 0),
    ]),
  );
  await tx.$executeRaw`
    INSERT INTO "Application" (id, "candidateId", "jobId", "stageId", "appliedAt", source, "statusTokenHash",
                               "createdAt", "updatedAt")
    SELECT e->>0, e->>1, e->>2, e->>3, (e->>4)::timestamp(3), e->>5, e->>6, ${now.toISOString()}::timestamp(3),
           ${now.toISOString()}::timestamp(3)
      FROM jsonb_array_elements(${rows}::jsonb) AS e`;
  const audits = auditInsert(
    created.map((application, index) => ({
      actorId,
      action: "application.created",
      entityType: "Application",
      entityId: application.id,
      data: { jobId: application.jobId, candidateId: application.candidateId, notify: inputs[index]!.notify },
    })),
    now,
  );
  await appendEvents(
    tx,
    created.map((application) => ({
      applicationId: application.id,
      type: "applied" as const,
      data: application.source ? { source: application.source } : {},
      occurredAt: application.appliedAt,
      actorId,
    })),
    { now, alongside: [audits] },
  );
  await queueAutomaticMessages(
    tx,
    created.flatMap((application, index) =>
      inputs[index]!.notify && !candidateOf(inputs[index]!).erased
        ? [{ applicationId: application.id, kind: "application_received" as const, actorId, now }]
        : [],
    ),
  );
  return created;
}

/** Adds one candidate to a job in its own transaction (see createApplications); a refusal is the plain error. */
export async function createApplication(input: ApplicationInput, actorId: string | null): Promise<CreatedApplication> {
  try {
    const [created] = await prisma.$transaction((tx) => createApplications(tx, [input], actorId));
    if (input.notify) wakeOutboxWorker();
    return created!;
  } catch (error) {
    throw error instanceof IntakeRefusal ? error.refusal : error;
  }
}
