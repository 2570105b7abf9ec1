// Decisions on applications — rejected, hired, withdrawn — and undoing a rejection, for one application or many in one
// transaction. Each writes its touchpoints, audit entries and candidate emails set-based (a few statements however
// many applications); deciding one application is the batch of one.
import { Prisma } from "~/generated/prisma/client";
import type { DecisionInput } from "~/domain/applications";
import { rejectionKindForStage, type StageKind } from "~/domain/jobs";
import { reopenRefusal } from "~/domain/reopening";
import { REJECTION_KINDS, type TemplateKind } from "~/domain/templates/kinds";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError } from "~/platform/errors.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import {
  loadManyForChange,
  notActiveRefusal,
  type ApplicationSummary,
  type LockedApplication,
} from "./application.server";
import { auditInsert } from "./audit.server";
import { REJECTION_KIND_LIST } from "./metrics/outcome-told.server";
import { appendEvents, type AppendedEvent, type NewEvent } from "./event.server";
import { queueAutomaticMessages } from "./outbox/automations.server";
import { queueCandidateMessages, type QueuedMessage } from "./outbox/queue.server";
import type { Actor, ChangeActor } from "./scope.server";
import { cancelInterviewsOnClose } from "./interviews/closing.server";

type Tx = Prisma.TransactionClient;

/** A refusal of one application in a batch: which one, and why. */
export class ApplicationRefusal extends ConflictError {
  constructor(
    readonly applicationId: string,
    readonly refusal: ConflictError | InvalidInputError,
  ) {
    super(refusal.message, refusal.issues);
    this.name = "ApplicationRefusal";
  }
}

function refusal(application: LockedApplication, occurredAt: Date): ApplicationRefusal | null {
  const notActive = notActiveRefusal(application);
  if (notActive) return new ApplicationRefusal(application.id, notActive);
  if (occurredAt < application.appliedAt) {
    return new ApplicationRefusal(
      application.id,
      new InvalidInputError("A decision cannot come before the application.", [
        { path: "occurredAt", message: "Must be after the application date." },
      ]),
    );
  }
  return null;
}

export type DecisionOptions = {
  /** Bulk rejection: the template kind to send instead of the stage's usual one, and the batch it belongs to. */
  templateKind?: TemplateKind;
  bulkRejectionId?: string;
  /** A rejection from the application page: the template the recruiter chose (its text as they previewed it) instead
   * of the workspace's usual one. A merge field it cannot fill refuses the decision, since a person is there to fix it. */
  template?: ChosenTemplate;
  /** The instant the decision is made (tests, replays); now by default. */
  now?: Date;
  /** Tell the candidate even though occurredAt is given: the decision was made moments ago elsewhere (a connected
   * ATS), not recorded after the fact. */
  live?: boolean;
};

export type ChosenTemplate = { id: string; version: number; kind: TemplateKind; subject: string; body: string };

export type Decided = { decided: ApplicationSummary; event: AppendedEvent; message: QueuedMessage | null };

function automaticKindFor(outcome: DecisionInput["outcome"], stageKind: StageKind): TemplateKind | null {
  if (outcome === "rejected") return rejectionKindForStage(stageKind);
  if (outcome === "withdrawn") return "withdrawal_ack";
  return null;
}

function decisionEvent(
  application: LockedApplication,
  input: DecisionInput,
  occurredAt: Date,
  actor: ChangeActor,
): NewEvent {
  const base = { applicationId: application.id, occurredAt, actorId: actor.id };
  return input.outcome === "withdrawn"
    ? { ...base, type: "withdrawn", data: input.reason ? { reason: input.reason } : {} }
    : {
        ...base,
        type: "decision",
        data: { outcome: input.outcome, ...(input.reason ? { reason: input.reason } : {}) },
      };
}

/** One application's decision in a batch of different ones (decideEach). */
export type EachDecision = { applicationId: string; input: DecisionInput };

/**
 * Decides these applications the same way (`input`), in the caller's transaction: decideEach with one input. Returns
 * the decided applications in id order (the order they are locked in).
 */
export async function decideApplications(
  tx: Tx,
  applicationIds: string[],
  input: DecisionInput,
  actor: ChangeActor,
  options: DecisionOptions = {},
): Promise<Decided[]> {
  return decideEach(
    tx,
    applicationIds.map((applicationId) => ({ applicationId, input })),
    actor,
    options,
  );
}

/**
 * Decides each application its own way (an import's rows each carry their outcome, reason and date), in the caller's
 * transaction, set-based. All or nothing: an application that is not active, or decided before it was made, refuses
 * the batch with an ApplicationRefusal naming it. With notify (the default) each candidate is told: a rejection at a
 * humane time, a withdrawal confirmed at once; a hire is told by the offer, which a person writes. A decision recorded
 * after the fact (occurredAt given) is history: the candidate was told back then. Returns the decided applications in
 * id order (the order they are locked in).
 */
export async function decideEach(
  tx: Tx,
  decisions: EachDecision[],
  actor: ChangeActor,
  options: DecisionOptions = {},
): Promise<Decided[]> {
  const locked = await loadManyForChange(
    tx,
    decisions.map((decision) => decision.applicationId),
    actor,
  );
  const applications = [...locked.values()];
  const now = options.now ?? new Date();
  const inputOf = new Map(decisions.map((decision) => [decision.applicationId, decision.input]));
  const decided = applications.map((application) => {
    const input = inputOf.get(application.id)!;
    return { application, input, occurredAt: input.occurredAt ?? now, reason: input.reason ?? null };
  });
  for (const { application, occurredAt } of decided) {
    const refused = refusal(application, occurredAt);
    if (refused) throw refused;
  }
  const rows = JSON.stringify(
    decided.map(({ application, input, occurredAt, reason }) => [
      application.id,
      input.outcome,
      occurredAt.toISOString(),
      reason,
    ]),
  );
  const closing = Prisma.sql`
    UPDATE "Application" a SET status = (e->>1)::"ApplicationStatus", "closedAt" = (e->>2)::timestamp(3),
           "outcomeReason" = e->>3, "updatedAt" = ${now.toISOString()}::timestamp(3)
      FROM jsonb_array_elements(${rows}::jsonb) AS e WHERE a.id = e->>0`;
  const audits = auditInsert(
    decided.map(({ application, input, reason }) => ({
      actorId: actor.id,
      action: `application.${input.outcome}`,
      entityType: "Application",
      entityId: application.id,
      data: {
        reason,
        notify: input.notify,
        ...(options.bulkRejectionId ? { bulkRejectionId: options.bulkRejectionId } : {}),
      },
    })),
    now,
  );
  const events = await appendEvents(
    tx,
    decided.map(({ application, input, occurredAt }) => decisionEvent(application, input, occurredAt, actor)),
    { now, alongside: [closing, audits] },
  );
  for (const outcome of new Set(decided.map(({ input }) => input.outcome))) {
    const closed = decided.filter(({ input }) => input.outcome === outcome).map(({ application }) => application.id);
    await cancelInterviewsOnClose(tx, closed, { now, actorId: actor.id, outcome });
  }
  const emailed = decided.flatMap(({ application, input }) => {
    const kind =
      !input.notify || (input.occurredAt && !options.live)
        ? null
        : automaticKindFor(input.outcome, application.stage.kind);
    return kind ? [{ applicationId: application.id, kind: options.templateKind ?? kind }] : [];
  });
  const chosen = options.template;
  const messages = chosen
    ? await queueCandidateMessages(
        tx,
        emailed.map((email) => ({
          applicationId: email.applicationId,
          kind: chosen.kind,
          text: { subject: chosen.subject, body: chosen.body },
          template: { id: chosen.id, version: chosen.version },
          automated: true,
          awaitsCandidate: false,
          timing: { kind: "humane" as const },
          actorId: actor.id,
          now,
        })),
      )
    : await queueAutomaticMessages(
        tx,
        emailed.map((email) => ({ ...email, actorId: actor.id, bulkRejectionId: options.bulkRejectionId, now })),
      );
  const messageOf = new Map(emailed.map((email, index) => [email.applicationId, messages[index] ?? null]));
  return decided.map(({ application, input, occurredAt, reason }, index) => {
    const { stage: _stage, ...summary } = application;
    return {
      decided: { ...summary, status: input.outcome, closedAt: occurredAt, outcomeReason: reason },
      event: events[index]!,
      message: messageOf.get(application.id) ?? null,
    };
  });
}

/** decideApplications for one application; its refusal is the plain error. */
export async function decideInTransaction(
  tx: Tx,
  applicationId: string,
  input: DecisionInput,
  actor: Actor,
  options: DecisionOptions = {},
): Promise<Decided> {
  try {
    const [decided] = await decideApplications(tx, [applicationId], input, actor, options);
    return decided!;
  } catch (error) {
    throw error instanceof ApplicationRefusal ? error.refusal : error;
  }
}

/** Decides an application in its own transaction (see decideApplications). */
export async function decideApplication(
  applicationId: string,
  input: DecisionInput,
  actor: Actor,
  options: DecisionOptions = {},
) {
  const result = await prisma.$transaction((tx) => decideInTransaction(tx, applicationId, input, actor, options));
  if (result.message) wakeOutboxWorker();
  return result.decided;
}

/**
 * Undoes rejections while the candidates have not been told, in the caller's transaction: each rejection email still
 * waiting is cancelled and the application is active again in the stage it was in. All or nothing: one whose email
 * has gone out refuses the batch with an ApplicationRefusal naming it, unless `evenIfTold` (the ATS reconsidered a
 * rejection the candidate heard of: they are back in the process whatever they were told).
 */
export async function reopenApplications(
  tx: Tx,
  applicationIds: string[],
  actor: ChangeActor,
  data: { undoes?: string; reason?: string } = {},
  options: { now?: Date; evenIfTold?: boolean } = {},
): Promise<ApplicationSummary[]> {
  const applications = [...(await loadManyForChange(tx, applicationIds, actor)).values()];
  const ids = applications.map((application) => application.id);
  const rejectionEmails = await tx.message.findMany({
    where: {
      applicationId: { in: ids },
      audience: "candidate",
      status: { in: ["sending", "sent"] },
      kind: { in: [...REJECTION_KINDS] },
    },
    select: { applicationId: true, status: true, kind: true, createdAt: true },
  });
  for (const application of applications) {
    const emails = rejectionEmails.filter((email) => email.applicationId === application.id);
    const refused = reopenRefusal(application, options.evenIfTold ? [] : emails);
    if (refused) throw new ApplicationRefusal(application.id, new ConflictError(refused));
  }
  const now = options.now ?? new Date();
  const cancelEmails = Prisma.sql`
    UPDATE "Message" SET status = 'cancelled', "nextAttemptAt" = NULL, "updatedAt" = ${now.toISOString()}::timestamp(3)
     WHERE "applicationId" = ANY(${ids}::text[]) AND audience = 'candidate' AND status IN ('queued', 'failed')
       AND kind IN (${REJECTION_KIND_LIST})`;
  const reopening = Prisma.sql`
    UPDATE "Application" SET status = 'active', "closedAt" = NULL, "outcomeReason" = NULL,
           "updatedAt" = ${now.toISOString()}::timestamp(3)
     WHERE id = ANY(${ids}::text[])`;
  const audits = auditInsert(
    ids.map((entityId) => ({
      actorId: actor.id,
      action: "application.reopened",
      entityType: "Application",
      entityId,
      data,
    })),
    now,
  );
  await appendEvents(
    tx,
    ids.map((applicationId) => ({
      applicationId,
      type: "reopened" as const,
      data,
      actorId: actor.id,
      visibility: "internal" as const,
    })),
    { now, alongside: [cancelEmails, reopening, audits] },
  );
  return applications.map(({ stage: _stage, ...summary }) => ({
    ...summary,
    status: "active" as const,
    closedAt: null,
    outcomeReason: null,
  }));
}

/** reopenApplications for one application; its refusal is the plain error. */
export async function reopenInTransaction(
  tx: Tx,
  applicationId: string,
  actor: Actor,
  data: { undoes?: string; reason?: string } = {},
): Promise<ApplicationSummary> {
  try {
    const [reopened] = await reopenApplications(tx, [applicationId], actor, data);
    return reopened!;
  } catch (error) {
    throw error instanceof ApplicationRefusal ? error.refusal : error;
  }
}

/** Undoes a rejection from the application page (see reopenApplications). */
export async function reopenApplication(applicationId: string, actor: Actor) {
  return prisma.$transaction((tx) => reopenInTransaction(tx, applicationId, actor));
}
