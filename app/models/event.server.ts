// The append-only touchpoint log. Every state change on an application writes its events through here, one or many
// applications' at a time: the single event is the one-application case of the same code.
import { Prisma } from "~/generated/prisma/client";
import { CANDIDATE_VISIBLE_EVENTS, type EventData, type EventType } from "~/domain/applications";
import { newId } from "~/platform/ids.server";
import { executeTogether } from "~/platform/sql-together.server";
import { changesOutcomeTold, refreshOutcomeTold } from "./metrics/outcome-told.server";
import { movesStages, refreshStageStays } from "./metrics/stage-stays.server";
import { movesClocks, notePromisesShown, planClockSync, type PendingEntry } from "./sla/clocks.server";
import type { SlaConfig } from "./sla/config.server";
import { webhookDeliveriesOf } from "./webhooks/emit.server";

export type NewEvent<T extends EventType = EventType> = {
  applicationId: string;
  type: T;
  data: EventData[T];
  occurredAt?: Date;
  actorId?: string | null;
  visibility?: "candidate" | "internal";
  /** Given when the caller links the event elsewhere before it is written (the outbox's sent emails). */
  id?: string;
};

export type AppendedEvent = {
  id: string;
  applicationId: string;
  type: EventType;
  occurredAt: Date;
  visibility: string;
};

type EventRow = AppendedEvent & { recordedAt: Date; actorId: string | null; data: unknown };

function rowOf(event: NewEvent, now: Date): EventRow {
  return {
    id: event.id ?? newId(),
    applicationId: event.applicationId,
    type: event.type,
    data: event.data,
    occurredAt: event.occurredAt ?? now,
    recordedAt: now,
    actorId: event.actorId ?? null,
    visibility: event.visibility ?? (CANDIDATE_VISIBLE_EVENTS.has(event.type) ? "candidate" : "internal"),
  };
}

function insertEvents(rows: EventRow[]): Prisma.Sql {
  const json = JSON.stringify(
    rows.map((row) => [
      row.id,
      row.applicationId,
      row.type,
      row.visibility,
      row.occurredAt.toISOString(),
      row.recordedAt.toISOString(),
      row.actorId,
      row.data,
    ]),
  );
  return Prisma.sql`
    INSERT INTO "Event" (id, "applicationId", type, visibility, "occurredAt", "recordedAt", "actorId", data)
    SELECT e->>0, e->>1, (e->>2)::"EventType", (e->>3)::"Visibility", (e->>4)::timestamp(3), (e->>5)::timestamp(3),
           e->>6, e->7
      FROM jsonb_array_elements(${json}::jsonb) AS e`;
}

const pendingEntry = (row: EventRow): PendingEntry => ({
  applicationId: row.applicationId,
  type: row.type,
  occurredAt: row.occurredAt.getTime(),
  recordedAt: row.recordedAt.getTime(),
  id: row.id,
  visibility: row.visibility,
  data: (row.data ?? {}) as Record<string, unknown>,
});

const distinct = (rows: EventRow[], keep: (row: EventRow) => boolean) => [
  ...new Set(rows.filter(keep).map((row) => row.applicationId)),
];

export type AppendOptions = {
  /** The instant the clocks are brought in step as of (and the events' recordedAt); now by default. */
  now?: Date;
  /** The SLA configuration in force, when the caller has it. */
  config?: SlaConfig;
  /** The rest of the caller's change — its applications' own columns, its audit entries — sent in the same statement
   * as the events: writes that touch no event or clock row, and that nothing before the stage stays reads. */
  alongside?: Prisma.Sql[];
};

/**
 * Appends touchpoints of any number of applications and brings what is materialised from the log in step — their
 * SLA clocks (and when their dates were shown), their stage stays and when each candidate was told the outcome — in
 * the caller's transaction, set-based: one statement reads the clocks' inputs, one writes the events with the clocks
 * that change, and one each refreshes the stays and the outcome when an event can move them. The caller holds the
 * applications' row locks.
 */
export async function appendEvents(
  tx: Prisma.TransactionClient,
  events: NewEvent[],
  options: AppendOptions = {},
): Promise<AppendedEvent[]> {
  if (events.length === 0) return [];
  const now = options.now ?? new Date();
  const rows = events.map((event) => rowOf(event, now));
  const synced = new Set(distinct(rows, (row) => movesClocks(row.type, row.data)));
  const clockWrites = await planClockSync(tx, [...synced], {
    now,
    config: options.config,
    pending: rows.filter((row) => synced.has(row.applicationId)).map(pendingEntry),
  });
  const views = rows.filter((row) => row.type === "status_viewed" && !synced.has(row.applicationId));
  // The webhook deliveries these touchpoints stand for ride in the same statement (docs/webhooks.md).
  const deliveries = webhookDeliveriesOf(rows, now);
  await executeTogether(tx, [
    ...(options.alongside ?? []),
    insertEvents(rows),
    ...clockWrites,
    ...(views.length > 0 ? [notePromisesShown(views.map((row) => ({ ...row, at: row.occurredAt })))] : []),
    ...(deliveries ? [deliveries] : []),
  ]);
  await refreshStageStays(
    tx,
    distinct(rows, (row) => movesStages(row.type)),
  );
  await refreshOutcomeTold(
    tx,
    distinct(rows, (row) => changesOutcomeTold(row.type, row.visibility)),
    now,
  );
  return rows.map(({ id, applicationId, type, occurredAt, visibility }) => ({
    id,
    applicationId,
    type,
    occurredAt,
    visibility,
  }));
}

/** Appends one touchpoint: appendEvents for one. */
export async function appendEvent<T extends EventType>(
  tx: Prisma.TransactionClient,
  event: NewEvent<T>,
  options: AppendOptions = {},
): Promise<AppendedEvent> {
  const [appended] = await appendEvents(tx, [event as NewEvent], options);
  return appended!;
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
