// The floors of the write benchmark: for each operation, the rows it writes, written by hand-written multi-row SQL
// with every value computed beforehand (bench/writes.bench.ts lists them). The SLA clock and stage-stay rows are
// copied from what the real operation wrote on a sample application (its rows before and after), re-keyed to the
// floor's application; the message from the one it queued, so bodies have their real size.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
import { newId } from "~/platform/ids.server";
import { statusTokenHashFor } from "~/platform/status-link-tokens.server";
import { insertRows, updateRows, type Row } from "./floor-sql";
import { INBOUND_MESSAGE, REJECTION_REASON } from "./operations";
import type { ClockRow, MessageRow, StayRow, WritesSetup } from "./setup";

export type FloorPlan = Prisma.Sql[];

/** Runs a floor: its statements, one after another, in one transaction. */
export async function runFloor(plan: FloorPlan): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const statement of plan) await tx.$executeRaw(statement);
  });
}

/** What an operation changed in an application's clocks and stage stays (a sample's rows before and after it). */
export type DerivedRows = { clocks: ClockRow[]; stays: StayRow[] };

const clockKey = (clock: ClockRow) => `${clock.metric}:${clock.instance}`;

/** The rows of `after` that are new or differ from `before`. */
export function changedRows(
  before: { clocks: ClockRow[]; stays: StayRow[] },
  after: { clocks: ClockRow[]; stays: StayRow[] },
): DerivedRows {
  const clocksBefore = new Map(before.clocks.map((clock) => [clockKey(clock), JSON.stringify(clock)]));
  const staysBefore = new Map(before.stays.map((stay) => [stay.sequence, JSON.stringify(stay)]));
  return {
    clocks: after.clocks.filter((clock) => clocksBefore.get(clockKey(clock)) !== JSON.stringify(clock)),
    stays: after.stays.filter((stay) => staysBefore.get(stay.sequence) !== JSON.stringify(stay)),
  };
}

const CLOCK_UPDATE = [
  "state",
  "startedAt",
  "dueAt",
  "warnAt",
  "stoppedAt",
  "breached",
  "remainingMinutes",
  "updatedAt",
];

/** One upsert of the changed clocks and one of the changed stays (none when nothing changed). */
function derivedStatements(setup: WritesSetup, applicationId: string, rows: DerivedRows, now: Date): FloorPlan {
  const plan: FloorPlan = [];
  if (rows.clocks.length > 0) {
    const clocks = rows.clocks.map((clock) => ({
      id: newId(),
      applicationId,
      jobId: setup.jobId,
      ...clock,
      updatedAt: now,
    }));
    plan.push(insertRows("SlaClock", clocks, { key: ["applicationId", "metric", "instance"], update: CLOCK_UPDATE }));
  }
  if (rows.stays.length > 0) {
    const stays = rows.stays.map((stay) => ({ applicationId, jobId: setup.jobId, ...stay }));
    plan.push(insertRows("StageStay", stays, { key: ["applicationId", "sequence"], update: ["leftAt"] }));
  }
  return plan;
}

function eventRow(applicationId: string, type: string, data: object, occurredAt: Date, actorId: string | null) {
  const visibility = type === "reopened" ? "internal" : "candidate";
  return { id: newId(), applicationId, type, visibility, occurredAt, recordedAt: new Date(), actorId, data };
}

function auditRow(setup: WritesSetup, action: string, applicationId: string, data: object): Row<"AuditLog"> {
  const entity = { entityType: "Application", entityId: applicationId };
  return { id: newId(), actorId: setup.actor.id, action, ...entity, data, createdAt: new Date() };
}

function messageRow(sample: MessageRow, applicationId: string, now: Date): Row<"Message"> & { id: string } {
  const id = newId();
  const replyTo = `reply+${applicationId}.${id.slice(-16)}@localhost`;
  return {
    ...sample,
    id,
    applicationId,
    replyTo,
    headerMessageId: `<${id}@localhost>`,
    createdAt: now,
    updatedAt: now,
  };
}

export type NewApplication = { candidate: { name: string; email: string; timeZone: string; locale: string } };

/** createApplication: the candidate, the application, its applied event and audit entry, its clocks and first stay,
 * and with `message` the acknowledgement. */
export function createFloor(
  setup: WritesSetup,
  input: NewApplication,
  rows: DerivedRows,
  message: MessageRow | null,
): FloorPlan {
  const now = new Date();
  const candidateId = newId();
  const id = newId();
  const { name, email, timeZone, locale } = input.candidate;
  const emailKey = email.toLowerCase();
  const candidate = { id: candidateId, name, email, emailKey, timeZone, locale, createdAt: now, updatedAt: now };
  const application = {
    ...{ id, candidateId, jobId: setup.jobId, stageId: setup.firstStage.id, status: "active" },
    ...{ source: "Careers page", appliedAt: setup.appliedAt, statusTokenHash: statusTokenHashFor(id, 0) },
    ...{ furthestPosition: 0, createdAt: now, updatedAt: now },
  };
  const audit = { jobId: setup.jobId, candidateId, notify: message !== null };
  return [
    insertRows("Candidate", [candidate]),
    insertRows("Application", [application]),
    insertRows("Event", [eventRow(id, "applied", { source: "Careers page" }, setup.appliedAt, setup.actor.id)]),
    insertRows("AuditLog", [auditRow(setup, "application.created", id, audit)]),
    ...derivedStatements(setup, id, rows, now),
    ...(message ? [insertRows("Message", [messageRow(message, id, now)])] : []),
  ];
}

/** moveApplication to a stage without an entry email. */
export function moveFloor(setup: WritesSetup, applicationId: string, rows: DerivedRows): FloorPlan {
  const now = new Date();
  const { firstStage: from, nextStage: to } = setup;
  const data = { fromStageId: from.id, fromStageName: from.name, toStageId: to.id, toStageName: to.name };
  return [
    updateRows("Application", ["id"], [{ id: applicationId, stageId: to.id, furthestPosition: 1, updatedAt: now }]),
    insertRows("Event", [eventRow(applicationId, "stage_changed", data, now, setup.actor.id)]),
    insertRows("AuditLog", [auditRow(setup, "application.moved", applicationId, { from: from.id, to: to.id })]),
    ...derivedStatements(setup, applicationId, rows, now),
  ];
}

/** recordMessage (inbound), or with `audit` false the bare event with its clock sync. */
export function messageInFloor(setup: WritesSetup, applicationId: string, rows: DerivedRows, audit: boolean) {
  const now = new Date();
  const event = eventRow(applicationId, "message_in", INBOUND_MESSAGE, now, null);
  const auditData = { eventId: event.id, direction: "inbound" };
  return [
    insertRows("Event", [event]),
    ...(audit
      ? [insertRows("AuditLog", [auditRow(setup, "application.message_recorded", applicationId, auditData)])]
      : []),
    ...derivedStatements(setup, applicationId, rows, now),
  ];
}

/** decideApplication (rejected, notify): returns the plan and the id of the rejection email it queues. */
export function decideFloor(setup: WritesSetup, applicationId: string, rows: DerivedRows, message: MessageRow) {
  const now = new Date();
  const email = messageRow(message, applicationId, now);
  const decided = {
    id: applicationId,
    status: "rejected",
    closedAt: now,
    outcomeReason: REJECTION_REASON,
    updatedAt: now,
  };
  const data = { outcome: "rejected", reason: REJECTION_REASON };
  const plan = [
    updateRows("Application", ["id"], [decided]),
    insertRows("Event", [eventRow(applicationId, "decision", data, now, setup.actor.id)]),
    insertRows("AuditLog", [
      auditRow(setup, "application.rejected", applicationId, { reason: REJECTION_REASON, notify: true }),
    ]),
    ...derivedStatements(setup, applicationId, rows, now),
    insertRows("Message", [email]),
  ];
  return { plan, messageId: email.id };
}

/** reopenApplication after the floor's decision: its queued rejection email cancelled, the application active. */
export function reopenFloor(setup: WritesSetup, applicationId: string, messageId: string, rows: DerivedRows) {
  const now = new Date();
  const reopened = { id: applicationId, status: "active", closedAt: null, outcomeReason: null, updatedAt: now };
  return [
    updateRows("Message", ["id"], [{ id: messageId, status: "cancelled", nextAttemptAt: null, updatedAt: now }]),
    updateRows("Application", ["id"], [reopened]),
    insertRows("Event", [eventRow(applicationId, "reopened", {}, now, setup.actor.id)]),
    insertRows("AuditLog", [auditRow(setup, "application.reopened", applicationId, {})]),
    ...derivedStatements(setup, applicationId, rows, now),
  ];
}
