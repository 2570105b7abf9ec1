// The counts beside the header's Inbox, Outbox and Notifications icons, for every staff page: three small indexed
// counts in one statement. A count is null where the person may not open that page.
import { can } from "~/domain/permissions";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/platform/db.server";
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

/** Which outbound emails this person may see, as `visibleTo` (app/models/outbox/outbox-view.server.ts) says for the
 * roles that may open the Outbox: candidate mail on applications in their scope, and staff mail — all of it for an
 * admin, else what was sent to them. */
function outboxVisibility(viewer: HeaderViewer): Prisma.Sql {
  const candidateMail =
    viewer.role === "hiring_manager"
      ? Prisma.sql`(m.audience = 'candidate' AND EXISTS (SELECT 1 FROM "Application" a JOIN "Job" j ON j.id = a."jobId"
                     WHERE a.id = m."applicationId" AND j."hiringManagerId" = ${viewer.id}))`
      : Prisma.sql`(m.audience = 'candidate' AND m."applicationId" IS NOT NULL)`;
  if (viewer.role === "admin") return Prisma.sql`(${candidateMail} OR m.audience = 'staff')`;
  const addressed = `%<${viewer.email.replace(/[\\%_]/g, (character) => `\\${character}`)}>%`;
  return Prisma.sql`(${candidateMail} OR (m.audience = 'staff' AND m."toAddress" LIKE ${addressed}))`;
}

/**
 * The three counts in one statement (every staff page pays for it): emails in the inbox waiting for someone to file
 * them (the Inbox page's list; index on direction, status, createdAt), emails this person may see that were not
 * delivered (the Outbox page's "Not delivered"; index on status, nextAttemptAt), and their unread notifications.
 */
export async function getHeaderCounts(viewer: HeaderViewer): Promise<HeaderCounts> {
  const seesInbox = can(viewer.role, "view_all_jobs");
  const seesOutbox = can(viewer.role, "move_applications");
  const [counts] = await prisma.$queryRaw<{ inbox: number | null; outbox: number | null; notifications: number }[]>`
    SELECT ${
      seesInbox
        ? Prisma.sql`(SELECT count(*)::int FROM "Message" WHERE direction = 'inbound' AND status = 'unmatched')`
        : Prisma.sql`NULL::int`
    } AS inbox,
           ${
             seesOutbox
               ? Prisma.sql`(SELECT count(*)::int FROM "Message" m
                              WHERE m.direction = 'outbound' AND m.status = 'failed' AND ${outboxVisibility(viewer)})`
               : Prisma.sql`NULL::int`
           } AS outbox,
           (SELECT count(*)::int FROM "Notification" WHERE "userId" = ${viewer.id} AND "readAt" IS NULL) AS notifications`;
  return counts!;
}
