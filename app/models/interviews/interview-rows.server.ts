// What every interview change shares: who may sit on it, whether they are free, the touchpoint it writes, and the
// interview loaded under its application's row lock.
import type { Prisma } from "~/generated/prisma/client";
import type { EventData } from "~/domain/applications";
import { overlaps, type InterviewAction, type TimeSpan } from "~/domain/interviews/types";
import { env } from "~/platform/env.server";
import { InvalidInputError, NotFoundError } from "~/platform/errors.server";
import { newId } from "~/platform/ids.server";
import { appendEvent } from "../event.server";
import { applicationScope, type Actor } from "../scope.server";

type Db = Prisma.TransactionClient;

/** A stable iCalendar UID for a new interview, on the domain the invitations come from. */
export function newCalendarUid(): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(env.MAIL_FROM)?.[1] ?? "hearback.invalid";
  return `interview-${newId()}@${domain}`;
}

export type Interviewer = { id: string; name: string };

/** The active staff chosen as interviewers, in the order given; an unknown or inactive one is a field error. */
export async function chooseInterviewers(db: Db, ids: readonly string[], field: string): Promise<Interviewer[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const users = await db.user.findMany({
    where: { id: { in: unique }, active: true },
    select: { id: true, name: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  const missing = unique.find((id) => !byId.has(id));
  if (missing) {
    throw new InvalidInputError("Choose active team members as interviewers.", [
      { path: field, message: "Choose active team members as interviewers." },
    ]);
  }
  return unique.map((id) => byId.get(id)!);
}

function clockTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
}

/**
 * Refuses spans during which one of the interviewers already has a scheduled interview (other than `exceptId`), naming
 * who and when, on the field of the span at fault. Spans are checked in order; `fieldOf(i)` names span i's field.
 */
export async function assertInterviewersFree(
  db: Db,
  interviewers: readonly Interviewer[],
  spans: readonly TimeSpan[],
  options: { exceptId?: string; timeZone: string; fieldOf: (index: number) => string },
): Promise<void> {
  if (interviewers.length === 0 || spans.length === 0) return;
  const earliest = new Date(Math.min(...spans.map((span) => span.startsAt.getTime())));
  const latest = new Date(Math.max(...spans.map((span) => span.endsAt.getTime())));
  const busy = await db.interviewSeat.findMany({
    where: {
      userId: { in: interviewers.map((person) => person.id) },
      interview: {
        status: "scheduled",
        id: options.exceptId ? { not: options.exceptId } : undefined,
        startsAt: { lt: latest },
        endsAt: { gt: earliest },
      },
    },
    select: { userId: true, interview: { select: { startsAt: true, endsAt: true } } },
  });
  for (const [index, span] of spans.entries()) {
    const clash = busy.find((seat) =>
      overlaps(span, { startsAt: seat.interview.startsAt!, endsAt: seat.interview.endsAt! }),
    );
    if (!clash) continue;
    const who = interviewers.find((person) => person.id === clash.userId)!.name;
    const message =
      `${who} has another interview at ${clockTime(clash.interview.startsAt!, options.timeZone)}` +
      ` (${options.timeZone}); choose another time.`;
    throw new InvalidInputError(message, [{ path: options.fieldOf(index), message }]);
  }
}

/** Seats these interviewers on the interview (keeping feedback already given by those who stay) and lets them see
 * the application (interviewers see only the applications they are assigned to). */
export async function seatInterviewers(
  db: Db,
  interview: { id: string; applicationId: string },
  interviewers: readonly Interviewer[],
): Promise<void> {
  const ids = interviewers.map((person) => person.id);
  await db.interviewSeat.deleteMany({ where: { interviewId: interview.id, userId: { notIn: ids } } });
  if (ids.length === 0) return;
  await db.interviewSeat.createMany({
    data: ids.map((userId) => ({ interviewId: interview.id, userId })),
    skipDuplicates: true,
  });
  await db.applicationInterviewer.createMany({
    data: ids.map((userId) => ({ applicationId: interview.applicationId, userId })),
    skipDuplicates: true,
  });
}

export const interviewChangeSelect = {
  id: true,
  applicationId: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  location: true,
  videoUrl: true,
  sequence: true,
  offeredAt: true,
  seats: { select: { userId: true, feedbackAt: true, user: { select: { name: true } } } },
  slots: { select: { id: true, startsAt: true, endsAt: true }, orderBy: { startsAt: "asc" } },
} satisfies Prisma.InterviewSelect;

export type InterviewForChange = Prisma.InterviewGetPayload<{ select: typeof interviewChangeSelect }>;

/** The interview, if the actor may see its application. Load it after locking the application. */
export async function findInterview(db: Db, interviewId: string, actor: Actor): Promise<InterviewForChange> {
  const interview = await db.interview.findFirst({
    where: { id: interviewId, application: applicationScope(actor) },
    select: interviewChangeSelect,
  });
  if (!interview) throw new NotFoundError("The interview");
  return interview;
}

/** The application an interview belongs to, before its lock is taken; null when there is no such interview. */
export async function applicationOfInterview(db: Db, interviewId: string): Promise<string | null> {
  const row = await db.interview.findUnique({ where: { id: interviewId }, select: { applicationId: true } });
  return row?.applicationId ?? null;
}

type InterviewFacts = {
  id: string;
  applicationId: string;
  kind: string;
  startsAt: Date | null;
  endsAt: Date | null;
  location: string | null;
  videoUrl: string | null;
};

/** Candidates see what is planned with them; the end of an interview and a no-show are for the team. */
const INTERNAL_ACTIONS: ReadonlySet<InterviewAction> = new Set(["ended", "no_show"]);

/** Writes the interview's touchpoint for `action`: its facts as they are after the change. */
export async function recordInterviewEvent(
  db: Db,
  interview: InterviewFacts,
  action: InterviewAction,
  options: {
    actorId: string | null;
    now: Date;
    interviewerIds: string[];
    occurredAt?: Date;
    extra?: Partial<EventData["interview"]>;
  },
) {
  return appendEvent(
    db,
    {
      applicationId: interview.applicationId,
      type: "interview",
      data: {
        action,
        interviewId: interview.id,
        kind: interview.kind,
        ...(interview.startsAt ? { when: interview.startsAt.toISOString() } : {}),
        ...(interview.endsAt ? { endsAt: interview.endsAt.toISOString() } : {}),
        ...(interview.location || interview.videoUrl ? { where: interview.location ?? interview.videoUrl! } : {}),
        interviewerIds: options.interviewerIds,
        ...options.extra,
      },
      occurredAt: options.occurredAt ?? options.now,
      actorId: options.actorId,
      visibility: INTERNAL_ACTIONS.has(action) ? "internal" : "candidate",
    },
    { now: options.now },
  );
}
