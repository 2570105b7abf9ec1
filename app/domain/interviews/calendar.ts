// The iCalendar text of an interview (RFC 5545), for the invitation emails (iMIP, RFC 6047: METHOD REQUEST or CANCEL)
// and for the candidate's "Add to calendar" download (METHOD PUBLISH). One UID for the interview's whole life and its
// SEQUENCE raised on every change, so calendars update or remove the one event instead of adding another.
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalAttendeeData,
} from "ical-generator";

export type CalendarPerson = { name: string; email: string };

export type CalendarInterview = {
  /** Interview.calendarUid: the same through every reschedule and the cancellation. */
  calendarUid: string;
  /** Interview.sequence: raised by the caller on every change sent to the attendees. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string | null;
  videoUrl: string | null;
  /** The recruiter who organises it (or the company, when nobody is named). */
  organizer: CalendarPerson;
  /** The address the email really comes from, when it is not the organiser's (iCalendar SENT-BY). */
  sentBy?: string | null;
  candidate: CalendarPerson;
  interviewers: CalendarPerson[];
};

/** What an invitation email asks of the calendar that reads it. */
export type InvitationMethod = "REQUEST" | "CANCEL";

const PRODUCT_ID = { company: "Hearback", product: "Interviews", language: "EN" };

function eventCalendar(method: ICalCalendarMethod | null) {
  return ical({ prodId: PRODUCT_ID, method });
}

/** The event's place: the room or address when there is one, else the video link (calendars show it as the place). */
function placeOf(interview: Pick<CalendarInterview, "location" | "videoUrl">): string | null {
  return interview.location?.trim() || interview.videoUrl?.trim() || null;
}

function attendee(person: CalendarPerson, role: ICalAttendeeRole): ICalAttendeeData {
  // RSVP stays off: Hearback sends the invitation for the organiser, so an iMIP REPLY would reach a calendar that
  // has no such event. Candidates answer on their status page or by replying to the email.
  return { name: person.name, email: person.email, role, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false };
}

/** What every calendar of the interview says about the event itself: its identity, time, words and place. */
function eventOf(
  interview: Omit<CalendarInterview, "candidate" | "interviewers" | "sentBy">,
  stamp: Date,
  cancelled: boolean,
) {
  return {
    id: interview.calendarUid,
    sequence: interview.sequence,
    stamp,
    start: interview.startsAt,
    end: interview.endsAt,
    summary: interview.summary,
    description: interview.description,
    location: placeOf(interview),
    url: interview.videoUrl?.trim() || null,
    organizer: interview.organizer,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

/** The .ics of an invitation email: METHOD REQUEST for a new or moved interview, CANCEL for a cancelled one, with
 * the organiser and every attendee (the candidate and the interviewers). `stamp` is DTSTAMP: when it was written. */
export function invitationIcs(interview: CalendarInterview, method: InvitationMethod, stamp: Date): string {
  const calendar = eventCalendar(method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL);
  calendar.createEvent({
    ...eventOf(interview, stamp, method === "CANCEL"),
    organizer: { ...interview.organizer, sentBy: interview.sentBy ?? undefined },
    attendees: [
      attendee(interview.candidate, ICalAttendeeRole.REQ),
      ...interview.interviewers.map((person) => attendee(person, ICalAttendeeRole.REQ)),
    ],
  });
  return calendar.toString();
}

/** The candidate's "Add to calendar" download: METHOD PUBLISH, the same UID and SEQUENCE (so a later invitation
 * updates the event it made), no attendees (RFC 5546 forbids them in PUBLISH) and nothing to answer. */
export function addToCalendarIcs(
  interview: Omit<CalendarInterview, "candidate" | "interviewers" | "sentBy">,
  stamp: Date,
  options: { cancelled?: boolean } = {},
): string {
  const calendar = eventCalendar(ICalCalendarMethod.PUBLISH);
  calendar.createEvent(eventOf(interview, stamp, options.cancelled ?? false));
  return calendar.toString();
}
