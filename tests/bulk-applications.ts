// The fast path for bulk data (benchmarks, the 2,000-card board test): writes the rows createApplicationWithHistory
// would write — candidates, applications, events, interviewer assignments, audit entries — with createMany in batches
// instead of one transaction per step (about 50x faster). It mirrors the model functions: the same checks, the event
// `data` shapes of EventData (app/domain/applications.ts), the same audit actions and data. The one difference is
// timing: rows are stamped with this call's recordedAt/createdAt. tests/integration/factories.test.ts replays one plan
// both ways and compares every row, so the two paths cannot drift apart unnoticed.
import type { Prisma } from "~/generated/prisma/client";
import { CANDIDATE_VISIBLE_EVENTS, type EventData, type EventType } from "~/domain/applications";
import { refreshOutcomeTold } from "~/models/metrics/outcome-told.server";
import { refreshStageStays } from "~/models/metrics/stage-stays.server";
import { loadSlaConfig } from "~/models/sla/config.server";
import { syncClocks } from "~/models/sla/clocks.server";
import { newId } from "~/platform/ids.server";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError } from "~/platform/errors.server";
import { statusTokenHashFor } from "~/platform/status-link-tokens.server";
import { INTERVIEW_LOGGED, type ApplicationPlan, type HistoryStep } from "./factories";

const BATCH_SIZE = 1_000;

type EventRow = Prisma.EventCreateManyInput;
type AuditRow = Prisma.AuditLogCreateManyInput;
type ApplicationRow = Prisma.ApplicationCreateManyInput;

type Rows = {
  candidates: Prisma.CandidateCreateManyInput[];
  applications: ApplicationRow[];
  events: EventRow[];
  interviewers: Prisma.ApplicationInterviewerCreateManyInput[];
  audits: AuditRow[];
};

function eventRow<T extends EventType>(
  applicationId: string,
  type: T,
  data: EventData[T],
  occurredAt: Date,
  actorId: string | null,
  visibility: "candidate" | "internal" = CANDIDATE_VISIBLE_EVENTS.has(type) ? "candidate" : "internal",
): EventRow {
  return { id: newId(), applicationId, type, data: data as Prisma.InputJsonValue, occurredAt, actorId, visibility };
}

function auditRow(
  actorId: string | null,
  action: string,
  applicationId: string,
  data: Prisma.InputJsonValue,
): AuditRow {
  return { actorId, action, entityType: "Application", entityId: applicationId, data };
}

type StageRef = { id: string; name: string };

/** Inserts the plans' applications with their histories. Returns the new application ids, in plan order. */
export async function insertApplicationsInBulk(
  plans: ApplicationPlan[],
  options: {
    /** The caller's transaction (the demo seed writes the whole workspace in one); else the rows get their own. */
    tx?: Prisma.TransactionClient;
    /** false: leave SLA clocks to a later recompute (benchmarks) */ syncClocks?: boolean;
  } = {},
): Promise<string[]> {
  const client = options.tx ?? prisma;
  const jobIds = [...new Set(plans.map((plan) => plan.jobId))];
  const stages = await client.stage.findMany({
    where: { jobId: { in: jobIds }, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, name: true, jobId: true },
  });
  const stagesByJob = new Map<string, StageRef[]>();
  for (const stage of stages) stagesByJob.set(stage.jobId, [...(stagesByJob.get(stage.jobId) ?? []), stage]);

  const emailKeys = [...new Set(plans.map((plan) => plan.candidate.email.toLowerCase()))];
  const candidateIds = new Map<string, string>();
  const activePairs = new Set<string>(); // candidateId:jobId with an active application
  for (const keys of chunks(emailKeys)) {
    const existing = await client.candidate.findMany({
      where: { emailKey: { in: keys } },
      select: {
        id: true,
        emailKey: true,
        applications: { where: { status: "active", jobId: { in: jobIds } }, select: { jobId: true } },
      },
    });
    for (const candidate of existing) {
      candidateIds.set(candidate.emailKey, candidate.id);
      for (const application of candidate.applications) activePairs.add(`${candidate.id}:${application.jobId}`);
    }
  }

  const rows: Rows = { candidates: [], applications: [], events: [], interviewers: [], audits: [] };
  const applicationIds = plans.map((plan) => {
    const jobStages = stagesByJob.get(plan.jobId);
    if (!jobStages?.length) throw new InvalidInputError(`Job ${plan.jobId} does not exist or has no stages.`);
    const emailKey = plan.candidate.email.toLowerCase();
    let candidateId = candidateIds.get(emailKey);
    if (!candidateId) {
      candidateId = newId();
      candidateIds.set(emailKey, candidateId);
      rows.candidates.push({
        id: candidateId,
        name: plan.candidate.name,
        email: plan.candidate.email,
        emailKey,
        phone: plan.candidate.phone ?? null,
        timeZone: plan.candidate.timeZone ?? "UTC",
        locale: plan.candidate.locale ?? "en",
      });
    }
    const pair = `${candidateId}:${plan.jobId}`;
    if (activePairs.has(pair))
      throw new ConflictError("This candidate already has an active application for this job.");
    const application = buildApplication(plan, candidateId, jobStages, rows);
    if (application.status === "active") activePairs.add(pair);
    return application.id!;
  });

  const write = async (tx: Prisma.TransactionClient) => {
    for (const batch of chunks(rows.candidates)) await tx.candidate.createMany({ data: batch });
    for (const batch of chunks(rows.applications)) await tx.application.createMany({ data: batch });
    for (const batch of chunks(rows.events)) await tx.event.createMany({ data: batch });
    for (const batch of chunks(rows.interviewers)) await tx.applicationInterviewer.createMany({ data: batch });
    for (const batch of chunks(rows.audits)) await tx.auditLog.createMany({ data: batch });
    // The models keep stage stays, when the candidate was told and SLA clocks in step with every event; here they are
    // computed once the history is in.
    for (const batch of chunks(applicationIds)) {
      await refreshStageStays(tx, batch);
      await refreshOutcomeTold(tx, batch);
    }
    if (options.syncClocks !== false) {
      const config = await loadSlaConfig(tx);
      for (const batch of chunks(applicationIds)) await syncClocks(tx, batch, { config });
    }
  };
  await (options.tx ? write(options.tx) : prisma.$transaction(write, { timeout: 600_000, maxWait: 60_000 }));
  return applicationIds;
}

// What createApplication and then each model call of applyHistory write, built in memory.
function buildApplication(plan: ApplicationPlan, candidateId: string, jobStages: StageRef[], rows: Rows) {
  const firstStage = jobStages[0]!;
  const applicationId = newId();
  const application: ApplicationRow & { id: string } = {
    id: applicationId,
    candidateId,
    jobId: plan.jobId,
    stageId: firstStage.id,
    status: "active",
    source: plan.source ?? null,
    appliedAt: plan.appliedAt,
    closedAt: null,
    outcomeReason: null,
    statusTokenHash: statusTokenHashFor(applicationId, 0), // as createApplication: the link emails carry
  };
  const id = application.id;
  rows.applications.push(application);
  rows.events.push(
    eventRow(id, "applied", plan.source ? { source: plan.source } : {}, plan.appliedAt, plan.createdById),
  );
  rows.audits.push(
    auditRow(plan.createdById, "application.created", id, {
      jobId: plan.jobId,
      candidateId,
      notify: plan.notify ?? false,
    }),
  );
  let stage = firstStage;
  const interviewerIds = new Set<string>();
  const assertActive = () => {
    if (application.status !== "active") {
      throw new ConflictError(`This application is already ${application.status}; reopen it before changing it.`);
    }
  };
  const assertAfterApplied = (step: HistoryStep) => {
    if (step.at < plan.appliedAt) throw new InvalidInputError(`A ${step.type} cannot come before the application.`);
  };
  for (const step of plan.steps) {
    switch (step.type) {
      case "move": {
        assertActive();
        const target = jobStages.find((candidate) => candidate.id === step.stageId);
        if (!target) throw new InvalidInputError("That stage is not part of this job.");
        if (target.id === stage.id) break; // moveApplication writes nothing for a move to the same stage
        rows.events.push(
          eventRow(
            id,
            "stage_changed",
            { fromStageId: stage.id, fromStageName: stage.name, toStageId: target.id, toStageName: target.name },
            step.at,
            step.by.id,
          ),
        );
        rows.audits.push(auditRow(step.by.id, "application.moved", id, { from: stage.id, to: target.id }));
        stage = target;
        application.stageId = target.id;
        break;
      }
      case "message_out": {
        assertAfterApplied(step);
        const event = eventRow(
          id,
          "message_out",
          {
            ...(step.subject ? { subject: step.subject } : {}),
            body: step.body,
            automated: step.automated ?? false,
            awaitsCandidate: step.awaitsCandidate ?? false,
          },
          step.at,
          step.by.id,
        );
        rows.events.push(event);
        rows.audits.push(
          auditRow(step.by.id, "application.message_recorded", id, { eventId: event.id!, direction: "outbound" }),
        );
        break;
      }
      case "message_in": {
        assertAfterApplied(step);
        const data = { ...(step.subject ? { subject: step.subject } : {}), body: step.body };
        const event = eventRow(id, "message_in", data, step.at, null);
        rows.events.push(event);
        rows.audits.push(
          auditRow(step.by.id, "application.message_recorded", id, { eventId: event.id!, direction: "inbound" }),
        );
        break;
      }
      case "note": {
        const event = eventRow(id, "note", { body: step.body }, step.at, step.by.id, "internal");
        rows.events.push(event);
        rows.audits.push(auditRow(step.by.id, "application.note_added", id, { eventId: event.id! }));
        break;
      }
      case "interview": {
        const data = { when: step.when.toISOString(), where: step.where, interviewerIds: step.interviewerIds };
        const event = eventRow(id, "interview", data, step.at, step.by.id);
        rows.events.push(event);
        rows.audits.push(auditRow(step.by.id, INTERVIEW_LOGGED, id, { eventId: event.id! }));
        break;
      }
      case "assign_interviewer": {
        if (!interviewerIds.has(step.userId)) {
          interviewerIds.add(step.userId);
          rows.interviewers.push({ applicationId: id, userId: step.userId });
        }
        rows.audits.push(auditRow(step.by.id, "application.interviewer_assigned", id, { userId: step.userId }));
        break;
      }
      case "decision": {
        assertActive();
        assertAfterApplied(step);
        application.status = step.outcome;
        application.closedAt = step.at;
        application.outcomeReason = step.reason ?? null;
        rows.events.push(
          step.outcome === "withdrawn"
            ? eventRow(id, "withdrawn", step.reason ? { reason: step.reason } : {}, step.at, step.by.id)
            : eventRow(
                id,
                "decision",
                { outcome: step.outcome, ...(step.reason ? { reason: step.reason } : {}) },
                step.at,
                step.by.id,
              ),
        );
        rows.audits.push(
          auditRow(step.by.id, `application.${step.outcome}`, id, {
            reason: step.reason ?? null,
            notify: step.notify ?? false,
          }),
        );
        break;
      }
    }
  }
  return application;
}

function chunks<T>(items: T[], size = BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
