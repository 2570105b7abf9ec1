// The emails an interview's changes send, in the caller's transaction: to the candidate, the template of the change
// with the calendar part (iMIP REQUEST or CANCEL) that puts it in, moves it in or removes it from their calendar; to
// each interviewer, a short staff email with the same event (one UID, the interview's SEQUENCE).
import type { Prisma } from "~/generated/prisma/client";
import { candidateLocale, type Locale } from "~/domain/i18n";
import {
  invitationIcs,
  type CalendarInterview,
  type CalendarPerson,
  type InvitationMethod,
} from "~/domain/interviews/calendar";
import type { InterviewKind } from "~/domain/interviews/types";
import { interviewTitle, interviewWhen, interviewWhere, interviewWith } from "~/domain/interviews/wording";
import { bareAddress } from "~/domain/messages/addresses";
import type { TemplateKind } from "~/domain/templates/kinds";
import { env, publicUrl } from "~/platform/env.server";
import { NotFoundError } from "~/platform/errors.server";
import { getMailSettings } from "../outbox/mail-settings.server";
import { queueStaffEmail, queueTemplateMessage, type QueuedMessage } from "../outbox/queue.server";

type Db = Prisma.TransactionClient;

export type InterviewChange = "invitation" | "rescheduled" | "cancelled";

export type InterviewMessagesInput = {
  interviewId: string;
  change: InterviewChange;
  /** The member of staff who made the change; null when the candidate did (booking a time) or Hearback did. */
  actorId: string | null;
  now: Date;
  /** false: the interviewers are told, the candidate is not. */
  notifyCandidate?: boolean;
  /** Interviewers taken off the interview by this change: each gets a cancellation for their calendar. */
  cancelFor?: string[];
};

export type InterviewMessages = {
  /** The candidate's email; null when not asked for, or when an empty merge field stopped an email nobody was
   * there to fix (reported to the recruiter, see queueTemplateMessages). */
  candidate: QueuedMessage | null;
  /** The interviewers' emails (message ids). */
  interviewers: string[];
};

const interviewSelect = {
  id: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  location: true,
  videoUrl: true,
  calendarUid: true,
  sequence: true,
  organizer: { select: { name: true, email: true } },
  seats: { select: { user: { select: { id: true, name: true, email: true, timeZone: true, active: true } } } },
  application: {
    select: {
      id: true,
      candidate: { select: { name: true, email: true, locale: true } },
      job: {
        select: {
          title: true,
          recruiter: { select: { name: true, email: true } },
          hiringManager: { select: { name: true, email: true } },
        },
      },
    },
  },
} satisfies Prisma.InterviewSelect;

type InterviewRow = Prisma.InterviewGetPayload<{ select: typeof interviewSelect }>;

function candidateTemplate(change: InterviewChange, kind: InterviewKind): TemplateKind {
  if (change === "rescheduled") return "interview_rescheduled";
  if (change === "cancelled") return "interview_cancelled";
  return kind === "screen" ? "screen_invite" : "interview_invite";
}

const CALENDAR_TITLE: Record<Locale, (what: string, job: string, company: string) => string> = {
  en: (what, job, company) => `${what}: ${job} at ${company}`,
  de: (what, job, company) => `${what}: ${job} bei ${company}`,
};

const CALENDAR_WITH: Record<Locale, string> = { en: "With", de: "Mit" };
const CALENDAR_WHERE: Record<Locale, string> = { en: "Where", de: "Wo" };

function description(lines: [label: string, value: string][]): string {
  return lines
    .filter(([, value]) => value !== "")
    .map(([label, value]) => `${label}: ${value}`)
    .join("\n");
}

/** The event as it goes to the candidate and to the interviewers: the same UID, sequence and times; the title and
 * description in each reader's language. */
function calendarEvent(
  interview: InterviewRow & { startsAt: Date; endsAt: Date },
  organizer: CalendarPerson,
  text: { summary: string; description: string },
  interviewers: CalendarPerson[],
): CalendarInterview {
  const sender = bareAddress(env.MAIL_FROM);
  return {
    calendarUid: interview.calendarUid,
    sequence: interview.sequence,
    startsAt: interview.startsAt,
    endsAt: interview.endsAt,
    ...text,
    location: interview.location,
    videoUrl: interview.videoUrl,
    organizer,
    sentBy: sender.toLowerCase() === organizer.email.toLowerCase() ? null : sender,
    candidate: { name: interview.application.candidate.name, email: interview.application.candidate.email },
    interviewers,
  };
}

const STAFF_SUBJECT: Record<InterviewChange, string> = {
  invitation: "Interview",
  rescheduled: "Interview moved",
  cancelled: "Interview cancelled",
};

/** Queues the emails of an interview's change (see the module comment). An email whose merge fields would be empty
 * (an invitation to an interview without a place) is refused when a member of staff made the change, who can fix it,
 * and skipped with a notice to the recruiter when the candidate did. */
export async function queueInterviewMessages(db: Db, input: InterviewMessagesInput): Promise<InterviewMessages> {
  const interview = await db.interview.findUnique({ where: { id: input.interviewId }, select: interviewSelect });
  if (!interview) throw new NotFoundError("The interview");
  const { startsAt, endsAt } = interview;
  if (!startsAt || !endsAt) throw new Error(`Interview ${interview.id} has no time yet; there is nothing to send.`);
  const timed = { ...interview, startsAt, endsAt };
  const { application } = interview;
  const company = (await getMailSettings(db)).companyName;
  const organizer: CalendarPerson = interview.organizer ??
    application.job.recruiter ??
    application.job.hiringManager ?? { name: company, email: bareAddress(env.MAIL_FROM) };
  const method: InvitationMethod = input.change === "cancelled" ? "CANCEL" : "REQUEST";
  const seated = interview.seats.map((seat) => seat.user);
  const interviewers = seated.map(({ name, email }) => ({ name, email }));

  let candidate: QueuedMessage | null = null;
  if (input.notifyCandidate ?? true) {
    const locale = candidateLocale(application.candidate.locale);
    const ics = invitationIcs(
      calendarEvent(
        timed,
        organizer,
        {
          summary: CALENDAR_TITLE[locale](interviewTitle(interview, locale), application.job.title, company),
          description: description([
            [
              CALENDAR_WITH[locale],
              interviewWith(interviewers.length ? seated.map((u) => u.name) : [organizer.name], locale),
            ],
            [CALENDAR_WHERE[locale], interviewWhere(interview.location, interview.videoUrl, locale)],
          ]),
        },
        interviewers,
      ),
      method,
      input.now,
    );
    candidate = await queueTemplateMessage(
      db,
      {
        applicationId: application.id,
        kind: candidateTemplate(input.change, interview.kind),
        automated: input.actorId === null,
        awaitsCandidate: false,
        timing: { kind: "now" },
        sender: interview.organizer ?? undefined,
        actorId: input.actorId,
        interviewId: interview.id,
        calendar: { method, ics },
        now: input.now,
      },
      { ifFieldEmpty: input.actorId === null ? "skip" : "refuse" },
    );
  }

  const staffText = (person: { name: string; timeZone: string }, removed: boolean) => {
    const when = interviewWhen(startsAt, "en", person.timeZone, input.now);
    const what = `${interviewTitle(interview, "en")} with ${application.candidate.name} for ${application.job.title}`;
    const change = removed
      ? "You are no longer on this interview; it is taken out of your calendar."
      : input.change === "cancelled"
        ? "This interview is cancelled; it is taken out of your calendar."
        : input.change === "rescheduled"
          ? "This interview has changed; your calendar is updated."
          : "You are an interviewer. The invitation is attached for your calendar.";
    const where = interviewWhere(interview.location, interview.videoUrl, "en");
    return {
      subject: `${removed ? STAFF_SUBJECT.cancelled : STAFF_SUBJECT[input.change]}: ${application.candidate.name}, ${when}`,
      summary: `${what}`,
      text: [
        `Hello ${person.name},`,
        "",
        change,
        "",
        `${what}`,
        `When: ${when}`,
        ...(where ? [`Where: ${where}`] : []),
        "",
        `The application: ${publicUrl()}/applications/${application.id}`,
        "",
      ].join("\n"),
    };
  };

  const staff = [
    ...seated.filter((user) => user.active).map((user) => ({ user, removed: false })),
    ...(input.cancelFor?.length
      ? (
          await db.user.findMany({
            where: { id: { in: input.cancelFor }, active: true },
            select: { id: true, name: true, email: true, timeZone: true, active: true },
          })
        ).map((user) => ({ user, removed: true }))
      : []),
  ];
  const staffIds: string[] = [];
  for (const { user, removed } of staff) {
    const text = staffText(user, removed);
    const staffMethod: InvitationMethod = removed ? "CANCEL" : method;
    const ics = invitationIcs(
      calendarEvent(
        timed,
        organizer,
        { summary: text.summary, description: `${publicUrl()}/applications/${application.id}` },
        // A cancellation for one removed interviewer names only them: the others stay invited.
        removed ? [{ name: user.name, email: user.email }] : interviewers,
      ),
      staffMethod,
      input.now,
    );
    staffIds.push(
      await queueStaffEmail(db, {
        to: user,
        subject: text.subject,
        text: text.text,
        applicationId: application.id,
        interviewId: interview.id,
        calendar: { method: staffMethod, ics },
        now: input.now,
      }),
    );
  }
  return { candidate, interviewers: staffIds };
}
