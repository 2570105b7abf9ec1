// The append-only touchpoint log. Every state change on an application writes its event through here.
import type { Prisma } from "~/generated/prisma/client";
import { CANDIDATE_VISIBLE_EVENTS, type EventData, type EventType } from "~/domain/applications";
import { changesOutcomeTold, refreshOutcomeTold } from "./metrics/outcome-told.server";
import { movesStages, refreshStageStays } from "./metrics/stage-stays.server";
import { movesClocks, notePromisesShown, syncApplicationClocks } from "./sla/clocks.server";

export type NewEvent<T extends EventType> = {
  applicationId: string;
  type: T;
  data: EventData[T];
  occurredAt?: Date;
  actorId?: string | null;
  visibility?: "candidate" | "internal";
};

/** Appends a touchpoint and brings what is materialised from the log in step — the application's SLA clocks (and when
 * their dates were shown), its stage stays and when the candidate was told the outcome — in the caller's
 * transaction. */
export async function appendEvent<T extends EventType>(tx: Prisma.TransactionClient, event: NewEvent<T>) {
  const created = await tx.event.create({
    data: {
      applicationId: event.applicationId,
      type: event.type,
      data: event.data as Prisma.InputJsonValue,
      occurredAt: event.occurredAt ?? new Date(),
      actorId: event.actorId ?? null,
      visibility: event.visibility ?? (CANDIDATE_VISIBLE_EVENTS.has(event.type) ? "candidate" : "internal"),
    },
    select: { id: true, type: true, occurredAt: true, visibility: true },
  });
  if (movesClocks(event.type)) await syncApplicationClocks(tx, event.applicationId);
  else if (event.type === "status_viewed") await notePromisesShown(tx, event.applicationId, created.occurredAt);
  if (movesStages(event.type)) await refreshStageStays(tx, [event.applicationId]);
  if (changesOutcomeTold(created.type, created.visibility)) await refreshOutcomeTold(tx, [event.applicationId]);
  return created;
}

export const timelineEventSelect = {
  id: true,
  type: true,
  visibility: true,
  occurredAt: true,
  data: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.EventSelect;

export type TimelineEvent = Prisma.EventGetPayload<{ select: typeof timelineEventSelect }>;
