// Delivering the outbox's HTTP side: webhook events (signed with the Standard Webhooks scheme) and chat messages.
// Claimed with a lease like email (lease.server.ts), POSTed through the guarded client (app/platform/outbound-http.server.ts),
// every attempt logged. Any 2xx is delivered; anything else is tried again with backoff for about a day under the same
// webhook-id. A target failing for a whole day is turned off and the admins are told; its queued deliveries wait
// until an admin turns it on again.
import { Webhook } from "standardwebhooks";
import { Prisma } from "~/generated/prisma/client";
import { afterFailure, HTTP_DELIVERY_ATTEMPTS, type DeliveryFailure } from "~/domain/messages/retry";
import { prisma } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { OutboundError, postOutbound, type OutboundAnswer } from "~/platform/outbound-http.server";
import { openSecret } from "~/platform/secret-box.server";
import { createNotifications } from "../notification.server";
import { claimDue, inLanes, releaseClaims } from "./lease.server";

/** Failing this long without one delivery turns an endpoint or a channel off. */
export const DISABLE_AFTER_MS = 24 * 60 * 60_000;

const claimedSelect = {
  id: true,
  eventType: true,
  body: true,
  attempts: true,
  endpoint: { select: { id: true, url: true, secretCipher: true, allowPrivate: true } },
  channel: { select: { id: true, urlCipher: true } },
} satisfies Prisma.HttpDeliverySelect;

type ClaimedDelivery = Prisma.HttpDeliveryGetPayload<{ select: typeof claimedSelect }>;

/** Deliveries whose endpoint or channel is turned off are not taken. */
const TARGET_ON = Prisma.sql`
  NOT EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e.id = queued."endpointId" AND e."disabledAt" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "ChatChannel" c WHERE c.id = queued."channelId" AND c."disabledAt" IS NOT NULL)`;

async function claimDueDeliveries(now: Date, limit: number): Promise<ClaimedDelivery[]> {
  const ids = await claimDue("HttpDelivery", TARGET_ON, now, limit);
  if (ids.length === 0) return [];
  return prisma.httpDelivery.findMany({
    where: { id: { in: ids } },
    orderBy: { nextAttemptAt: "asc" },
    select: claimedSelect,
  });
}

/** The request for a delivery: a webhook's signed headers (the same webhook-id on every attempt, the timestamp of
 * this attempt), or a chat channel's address. */
export function outboundRequest(delivery: ClaimedDelivery, at: Date) {
  if (delivery.endpoint) {
    const secret = openSecret(delivery.endpoint.secretCipher);
    return {
      url: delivery.endpoint.url,
      body: delivery.body,
      allowPrivate: delivery.endpoint.allowPrivate,
      headers: {
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": new Webhook(secret).sign(delivery.id, at, delivery.body),
      },
    };
  }
  if (delivery.channel) {
    return {
      url: openSecret(delivery.channel.urlCipher),
      body: delivery.body,
      allowPrivate: env.CHAT_ALLOW_PRIVATE_NETWORK,
    };
  }
  throw new OutboundError("The delivery has no endpoint or channel any more.", true);
}

/** What an attempt came to: the status code when there was an answer, and why it failed when it did. */
type Outcome = { answer: OutboundAnswer } | { failure: DeliveryFailure; statusCode: number | null };

async function attempt(delivery: ClaimedDelivery, at: Date): Promise<Outcome> {
  try {
    const answer = await postOutbound(outboundRequest(delivery, at));
    if (answer.status >= 200 && answer.status < 300) return { answer };
    const redirect = answer.status >= 300 && answer.status < 400 ? " (redirects are not followed)" : "";
    return {
      failure: {
        permanent: false,
        reason: `HTTP ${answer.status}${redirect}${answer.answer ? `: ${answer.answer}` : ""}`,
      },
      statusCode: answer.status,
    };
  } catch (error) {
    const refused = error instanceof OutboundError && error.refused;
    const reason = error instanceof Error ? error.message : String(error);
    return { failure: { permanent: refused, reason: reason.slice(0, 500) }, statusCode: null };
  }
}

/** Records an attempt and its outcome: delivered; queued again for later; or failed for good. A target failing for a
 * day is turned off in the same transaction, and the admins told. */
async function record(delivery: ClaimedDelivery, outcome: Outcome, at: Date, durationMs: number) {
  const statusCode = "answer" in outcome ? outcome.answer.status : outcome.statusCode;
  const failure = "failure" in outcome ? outcome.failure : null;
  const next = failure ? afterFailure(failure, delivery.attempts, at, undefined, HTTP_DELIVERY_ATTEMPTS) : null;
  await prisma.$transaction(async (tx) => {
    await tx.httpDeliveryAttempt.create({
      data: { deliveryId: delivery.id, attemptedAt: at, statusCode, error: failure?.reason ?? null, durationMs },
    });
    const { count } = await tx.httpDelivery.updateMany({
      where: { id: delivery.id, status: "sending" },
      data: !failure
        ? { status: "delivered", deliveredAt: at, lastStatusCode: statusCode, lastError: null, leaseUntil: null }
        : next && "retryAt" in next
          ? {
              status: "queued",
              nextAttemptAt: next.retryAt,
              lastStatusCode: statusCode,
              lastError: failure.reason,
              leaseUntil: null,
            }
          : {
              status: "failed",
              nextAttemptAt: null,
              lastStatusCode: statusCode,
              lastError: failure.reason,
              leaseUntil: null,
            },
    });
    if (count === 0) return;
    await noteTargetHealth(tx, delivery, failure, at);
  });
}

async function noteTargetHealth(
  tx: Prisma.TransactionClient,
  delivery: ClaimedDelivery,
  failure: DeliveryFailure | null,
  at: Date,
) {
  const target = delivery.endpoint
    ? { table: Prisma.raw(`"WebhookEndpoint"`), id: delivery.endpoint.id, kind: "webhook_endpoint_disabled" as const }
    : delivery.channel
      ? { table: Prisma.raw(`"ChatChannel"`), id: delivery.channel.id, kind: "chat_channel_disabled" as const }
      : null;
  if (!target) return;
  const stamp = at.toISOString();
  if (!failure) {
    await tx.$executeRaw`
      UPDATE ${target.table} SET "failingSince" = NULL, "lastDeliveredAt" = ${stamp}::timestamp(3) WHERE id = ${target.id}`;
    return;
  }
  const dayAgo = new Date(at.getTime() - DISABLE_AFTER_MS).toISOString();
  const reason = `Every delivery failed for a day; the last: ${failure.reason}`.slice(0, 500);
  await tx.$executeRaw`
    UPDATE ${target.table} SET "failingSince" = ${stamp}::timestamp(3) WHERE id = ${target.id} AND "failingSince" IS NULL`;
  const turnedOff = await tx.$queryRaw<{ id: string }[]>`
    UPDATE ${target.table} SET "disabledAt" = ${stamp}::timestamp(3), "disabledReason" = ${reason}
     WHERE id = ${target.id} AND "disabledAt" IS NULL AND "failingSince" <= ${dayAgo}::timestamp(3)
    RETURNING id`;
  if (turnedOff.length > 0) await tellAdmins(tx, target.kind, failure.reason, at);
}

async function tellAdmins(
  tx: Prisma.TransactionClient,
  kind: "webhook_endpoint_disabled" | "chat_channel_disabled",
  reason: string,
  at: Date,
) {
  const admins = await tx.user.findMany({ where: { role: "admin", active: true }, select: { id: true } });
  const [what, where] =
    kind === "webhook_endpoint_disabled"
      ? ["A webhook endpoint", "Settings → Webhooks"]
      : ["A chat channel", "Settings → Chat alerts"];
  await createNotifications(
    tx,
    admins.map((admin) => ({
      userId: admin.id,
      kind,
      title: `${what} was turned off`,
      body: `${what} failed every delivery for a day, so Hearback stopped sending to it. The last answer: ${reason}. Its events wait in the queue; turn it on again under ${where} once it is fixed.`,
    })),
    at,
  );
}

type Counts = { sent: number; retrying: number; failed: number };
/** What a run did, for webhook endpoints and for chat channels. */
export type HttpDeliveryReport = { webhook: Counts; chat: Counts };

/** Delivers due webhook events and chat messages, `concurrency` at a time, until none are due, `limit` were tried or
 * `stopping()` says so (the POSTs in hand finish; claims not started are handed back). */
export async function deliverDueHttp(
  options: {
    now?: () => Date;
    batchSize?: number;
    concurrency?: number;
    limit?: number;
    stopping?: () => boolean;
  } = {},
): Promise<HttpDeliveryReport> {
  const now = options.now ?? (() => new Date());
  const stopping = options.stopping ?? (() => false);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const report: HttpDeliveryReport = {
    webhook: { sent: 0, retrying: 0, failed: 0 },
    chat: { sent: 0, retrying: 0, failed: 0 },
  };
  let tried = 0;
  while (tried < limit && !stopping()) {
    const batch = await claimDueDeliveries(now(), Math.min(options.batchSize ?? 20, limit - tried));
    if (batch.length === 0) break;
    tried += batch.length;
    const { unstarted, failure } = await inLanes(
      batch,
      options.concurrency ?? 5,
      async (delivery) => {
        const at = now();
        const started = performance.now();
        const outcome = await attempt(delivery, at);
        await record(delivery, outcome, at, Math.round(performance.now() - started));
        const counts = report[delivery.endpoint ? "webhook" : "chat"];
        if ("answer" in outcome) counts.sent += 1;
        else if (outcome.failure.permanent || delivery.attempts >= HTTP_DELIVERY_ATTEMPTS) counts.failed += 1;
        else counts.retrying += 1;
      },
      stopping,
    );
    if (stopping())
      await releaseClaims(
        "HttpDelivery",
        unstarted.map((delivery) => delivery.id),
      );
    if (failure !== undefined) throw failure;
  }
  return report;
}
