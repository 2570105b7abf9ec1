// Who still owes feedback on interviews whose feedback clock runs, read from the touchpoint log the way the clock
// reads it (feedbackOwed in app/domain/sla/clocks.ts), so the queue and the notices name exactly who holds it up.
import { clockEventsFromLog, feedbackOwed } from "~/domain/sla/clocks";
import { prisma } from "~/platform/db.server";
import { applicationScope, type Actor } from "../scope.server";
import type { Db } from "./config.server";

export type FeedbackClockRef = { applicationId: string; interviewId: string | null };

/** Per interview of these clocks, the ids of the interviewers who still owe feedback (none for other clocks). */
export async function interviewersOwingFeedback(
  db: Db,
  clocks: readonly FeedbackClockRef[],
): Promise<Map<string, string[]>> {
  const applicationIds = [...new Set(clocks.filter((clock) => clock.interviewId).map((clock) => clock.applicationId))];
  if (applicationIds.length === 0) return new Map();
  const events = await db.event.findMany({
    where: { applicationId: { in: applicationIds }, type: { in: ["interview", "interview_feedback"] } },
    orderBy: [{ applicationId: "asc" }, { occurredAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
    select: { type: true, occurredAt: true, visibility: true, data: true },
  });
  // Interview ids are unique across applications, so one pass over every application's events is enough.
  return feedbackOwed(clockEventsFromLog(events));
}

/** The running feedback clocks, among those the actor may see, on which `userId` still owes feedback. */
export async function clocksAwaitingFeedbackFrom(actor: Actor, userId: string): Promise<string[]> {
  const clocks = await prisma.slaClock.findMany({
    where: { metric: "interviewer_feedback", state: "running", application: applicationScope(actor) },
    select: { id: true, applicationId: true, interviewId: true },
  });
  const owed = await interviewersOwingFeedback(prisma, clocks);
  return clocks
    .filter((clock) => clock.interviewId && owed.get(clock.interviewId)?.includes(userId))
    .map((clock) => clock.id);
}

/** The names of people by id, for "feedback from Priya, Tom". */
export async function peopleNamed(db: Db, ids: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const people = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(people.map((person) => [person.id, person]));
}
