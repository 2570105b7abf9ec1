// Applications: moving them through stages, notes and recorded messages, reading them, and the row locks every change
// takes (adding candidates is in application-intake.server.ts, decisions in decisions.server.ts). Each change writes
// its touchpoint event and audit entry in the same transaction.
import { Prisma } from "~/generated/prisma/client";
import type { EventData, MessageInput } from "~/domain/applications";
import type { StageKind } from "~/domain/jobs";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { auditInsert, recordAudit } from "./audit.server";
import { appendEvent, appendEvents } from "./event.server";
import { queueAutomaticMessages } from "./outbox/automations.server";
import { applicationScope, type Actor, type ChangeActor } from "./scope.server";

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

/** Instants come as epoch milliseconds: the embedded database's driver would read a raw timestamp column in the
 * process's time zone. */
type LockedRow = Omit<ApplicationSummary, "appliedAt" | "closedAt"> & {
  appliedAtMs: number;
  closedAtMs: number | null;
  stageName: string;
  stageKind: StageKind;
};

/** Row-locks the applications (in id order, so two batches cannot deadlock) and loads them, in one statement; then,
 * for roles that see only some applications, checks that the actor may see them all. Two people changing the same
 * card are applied one after the other. */
export async function loadManyForChange(
  tx: Prisma.TransactionClient,
  applicationIds: string[],
  actor: ChangeActor,
): Promise<Map<string, LockedApplication>> {
  const ids = [...new Set(applicationIds)].sort();
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT a.id, a."jobId", a."candidateId", a."stageId", a.status::text AS status, a.source,
           round(extract(epoch from a."appliedAt") * 1000)::float8 AS "appliedAtMs",
           round(extract(epoch from a."closedAt") * 1000)::float8 AS "closedAtMs", a."outcomeReason",
           s.name AS "stageName", s.kind::text AS "stageKind"
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
    rows.map(({ stageName, stageKind, appliedAtMs, closedAtMs, ...application }) => [
      application.id,
      {
        ...application,
        appliedAt: new Date(appliedAtMs),
        closedAt: closedAtMs === null ? null : new Date(closedAtMs),
        stage: { id: application.stageId, name: stageName, kind: stageKind },
      },
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

export type StageMove = { applicationId: string; stageId: string; occurredAt?: Date };

export type MoveOptions = {
  now?: Date;
  /** Send the new stage's entry email even though occurredAt is given: the move was made moments ago elsewhere (a
   * connected ATS), not recorded after the fact. */
  live?: boolean;
  /** No entry emails at all (the ATS writes to candidates itself). */
  silent?: boolean;
};

/**
 * Moves applications to other stages of their jobs, in the caller's transaction: each move's touchpoint, audit entry
 * and (unless recorded after the fact) the stage's entry email. All or nothing: a closed application or a stage of
 * another job refuses the batch. A move to the stage it is already in changes nothing. Returns the applications in id
 * order, and how many entry emails were queued.
 */
export async function moveApplications(
  tx: Prisma.TransactionClient,
  moves: StageMove[],
  actor: ChangeActor,
  options: MoveOptions = {},
): Promise<{ moved: ApplicationSummary[]; emailsQueued: number }> {
  const locked = await loadManyForChange(
    tx,
    moves.map((move) => move.applicationId),
    actor,
  );
  const stages = await tx.stage.findMany({
    where: { id: { in: [...new Set(moves.map((move) => move.stageId))] }, archivedAt: null },
    select: { id: true, jobId: true, name: true, entryTemplateKind: true },
  });
  const stageOf = new Map(stages.map((stage) => [stage.id, stage]));
  const changed = moves.filter((move) => {
    const application = locked.get(move.applicationId)!;
    assertActive(application);
    if (stageOf.get(move.stageId)?.jobId !== application.jobId)
      throw new InvalidInputError("That stage is not part of this job.", [
        { path: "stageId", message: "Choose a stage of this job." },
      ]);
    return move.stageId !== application.stageId;
  });
  if (changed.length === 0) return { moved: [...locked.values()].map(summaryOf), emailsQueued: 0 };
  const now = options.now ?? new Date();
  const rows = JSON.stringify(changed.map((move) => [move.applicationId, move.stageId]));
  const moving = Prisma.sql`
    UPDATE "Application" a SET "stageId" = e->>1, "updatedAt" = ${now.toISOString()}::timestamp(3)
      FROM jsonb_array_elements(${rows}::jsonb) AS e WHERE a.id = e->>0`;
  const audits = auditInsert(
    changed.map((move) => ({
      actorId: actor.id,
      action: "application.moved",
      entityType: "Application",
      entityId: move.applicationId,
      data: { from: locked.get(move.applicationId)!.stageId, to: move.stageId },
    })),
    now,
  );
  await appendEvents(
    tx,
    changed.map((move) => {
      const from = locked.get(move.applicationId)!.stage;
      const to = stageOf.get(move.stageId)!;
      return {
        applicationId: move.applicationId,
        type: "stage_changed" as const,
        data: { fromStageId: from.id, fromStageName: from.name, toStageId: to.id, toStageName: to.name },
        occurredAt: move.occurredAt,
        actorId: actor.id,
      };
    }),
    { now, alongside: [moving, audits] },
  );
  // A move recorded after the fact (occurredAt given) is history: nobody is written to about it now.
  const emailed = changed.flatMap((move) => {
    const kind = stageOf.get(move.stageId)!.entryTemplateKind;
    const writes = kind && !options.silent && (!move.occurredAt || options.live);
    return writes ? [{ applicationId: move.applicationId, kind, actorId: actor.id, now }] : [];
  });
  const queued = await queueAutomaticMessages(tx, emailed);
  const movedTo = new Map(changed.map((move) => [move.applicationId, move.stageId]));
  const moved = [...locked.values()].map((application) => ({
    ...summaryOf(application),
    stageId: movedTo.get(application.id) ?? application.stageId,
  }));
  return { moved, emailsQueued: queued.filter(Boolean).length };
}

function summaryOf({ stage: _stage, ...summary }: LockedApplication): ApplicationSummary {
  return summary;
}

/** Moves one application in its own transaction (see moveApplications). */
export async function moveApplication(
  applicationId: string,
  input: { stageId: string; occurredAt?: Date },
  actor: Actor,
) {
  const { moved, emailsQueued } = await prisma.$transaction((tx) =>
    moveApplications(tx, [{ applicationId, ...input }], actor),
  );
  if (emailsQueued > 0) wakeOutboxWorker();
  return moved[0]!;
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
    const locked = await loadManyForChange(tx, [applicationId], actor);
    const [event] = await recordMessagesOn(tx, locked, [{ ...input, applicationId }], actor);
    return event!;
  });
}

export type RecordedMessage = MessageInput & {
  applicationId: string;
  occurredAt: Date;
  /** The Message row that holds the email, when there is one (a captured email), named in the touchpoint. */
  messageId?: string;
};

/**
 * Records messages that already happened on applications the caller has locked (loadManyForChange), in the caller's
 * transaction: one touchpoint each — which moves the SLA clocks as an email sent from Hearback would — and its audit
 * entry, appended together. `audit` is added to each audit entry (how the message came in).
 */
export async function recordMessagesOn(
  tx: Prisma.TransactionClient,
  locked: Map<string, LockedApplication>,
  messages: RecordedMessage[],
  actor: ChangeActor,
  audit: Record<string, string> = {},
) {
  for (const message of messages) {
    const application = locked.get(message.applicationId);
    if (!application) throw new NotFoundError("The application");
    if (message.occurredAt < application.appliedAt) {
      throw new InvalidInputError("A message cannot come before the application.", [
        { path: "occurredAt", message: "Must be after the application date." },
      ]);
    }
  }
  const events = messages.map((input) =>
    input.direction === "outbound"
      ? {
          id: newId(),
          applicationId: input.applicationId,
          type: "message_out" as const,
          data: {
            ...(input.subject ? { subject: input.subject } : {}),
            body: input.body,
            automated: input.automated,
            awaitsCandidate: input.awaitsCandidate,
            ...(input.messageId ? { messageId: input.messageId } : {}),
          } satisfies EventData["message_out"],
          occurredAt: input.occurredAt,
          actorId: actor.id,
        }
      : {
          id: newId(),
          applicationId: input.applicationId,
          type: "message_in" as const,
          data: {
            ...(input.subject ? { subject: input.subject } : {}),
            body: input.body,
          } satisfies EventData["message_in"],
          occurredAt: input.occurredAt,
        },
  );
  const audits = messages.map((input, index) => ({
    actorId: actor.id,
    action: "application.message_recorded",
    entityType: "Application",
    entityId: input.applicationId,
    data: { eventId: events[index]!.id, direction: input.direction, ...audit },
  }));
  return appendEvents(tx, events, { alongside: [auditInsert(audits)] });
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
