// SLA policies: the ordered list of response-time promises. Every change queues a clock recompute in the same
// transaction (start times stay, due dates of running clocks move, past breaches stay).
import type { Prisma } from "~/generated/prisma/client";
import type { SlaPolicyInput } from "~/domain/sla/policies";
import { prisma } from "~/platform/db.server";
import { ConflictError, InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { recordAudit } from "../audit.server";
import { policySelect, policyTargets, type Db } from "./config.server";
import { requestRecompute } from "./recompute.server";

const policyDetailSelect = {
  ...policySelect,
  schedule: { select: { id: true, name: true, timeZone: true } },
} satisfies Prisma.SlaPolicySelect;

type PolicyRecord = Prisma.SlaPolicyGetPayload<{ select: typeof policyDetailSelect }>;

function present(policy: PolicyRecord) {
  return { ...policy, targets: policyTargets(policy) };
}

export type PolicyDetail = ReturnType<typeof present>;

/** Policies in matching order; the default (the fallback) last. */
export async function listPolicies(): Promise<PolicyDetail[]> {
  const policies = await prisma.slaPolicy.findMany({
    orderBy: [{ isDefault: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    select: policyDetailSelect,
  });
  return policies.map(present);
}

export async function getPolicy(id: string, db: Db = prisma): Promise<PolicyDetail | null> {
  const policy = await db.slaPolicy.findUnique({ where: { id }, select: policyDetailSelect });
  return policy ? present(policy) : null;
}

async function assertReferences(tx: Db, input: SlaPolicyInput) {
  if (input.scheduleId) {
    const schedule = await tx.schedule.findUnique({ where: { id: input.scheduleId }, select: { id: true } });
    if (!schedule) {
      throw new InvalidInputError("The schedule does not exist.", [
        { path: "scheduleId", message: "No schedule has this id." },
      ]);
    }
  }
  const jobIds = input.match?.jobIds ?? [];
  if (jobIds.length > 0) {
    const found = await tx.job.findMany({ where: { id: { in: jobIds } }, select: { id: true } });
    const known = new Set(found.map((job) => job.id));
    const index = jobIds.findIndex((id) => !known.has(id));
    if (index >= 0) {
      throw new InvalidInputError("A job in the match conditions does not exist.", [
        { path: `match.jobIds.${index}`, message: "No job has this id." },
      ]);
    }
  }
}

function columns(input: SlaPolicyInput) {
  return {
    name: input.name,
    matchDepartments: input.match?.departments ?? [],
    matchJobIds: input.match?.jobIds ?? [],
    scheduleId: input.scheduleId ?? null,
    countAutomatedReplies: input.countAutomatedReplies,
    targets: input.targets as Prisma.InputJsonValue,
  };
}

async function nextPosition(tx: Db): Promise<number> {
  const last = await tx.slaPolicy.aggregate({ where: { isDefault: false }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** Renumbers the non-default policies 1, 2, … with `policyId` at `position` (1-based). */
async function placeAt(tx: Db, policyId: string, position: number) {
  const others = await tx.slaPolicy.findMany({
    where: { isDefault: false, id: { not: policyId } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  const ordered = others.map((policy) => policy.id);
  ordered.splice(Math.min(Math.max(position - 1, 0), ordered.length), 0, policyId);
  for (const [index, id] of ordered.entries()) {
    await tx.slaPolicy.update({ where: { id }, data: { position: index + 1 } });
  }
}

/** Adds a policy; in `db` when the caller has a transaction (the demo seed), else in its own. */
export async function createPolicy(input: SlaPolicyInput, actorId: string | null, db?: Db): Promise<PolicyDetail> {
  const create = async (tx: Db) => {
    await assertReferences(tx, input);
    const created = await tx.slaPolicy.create({
      data: { ...columns(input), position: await nextPosition(tx) },
      select: { id: true },
    });
    if (input.position !== undefined) await placeAt(tx, created.id, input.position);
    await requestRecompute(tx, { reason: `Policy “${input.name}” added` });
    await recordAudit(tx, {
      actorId,
      action: "sla_policy.created",
      entityType: "SlaPolicy",
      entityId: created.id,
      data: { name: input.name },
    });
    return created.id;
  };
  const id = db ? await create(db) : await prisma.$transaction(create);
  return (await getPolicy(id, db))!;
}

export async function updatePolicy(id: string, input: SlaPolicyInput, actorId: string | null) {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.slaPolicy.findUnique({ where: { id }, select: { id: true, isDefault: true } });
    if (!existing) throw new NotFoundError("The policy");
    await assertReferences(tx, input);
    const data = columns(input);
    // The default policy is the fallback for every job: it has no match conditions.
    if (existing.isDefault) Object.assign(data, { matchDepartments: [], matchJobIds: [] });
    await tx.slaPolicy.update({ where: { id }, data });
    if (!existing.isDefault && input.position !== undefined) await placeAt(tx, id, input.position);
    await requestRecompute(tx, { reason: `Policy “${input.name}” changed` });
    await recordAudit(tx, {
      actorId,
      action: "sla_policy.updated",
      entityType: "SlaPolicy",
      entityId: id,
      data: { name: input.name },
    });
  });
  return (await getPolicy(id))!;
}

export async function movePolicy(id: string, direction: "up" | "down", actorId: string | null) {
  await prisma.$transaction(async (tx) => {
    const policies = await tx.slaPolicy.findMany({
      where: { isDefault: false },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const index = policies.findIndex((policy) => policy.id === id);
    if (index < 0) throw new NotFoundError("The policy");
    const target = direction === "up" ? index : index + 2;
    await placeAt(tx, id, Math.max(1, target));
    await requestRecompute(tx, { reason: "Policy order changed" });
    await recordAudit(tx, {
      actorId,
      action: "sla_policy.moved",
      entityType: "SlaPolicy",
      entityId: id,
      data: { direction },
    });
  });
}

export async function deletePolicy(id: string, actorId: string | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.slaPolicy.findUnique({ where: { id }, select: { name: true, isDefault: true } });
    if (!existing) throw new NotFoundError("The policy");
    if (existing.isDefault) throw new ConflictError("The default policy cannot be deleted; edit its targets instead.");
    await tx.slaPolicy.delete({ where: { id } });
    await requestRecompute(tx, { reason: `Policy “${existing.name}” deleted` });
    await recordAudit(tx, {
      actorId,
      action: "sla_policy.deleted",
      entityType: "SlaPolicy",
      entityId: id,
      data: { name: existing.name },
    });
  });
}
