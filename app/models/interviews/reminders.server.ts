// Interview reminders: the candidate gets the interview_reminder template the day before, in their daytime
// (reminderWindow in app/domain/templates/humane-timing.ts); each interviewer gets a short staff email an hour before.
// Scheduled interviews only. Each batch is one transaction that locks its interviews (FOR UPDATE SKIP LOCKED, so
// instances sharing a database never remind twice), queues the emails and stamps candidateRemindedAt or
// interviewersRemindedAt.
import { Prisma } from "~/generated/prisma/client";
import { interviewTitle, interviewWhen, interviewWhere } from "~/domain/interviews/wording";
import { reminderWindow } from "~/domain/templates/humane-timing";
import { prisma } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { queueStaffEmail, queueTemplateMessages } from "../outbox/queue.server";

type Db = Prisma.TransactionClient;

export const REMINDER_BATCH = 50;
/** The furthest ahead a candidate's reminder can be due: 09:00 the day before an interview late the next evening,
 * with room for any time zone. */
const CANDIDATE_HORIZON_MS = 48 * 60 * 60_000;
const LEAD_MS = 2 * 60 * 60_000;
export const INTERVIEWER_REMINDER_MINUTES = 60;

export type ReminderReport = { candidates: number; interviewers: number };

type CandidateRow = {
  id: string;
  applicationId: string;
  startsAt: Date;
  bookedAt: Date | null;
  timeZone: string;
  organizerName: string | null;
  organizerEmail: string | null;
};

/** One batch of scheduled interviews whose candidate has not been reminded and whose window could be open, after
 * `after` (keyset), locked for this transaction. */
async function lockCandidateBatch(db: Db, now: Date, after: { startsAt: Date; id: string } | null) {
  const at = now.toISOString();
  const keyset = after
    ? Prisma.sql`AND (i."startsAt", i.id) > (${after.startsAt.toISOString()}::timestamp(3), ${after.id})`
    : Prisma.empty;
  return db.$queryRaw<CandidateRow[]>`
    SELECT i.id, i."applicationId", i."startsAt", i."bookedAt", c."timeZone",
           o.name AS "organizerName", o.email AS "organizerEmail"
      FROM "Interview" i
      JOIN "Application" a ON a.id = i."applicationId"
      JOIN "Candidate" c ON c.id = a."candidateId"
      LEFT JOIN "User" o ON o.id = i."organizerId"
     WHERE i.status = 'scheduled' AND i."candidateRemindedAt" IS NULL
       AND i."startsAt" > ${at}::timestamp(3) + ${`${LEAD_MS / 1000} seconds`}::interval
       AND i."startsAt" <= ${at}::timestamp(3) + ${`${CANDIDATE_HORIZON_MS / 1000} seconds`}::interval
       AND a.status = 'active' AND c."erasedAt" IS NULL
       ${keyset}
     ORDER BY i."startsAt", i.id
     LIMIT ${REMINDER_BATCH}
       FOR UPDATE OF i SKIP LOCKED`;
}

/** Queues the day-before reminders due at `now`, a batch per transaction. */
export async function queueCandidateReminders(now: Date): Promise<number> {
  let queued = 0;
  let after: { startsAt: Date; id: string } | null = null;
  for (;;) {
    const batch: { size: number; last: CandidateRow | undefined; queued: number } = await prisma.$transaction(
      async (tx) => {
        const rows = await lockCandidateBatch(tx, now, after);
        const due = rows.filter((row) => {
          const window = reminderWindow({ startsAt: row.startsAt, bookedAt: row.bookedAt, timeZone: row.timeZone });
          return window !== null && window.from <= now && now < window.until;
        });
        if (due.length > 0) {
          // An empty merge field (an interview without a place) skips the reminder and tells the recruiter.
          await queueTemplateMessages(
            tx,
            due.map((row) => ({
              applicationId: row.applicationId,
              kind: "interview_reminder" as const,
              automated: true,
              awaitsCandidate: false,
              timing: { kind: "now" as const },
              sender:
                row.organizerName && row.organizerEmail ? { name: row.organizerName, email: row.organizerEmail } : null,
              actorId: null,
              interviewId: row.id,
              now,
            })),
            { ifFieldEmpty: "skip" },
          );
          await tx.interview.updateMany({
            where: { id: { in: due.map((row) => row.id) } },
            data: { candidateRemindedAt: now },
          });
        }
        return { size: rows.length, last: rows.at(-1), queued: due.length };
      },
      { timeout: 60_000 },
    );
    queued += batch.queued;
    if (batch.size < REMINDER_BATCH || !batch.last) return queued;
    after = { startsAt: batch.last.startsAt, id: batch.last.id };
  }
}

const interviewerSelect = {
  id: true,
  kind: true,
  startsAt: true,
  location: true,
  videoUrl: true,
  applicationId: true,
  application: { select: { candidate: { select: { name: true } }, job: { select: { title: true } } } },
  seats: { select: { user: { select: { name: true, email: true, timeZone: true, active: true } } } },
} satisfies Prisma.InterviewSelect;

/** Queues the interviewers' reminders an hour before, a batch per transaction. An interview fixed less than an hour
 * before it starts gets none: its invitation has only just gone out. */
export async function queueInterviewerReminders(now: Date): Promise<number> {
  const at = now.toISOString();
  const lead = `${INTERVIEWER_REMINDER_MINUTES * 60} seconds`;
  let reminded = 0;
  for (;;) {
    const batch = await prisma.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT i.id FROM "Interview" i
           WHERE i.status = 'scheduled' AND i."interviewersRemindedAt" IS NULL
             AND i."startsAt" > ${at}::timestamp(3)
             AND i."startsAt" <= ${at}::timestamp(3) + ${lead}::interval
             AND (i."bookedAt" IS NULL OR i."bookedAt" < i."startsAt" - ${lead}::interval)
           ORDER BY i."startsAt", i.id
           LIMIT ${REMINDER_BATCH}
             FOR UPDATE SKIP LOCKED`;
        if (locked.length === 0) return 0;
        const interviews = await tx.interview.findMany({
          where: { id: { in: locked.map((row) => row.id) } },
          select: interviewerSelect,
        });
        for (const interview of interviews) {
          const what = `${interviewTitle(interview, "en")} with ${interview.application.candidate.name} for ${interview.application.job.title}`;
          const where = interviewWhere(interview.location, interview.videoUrl, "en");
          for (const { user } of interview.seats.filter((seat) => seat.user.active)) {
            const when = interviewWhen(interview.startsAt!, "en", user.timeZone, now);
            await queueStaffEmail(tx, {
              to: user,
              subject: `In an hour: ${what}`,
              text: [
                `Hello ${user.name},`,
                "",
                `${what}.`,
                `When: ${when}`,
                ...(where ? [`Where: ${where}`] : []),
                "",
                `The application, and your feedback afterwards: ${publicUrl()}/applications/${interview.applicationId}`,
                "",
              ].join("\n"),
              applicationId: interview.applicationId,
              interviewId: interview.id,
              now,
            });
          }
        }
        await tx.interview.updateMany({
          where: { id: { in: locked.map((row) => row.id) } },
          data: { interviewersRemindedAt: now },
        });
        return locked.length;
      },
      { timeout: 60_000 },
    );
    reminded += batch;
    if (batch < REMINDER_BATCH) return reminded;
  }
}

/** Both kinds of reminder due at `now`. */
export async function queueDueReminders(now: Date): Promise<ReminderReport> {
  return { candidates: await queueCandidateReminders(now), interviewers: await queueInterviewerReminders(now) };
}
