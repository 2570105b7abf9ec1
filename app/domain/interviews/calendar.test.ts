// Every invitation is read back with ical.js, a different library from the one that writes it.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { expect, test } from "vitest";
import { zonedLocalToInstant } from "../local-time";
import { addToCalendarIcs, invitationIcs, type CalendarInterview } from "./calendar";

const STAMP = new Date("2026-12-05T10:00:00Z");

function interview(overrides: Partial<CalendarInterview> = {}): CalendarInterview {
  return {
    calendarUid: "interview-7f3a@hearback.example",
    sequence: 0,
    startsAt: new Date("2026-12-08T13:00:00Z"),
    endsAt: new Date("2026-12-08T13:45:00Z"),
    summary: "Interview: Support Engineer at Acme",
    description: "Video call with Priya Raman and Tom Becker.\nJoin: https://meet.example/abc",
    location: null,
    videoUrl: "https://meet.example/abc",
    organizer: { name: "Priya Raman", email: "priya@acme.example" },
    sentBy: "jobs@acme.example",
    candidate: { name: "Sam Taylor", email: "sam@example.com" },
    interviewers: [{ name: "Tom Becker", email: "tom@acme.example" }],
    ...overrides,
  };
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  const utc = (name: string) => (vevent.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: utc("dtstart"),
    end: utc("dtend"),
    startIsUtc: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).zone === ICAL.Timezone.utcTimezone,
    stamp: utc("dtstamp"),
    status: vevent.getFirstPropertyValue("status"),
    location: event.location,
    url: vevent.getFirstPropertyValue("url"),
    summary: event.summary,
    description: event.description,
    organizer: {
      address: vevent.getFirstPropertyValue("organizer"),
      name: vevent.getFirstProperty("organizer")!.getParameter("cn"),
      sentBy: vevent.getFirstProperty("organizer")!.getParameter("sent-by"),
    },
    attendees: event.attendees.map((property) => ({
      address: String(property.getFirstValue()).toLowerCase(),
      name: property.getParameter("cn"),
      role: property.getParameter("role"),
    })),
  };
}

test("a REQUEST names the interview's UID and sequence, the organiser, every attendee and UTC times", () => {
  const ics = invitationIcs(interview({ sequence: 3 }), "REQUEST", STAMP);
  expect(ics).toContain("\r\n");
  const event = parse(ics);
  expect(event).toMatchObject({
    method: "REQUEST",
    uid: "interview-7f3a@hearback.example",
    sequence: 3,
    start: "2026-12-08T13:00:00.000Z",
    end: "2026-12-08T13:45:00.000Z",
    startIsUtc: true,
    stamp: "2026-12-05T10:00:00.000Z",
    status: "CONFIRMED",
    summary: "Interview: Support Engineer at Acme",
    description: "Video call with Priya Raman and Tom Becker.\nJoin: https://meet.example/abc",
    location: "https://meet.example/abc",
    url: "https://meet.example/abc",
    organizer: { address: "mailto:priya@acme.example", name: "Priya Raman", sentBy: "mailto:jobs@acme.example" },
  });
  expect(event.attendees).toEqual([
    { address: "mailto:sam@example.com", name: "Sam Taylor", role: "REQ-PARTICIPANT" },
    { address: "mailto:tom@acme.example", name: "Tom Becker", role: "REQ-PARTICIPANT" },
  ]);
});

test("a CANCEL keeps the UID, carries the raised sequence and says the event is cancelled", () => {
  const request = parse(invitationIcs(interview({ sequence: 1 }), "REQUEST", STAMP));
  const cancel = parse(invitationIcs(interview({ sequence: 2 }), "CANCEL", STAMP));
  expect(cancel).toMatchObject({ method: "CANCEL", uid: request.uid, sequence: 2, status: "CANCELLED" });
  expect(cancel.attendees.map((attendee) => attendee.address)).toEqual(request.attendees.map((a) => a.address));
});

test("a room is the location and the video link stays the URL", () => {
  const event = parse(invitationIcs(interview({ location: "Acme, Torstraße 1, Berlin" }), "REQUEST", STAMP));
  expect(event.location).toBe("Acme, Torstraße 1, Berlin");
  expect(event.url).toBe("https://meet.example/abc");
  const inPerson = parse(invitationIcs(interview({ location: "Room 3", videoUrl: null }), "REQUEST", STAMP));
  expect(inPerson.location).toBe("Room 3");
  expect(inPerson.url).toBeNull();
});

test("times across Berlin's change to winter time on 25 October 2026 stay the instants planned", () => {
  // 10:00 in Berlin is 08:00 UTC the day before the change and 09:00 UTC the day after.
  const before = zonedLocalToInstant("2026-10-24T10:00", "Europe/Berlin");
  const after = zonedLocalToInstant("2026-10-26T10:00", "Europe/Berlin");
  const eventBefore = parse(
    invitationIcs(interview({ startsAt: before, endsAt: new Date(before.getTime() + 3_600_000) }), "REQUEST", STAMP),
  );
  const eventAfter = parse(
    invitationIcs(interview({ startsAt: after, endsAt: new Date(after.getTime() + 3_600_000) }), "REQUEST", STAMP),
  );
  expect([eventBefore.start, eventAfter.start]).toEqual(["2026-10-24T08:00:00.000Z", "2026-10-26T09:00:00.000Z"]);
  const berlin = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/Berlin" }).toFormat("HH:mm");
  expect([berlin(eventBefore.start), berlin(eventAfter.start)]).toEqual(["10:00", "10:00"]);

  // Two hours over the change itself: 02:30 summer time to 03:30 winter time on the wall clock, two hours long.
  const across = parse(
    invitationIcs(
      interview({ startsAt: new Date("2026-10-25T00:30:00Z"), endsAt: new Date("2026-10-25T02:30:00Z") }),
      "REQUEST",
      STAMP,
    ),
  );
  expect(Date.parse(across.end) - Date.parse(across.start)).toBe(2 * 3_600_000);
  expect([berlin(across.start), berlin(across.end)]).toEqual(["02:30", "03:30"]);
});

test("a New York recruiter's 09:00 is the Kolkata candidate's 19:30, the same instant in the invitation", () => {
  const startsAt = zonedLocalToInstant("2026-12-08T09:00", "America/New_York");
  const event = parse(
    invitationIcs(
      interview({
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        organizer: { name: "Dana Brooks", email: "dana@acme.example" },
        candidate: { name: "Ananya Iyer", email: "ananya@example.in" },
      }),
      "REQUEST",
      STAMP,
    ),
  );
  expect(event.start).toBe("2026-12-08T14:00:00.000Z");
  expect(event.end).toBe("2026-12-08T14:30:00.000Z");
  expect(DateTime.fromISO(event.start, { zone: "Asia/Kolkata" }).toFormat("yyyy-MM-dd HH:mm")).toBe("2026-12-08 19:30");
  expect(event.organizer).toMatchObject({ address: "mailto:dana@acme.example", name: "Dana Brooks" });
  expect(event.attendees[0]).toMatchObject({ address: "mailto:ananya@example.in", name: "Ananya Iyer" });
});

test("the Add to calendar download publishes the same event without attendees", () => {
  const event = parse(addToCalendarIcs(interview({ sequence: 4 }), STAMP));
  expect(event).toMatchObject({
    method: "PUBLISH",
    uid: "interview-7f3a@hearback.example",
    sequence: 4,
    start: "2026-12-08T13:00:00.000Z",
    status: "CONFIRMED",
    organizer: { address: "mailto:priya@acme.example", name: "Priya Raman" },
    attendees: [],
  });
  expect(parse(addToCalendarIcs(interview(), STAMP, { cancelled: true })).status).toBe("CANCELLED");
});
