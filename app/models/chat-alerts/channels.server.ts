// Chat channels (Slack incoming webhooks, Microsoft Teams workflows) for the whole workspace or one job: add (the URL
// checked, https only, its kind told from the host or chosen, sealed at rest), list with the last delivery, delete,
// turn on again after the outbox turned it off, choose what it gets, and send a test message. Each change writes its
// audit entry in its transaction. Admins only: the routes check the permission (docs/chat-alerts.md).
import { chatUrlHint, detectChatKind, scopeJobId, type ChatChannelForm } from "~/domain/chat-alerts/channels";
import { chatBody } from "~/domain/chat-alerts/format";
import type { ChatKind } from "~/domain/chat-alerts/message";
import { chatTestMessage } from "~/domain/chat-alerts/test-message";
import { checkOutboundUrl } from "~/domain/outbound-urls";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { wakeOutboxWorker } from "~/platform/outbox-signal.server";
import { sealSecret } from "~/platform/secret-box.server";
import { recordAudit } from "../audit.server";
import { queueHttpDeliveries } from "../outbox/http-queue.server";

export type ChatChannelSummary = {
  id: string;
  kind: ChatKind;
  urlHint: string;
  job: { id: string; title: string } | null;
  overdueAlerts: boolean;
  weeklyDigest: boolean;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  lastDeliveredAt: Date | null;
  lastDelivery: {
    status: "queued" | "sending" | "delivered" | "failed";
    createdAt: Date;
    lastStatusCode: number | null;
    lastError: string | null;
  } | null;
};

const TEST_EVENT = "chat.test";

/** Adds a channel; throws InvalidInputError naming the form's field (url, kind, scope) when the input is refused. */
export async function addChatChannel(input: ChatChannelForm, actorId: string): Promise<{ id: string; kind: ChatKind }> {
  const checked = checkOutboundUrl(input.url, { httpsOnly: true });
  if (!checked.ok) throw new InvalidInputError(checked.error, [{ path: "url", message: checked.error }]);
  const detected = detectChatKind(checked.url);
  const kind = input.kind === "auto" ? detected : input.kind;
  if (!kind) {
    const message = "This is not a Slack or Teams address Hearback knows: choose Slack or Microsoft Teams.";
    throw new InvalidInputError(message, [{ path: "kind", message }]);
  }
  const jobId = scopeJobId(input.scope);
  return prisma.$transaction(async (tx) => {
    if (jobId) {
      const job = await tx.job.findUnique({ where: { id: jobId }, select: { id: true } });
      if (!job) {
        const message = "That job no longer exists: choose another.";
        throw new InvalidInputError(message, [{ path: "scope", message }]);
      }
    }
    const urlHint = chatUrlHint(checked.url);
    const channel = await tx.chatChannel.create({
      data: {
        kind,
        urlCipher: sealSecret(checked.url.toString()),
        urlHint,
        jobId,
        overdueAlerts: input.overdueAlerts,
        weeklyDigest: input.weeklyDigest,
        createdById: actorId,
      },
      select: { id: true, kind: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "chat_channel.created",
      entityType: "ChatChannel",
      entityId: channel.id,
      data: { kind, jobId, urlHint, overdueAlerts: input.overdueAlerts, weeklyDigest: input.weeklyDigest },
    });
    return channel;
  });
}

export async function listChatChannels(): Promise<ChatChannelSummary[]> {
  const channels = await prisma.chatChannel.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      urlHint: true,
      job: { select: { id: true, title: true } },
      overdueAlerts: true,
      weeklyDigest: true,
      createdAt: true,
      disabledAt: true,
      disabledReason: true,
      failingSince: true,
      lastDeliveredAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { status: true, createdAt: true, lastStatusCode: true, lastError: true },
      },
    },
  });
  return channels.map(({ deliveries, ...channel }) => ({ ...channel, lastDelivery: deliveries[0] ?? null }));
}

/** The jobs a channel may be for: every job not closed, by title. */
export function listChatScopeJobs(): Promise<Array<{ id: string; title: string }>> {
  return prisma.job.findMany({
    where: { status: { not: "closed" } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}

/** Deletes a channel with its queued deliveries and alert claims. */
export async function deleteChatChannel(id: string, actorId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const channel = await tx.chatChannel.findUnique({
      where: { id },
      select: { kind: true, urlHint: true, jobId: true },
    });
    if (!channel) throw new NotFoundError("The chat channel");
    await tx.chatChannel.delete({ where: { id } });
    await recordAudit(tx, {
      actorId,
      action: "chat_channel.deleted",
      entityType: "ChatChannel",
      entityId: id,
      data: channel,
    });
  });
}

/** Turns a channel the outbox turned off (a day of failures) on again; its waiting deliveries resume. */
export async function enableChatChannel(id: string, actorId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.chatChannel.updateMany({
      where: { id },
      data: { disabledAt: null, disabledReason: null, failingSince: null },
    });
    if (count === 0) throw new NotFoundError("The chat channel");
    await recordAudit(tx, { actorId, action: "chat_channel.enabled", entityType: "ChatChannel", entityId: id });
  });
}

/** What the channel gets: overdue alerts, the Monday digest, both or neither. */
export async function setChatChannelOptions(
  id: string,
  options: { overdueAlerts: boolean; weeklyDigest: boolean },
  actorId: string,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.chatChannel.updateMany({ where: { id }, data: options });
    if (count === 0) throw new NotFoundError("The chat channel");
    await recordAudit(tx, {
      actorId,
      action: "chat_channel.updated",
      entityType: "ChatChannel",
      entityId: id,
      data: options,
    });
  });
}

/** Queues a test message to the channel and wakes the outbox worker; returns the delivery's id. */
export async function sendChatTestMessage(id: string, actorId: string, now: Date = new Date()): Promise<string> {
  const deliveryId = await prisma.$transaction(async (tx) => {
    const channel = await tx.chatChannel.findUnique({
      where: { id },
      select: { kind: true, overdueAlerts: true, weeklyDigest: true, job: { select: { title: true } } },
    });
    if (!channel) throw new NotFoundError("The chat channel");
    const message = chatTestMessage({
      jobTitle: channel.job?.title ?? null,
      overdueAlerts: channel.overdueAlerts,
      weeklyDigest: channel.weeklyDigest,
      baseUrl: publicUrl(),
    });
    const [queued] = await queueHttpDeliveries(
      tx,
      [{ channelId: id, eventType: TEST_EVENT, body: chatBody(channel.kind, message) }],
      now,
    );
    await recordAudit(tx, {
      actorId,
      action: "chat_channel.test_sent",
      entityType: "ChatChannel",
      entityId: id,
      data: { deliveryId: queued! },
    });
    return queued!;
  });
  wakeOutboxWorker();
  return deliveryId;
}
