// The candidate's interviews in words: which of them the status page shows at a given moment (the open offer, the
// interviews still to come), their cards, the call to choose a time, the booking page's choices (on the candidate's
// clock, with the planner's beside it) and the words of the "Add to calendar" file.
import { candidateLocale, INTL_LOCALES, type Locale } from "../i18n";
import { addToCalendarIcs, type CalendarPerson } from "../interviews/calendar";
import { cityOf, interviewDuration, interviewTitle, interviewWhen, interviewWith } from "../interviews/wording";
import type { InterviewKind } from "../interviews/types";
import { zoneOrUtc } from "../messages/candidate-dates";
import { INTERVIEW_TEXTS } from "./interview-texts";

export type InterviewSlotRecord = { id: string; startsAt: Date; endsAt: Date };

/** An offered or scheduled interview as the candidate may read it: no notes, no feedback, names only. */
export type CandidateInterviewRecord = {
  id: string;
  kind: InterviewKind;
  status: "offered" | "scheduled";
  startsAt: Date | null;
  endsAt: Date | null;
  /** The planner's zone, shown beside the candidate's own on the booking page. */
  timeZone: string;
  location: string | null;
  videoUrl: string | null;
  /** Whom the candidate meets, full names. */
  names: string[];
  slots: InterviewSlotRecord[];
};

/** The offer the candidate can still answer: the first with times ahead, with only those times. */
export function openOffer(interviews: readonly CandidateInterviewRecord[], now: Date): CandidateInterviewRecord | null {
  for (const interview of interviews) {
    if (interview.status !== "offered") continue;
    const slots = interview.slots.filter((slot) => slot.startsAt > now);
    if (slots.length > 0) return { ...interview, slots };
  }
  return null;
}

/** Scheduled interviews that have not ended, soonest first. */
export function upcomingInterviews(
  interviews: readonly CandidateInterviewRecord[],
  now: Date,
): CandidateInterviewRecord[] {
  return interviews
    .filter((interview) => interview.status === "scheduled" && interview.startsAt && interview.endsAt! > now)
    .sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime());
}

/** When what the page shows of these interviews changes with the clock alone: an offered time passing, an interview
 * ending. Null when nothing will. */
export function interviewsChangeAt(interviews: readonly CandidateInterviewRecord[], now: Date): Date | null {
  const moments: number[] = [];
  for (const interview of interviews) {
    if (interview.status === "offered") moments.push(...interview.slots.map((slot) => slot.startsAt.getTime()));
    if (interview.status === "scheduled" && interview.endsAt) moments.push(interview.endsAt.getTime());
  }
  const ahead = moments.filter((moment) => moment > now.getTime());
  return ahead.length > 0 ? new Date(Math.min(...ahead)) : null;
}

/** "Video interview with Priya Raman": what it is and whom the candidate meets, without a time. */
export function interviewWhat(
  interview: Pick<CandidateInterviewRecord, "kind" | "location" | "videoUrl" | "names">,
  locale: Locale,
): string {
  const title = interviewTitle(interview, locale);
  const people = interviewWith(interview.names, locale);
  return people ? INTERVIEW_TEXTS[locale].card.withPeople(title, people) : title;
}

/** "Video interview with Priya Raman, Tuesday 8 December, 14:00 (Berlin time)". */
export function interviewHeadline(
  interview: Pick<CandidateInterviewRecord, "kind" | "location" | "videoUrl" | "names"> & { startsAt: Date },
  locale: Locale,
  timeZone: string,
  now: Date,
): string {
  return `${interviewWhat(interview, locale)}, ${interviewWhen(interview.startsAt, locale, timeZone, now)}`;
}

function minutesOf(span: { startsAt: Date; endsAt: Date }): number {
  return Math.round((span.endsAt.getTime() - span.startsAt.getTime()) / 60_000);
}

export type InterviewCard = {
  id: string;
  headline: string;
  labels: { where: string; video: string; duration: string };
  place: string | null;
  /** The video call's address, shown as a link. */
  video: string | null;
  duration: string;
  calendar: { href: string; label: string };
};

/** The status page's card of a scheduled interview. */
export function interviewCard(
  interview: CandidateInterviewRecord,
  { locale, timeZone, now, base }: { locale: Locale; timeZone: string; now: Date; base: string },
): InterviewCard {
  const t = INTERVIEW_TEXTS[locale].card;
  const span = { startsAt: interview.startsAt!, endsAt: interview.endsAt! };
  const video = interview.videoUrl?.trim();
  return {
    id: interview.id,
    headline: interviewHeadline({ ...interview, startsAt: span.startsAt }, locale, timeZone, now),
    labels: { where: t.where, video: t.video, duration: t.duration },
    place: interview.location?.trim() || null,
    video: video || null,
    duration: interviewDuration(minutesOf(span), locale),
    calendar: { href: calendarPath(base, interview.id), label: t.addToCalendar },
  };
}

/** Where the "Add to calendar" file of an interview is, under the status link `base` (/s/<token>). */
export function calendarPath(base: string, interviewId: string): string {
  return `${base}/interviews/${interviewId}/calendar.ics`;
}

export type OfferCall = { heading: string; lead: string; choose: { href: string; label: string } };

/** The status page's call to choose one of the offered times. */
export function offerCall(offer: CandidateInterviewRecord, locale: Locale, base: string): OfferCall {
  const t = INTERVIEW_TEXTS[locale].offer;
  return {
    heading: t.heading,
    lead: t.lead(interviewWhat(offer, locale), offer.slots.length),
    choose: { href: `${base}/interview`, label: t.choose },
  };
}

function wallClock(instant: Date, locale: Locale, timeZone: string, withWeekday: boolean): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    ...(withWeekday ? { weekday: "long" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
  }).format(instant);
}

function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant);
}

/** "08:30 in New York" beside the candidate's own time, or null when the planner's clock reads the same. The weekday
 * is named when it is another day there. */
export function plannerTime(start: Date, locale: Locale, plannerZone: string, candidateZone: string): string | null {
  const city = cityOf(plannerZone);
  const zone = zoneOrUtc(plannerZone);
  const candidate = zoneOrUtc(candidateZone);
  const there = wallClock(start, locale, zone, false);
  const sameDay = dayIn(start, zone) === dayIn(start, candidate);
  if (sameDay && there === wallClock(start, locale, candidate, false)) return null;
  const time = sameDay ? there : wallClock(start, locale, zone, true);
  return INTERVIEW_TEXTS[locale].booking.plannerTime(time, city ?? "UTC");
}

export type SlotChoice = { id: string; when: string; planner: string | null; duration: string; dateTime: string };

/** One radio button of the booking page. */
export function slotChoice(
  slot: InterviewSlotRecord,
  interview: Pick<CandidateInterviewRecord, "timeZone">,
  { locale, timeZone, now }: { locale: Locale; timeZone: string; now: Date },
): SlotChoice {
  return {
    id: slot.id,
    when: interviewWhen(slot.startsAt, locale, timeZone, now),
    planner: plannerTime(slot.startsAt, locale, interview.timeZone, timeZone),
    duration: interviewDuration(minutesOf(slot), locale),
    dateTime: slot.startsAt.toISOString(),
  };
}

export type CalendarFileInput = {
  interview: Pick<CandidateInterviewRecord, "kind" | "location" | "videoUrl" | "names"> & {
    calendarUid: string;
    sequence: number;
    startsAt: Date;
    endsAt: Date;
  };
  organizer: CalendarPerson;
  /** The candidate's language, as stored. */
  locale: string;
  company: string;
  jobTitle: string;
  statusUrl: string;
};

/** The candidate's "Add to calendar" file: the invitations' UID and SEQUENCE (so a later change updates the event
 * it made), titled and described in their language. `stamp` is when it was written. */
export function addToCalendarFile(input: CalendarFileInput, stamp: Date): string {
  const locale = candidateLocale(input.locale);
  const t = INTERVIEW_TEXTS[locale].calendar;
  const { interview } = input;
  return addToCalendarIcs(
    {
      calendarUid: interview.calendarUid,
      sequence: interview.sequence,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      summary: t.summary(interviewWhat(interview, locale), input.company),
      description: t.description(input.jobTitle, input.company, input.statusUrl),
      location: interview.location,
      videoUrl: interview.videoUrl,
      organizer: input.organizer,
    },
    stamp,
  );
}
