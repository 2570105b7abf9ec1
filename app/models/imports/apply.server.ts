// Applying imported rows, a batch in the caller's transaction: the jobs and stages the rows name that do not exist are
// created, then each row's change goes through the batch forms of the write path — createApplications, then
// moveApplications, decideEach and the touchpoint that the candidate was told — so clocks, stage stays, metrics and
// audit entries follow as for a change made here, in a few statements however large the batch. Rows are history:
// they carry their own dates, and nothing is sent except, when asked, the acknowledgement of a new active application.
import type { Prisma } from "~/generated/prisma/client";
import type { ImportRow } from "~/domain/imports/types";
import { guessStageKind } from "~/domain/connectors/stage-kinds";
import { createApplications } from "../application-intake.server";
import { moveApplications, type StageMove } from "../application.server";
import { auditInsert } from "../audit.server";
import { decideEach, type EachDecision } from "../decisions.server";
import { appendEvents } from "../event.server";
import { lockApplications } from "../application-locks.server";
import type { ChangeActor } from "../scope.server";
import { placeStage } from "../stage-placement.server";
import { countPlan, nameKey, planRows, type Plan, type PlanCounts, type PlannedJob } from "./plan.server";

type Tx = Prisma.TransactionClient;

export type ApplyOptions = { actor: ChangeActor; acknowledge: boolean; now: Date; importId?: string };

/** What a batch did. */
export type AppliedRows = { created: number; updated: number; skipped: number; emailsQueued: boolean };

const at = (iso: string | undefined) => (iso ? new Date(iso) : undefined);
const clamp = (date: Date, low: Date, high: Date) => (date < low ? low : date > high ? high : date);

/** A row's dates made consistent: applied, then in its stage, then decided, then told; none after now, and none
 * before `notBefore` (what the application found here already holds). */
function datesOf(row: ImportRow, now: Date, notBefore = new Date(0)) {
  const decidedGiven = at(row.decidedAt);
  const appliedAt = clamp(at(row.appliedAt) ?? at(row.lastActivityAt) ?? decidedGiven ?? now, notBefore, now);
  const decidedAt = clamp(decidedGiven ?? at(row.lastActivityAt) ?? now, appliedAt, now);
  const stageAt = clamp(at(row.lastActivityAt) ?? appliedAt, appliedAt, row.outcome === "active" ? now : decidedAt);
  const toldAt = clamp(at(row.toldAt) ?? decidedAt, decidedAt, now);
  return { appliedAt, stageAt, decidedAt, toldAt };
}

/** Creates the jobs the plan names that do not exist (open; their recruiter when the file names a staff member), and
 * the stages the rows name that their job lacks, each placed by its guessed kind. */
async function createJobsAndStages(tx: Tx, plan: Plan, now: Date): Promise<Map<string, PlannedJob>> {
  const recruiters = await tx.user.findMany({
    where: { active: true, role: { in: ["admin", "recruiter"] } },
    select: { id: true, name: true, email: true },
  });
  const recruiterOf = (name: string | undefined) =>
    name
      ? recruiters.find((user) => nameKey(user.name) === nameKey(name) || user.email === nameKey(name))?.id
      : undefined;
  for (const [key, job] of plan.jobs) {
    if (job.id) continue;
    const named = plan.rows.find((row) => row.jobKey === key && row.row.recruiter)?.row.recruiter;
    const created = await tx.job.create({
      data: { title: job.title, recruiterId: recruiterOf(named) ?? null, createdAt: now },
      select: { id: true },
    });
    job.id = created.id;
    // Applications land in a job's first stage: one the file names, else "Applied".
    const firstNamed = plan.newStages.get(key)?.some((name) => guessStageKind(name) === "applied");
    if (!firstNamed)
      await tx.stage.create({ data: { jobId: created.id, name: "Applied", kind: "applied", position: 0 } });
  }
  for (const [key, names] of plan.newStages) {
    const job = plan.jobs.get(key)!;
    for (const name of names) {
      const kind = guessStageKind(name);
      const position = await placeStage(tx, job.id!, kind);
      await tx.stage.create({ data: { jobId: job.id!, name: name.slice(0, 120), kind, position } });
    }
  }
  const changed = [...plan.jobs.entries()].filter(([key, job]) => job.stages.length === 0 || plan.newStages.has(key));
  const stages = await tx.stage.findMany({
    where: { jobId: { in: changed.map(([, job]) => job.id!) }, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, jobId: true, name: true, kind: true, position: true },
  });
  for (const [, job] of changed) job.stages = stages.filter((stage) => stage.jobId === job.id);
  return plan.jobs;
}

/**
 * Plans and applies these rows in the caller's transaction, which must hold the import lock (work.server.ts). All or
 * nothing: a row the write path refuses (an application that changed meanwhile) throws, and the caller then applies
 * the batch a row at a time so that only that row fails.
 */
export async function applyRows(tx: Tx, rows: ImportRow[], options: ApplyOptions): Promise<AppliedRows> {
  const { actor, acknowledge, now } = options;
  const plan = await planRows(tx, rows);
  const jobs = await createJobsAndStages(tx, plan, now);
  const stageOf = (jobKey: string, stageKey: string | null) =>
    stageKey ? jobs.get(jobKey)!.stages.find((stage) => nameKey(stage.name) === stageKey)!.id : null;

  const creates = plan.rows.filter((planned) => planned.change.kind === "create");
  const created = await createApplications(
    tx,
    creates.map(({ row, jobKey }) => ({
      jobId: jobs.get(jobKey)!.id!,
      candidate: { name: row.name, email: row.email, phone: row.phone },
      appliedAt: datesOf(row, now).appliedAt,
      source: row.source ?? "Import",
      notify: acknowledge && row.outcome === "active",
    })),
    actor.id,
    now,
  );
  type Target = {
    applicationId: string;
    row: ImportRow;
    stageId: string | null;
    currentStageId: string;
    decide: boolean;
    tell: boolean;
    dates: ReturnType<typeof datesOf>;
  };
  const targets: Target[] = [
    ...creates.map((planned, index) => ({
      applicationId: created[index]!.id,
      row: planned.row,
      stageId: stageOf(planned.jobKey, planned.stageKey),
      currentStageId: created[index]!.stageId,
      decide: planned.row.outcome !== "active",
      tell: planned.row.outcome !== "active" && planned.row.outcome !== "hired" && planned.row.toldAt !== undefined,
      dates: datesOf(planned.row, now),
    })),
    ...plan.rows.flatMap((planned) =>
      planned.change.kind === "update"
        ? [
            {
              applicationId: planned.change.applicationId,
              row: planned.row,
              stageId: planned.change.move ? stageOf(planned.jobKey, planned.stageKey) : null,
              currentStageId: "",
              decide: planned.change.decide,
              tell: planned.change.tell,
              dates: datesOf(planned.row, now, new Date(planned.change.notBeforeMs)),
            },
          ]
        : [],
    ),
  ];
  await lockApplications(
    tx,
    targets.map((target) => target.applicationId),
  );

  const moves: StageMove[] = targets.flatMap(({ applicationId, stageId, currentStageId, dates }) =>
    stageId && stageId !== currentStageId ? [{ applicationId, stageId, occurredAt: dates.stageAt }] : [],
  );
  if (moves.length > 0) await moveApplications(tx, moves, actor, { now, silent: true });

  const decisions: EachDecision[] = targets.flatMap(({ applicationId, row, decide, dates }) =>
    decide && row.outcome !== "active"
      ? [
          {
            applicationId,
            input: { outcome: row.outcome, reason: row.reason, occurredAt: dates.decidedAt, notify: false },
          },
        ]
      : [],
  );
  if (decisions.length > 0) await decideEach(tx, decisions, actor, { now });

  const told = targets.filter((target) => target.tell);
  if (told.length > 0) {
    const audits = auditInsert(
      told.map(({ applicationId }) => ({
        actorId: actor.id,
        action: "application.message_recorded",
        entityType: "Application",
        entityId: applicationId,
        data: { direction: "outbound", importId: options.importId ?? null, toldOfOutcome: true },
      })),
      now,
    );
    // No body: the candidate's page shows nothing for it, the clocks and the closure rate see the outcome told.
    await appendEvents(
      tx,
      told.map(({ applicationId, dates }) => ({
        applicationId,
        type: "message_out" as const,
        visibility: "candidate" as const,
        data: {
          subject: "Told of the outcome outside Hearback (imported)",
          body: "",
          automated: false,
          awaitsCandidate: false,
        },
        occurredAt: dates.toldAt,
        actorId: actor.id,
      })),
      { now, alongside: [audits] },
    );
  }
  const counts: PlanCounts = countPlan(plan);
  return {
    created: counts.newApplications,
    updated: counts.updates,
    skipped: counts.skipped,
    emailsQueued: acknowledge && creates.some(({ row }) => row.outcome === "active"),
  };
}
