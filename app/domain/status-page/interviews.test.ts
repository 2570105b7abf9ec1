import ICAL from "ical.js";
import { expect, test } from "vitest";
import { bookingErrors, bookingView } from "./booking";
import {
  addToCalendarFile,
  interviewCard,
  interviewsChangeAt,
  openOffer,
  plannerTime,
  slotChoice,
  upcomingInterviews,
  type CandidateInterviewRecord,
} from "./interviews";

const now = new Date("2026-12-05T10:00:00Z");
const base = "/s/" + "T".repeat(32);

function interview(overrides: Partial<CandidateInterviewRecord> = {}): CandidateInterviewRecord {
  return {
    id: "int1",
    kind: "screen",
    status: "scheduled",
    startsAt: new Date("2026-12-08T13:00:00Z"),
    endsAt: new Date("2026-12-08T13:45:00Z"),
    timeZone: "America/New_York",
    location: null,
    videoUrl: "https://meet.example.com/abc-defg",
    names: ["Priya Raman"],
    slots: [],
    ...overrides,
  };
}

const slot = (id: string, start: string, minutes = 45) => ({
  id,
  startsAt: new Date(start),
  endsAt: new Date(new Date(start).getTime() + minutes * 60_000),
});

const offered = interview({
  id: "offer1",
  status: "offered",
  startsAt: null,
  endsAt: null,
  slots: [slot("past", "2026-12-04T13:00:00Z"), slot("s1", "2026-12-08T13:00:00Z"), slot("s2", "2026-12-09T15:30:00Z")],
});

test("the open offer is the first with times ahead, with only those times", () => {
  expect(openOffer([offered], now)?.slots.map((s) => s.id)).toEqual(["s1", "s2"]);
  const allPast = interview({ status: "offered", slots: [slot("old", "2026-12-01T10:00:00Z")] });
  expect(openOffer([allPast], now)).toBe(null);
  expect(openOffer([allPast, offered], now)?.id).toBe("offer1");
  expect(openOffer([interview()], now)).toBe(null);
});

test("upcoming interviews are scheduled ones not yet over, soonest first; one under way still counts", () => {
  const later = interview({
    id: "later",
    startsAt: new Date("2026-12-10T09:00:00Z"),
    endsAt: new Date("2026-12-10T10:00:00Z"),
  });
  const running = interview({
    id: "running",
    startsAt: new Date("2026-12-05T09:30:00Z"),
    endsAt: new Date("2026-12-05T10:15:00Z"),
  });
  const over = interview({
    id: "over",
    startsAt: new Date("2026-12-05T08:00:00Z"),
    endsAt: new Date("2026-12-05T09:00:00Z"),
  });
  expect(upcomingInterviews([later, over, offered, running], now).map((i) => i.id)).toEqual(["running", "later"]);
});

test("the page changes with the clock when an offered time starts or an interview ends", () => {
  expect(interviewsChangeAt([offered], now)).toEqual(new Date("2026-12-08T13:00:00Z"));
  expect(interviewsChangeAt([offered, interview({ endsAt: new Date("2026-12-06T08:00:00Z") })], now)).toEqual(
    new Date("2026-12-06T08:00:00Z"),
  );
  expect(interviewsChangeAt([], now)).toBe(null);
});

test("a card says what, with whom and when on the candidate's clock, naming it, with the link and the duration", () => {
  const card = interviewCard(interview(), { locale: "en", timeZone: "Europe/Berlin", now, base });
  expect(card).toEqual({
    id: "int1",
    headline: "Video call with Priya Raman, Tuesday 8 December, 14:00 (Berlin time)",
    labels: { where: "Where", video: "Video call", duration: "How long" },
    place: null,
    video: "https://meet.example.com/abc-defg",
    duration: "45 minutes",
    calendar: { href: `${base}/interviews/int1/calendar.ics`, label: "Add to calendar" },
  });
  const german = interviewCard(interview({ kind: "onsite", location: "Torstraße 1, Berlin", videoUrl: null }), {
    locale: "de",
    timeZone: "Europe/Berlin",
    now,
    base,
  });
  expect(german.headline).toBe("Gespräch vor Ort mit Priya Raman, Dienstag, 8. Dezember, 14:00 (Berliner Zeit)");
  expect(german).toMatchObject({ place: "Torstraße 1, Berlin", video: null, duration: "45 Minuten" });
});

test("the planner's clock is shown beside the candidate's only when it reads differently", () => {
  const start = new Date("2026-12-08T13:00:00Z");
  expect(plannerTime(start, "en", "America/New_York", "Europe/Berlin")).toBe("08:00 in New York");
  expect(plannerTime(start, "en", "Europe/Berlin", "Europe/Berlin")).toBe(null);
  // Paris and Berlin keep the same clock: nothing to add.
  expect(plannerTime(start, "en", "Europe/Paris", "Europe/Berlin")).toBe(null);
  // Another day there: the weekday is named.
  expect(plannerTime(new Date("2026-12-08T23:30:00Z"), "en", "Asia/Tokyo", "Europe/London")).toBe(
    "Wednesday 08:30 in Tokyo",
  );
  expect(plannerTime(start, "de", "Etc/UTC", "Europe/Berlin")).toBe("13:00 in UTC");
});

test("a choice on the booking page: the candidate's time in words, the planner's beside it, how long", () => {
  const choice = slotChoice(slot("s1", "2026-12-08T13:00:00Z", 30), offered, {
    locale: "en",
    timeZone: "Europe/Berlin",
    now,
  });
  expect(choice).toEqual({
    id: "s1",
    when: "Tuesday 8 December, 14:00 (Berlin time)",
    planner: "08:00 in New York",
    duration: "30 minutes",
    dateTime: "2026-12-08T13:00:00.000Z",
  });
  // Next year's dates carry their year.
  const next = slotChoice(slot("s3", "2027-01-05T13:00:00Z"), offered, {
    locale: "de",
    timeZone: "Europe/Berlin",
    now,
  });
  expect(next.when).toBe("Dienstag, 5. Januar 2027, 14:00 (Berliner Zeit)");
});

test("the booking page shows the open offer, the booked interview, the thanks, or that there is nothing to choose", () => {
  const input = {
    locale: "en" as const,
    timeZone: "Europe/Berlin",
    now,
    base,
    contactName: "Priya Raman",
    interviews: [offered],
    booked: null,
    declined: false,
  };
  const offer = bookingView(input);
  expect(offer).toMatchObject({
    kind: "offer",
    interviewId: "offer1",
    intro: "Video call with Priya Raman. Choose the time that suits you best.",
  });
  expect(offer.kind === "offer" && offer.choices.map((choice) => choice.id)).toEqual(["s1", "s2"]);

  const booked = bookingView({ ...input, interviews: [interview()], booked: "int1" });
  expect(booked).toMatchObject({ kind: "booked", title: "Your interview is booked" });
  expect(booked.kind === "booked" && booked.card.headline).toContain("Tuesday 8 December, 14:00 (Berlin time)");

  expect(bookingView({ ...input, interviews: [], declined: true })).toMatchObject({
    kind: "declined",
    lines: ["Priya Raman has your note and will write to you with new times. You do not need to do anything else."],
  });
  // A booked id that is not this application's upcoming interview falls back to what is open now.
  expect(bookingView({ ...input, interviews: [], booked: "someone-else" })).toMatchObject({ kind: "nothing" });
});

test("the booking form's errors are in the candidate's language", () => {
  const values = { choice: "", slotId: "", note: "" };
  expect(bookingErrors({ choice: "Invalid input" }, values, "en")).toEqual({ slotId: "Choose one of the times." });
  expect(bookingErrors({ slotId: "Time is required." }, { ...values, choice: "slot" }, "de")).toEqual({
    slotId: "Wählen Sie einen der Termine.",
  });
  expect(bookingErrors({ note: "x" }, { ...values, choice: "none" }, "de")).toEqual({
    note: "Sagen Sie uns, welche Tage und Zeiten Ihnen passen.",
  });
  expect(bookingErrors({ note: "x" }, { ...values, choice: "none", note: "a".repeat(2001) }, "en")).toEqual({
    note: "Please keep your note under 2,000 characters.",
  });
});

test("the add-to-calendar file keeps the invitations' UID and sequence, in UTC, in the candidate's language", () => {
  const ics = addToCalendarFile(
    {
      interview: {
        kind: "interview",
        calendarUid: "interview-7f3a@hearback.test",
        sequence: 2,
        startsAt: new Date("2026-12-08T13:00:00Z"),
        endsAt: new Date("2026-12-08T13:45:00Z"),
        location: null,
        videoUrl: "https://meet.example.com/abc-defg",
        names: ["Priya Raman"],
      },
      organizer: { name: "Priya Raman", email: "priya@acme.example" },
      locale: "de",
      company: "Acme",
      jobTitle: "Support Engineer",
      statusUrl: "https://jobs.acme.example/s/TOKEN",
    },
    now,
  );
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
  expect(vevent.getFirstPropertyValue("uid")).toBe("interview-7f3a@hearback.test");
  expect(vevent.getFirstPropertyValue("sequence")).toBe(2);
  expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe(
    "2026-12-08T13:00:00.000Z",
  );
  expect(vevent.getFirstPropertyValue("summary")).toBe("Video-Interview mit Priya Raman · Acme");
  expect(String(vevent.getFirstPropertyValue("description"))).toContain("https://jobs.acme.example/s/TOKEN");
  expect(vevent.getAllProperties("attendee")).toEqual([]);
});
