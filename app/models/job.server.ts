// Jobs and their stages (the pipeline). Writes audit entries in the same transaction as the change.
import type { Prisma } from "~/generated/prisma/client";
import { slugFromTitle, uniqueSlug } from "~/domain/careers/slug";
import { DEFAULT_STAGES, type JobInput, type StageInput } from "~/domain/jobs";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { prisma } from "~/platform/db.server";
import { recordAudit } from "./audit.server";
import { refreshFurthestPositions } from "./metrics/stage-stays.server";
import { jobScope, type Actor } from "./scope.server";
import { requestRecompute } from "./sla/recompute.server";

export const stageSelect = {
  id: true,
  name: true,
  kind: true,
  position: true,
  decisionMinutes: true,
  entryTemplateKind: true,
} satisfies Prisma.StageSelect;

export const jobDetailSelect = {
  id: true,
  title: true,
  department: true,
  location: true,
  status: true,
  scheduleId: true,
  publishedAt: true,
  slug: true,
  description: true,
  createdAt: true,
  hiringManager: { select: { id: true, name: true } },
  recruiter: { select: { id: true, name: true } },
  stages: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: stageSelect },
} satisfies Prisma.JobSelect;

export type JobDetail = Prisma.JobGetPayload<{ select: typeof jobDetailSelect }>;

async function assertStaffRole(
  tx: Prisma.TransactionClient,
  userId: string | null,
  roles: string[],
  field: string,
  label: string,
) {
  if (!userId) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (!user || !user.active || !roles.includes(user.role)) {
    throw new InvalidInputError(`Choose an active ${label}.`, [{ path: field, message: `Choose an active ${label}.` }]);
  }
}

async function assertPeople(
  tx: Prisma.TransactionClient,
  input: Pick<JobInput, "hiringManagerId" | "recruiterId" | "scheduleId">,
) {
  await assertStaffRole(
    tx,
    input.hiringManagerId,
    ["hiring_manager", "admin", "recruiter"],
    "hiringManagerId",
    "hiring manager",
  );
  await assertStaffRole(tx, input.recruiterId, ["recruiter", "admin"], "recruiterId", "recruiter");
  if (input.scheduleId) {
    const schedule = await tx.schedule.findUnique({ where: { id: input.scheduleId }, select: { id: true } });
    if (!schedule) {
      throw new InvalidInputError("Choose an existing schedule.", [
        { path: "scheduleId", message: "No schedule has this id." },
      ]);
    }
  }
}

function jobColumns(input: JobInput) {
  return {
    title: input.title,
    department: input.department ?? null,
    location: input.location ?? null,
    status: input.status,
    hiringManagerId: input.hiringManagerId,
    recruiterId: input.recruiterId,
    scheduleId: input.scheduleId,
  };
}

type Publication = { publishedAt: Date | null; slug: string | null };

/** The first of `base`, `base-2`, `base-3`… that no job has. */
async function freeSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const rows = await tx.job.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return uniqueSlug(base, new Set(rows.map((row) => row.slug!)));
}

/**
 * The careers-page columns a save changes: the description when given, and publishing. The first publication gives
 * the job its slug from the title; the slug stays through later title changes and republishing, so shared links keep
 * working. `published` absent (the API) leaves the job as it is.
 */
async function publicationColumns(
  tx: Prisma.TransactionClient,
  input: Pick<JobInput, "title" | "published" | "description">,
  current: Publication | null,
  now: Date,
): Promise<Partial<Publication> & { description?: string | null }> {
  const columns: Partial<Publication> & { description?: string | null } = {};
  if (input.description !== undefined) columns.description = input.description;
  if (input.published === true && !current?.publishedAt) {
    columns.publishedAt = now;
    if (!current?.slug) columns.slug = await freeSlug(tx, slugFromTitle(input.title));
  } else if (input.published === false && current?.publishedAt) {
    columns.publishedAt = null;
  }
  return columns;
}

async function auditPublication(
  tx: Prisma.TransactionClient,
  jobId: string,
  columns: Partial<Publication>,
  actorId: string | null,
) {
  if (columns.publishedAt === undefined) return;
  await recordAudit(tx, {
    actorId,
    action: columns.publishedAt ? "job.published" : "job.unpublished",
    entityType: "Job",
    entityId: jobId,
    data: columns.slug ? { slug: columns.slug } : {},
  });
}

/** Creates a job with its stages; in `db` when the caller has a transaction (the demo seed), else in its own. */
export async function createJob(
  input: JobInput,
  actorId: string | null,
  db?: Prisma.TransactionClient,
): Promise<JobDetail> {
  const stages: StageInput[] = input.stages ?? DEFAULT_STAGES.map((stage) => ({ ...stage, decisionMinutes: null }));
  const create = async (tx: Prisma.TransactionClient) => {
    await assertPeople(tx, input);
    const publication = await publicationColumns(tx, input, null, new Date());
    const job = await tx.job.create({
      data: {
        ...jobColumns(input),
        ...publication,
        stages: {
          create: stages.map((stage, position) => ({
            name: stage.name,
            kind: stage.kind,
            position,
            decisionMinutes: stage.decisionMinutes,
            entryTemplateKind: stage.entryTemplateKind ?? null,
          })),
        },
      },
      select: jobDetailSelect,
    });
    await recordAudit(tx, {
      actorId,
      action: "job.created",
      entityType: "Job",
      entityId: job.id,
      data: { title: job.title },
    });
    await auditPublication(tx, job.id, publication, actorId);
    return job;
  };
  return db ? create(db) : prisma.$transaction(create);
}

/** What of a job the SLA clocks depend on: its department (policy match), schedule and stage decision times. */
const slaInputsSelect = {
  id: true,
  department: true,
  scheduleId: true,
  stages: { orderBy: { id: "asc" }, select: { id: true, decisionMinutes: true } },
} satisfies Prisma.JobSelect;

export async function updateJob(jobId: string, input: JobInput, actor: Actor): Promise<JobDetail> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.job.findFirst({
      where: { id: jobId, ...jobScope(actor) },
      select: { ...slaInputsSelect, publishedAt: true, slug: true },
    });
    if (!found) throw new NotFoundError("The job");
    const { publishedAt, slug, ...existing } = found;
    await assertPeople(tx, input);
    const publication = await publicationColumns(tx, input, { publishedAt, slug }, new Date());
    await tx.job.update({
      where: { id: jobId },
      data: { ...jobColumns(input), ...publication },
    });
    if (input.stages) await replaceStages(tx, jobId, input.stages);
    const after = await tx.job.findUniqueOrThrow({ where: { id: jobId }, select: slaInputsSelect });
    if (JSON.stringify(after) !== JSON.stringify(existing)) {
      await requestRecompute(tx, { reason: `Job “${input.title}” changed`, jobIds: [jobId] });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "job.updated",
      entityType: "Job",
      entityId: jobId,
      data: { title: input.title },
    });
    await auditPublication(tx, jobId, publication, actor.id);
    return tx.job.findUniqueOrThrow({ where: { id: jobId }, select: jobDetailSelect });
  });
}

/**
 * Makes the job's live stages exactly `stages`, in that order. Stages left out are archived (history keeps them),
 * which is refused while applications are still in them.
 */
async function replaceStages(tx: Prisma.TransactionClient, jobId: string, stages: StageInput[]) {
  const current = await tx.stage.findMany({
    where: { jobId, archivedAt: null },
    select: {
      id: true,
      name: true,
      position: true,
      _count: { select: { applications: { where: { status: "active" } } } },
    },
  });
  const currentIds = new Set(current.map((stage) => stage.id));
  stages.forEach((stage, index) => {
    if (stage.id && !currentIds.has(stage.id)) {
      throw new InvalidInputError("A stage does not belong to this job.", [
        { path: `stages.${index}.id`, message: "This stage does not belong to this job." },
      ]);
    }
  });
  const keptIds = new Set(stages.map((stage) => stage.id).filter(Boolean));
  const removed = current.filter((stage) => !keptIds.has(stage.id));
  const occupied = removed.filter((stage) => stage._count.applications > 0);
  if (occupied.length > 0) {
    const names = occupied.map((stage) => `${stage.name} (${stage._count.applications})`).join(", ");
    throw new ConflictError(`Move the applications out of ${names} before removing it.`, [
      { path: "stages", message: `Move the applications out of ${names} before removing it.` },
    ]);
  }
  if (removed.length > 0) {
    await tx.stage.updateMany({
      where: { id: { in: removed.map((stage) => stage.id) } },
      data: { archivedAt: new Date() },
    });
  }
  // Archived stages keep their old positions out of the way; live ones are renumbered 0..n-1.
  for (const [position, stage] of stages.entries()) {
    const data = {
      name: stage.name,
      kind: stage.kind,
      position,
      decisionMinutes: stage.decisionMinutes,
      entryTemplateKind: stage.entryTemplateKind ?? null,
    };
    if (stage.id) await tx.stage.update({ where: { id: stage.id }, data });
    else await tx.stage.create({ data: { ...data, jobId } });
  }
  // How far each application got is kept as a stage position (the funnel's), so new positions renumber it too.
  const positionBefore = new Map(current.map((stage) => [stage.id, stage.position]));
  if (stages.some((stage, position) => stage.id && positionBefore.get(stage.id) !== position)) {
    await refreshFurthestPositions(tx, jobId);
  }
}

export async function getJob(jobId: string, actor: Actor): Promise<JobDetail | null> {
  return prisma.job.findFirst({ where: { id: jobId, ...jobScope(actor) }, select: jobDetailSelect });
}

export type JobListItem = Awaited<ReturnType<typeof listJobs>>[number];

export async function listJobs(actor: Actor, filter: { status?: string } = {}) {
  const jobs = await prisma.job.findMany({
    where: { ...jobScope(actor), ...(filter.status ? { status: filter.status as JobDetail["status"] } : {}) },
    select: {
      id: true,
      title: true,
      department: true,
      location: true,
      status: true,
      createdAt: true,
      hiringManager: { select: { name: true } },
      recruiter: { select: { name: true } },
      _count: { select: { applications: { where: { status: "active" } } } },
    },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
  });
  return jobs.map(({ _count, ...job }) => ({ ...job, activeApplications: _count.applications }));
}

export async function listDepartments(): Promise<string[]> {
  const rows = await prisma.job.findMany({
    where: { department: { not: null } },
    distinct: ["department"],
    select: { department: true },
    orderBy: { department: "asc" },
  });
  return rows.map((row) => row.department!).filter(Boolean);
}

/** Active applications per live stage of a job, so the stage editor can say which stages are occupied. */
export async function countActiveByStage(jobId: string): Promise<Record<string, number>> {
  const rows = await prisma.application.groupBy({
    by: ["stageId"],
    where: { jobId, status: "active" },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.stageId, row._count._all]));
}

/** A change to how a job shows on the careers page: listed or not, and its description (null clears it); absent
 * fields stay as they are. */
export type PublicationChange = { published?: boolean; description?: string | null };

/**
 * Lists a job on the careers page or takes it off, and sets its description: the API's PATCH and the demo seed (the
 * job form publishes through updateJob). In `db` when the caller has a transaction; `actor` null is the workspace
 * itself (the seed).
 */
export async function changePublication(
  jobId: string,
  change: PublicationChange,
  actor: Actor | null,
  db?: Prisma.TransactionClient,
): Promise<JobDetail> {
  const publish = async (tx: Prisma.TransactionClient) => {
    const current = await tx.job.findFirst({
      where: { id: jobId, ...(actor ? jobScope(actor) : {}) },
      select: { title: true, publishedAt: true, slug: true },
    });
    if (!current) throw new NotFoundError("The job");
    const columns = await publicationColumns(tx, { title: current.title, ...change }, current, new Date());
    const job = await tx.job.update({ where: { id: jobId }, data: columns, select: jobDetailSelect });
    await auditPublication(tx, jobId, columns, actor?.id ?? null);
    return job;
  };
  return db ? publish(db) : prisma.$transaction(publish);
}
