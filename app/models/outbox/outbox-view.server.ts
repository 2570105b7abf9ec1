// Reading the outbox in the app: every email Hearback sent or will send, with the status of each, and one email in
// full (headers, the plain-text and HTML parts). Staff see the mail of applications they can see; mail to staff
// (notifications) only its recipient and admins.
import type { Prisma } from "~/generated/prisma/client";
import type { OutboxFilter } from "~/domain/messages/outbox-filters";
import { prisma } from "~/platform/db.server";
import { applicationScope, type Actor } from "../scope.server";

const STATUSES: Record<OutboxFilter, Prisma.MessageWhereInput> = {
  all: {},
  waiting: { status: { in: ["queued", "sending"] } },
  sent: { status: "sent" },
  failed: { status: "failed" },
  cancelled: { status: "cancelled" },
};

function visibleTo(actor: Actor & { email?: string }): Prisma.MessageWhereInput {
  const candidateMail: Prisma.MessageWhereInput = { audience: "candidate", application: applicationScope(actor) };
  if (actor.role === "admin") return { OR: [candidateMail, { audience: "staff" }] };
  return actor.email
    ? { OR: [candidateMail, { audience: "staff", toAddress: { contains: `<${actor.email}>` } }] }
    : candidateMail;
}

const rowSelect = {
  id: true,
  status: true,
  audience: true,
  kind: true,
  subject: true,
  toAddress: true,
  scheduledFor: true,
  sentAt: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  applicationId: true,
} satisfies Prisma.MessageSelect;

export type OutboxRow = Prisma.MessageGetPayload<{ select: typeof rowSelect }>;

export async function listOutbox(actor: Actor & { email?: string }, filter: OutboxFilter, page = 1, pageSize = 50) {
  const where: Prisma.MessageWhereInput = { AND: [{ direction: "outbound" }, STATUSES[filter], visibleTo(actor)] };
  const [rows, total, counts] = await Promise.all([
    prisma.message.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: rowSelect,
    }),
    prisma.message.count({ where }),
    prisma.message.groupBy({
      by: ["status"],
      where: { AND: [{ direction: "outbound" }, visibleTo(actor)] },
      _count: { _all: true },
    }),
  ]);
  const byStatus = Object.fromEntries(counts.map((row) => [row.status, row._count._all]));
  return {
    rows,
    total,
    page,
    pageSize,
    failed: byStatus.failed ?? 0,
    waiting: (byStatus.queued ?? 0) + (byStatus.sending ?? 0),
  };
}

export async function getMessage(messageId: string, actor: Actor & { email?: string }) {
  return prisma.message.findFirst({
    where: { AND: [{ id: messageId }, visibleTo(actor)] },
    select: {
      ...rowSelect,
      direction: true,
      fromAddress: true,
      replyTo: true,
      headerMessageId: true,
      inReplyTo: true,
      bodyText: true,
      bodyHtml: true,
      automated: true,
      awaitsCandidate: true,
      templateVersion: true,
      receivedAt: true,
      template: { select: { id: true, name: true, kind: true } },
      createdBy: { select: { name: true } },
      application: { select: { id: true, candidate: { select: { name: true } }, job: { select: { title: true } } } },
    },
  });
}
