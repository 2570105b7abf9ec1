// Applications: moving them through stages, notes and recorded messages, reading them, and the row locks every change
// takes (adding candidates is in application-intake.server.ts, decisions in decisions.server.ts). Each change writes
// its touchpoint event and audit entry in the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { MessageInput } from "~/domain/applications";
import type { StageKind } from "~/domain/jobs";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { prisma } from "~/platform/db.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { recordAudit } from "./audit.server";
import { appendEvent, timelineEventSelect } from "./event.server";
import { queueAutomaticMessage } from "./outbox/automations.server";
import { applicationScope, type Actor } from "./scope.server";

export const applicationSummarySelect = {
  id: true,
  jobId: true,
  candidateId: true,
  stageId: true,
  status: true,
  source: true,
  appliedAt: true,
  closedAt: true,
  outcomeReason: true,
} satisfies Prisma.ApplicationSelect;

export type ApplicationSummary = Prisma.ApplicationGetPayload<{ select: typeof applicationSummarySelect }>;

export type LockedApplication = ApplicationSummary & { stage: { id: string; name: string; kind: StageKind } };

type LockedRow = ApplicationSummary & { stageName: string; stageKind: StageKind };

/** Row-locks the applications (in id order, so two batches cannot deadlock) and loads them, in one statement; then,
 * for roles that see only some applications, checks that the actor may see them all. Two people changing the same
 * card are applied one after the other. */
export async function loadManyForChange(
  tx: Prisma.TransactionClient,
  applicationIds: string[],
  actor: Actor,
): Promise<Map<string, LockedApplication>> {
  const ids = [...new Set(applicationIds)].sort();
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT a.id, a."jobId", a."candidateId", a."stageId", a.status::text AS status, a.source, a."appliedAt",
           a."closedAt", a."outcomeReason", s.name AS "stageName", s.kind::text AS "stageKind"
      FROM "Application" a JOIN "Stage" s ON s.id = a."stageId"
     WHERE a.id = ANY(${ids}::text[])
     ORDER BY a.id
       FOR UPDATE OF a`;
  const scope = applicationScope(actor);
  const visible =
    Object.keys(scope).length === 0
      ? rows.length
      : await tx.application.count({ where: { id: { in: ids }, ...scope } });
  if (rows.length < ids.length || visible < ids.length) throw new NotFoundError("The application");
  return new Map(
    rows.map(({ stageName, stageKind, ...application }) => [
      application.id,
      { ...application, stage: { id: application.stageId, name: stageName, kind: stageKind } },
    ]),
  );
}

/** loadManyForChange for one application. */
export async function loadForChange(tx: Prisma.TransactionClient, applicationId: string, actor: Actor) {
  return (await loadManyForChange(tx, [applicationId], actor)).get(applicationId)!;
}

/** Why a closed application cannot be changed, or null while it is active. */
export function notActiveRefusal(application: { status: string }): ConflictError | null {
  return application.status === "active"
    ? null
    : new ConflictError(`This application is already ${application.status}; reopen it before changing it.`);
}

function assertActive(application: { status: string }) {
  const refusal = notActiveRefusal(application);
  if (refusal) throw refusal;
}

export async function moveApplication(
  applicationId: string,
  input: { stageId: string; occurredAt?: Date },
  actor: Actor,
) {
  const result = await prisma.$transaction(async (tx) => {
    const application = await loadForChange(tx, applicationId, actor);
    assertActive(application);
    const stage = await tx.stage.findFirst({
      where: { id: input.stageId, jobId: application.jobId, archivedAt: null },
      select: { id: true, name: true, entryTemplateKind: true },
    });
    if (!stage)
      throw new InvalidInputError("That stage is not part of this job.", [
        { path: "stageId", message: "Choose a stage of this job." },
      ]);
    if (stage.id === application.stageId) return { moved: application, entryMessage: null };
    const moved = await tx.application.update({
      where: { id: applicationId },
      data: { stageId: stage.id },
      select: applicationSummarySelect,
    });
    await appendEvent(tx, {
      applicationId,
      type: "stage_changed",
      data: {
        fromStageId: application.stage.id,
        fromStageName: application.stage.name,
        toStageId: stage.id,
        toStageName: stage.name,
      },
      occurredAt: input.occurredAt,
      actorId: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.moved",
      entityType: "Application",
      entityId: applicationId,
      data: { from: application.stage.id, to: stage.id },
    });
    // A move recorded after the fact (occurredAt given) is history: nobody is written to about it now.
    const entryMessage =
      stage.entryTemplateKind && !input.occurredAt
        ? await queueAutomaticMessage(tx, { applicationId, kind: stage.entryTemplateKind, actorId: actor.id })
        : null;
    return { moved, entryMessage };
  });
  if (result.entryMessage) wakeOutboxWorker();
  return result.moved;
}

export async function addNote(applicationId: string, body: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    await loadForChange(tx, applicationId, actor);
    const event = await appendEvent(tx, {
      applicationId,
      type: "note",
      data: { body },
      actorId: actor.id,
      visibility: "internal",
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.note_added",
      entityType: "Application",
      entityId: applicationId,
      data: { eventId: event.id },
    });
    return event;
  });
}

/** Records a message that already happened (history, imports). Sending new messages is the outbox's job. */
export async function recordMessage(applicationId: string, input: MessageInput & { occurredAt: Date }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const application = await loadForChange(tx, applicationId, actor);
    if (input.occurredAt < application.appliedAt) {
      throw new InvalidInputError("A message cannot come before the application.", [
        { path: "occurredAt", message: "Must be after the application date." },
      ]);
    }
    const event =
      input.direction === "outbound"
        ? await appendEvent(tx, {
            applicationId,
            type: "message_out",
            data: {
              ...(input.subject ? { subject: input.subject } : {}),
              body: input.body,
              automated: input.automated,
              awaitsCandidate: input.awaitsCandidate,
            },
            occurredAt: input.occurredAt,
            actorId: actor.id,
          })
        : await appendEvent(tx, {
            applicationId,
            type: "message_in",
            data: { ...(input.subject ? { subject: input.subject } : {}), body: input.body },
            occurredAt: input.occurredAt,
          });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.message_recorded",
      entityType: "Application",
      entityId: applicationId,
      data: { eventId: event.id, direction: input.direction },
    });
    return event;
  });
}

export const applicationDetailSelect = {
  ...applicationSummarySelect,
  candidate: {
    select: { id: true, name: true, email: true, phone: true, timeZone: true, locale: true, erasedAt: true },
  },
  stage: { select: { id: true, name: true, kind: true } },
  job: {
    select: {
      id: true,
      title: true,
      department: true,
      hiringManager: { select: { id: true, name: true } },
      recruiter: { select: { id: true, name: true } },
      stages: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, name: true, kind: true },
      },
    },
  },
} satisfies Prisma.ApplicationSelect;

export async function getApplication(applicationId: string, actor: Actor) {
  return prisma.application.findFirst({
    where: { id: applicationId, ...applicationScope(actor) },
    select: applicationDetailSelect,
  });
}

export async function getApplicationWithTimeline(applicationId: string, actor: Actor) {
  const application = await getApplication(applicationId, actor);
  if (!application) return null;
  const events = await prisma.event.findMany({
    where: { applicationId },
    orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
    select: timelineEventSelect,
  });
  return { ...application, events };
}
