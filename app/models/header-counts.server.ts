// The counts beside the header's Inbox, Outbox and Notifications icons, for every staff page: one small indexed count
// each, run together. A count is null where the person may not open that page.
import { can } from "~/domain/permissions";
import { prisma } from "~/platform/db.server";
import { countUnreadNotifications } from "./notification.server";
import { visibleTo } from "./outbox/outbox-view.server";
import type { UserSummary } from "./user.server";

export type HeaderCounts = {
  /** Candidate emails Hearback could not file by itself, waiting in the inbox for someone to file or discard. */
  inbox: number | null;
  /** Emails to candidates (or to this person) that were not delivered. */
  outbox: number | null;
  /** This person's unread notifications. */
  notifications: number;
};

export type HeaderViewer = Pick<UserSummary, "id" | "role" | "email">;

/** Emails in the inbox waiting for someone: the same ones the Inbox page lists (everyone who may open it sees them
 * all). Uses the index on (direction, status, createdAt). */
export async function countInboxNeedingAttention(): Promise<number> {
  return prisma.message.count({ where: { direction: "inbound", status: "unmatched" } });
}

/** Emails this person can see in the outbox that were not delivered (the Outbox page's "Not delivered"). Uses the
 * index on (status, nextAttemptAt). */
export async function countUndeliveredOutbox(viewer: HeaderViewer): Promise<number> {
  return prisma.message.count({ where: { AND: [{ direction: "outbound", status: "failed" }, visibleTo(viewer)] } });
}

export async function getHeaderCounts(viewer: HeaderViewer): Promise<HeaderCounts> {
  const [inbox, outbox, notifications] = await Promise.all([
    can(viewer.role, "view_all_jobs") ? countInboxNeedingAttention() : null,
    can(viewer.role, "move_applications") ? countUndeliveredOutbox(viewer) : null,
    countUnreadNotifications(viewer.id),
  ]);
  return { inbox, outbox, notifications };
}
