// The demo's interviews, so a fresh start shows each part of them: an interview booked for the day after tomorrow,
// times offered to a candidate who has not chosen yet, and an interview held yesterday with one interviewer's
// feedback still owed (its clock in "Waiting on us"). Written in the seed's transaction, with their touchpoints;
// the invitations are not emailed (the demo's history is already told).
import type { Prisma } from "~/generated/prisma/client";
import { recordAudits } from "~/models/audit.server";
import { appendEvents, type NewEvent } from "~/models/event.server";

type Tx = Prisma.TransactionClient;
type Person = { id: string };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** `days` from `now` at `hour`:00 UTC. */
function dayAt(now: Date, days: number, hour: number): Date {
  const day = new Date(now.getTime() + days * DAY);
  day.setUTCHours(hour, 0, 0, 0);
  return day;
}

/** The active applications in the stages of this kind, oldest first, with their job's recruiter. */
function activeIn(tx: Tx, stageKind: "screen" | "interview", count: number) {
  return tx.application.findMany({
    where: { status: "active", stage: { kind: stageKind } },
    select: { id: true, job: { select: { recruiterId: true } } },
    orderBy: { appliedAt: "asc" },
    take: count,
  });
}

export async function seedDemoInterviews(tx: Tx, now: Date, interviewers: Person[]): Promise<void> {
  const [upcoming, held] = await activeIn(tx, "interview", 2);
  const [choosing] = await activeIn(tx, "screen", 1);
  const seats = interviewers.map((person) => ({ userId: person.id }));
  const events: NewEvent<"interview" | "interview_feedback">[] = [];
  const uid = (id: string) => `demo-${id}@hearback.invalid`;

  if (upcoming) {
    const startsAt = dayAt(now, 2, 13);
    const interview = await tx.interview.create({
      data: {
        applicationId: upcoming.id,
        kind: "interview",
        status: "scheduled",
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        timeZone: "Europe/Berlin",
        videoUrl: "https://meet.example.com/lindenwerk-team",
        calendarUid: uid(`upcoming-${upcoming.id}`),
        organizerId: upcoming.job.recruiterId,
        bookedAt: new Date(now.getTime() - DAY),
        seats: { createMany: { data: seats } },
      },
    });
    events.push({
      applicationId: upcoming.id,
      type: "interview",
      data: {
        action: "scheduled",
        interviewId: interview.id,
        kind: "interview",
        when: startsAt.toISOString(),
        endsAt: interview.endsAt!.toISOString(),
        where: interview.videoUrl!,
        interviewerIds: interviewers.map((person) => person.id),
      },
      occurredAt: interview.bookedAt!,
      actorId: upcoming.job.recruiterId,
    });
  }

  if (choosing) {
    const offeredAt = new Date(now.getTime() - 3 * HOUR);
    const slots = [dayAt(now, 3, 9), dayAt(now, 3, 14), dayAt(now, 4, 10)].map((startsAt) => ({
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    }));
    const interview = await tx.interview.create({
      data: {
        applicationId: choosing.id,
        kind: "screen",
        status: "offered",
        timeZone: "Europe/Berlin",
        location: "Phone call",
        calendarUid: uid(`offer-${choosing.id}`),
        organizerId: choosing.job.recruiterId,
        offeredAt,
        slots: { createMany: { data: slots } },
      },
    });
    events.push({
      applicationId: choosing.id,
      type: "interview",
      data: {
        action: "offered",
        interviewId: interview.id,
        kind: "screen",
        where: "Phone call",
        interviewerIds: [],
        slots: slots.map((slot) => slot.startsAt.toISOString()),
      },
      occurredAt: offeredAt,
      actorId: choosing.job.recruiterId,
    });
  }

  if (held && interviewers.length > 0) {
    const startsAt = dayAt(now, -1, 10);
    const endsAt = new Date(startsAt.getTime() + HOUR);
    const [first] = interviewers;
    const interview = await tx.interview.create({
      data: {
        applicationId: held.id,
        kind: "interview",
        status: "done",
        startsAt,
        endsAt,
        timeZone: "Europe/Berlin",
        location: "Lindenwerk office, Torstraße 1, Berlin",
        calendarUid: uid(`held-${held.id}`),
        organizerId: held.job.recruiterId,
        bookedAt: new Date(startsAt.getTime() - 4 * DAY),
        endRecordedAt: endsAt,
        seats: {
          createMany: {
            data: seats.map((seat) =>
              seat.userId === first!.id
                ? {
                    ...seat,
                    recommendation: "yes" as const,
                    notes: "Walked through a real incident calmly; asked good questions about on-call.",
                    feedbackAt: new Date(endsAt.getTime() + 2 * HOUR),
                  }
                : seat,
            ),
          },
        },
      },
    });
    const interviewerIds = interviewers.map((person) => person.id);
    const facts = { interviewId: interview.id, kind: "interview", where: interview.location!, interviewerIds };
    events.push(
      {
        applicationId: held.id,
        type: "interview",
        data: { action: "scheduled", ...facts, when: startsAt.toISOString(), endsAt: endsAt.toISOString() },
        occurredAt: interview.bookedAt!,
        actorId: held.job.recruiterId,
      },
      {
        applicationId: held.id,
        type: "interview",
        data: { action: "ended", ...facts, when: startsAt.toISOString(), endsAt: endsAt.toISOString() },
        occurredAt: endsAt,
        visibility: "internal",
      },
      {
        applicationId: held.id,
        type: "interview_feedback",
        data: { interviewId: interview.id, interviewerId: first!.id, recommendation: "yes" },
        occurredAt: new Date(endsAt.getTime() + 2 * HOUR),
        actorId: first!.id,
        visibility: "internal",
      },
    );
  }

  // Sitting on an interview lets an interviewer see its application (as scheduling one does).
  await tx.applicationInterviewer.createMany({
    data: [upcoming, held]
      .filter((application) => application !== undefined)
      .flatMap((application) => interviewers.map((person) => ({ applicationId: application.id, userId: person.id }))),
    skipDuplicates: true,
  });
  await appendEvents(tx, events as NewEvent[], { now });
  // Each touchpoint with the audit entry the models write for it.
  await recordAudits(
    tx,
    events.map((event) => ({
      actorId: event.actorId ?? null,
      action:
        event.type === "interview_feedback"
          ? "interview.feedback_recorded"
          : `interview.${(event.data as { action: string }).action}`,
      entityType: "Interview",
      entityId: (event.data as { interviewId: string }).interviewId,
      data: { applicationId: event.applicationId },
    })),
  );
}
