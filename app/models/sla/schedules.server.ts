// Business schedules: list, create, edit, delete. Every change that can move due dates queues a clock recompute in
// the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { ScheduleInput } from "~/domain/sla/schedule";
import { prisma } from "~/platform/db.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import { recordAudit } from "../audit.server";
import { scheduleDefinition, scheduleSelect } from "./config.server";
import { requestRecompute } from "./recompute.server";

const scheduleDetailSelect = {
  ...scheduleSelect,
  _count: { select: { jobs: true, policies: true } },
} satisfies Prisma.ScheduleSelect;

type ScheduleRecord = Prisma.ScheduleGetPayload<{ select: typeof scheduleDetailSelect }>;

function present({ _count, ...schedule }: ScheduleRecord) {
  return { ...schedule, ...scheduleDefinition(schedule), jobCount: _count.jobs, policyCount: _count.policies };
}

export type ScheduleDetail = ReturnType<typeof present>;

export async function listSchedules(): Promise<ScheduleDetail[]> {
  const schedules = await prisma.schedule.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: scheduleDetailSelect,
  });
  return schedules.map(present);
}

export async function getSchedule(id: string): Promise<ScheduleDetail | null> {
  const schedule = await prisma.schedule.findUnique({ where: { id }, select: scheduleDetailSelect });
  return schedule ? present(schedule) : null;
}

function columns(input: ScheduleInput) {
  return {
    name: input.name,
    timeZone: input.timeZone,
    hours: input.hours as Prisma.InputJsonValue,
    holidays: [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)) as Prisma.InputJsonValue,
  };
}

export async function createSchedule(input: ScheduleInput, actorId: string | null): Promise<ScheduleDetail> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.schedule.create({ data: columns(input), select: scheduleDetailSelect });
    await recordAudit(tx, {
      actorId,
      action: "schedule.created",
      entityType: "Schedule",
      entityId: created.id,
      data: { name: input.name },
    });
    return present(created);
  });
}

export async function updateSchedule(id: string, input: ScheduleInput, actorId: string | null) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.schedule.findUnique({ where: { id }, select: { id: true } });
    if (!existing) throw new NotFoundError("The schedule");
    const updated = await tx.schedule.update({ where: { id }, data: columns(input), select: scheduleDetailSelect });
    const recompute = await requestRecompute(tx, { reason: `Schedule “${input.name}” changed` });
    await recordAudit(tx, {
      actorId,
      action: "schedule.updated",
      entityType: "Schedule",
      entityId: id,
      data: { name: input.name, recomputeId: recompute.id },
    });
    return present(updated);
  });
}

export async function deleteSchedule(id: string, actorId: string | null): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const existing = await tx.schedule.findUnique({ where: { id }, select: { id: true, name: true, isDefault: true } });
    if (!existing) throw new NotFoundError("The schedule");
    if (existing.isDefault) throw new ConflictError("The default schedule cannot be deleted; edit its hours instead.");
    // Jobs and policies that used it fall back to the policy's or the default schedule (onDelete: SetNull).
    await tx.schedule.delete({ where: { id } });
    await requestRecompute(tx, { reason: `Schedule “${existing.name}” deleted` });
    await recordAudit(tx, {
      actorId,
      action: "schedule.deleted",
      entityType: "Schedule",
      entityId: id,
      data: { name: existing.name },
    });
  });
}

/** Schedules for select lists (job and policy forms). */
export async function scheduleOptions(): Promise<{ id: string; name: string; timeZone: string; isDefault: boolean }[]> {
  return prisma.schedule.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, timeZone: true, isDefault: true },
  });
}
