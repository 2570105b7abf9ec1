// What importing rows would do, read from the database without writing: each row's job and stage (found by name, or
// to be created), its candidate and application (found by email and job, or new), and the change it makes — create,
// update (move, decide, record that the candidate was told) or nothing. The dry run counts these; the worker applies
// them (apply.server.ts) after planning again inside its transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { ImportOutcome, ImportRow } from "~/domain/imports/types";

type Db = Prisma.TransactionClient;

/** Names compared as people read them: case, runs of spaces and surrounding blanks do not matter. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export type PlannedStage = { id: string; name: string; kind: string; position: number };
export type PlannedJob = { id: string | null; title: string; stages: PlannedStage[] };

type FoundApplication = {
  id: string;
  status: string;
  stageId: string;
  appliedAtMs: number;
  closedAtMs: number | null;
  told: boolean;
};

export type RowChange =
  | { kind: "create"; newCandidate: boolean }
  | {
      kind: "update";
      applicationId: string;
      move: boolean;
      decide: boolean;
      tell: boolean;
      /** No change to it can be dated before this (its application, or the decision it already has). */
      notBeforeMs: number;
    }
  | { kind: "unchanged"; why: string };

export type PlannedRow = { row: ImportRow; jobKey: string; stageKey: string | null; change: RowChange };

export type Plan = {
  rows: PlannedRow[];
  /** By nameKey of the title: the job found (id) or to be created (id null), with its stages. */
  jobs: Map<string, PlannedJob>;
  /** Per job key, the stage names the rows use that the job does not have yet. */
  newStages: Map<string, string[]>;
};

const JOB_PREFERENCE: Record<string, number> = { open: 0, on_hold: 1, draft: 2, closed: 3 };

/** The jobs of these titles (by nameKey → the title as the file first writes it). */
async function findJobs(db: Db, named: Map<string, string>): Promise<Map<string, PlannedJob>> {
  const titles = [...named.keys()];
  const rows = await db.$queryRaw<{ id: string; title: string; status: string }[]>`
    SELECT id, title, status::text AS status FROM "Job"
     WHERE lower(regexp_replace(btrim(title), '\\s+', ' ', 'g')) = ANY(${titles}::text[])
     ORDER BY "createdAt" DESC`;
  const best = new Map<string, { id: string; title: string; status: string }>();
  for (const row of rows) {
    const key = nameKey(row.title);
    const held = best.get(key);
    if (!held || JOB_PREFERENCE[row.status]! < JOB_PREFERENCE[held.status]!) best.set(key, row);
  }
  const ids = [...best.values()].map((job) => job.id);
  const stages = await db.stage.findMany({
    where: { jobId: { in: ids }, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, jobId: true, name: true, kind: true, position: true },
  });
  const jobs = new Map<string, PlannedJob>();
  for (const title of titles) {
    const found = best.get(title);
    jobs.set(title, {
      id: found?.id ?? null,
      title: found?.title ?? named.get(title)!.trim().replace(/\s+/g, " ").slice(0, 200),
      stages: found ? stages.filter((stage) => stage.jobId === found.id) : [],
    });
  }
  return jobs;
}

/** The candidates of these email keys, and their latest application on each of these jobs (an active one first). */
async function findApplications(db: Db, emails: string[], jobIds: string[]) {
  const candidates = await db.$queryRaw<{ id: string; emailKey: string; erased: boolean }[]>`
    SELECT id, "emailKey", "erasedAt" IS NOT NULL AS erased FROM "Candidate"
     WHERE "emailKey" = ANY(${emails}::text[])`;
  const candidateIds = candidates.map((candidate) => candidate.id);
  // Instants as epoch milliseconds: a raw read of a timestamp column would be taken in the process's time zone by the
  // embedded database's driver.
  const applications = await db.$queryRaw<(FoundApplication & { candidateId: string; jobId: string })[]>`
    SELECT DISTINCT ON (a."candidateId", a."jobId") a.id, a."candidateId", a."jobId", a.status::text AS status,
           a."stageId", round(extract(epoch from a."appliedAt") * 1000)::float8 AS "appliedAtMs",
           round(extract(epoch from a."closedAt") * 1000)::float8 AS "closedAtMs",
           a."outcomeToldAt" IS NOT NULL AS told
      FROM "Application" a
     WHERE a."candidateId" = ANY(${candidateIds}::text[]) AND a."jobId" = ANY(${jobIds}::text[])
     ORDER BY a."candidateId", a."jobId", (a.status = 'active') DESC, a."appliedAt" DESC`;
  const byEmail = new Map(candidates.map((candidate) => [candidate.emailKey, candidate]));
  const byPair = new Map(
    applications.map((application) => [`${application.candidateId} ${application.jobId}`, application]),
  );
  return { byEmail, byPair };
}

const DECIDED: ImportOutcome[] = ["rejected", "hired", "withdrawn"];

/** What a row asks of the application found for it, as it is here now. */
function changeOf(row: ImportRow, found: FoundApplication, stage: PlannedStage | "new" | null): RowChange {
  const decided = DECIDED.includes(row.outcome);
  if (found.status === "active") {
    const move = stage === "new" || (stage !== null && stage.id !== found.stageId);
    const decide = decided;
    const tell = decided && row.outcome !== "hired" && row.toldAt !== undefined;
    if (!move && !decide) return { kind: "unchanged", why: "already in that stage." };
    return { kind: "update", applicationId: found.id, move, decide, tell, notBeforeMs: found.appliedAtMs };
  }
  if (row.outcome === "active") return { kind: "unchanged", why: `it is ${found.status} here; left as it is.` };
  if (row.outcome !== found.status) {
    return { kind: "unchanged", why: `it is ${found.status} here, the file says ${row.outcome}; left as it is.` };
  }
  if (row.toldAt !== undefined && !found.told && row.outcome !== "hired") {
    const notBeforeMs = Math.max(found.appliedAtMs, found.closedAtMs ?? 0);
    return { kind: "update", applicationId: found.id, move: false, decide: false, tell: true, notBeforeMs };
  }
  return { kind: "unchanged", why: `already ${found.status}.` };
}

/** Plans rows (already read and checked by app/domain/imports/rows.ts) against the database as it is now. */
export async function planRows(db: Db, rows: ImportRow[]): Promise<Plan> {
  const titles = new Map<string, string>();
  for (const row of rows) if (!titles.has(nameKey(row.job))) titles.set(nameKey(row.job), row.job);
  const jobs = await findJobs(db, titles);
  const jobIds = [...jobs.values()].flatMap((job) => (job.id ? [job.id] : []));
  const { byEmail, byPair } = await findApplications(db, [...new Set(rows.map((row) => row.email))], jobIds);
  const newStages = new Map<string, string[]>();
  const newCandidates = new Set<string>();
  const planned = rows.map((row): PlannedRow => {
    const jobKey = nameKey(row.job);
    const job = jobs.get(jobKey)!;
    const stageKey = row.stage ? nameKey(row.stage) : null;
    const stage = stageKey ? job.stages.find((one) => nameKey(one.name) === stageKey) : undefined;
    if (stageKey && !stage) {
      const named = newStages.get(jobKey) ?? [];
      if (!named.some((name) => nameKey(name) === stageKey)) named.push(row.stage!.trim());
      newStages.set(jobKey, named);
    }
    const candidate = byEmail.get(row.email);
    if (candidate?.erased) {
      return { row, jobKey, stageKey, change: { kind: "unchanged", why: "the candidate's data was erased here." } };
    }
    const found = candidate && job.id ? byPair.get(`${candidate.id} ${job.id}`) : undefined;
    if (found) return { row, jobKey, stageKey, change: changeOf(row, found, stage ?? (stageKey ? "new" : null)) };
    const newCandidate = !candidate && !newCandidates.has(row.email);
    if (!candidate) newCandidates.add(row.email);
    return { row, jobKey, stageKey, change: { kind: "create", newCandidate } };
  });
  return { rows: planned, jobs, newStages };
}

/** The dry run's counts. */
export type PlanCounts = {
  newCandidates: number;
  newApplications: number;
  updates: number;
  skipped: number;
  newJobs: string[];
  newStages: { job: string; stages: string[] }[];
};

export function countPlan(plan: Plan): PlanCounts {
  const count = (kind: RowChange["kind"]) => plan.rows.filter((row) => row.change.kind === kind).length;
  return {
    newCandidates: plan.rows.filter((row) => row.change.kind === "create" && row.change.newCandidate).length,
    newApplications: count("create"),
    updates: count("update"),
    skipped: count("unchanged"),
    newJobs: [...plan.jobs.values()].filter((job) => job.id === null).map((job) => job.title),
    newStages: [...plan.newStages].map(([key, stages]) => ({ job: plan.jobs.get(key)!.title, stages })),
  };
}
