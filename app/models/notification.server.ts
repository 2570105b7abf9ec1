// Staff notifications: in-app notices (SLA warnings and breaches, the morning overdue summary) and their emails, which wait for the person's own
// business hours — the default schedule's weekly hours in their time zone — unless they asked for them at any time.
import type { Prisma } from "~/generated/prisma/client";
import { compileCalendar, NoOpenHoursError } from "~/domain/sla/calendar";
import { prisma } from "~/platform/db.server";
import { scheduleDefinition, type Db } from "./sla/config.server";

export type NewNotification = {
  userId: string;
  kind:
    | "sla_warning"
    | "sla_breach"
    | "connector_failing"
    | "overdue_summary"
    | "workspace_overdue_summary"
    | "webhook_endpoint_disabled"
    | "chat_channel_disabled";
  /** SLA notices name their application and clock; a connector's failures and the summaries name neither. */
  applicationId?: string;
  clockId?: string;
  /** Summaries: the person's local day (YYYY-MM-DD) it sums up; one per person, kind and day. */
  summaryDate?: string;
  title: string;
  body: string;
};

type Recipient = { id: string; timeZone: string; notifyOutsideHours: boolean };

/** When an email to this person may go out: now if inside their hours (or they asked for any time), else at their
 * next opening. */
export function emailTimeFor(
  recipient: Recipient,
  workingHours: { hours: Prisma.JsonValue; holidays: Prisma.JsonValue },
  now: Date,
): Date {
  if (recipient.notifyOutsideHours) return now;
  try {
    const calendar = compileCalendar(
      scheduleDefinition({ timeZone: recipient.timeZone, hours: workingHours.hours, holidays: workingHours.holidays }),
    );
    return new Date(calendar.nextOpening(now.getTime()));
  } catch (error) {
    if (error instanceof NoOpenHoursError) return now;
    throw error;
  }
}

/** Creates notifications, those about a clock once per clock, kind and person (a second sweep finds them already
 * there), and summaries once per person, kind and day. */
export async function createNotifications(db: Db, notices: NewNotification[], now: Date): Promise<number> {
  if (notices.length === 0) return 0;
  const recipients = await db.user.findMany({
    where: { id: { in: [...new Set(notices.map((notice) => notice.userId))] }, active: true },
    select: { id: true, timeZone: true, notifyOutsideHours: true },
  });
  const schedule = await db.schedule.findFirstOrThrow({
    where: { isDefault: true },
    select: { hours: true, holidays: true },
  });
  const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
  const rows = notices.flatMap((notice) => {
    const recipient = byId.get(notice.userId);
    return recipient ? [{ ...notice, emailAfter: emailTimeFor(recipient, schedule, now) }] : [];
  });
  const { count } = await db.notification.createMany({ data: rows, skipDuplicates: true });
  return count;
}

const notificationSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  createdAt: true,
  readAt: true,
  applicationId: true,
} satisfies Prisma.NotificationSelect;

export type NotificationItem = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

/** Where a notification leads, in the app and from its email: its application, the connectors, or the overdue
 * candidates on the Waiting page (the recruiter's own jobs, or all). */
export function notificationPath(notification: { kind: NotificationItem["kind"]; applicationId: string | null }) {
  if (notification.applicationId) return `/applications/${notification.applicationId}`;
  switch (notification.kind) {
    case "connector_failing":
      return "/settings/connectors";
    case "webhook_endpoint_disabled":
      return "/settings/webhooks";
    case "chat_channel_disabled":
      return "/settings/chat-alerts";
    case "overdue_summary":
      return "/waiting?risk=breached&scope=mine";
    case "workspace_overdue_summary":
      return "/waiting?risk=breached";
    default:
      return null;
  }
}

export async function listNotifications(userId: string, limit = 50): Promise<NotificationItem[]> {
  return prisma.notification.findMany({
    where: { userId },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: limit,
    select: notificationSelect,
  });
}

/** Marks the given notifications (or all) of this person read. */
export async function markNotificationsRead(userId: string, ids?: string[]): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}

export async function setNotifyOutsideHours(userId: string, value: boolean): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { notifyOutsideHours: value } });
}

export async function getNotifyOutsideHours(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { notifyOutsideHours: true } });
  return user?.notifyOutsideHours ?? false;
}
