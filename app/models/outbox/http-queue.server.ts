// Putting webhook events and chat messages into the outbox's HTTP side (HttpDelivery), in the caller's transaction —
// so a delivery exists exactly when the change it reports commits. app/models/outbox/http-delivery.server.ts sends it.
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "../sla/config.server";
import { newId } from "~/platform/ids.server";

export type NewHttpDelivery = {
  /** Exactly one of endpointId (a webhook endpoint) and channelId (a chat channel). */
  endpointId?: string | null;
  channelId?: string | null;
  /** "application.created", "chat.overdue", … */
  eventType: string;
  /** The exact JSON text to POST (and sign). */
  body: string;
  /** Who it is about, so that erasing the candidate removes it. */
  applicationId?: string | null;
  candidateId?: string | null;
  /** The webhook-id receivers de-duplicate on; made here when not given. */
  id?: string;
};

/** The statement that queues `deliveries`, due at `now`, for callers that send statements together. */
export function insertHttpDeliveries(deliveries: NewHttpDelivery[], now: Date): Prisma.Sql {
  const rows = deliveries.map((delivery) => {
    if (Boolean(delivery.endpointId) === Boolean(delivery.channelId)) {
      throw new Error("A delivery goes to exactly one webhook endpoint or chat channel.");
    }
    return [
      delivery.id ?? newId(),
      delivery.endpointId ?? null,
      delivery.channelId ?? null,
      delivery.eventType,
      delivery.body,
      delivery.applicationId ?? null,
      delivery.candidateId ?? null,
    ];
  });
  const at = now.toISOString();
  return Prisma.sql`
    INSERT INTO "HttpDelivery" (id, "endpointId", "channelId", "eventType", body, "applicationId", "candidateId",
                                status, attempts, "nextAttemptAt", "createdAt", "updatedAt")
    SELECT d->>0, d->>1, d->>2, d->>3, d->>4, d->>5, d->>6, 'queued', 0, ${at}::timestamp(3), ${at}::timestamp(3),
           ${at}::timestamp(3)
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS d
    ON CONFLICT (id) DO NOTHING`;
}

/** Queues deliveries in the caller's transaction, in one statement; returns their ids. Wake the outbox worker after
 * the commit (wakeOutboxWorker) for them to go at once rather than at its next poll. */
export async function queueHttpDeliveries(
  db: Db,
  deliveries: NewHttpDelivery[],
  now: Date = new Date(),
): Promise<string[]> {
  if (deliveries.length === 0) return [];
  const withIds = deliveries.map((delivery) => ({ ...delivery, id: delivery.id ?? newId() }));
  await db.$executeRaw(insertHttpDeliveries(withIds, now));
  return withIds.map((delivery) => delivery.id);
}

/** Puts a delivered or failed delivery back in the queue under the same id (receivers see the same webhook-id), due
 * at once and with a fresh set of attempts; its attempt log stays. False when there is no such finished delivery. */
export async function redeliver(db: Db, deliveryId: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await db.httpDelivery.updateMany({
    where: { id: deliveryId, status: { in: ["delivered", "failed"] } },
    data: { status: "queued", attempts: 0, nextAttemptAt: now, leaseUntil: null },
  });
  return count > 0;
}
