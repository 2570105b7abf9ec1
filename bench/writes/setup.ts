// The write benchmark's data: a small realistic pipeline (staff, a five-stage job under the default SLA policy, the
// template library, a few hundred applications with histories) and, for every measured run, a fresh application to
// change: created through createApplication, in the job's first stage, all applied at the same instant so that each
// starts with the same rows (its applied event, audit entry, three running clocks and one stage stay).
import type { Actor } from "~/models/scope.server";
import { createApplication } from "~/models/application-intake.server";
import { ensureTemplateLibrary } from "~/models/template.server";
import { prisma } from "~/platform/db.server";
import { fakeCandidate, seedFactories } from "../../tests/factories";
import { createPipelineDataset, createPipelineStaff } from "../datasets/pipeline";
import type { Row } from "./floor-sql";

const BACKGROUND_APPLICATIONS = 300;
const DAY = 24 * 60 * 60 * 1000;

export type WritesSetup = {
  actor: Actor;
  jobId: string;
  firstStage: { id: string; name: string };
  /** A stage without an entry email, after the first. */
  nextStage: { id: string; name: string };
  appliedAt: Date;
  backgroundApplications: number;
};

export async function createWritesSetup(): Promise<WritesSetup> {
  seedFactories(5_000);
  await ensureTemplateLibrary();
  const staff = await createPipelineStaff("writes");
  const dataset = await createPipelineDataset(staff, {
    applications: BACKGROUND_APPLICATIONS,
    title: "Writes Engineer",
  });
  const [firstStage, nextStage] = dataset.job.stages;
  if (!firstStage || !nextStage || nextStage.entryTemplateKind) throw new Error("Unexpected pipeline stages.");
  await prisma.$executeRawUnsafe("ANALYZE");
  return {
    actor: { id: staff.recruiter.id, role: staff.recruiter.role },
    jobId: dataset.job.id,
    firstStage,
    nextStage,
    appliedAt: new Date(Date.now() - 2 * DAY),
    backgroundApplications: dataset.applicationIds.length,
  };
}

/** What createApplication gets for a new candidate. */
export function newApplicationInput(setup: WritesSetup, notify: boolean) {
  const candidate = fakeCandidate();
  return { jobId: setup.jobId, candidate, appliedAt: setup.appliedAt, source: "Careers page", notify };
}

/** `count` fresh active applications in the first stage. */
export async function createTargets(setup: WritesSetup, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    ids.push((await createApplication(newApplicationInput(setup, false), setup.actor.id)).id);
  }
  return ids;
}

export type ClockRow = Row<"SlaClock"> & { metric: string; instance: number; state: string };

/** An application's clocks as stored, to copy into a floor's rows. */
export async function storedClocks(applicationId: string): Promise<ClockRow[]> {
  return prisma.$queryRaw<ClockRow[]>`
    SELECT metric::text, instance, state::text, "startedAt", "dueAt", "warnAt", "stoppedAt", breached,
           "businessHours", "targetMinutes", "remainingMinutes", "stageId", "policyId"
      FROM "SlaClock" WHERE "applicationId" = ${applicationId} ORDER BY metric, instance`;
}

export type MessageRow = Row<"Message"> & { kind: string; bodyText: string };

/** The candidate message an operation queued for an application, to copy into a floor's rows. */
export async function queuedMessage(applicationId: string): Promise<MessageRow> {
  const [row] = await prisma.$queryRaw<MessageRow[]>`
    SELECT direction::text, audience::text, status::text, kind::text, "templateId", "templateVersion",
           "fromAddress", "toAddress", "replyTo", subject, "bodyText", "bodyHtml", automated, "awaitsCandidate",
           "scheduledFor", "nextAttemptAt", "createdById"
      FROM "Message" WHERE "applicationId" = ${applicationId} ORDER BY "createdAt" DESC LIMIT 1`;
  if (!row) throw new Error(`No message was queued for ${applicationId}.`);
  return row;
}

export type StayRow = { sequence: number; stageId: string; enteredAt: Date; leftAt: Date | null };

/** An application's clocks and stage stays, to tell what an operation changed in them. */
export async function derivedRowsOf(applicationId: string): Promise<{ clocks: ClockRow[]; stays: StayRow[] }> {
  const stays = await prisma.$queryRaw<StayRow[]>`
    SELECT sequence, "stageId", "enteredAt", "leftAt" FROM "StageStay"
     WHERE "applicationId" = ${applicationId} ORDER BY sequence`;
  return { clocks: await storedClocks(applicationId), stays };
}
