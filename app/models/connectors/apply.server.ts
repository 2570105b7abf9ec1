// Applying what a connected ATS reported, in the delivery's transaction: its jobs, stages, candidates and
// applications found by their ATS ids (or created on first sight), then the change made through the same write path
// as everything else (createApplications, moveApplications, decideApplications, reopenApplications), so clocks,
// stays, audit entries and candidate emails follow as they do for a change made here.
import type { Prisma } from "~/generated/prisma/client";
import { candidateInputSchema } from "~/domain/applications";
import type {
  AtsApplicationEvent,
  AtsCandidateDeleted,
  AtsEvent,
  AtsStage,
  ConnectorEmailMode,
} from "~/domain/connectors/events";
import { guessStageKind } from "~/domain/connectors/stage-kinds";
import type { StageKind } from "~/domain/jobs";
import { InvalidInputError } from "~/platform/errors.server";
import { createApplications } from "../application-intake.server";
import { moveApplications } from "../application.server";
import { decideApplications, reopenApplications } from "../decisions.server";
import { eraseInTransaction } from "../erasure.server";
import { ATS_ACTOR } from "../scope.server";

type Tx = Prisma.TransactionClient;

export type ConnectorForApply = { id: string; emails: ConnectorEmailMode };

/** What applying a delivery did: one line per event for the log (ATS ids and stage names, no personal data), whether
 * candidate emails were queued, and the emails whose local copies an erasure asks to remove after commit. */
export type Applied = { summaries: string[]; emailsQueued: boolean; erasedMessageIds: string[] };

/** A change that reaches Hearback within a day of happening is live: the candidate is written to about it now (when
 * Hearback writes the emails). Older ones — an ATS catching up after an outage — are history. */
const LIVE_WITHIN_MS = 24 * 60 * 60 * 1000;

/** Serialises every delivery about one ATS record (an application, a job) in this transaction, so two deliveries
 * racing to create it create it once. */
async function lockExternal(tx: Tx, connectorId: string, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${connectorId}/${key}`}, 0))`;
}

type Records = { job?: string; stage?: string; application?: string; syncedAt?: Date | null };

const stageKey = (jobExternalId: string, stage: AtsStage) =>
  `${jobExternalId}/${stage.externalId ?? `name:${stage.name.trim().toLowerCase()}`}`;

async function findRecords(tx: Tx, connectorId: string, event: AtsApplicationEvent): Promise<Records> {
  const { job, stage, externalId } = event.application;
  const keys = [
    { kind: "job" as const, externalId: job.externalId },
    { kind: "application" as const, externalId },
    ...(stage ? [{ kind: "stage" as const, externalId: stageKey(job.externalId, stage) }] : []),
  ];
  const rows = await tx.externalRecord.findMany({
    where: { connectorId, OR: keys },
    select: { kind: true, jobId: true, stageId: true, applicationId: true, syncedAt: true },
  });
  const records: Records = {};
  for (const row of rows) {
    if (row.kind === "job" && row.jobId) records.job = row.jobId;
    if (row.kind === "stage" && row.stageId) records.stage = row.stageId;
    if (row.kind === "application" && row.applicationId) {
      records.application = row.applicationId;
      records.syncedAt = row.syncedAt;
    }
  }
  return records;
}

async function link(
  tx: Tx,
  connectorId: string,
  kind: "job" | "stage" | "candidate" | "application",
  externalId: string,
  target: { jobId?: string; stageId?: string; candidateId?: string; applicationId?: string; syncedAt?: Date },
): Promise<void> {
  await tx.externalRecord.createMany({ data: [{ connectorId, kind, externalId, ...target }], skipDuplicates: true });
}

/** The job the ATS job stands for, created (open, no stages yet) the first time it is seen. Called with the job's
 * lock held. */
async function jobFor(tx: Tx, connectorId: string, event: AtsApplicationEvent, known?: string): Promise<string> {
  if (known) return known;
  const { job } = event.application;
  const again = await tx.externalRecord.findUnique({
    where: { connectorId_kind_externalId: { connectorId, kind: "job", externalId: job.externalId } },
    select: { jobId: true },
  });
  if (again?.jobId) return again.jobId;
  const created = await tx.job.create({ data: { title: job.title.trim().slice(0, 200) || "Untitled job" } });
  await link(tx, connectorId, "job", job.externalId, { jobId: created.id });
  return created.id;
}

/** Pipeline order by kind, for placing a stage the ATS named for the first time. */
const KIND_ORDER: Record<StageKind, number> = { applied: 0, screen: 1, assessment: 2, interview: 3, offer: 4 };

/** Where a new stage of this kind goes: after the job's last stage of the same or an earlier kind, so a pipeline
 * first seen out of order (a rejection in Onsite before anyone reached Phone Screen) still reads in order. The
 * stages after it move down one, and so do the furthest positions the metrics keep of the job's applications. */
async function placeStage(tx: Tx, jobId: string, kind: StageKind): Promise<number> {
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

/** The stage the ATS stage stands for on this job; a new one gets its kind guessed from its name (the connector page
 * corrects it) and its place by that kind. Called with the job's lock held. */
async function stageFor(tx: Tx, connectorId: string, jobId: string, jobExternalId: string, stage: AtsStage) {
  const key = stageKey(jobExternalId, stage);
  const found = await tx.externalRecord.findUnique({
    where: { connectorId_kind_externalId: { connectorId, kind: "stage", externalId: key } },
    select: { stageId: true },
  });
  if (found?.stageId) return found.stageId;
  const name = stage.name.trim().slice(0, 120) || "Stage";
  const kind = guessStageKind(name);
  const created = await tx.stage.create({ data: { jobId, name, kind, position: await placeStage(tx, jobId, kind) } });
  await link(tx, connectorId, "stage", key, { stageId: created.id });
  return created.id;
}

/** The job's first stage, for an application the ATS reported without one ("Applied" if the job has none yet). */
async function firstStageOf(tx: Tx, jobId: string): Promise<string> {
  const first = await tx.stage.findFirst({
    where: { jobId, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  if (first) return first.id;
  const created = await tx.stage.create({ data: { jobId, name: "Applied", kind: "applied", position: 0 } });
  return created.id;
}

const knownOr = <T>(schema: { safeParse(value: unknown): { success: boolean } }, value: T | undefined) =>
  value !== undefined && schema.safeParse(value).success ? value : undefined;

/** The candidate as Hearback's own form would accept them: a time zone or language it does not know is left out,
 * anything else it refuses (no email address) fails the delivery with the reason. */
function candidateInput(candidate: AtsApplicationEvent["application"]["candidate"]) {
  const { timeZone, locale, externalId: _externalId, ...required } = candidate;
  const parsed = candidateInputSchema.safeParse({
    ...required,
    timeZone: knownOr(candidateInputSchema.shape.timeZone, timeZone),
    // "en-US" and "de_DE" are the languages Hearback writes in, "en" and "de".
    locale: knownOr(candidateInputSchema.shape.locale, locale?.slice(0, 2).toLowerCase()),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".");
  throw new InvalidInputError(`The candidate's ${field || "details"}: ${issue.message}`, [
    { path: `candidate.${field}`, message: issue.message },
  ]);
}

type Context = { tx: Tx; connector: ConnectorForApply; now: Date; applied: Applied };

/** The application the ATS application stands for: linked, adopted (the candidate was already active on the job,
 * entered by hand), or created — acknowledged when Hearback writes the emails and the application is fresh. */
async function applicationFor(
  context: Context,
  event: AtsApplicationEvent,
  jobId: string,
): Promise<{ id: string; created: boolean }> {
  const { tx, connector, now } = context;
  const { application } = event;
  const candidate = candidateInput(application.candidate);
  const adopted = await tx.application.findFirst({
    where: { jobId, status: "active", candidate: { emailKey: candidate.email.toLowerCase() } },
    select: { id: true, candidateId: true },
  });
  const appliedAt = earliest(application.appliedAt ?? event.occurredAt, now);
  const [made] = adopted
    ? [null]
    : await createApplications(
        tx,
        [
          {
            jobId,
            candidate,
            appliedAt,
            source: application.source?.slice(0, 80),
            notify: writes(connector) && isLive(appliedAt, now),
          },
        ],
        null,
        now,
      );
  const id = adopted?.id ?? made!.id;
  const candidateId = adopted?.candidateId ?? made!.candidateId;
  await link(tx, connector.id, "application", application.externalId, { applicationId: id });
  if (application.candidate.externalId) {
    await link(tx, connector.id, "candidate", application.candidate.externalId, { candidateId });
  }
  if (made && writes(connector) && isLive(appliedAt, now)) context.applied.emailsQueued = true;
  return { id, created: !adopted };
}

const writes = (connector: ConnectorForApply) => connector.emails === "hearback";
const isLive = (at: Date, now: Date) => now.getTime() - at.getTime() <= LIVE_WITHIN_MS;
const earliest = (a: Date, b: Date) => (a < b ? a : b);
const latest = (a: Date, b: Date) => (a > b ? a : b);

async function applyApplicationEvent(context: Context, event: AtsApplicationEvent): Promise<string> {
  const { tx, connector, now } = context;
  const { application } = event;
  const label = `Application ${application.externalId}`;
  await lockExternal(tx, connector.id, `application:${application.externalId}`);
  const records = await findRecords(tx, connector.id, event);
  if (records.syncedAt && event.occurredAt < records.syncedAt) {
    return `${label}: ${event.change.replace("_", " ")} skipped, older than a change already applied.`;
  }
  // Creating the job or one of its stages: one delivery at a time per ATS job.
  if (!records.job || !records.stage) await lockExternal(tx, connector.id, `job:${application.job.externalId}`);
  const jobId = await jobFor(tx, connector.id, event, records.job);
  const stageId = application.stage
    ? (records.stage ?? (await stageFor(tx, connector.id, jobId, application.job.externalId, application.stage)))
    : null;
  if (!stageId) await firstStageOf(tx, jobId);
  const found = records.application
    ? { id: records.application, created: false }
    : await applicationFor(context, event, jobId);
  const current = await tx.application.findUniqueOrThrow({
    where: { id: found.id },
    select: { status: true, stageId: true, appliedAt: true, candidate: { select: { erasedAt: true } } },
  });
  if (current.candidate.erasedAt) return `${label}: not applied, the candidate's data was erased here.`;
  const occurredAt = latest(earliest(event.occurredAt, now), current.appliedAt);
  const what = await applyChange(context, event, { ...current, id: found.id }, stageId, occurredAt);
  await tx.externalRecord.update({
    where: {
      connectorId_kind_externalId: {
        connectorId: connector.id,
        kind: "application",
        externalId: application.externalId,
      },
    },
    data: { syncedAt: records.syncedAt ? latest(records.syncedAt, event.occurredAt) : event.occurredAt },
  });
  return `${label}: ${found.created ? "created; " : ""}${what}`;
}

type Current = { id: string; status: string; stageId: string };

async function applyChange(
  context: Context,
  event: AtsApplicationEvent,
  current: Current,
  stageId: string | null,
  occurredAt: Date,
): Promise<string> {
  const { tx, connector, now } = context;
  const live = isLive(occurredAt, now);
  const notify = writes(connector) && live;
  const moveTo = async (status: string) => {
    if (!stageId || stageId === current.stageId || status !== "active") return false;
    const { emailsQueued } = await moveApplications(
      tx,
      [{ applicationId: current.id, stageId, occurredAt }],
      ATS_ACTOR,
      {
        now,
        live,
        silent: !writes(connector),
      },
    );
    if (emailsQueued > 0) context.applied.emailsQueued = true;
    return true;
  };
  const decide = async (outcome: "rejected" | "hired" | "withdrawn") => {
    await moveTo(current.status);
    const [decided] = await decideApplications(
      tx,
      [current.id],
      { outcome, reason: event.reason?.slice(0, 500), occurredAt, notify },
      ATS_ACTOR,
      { now, live: true },
    );
    if (decided?.message) context.applied.emailsQueued = true;
  };
  const reopen = async (what: string) => {
    await reopenApplications(
      tx,
      [current.id],
      ATS_ACTOR,
      { reason: "Taken back in the ATS" },
      { now, evenIfTold: true },
    );
    return (await moveTo("active")) ? `${what}, moved.` : `${what}.`;
  };
  switch (event.change) {
    case "created":
    case "stage_changed":
      if (event.activeInAts && current.status === "rejected") return reopen("reopened (active in the ATS again)");
      if (current.status !== "active") return `not moved: it is ${current.status} here.`;
      return (await moveTo(current.status)) ? "moved." : "already in that stage.";
    case "rejected":
    case "hired":
    case "withdrawn": {
      const outcome = event.change;
      if (current.status === outcome) return `already ${outcome}.`;
      if (current.status !== "active") return `not ${outcome}: it is ${current.status} here.`;
      await decide(outcome);
      return `${outcome}${notify && outcome !== "hired" ? ", the candidate will be told" : ""}.`;
    }
    case "unrejected":
      if (current.status !== "rejected") return `not reopened: it is ${current.status} here.`;
      return reopen("reopened");
  }
}

async function applyCandidateDeleted(context: Context, event: AtsCandidateDeleted): Promise<string> {
  const { tx, connector, now } = context;
  const label = `Candidate ${event.candidateExternalId}`;
  const record = await tx.externalRecord.findUnique({
    where: {
      connectorId_kind_externalId: {
        connectorId: connector.id,
        kind: "candidate",
        externalId: event.candidateExternalId,
      },
    },
    select: { candidate: { select: { id: true, erasedAt: true } } },
  });
  if (!record?.candidate) return `${label}: not known here, nothing to erase.`;
  if (record.candidate.erasedAt) return `${label}: already erased.`;
  const erased = await eraseInTransaction(tx, record.candidate.id, ATS_ACTOR, now);
  context.applied.erasedMessageIds.push(...erased.messageIds);
  return `${label}: deleted in the ATS, erased here (${erased.applications} applications).`;
}

/** Applies a delivery's events in order, in the caller's transaction. A refusal (a candidate without an email
 * address, an application that cannot change) throws and the caller records the delivery as failed. */
export async function applyAtsEvents(
  tx: Tx,
  connector: ConnectorForApply,
  events: AtsEvent[],
  now: Date,
): Promise<Applied> {
  const context: Context = {
    tx,
    connector,
    now,
    applied: { summaries: [], emailsQueued: false, erasedMessageIds: [] },
  };
  for (const event of events) {
    context.applied.summaries.push(
      event.change === "candidate_deleted"
        ? await applyCandidateDeleted(context, event)
        : await applyApplicationEvent(context, event),
    );
  }
  return context.applied;
}
