import { expect, test } from "vitest";
import type { ClockInstance } from "../sla/types";
import { STAGE_KINDS } from "../jobs";
import { STATUS_PAGE_TEXTS } from "./texts";
import type { CandidateEvent } from "./timeline";
import { candidateDate, candidateDateTime } from "../messages/candidate-dates";
import { buildStatusView, formatted, statusViewChangesAt, type StatusPageRecord } from "./view";

const now = new Date("2026-06-10T12:00:00Z");
const token = "A".repeat(32);

function clock(overrides: Partial<ClockInstance>): ClockInstance {
  return {
    metric: "periodic_update",
    instance: 1,
    state: "running",
    startedAt: new Date("2026-06-09T08:00:00Z"),
    dueAt: new Date("2026-06-12T22:30:00Z"),
    warnAt: null,
    stoppedAt: null,
    breached: false,
    businessHours: true,
    targetMinutes: 1440,
    remainingMinutes: null,
    stageId: null,
    interviewId: null,
    ...overrides,
  };
}

const events: CandidateEvent[] = [
  { id: "1", type: "applied", occurredAt: new Date("2026-06-01T08:00:00Z") },
  {
    id: "2",
    type: "message_out",
    occurredAt: new Date("2026-06-01T09:00:00Z"),
    subject: "We got your application",
    body: "Hi Ana,\nthanks for applying.",
  },
  {
    id: "3",
    type: "stage_changed",
    occurredAt: new Date("2026-06-05T09:00:00Z"),
    toStageId: "screen",
    toStageName: "Phone screen",
  },
];

function record(overrides: Partial<StatusPageRecord> = {}): StatusPageRecord {
  return {
    locale: "en",
    timeZone: "America/New_York",
    companyName: "Acme",
    jobTitle: "Product Designer",
    contactName: "Priya Raman",
    status: "active",
    closedAt: null,
    stage: { name: "Phone screen", kind: "screen" },
    stages: [
      { id: "applied", name: "Applied", kind: "applied" },
      { id: "screen", name: "Phone screen", kind: "screen" },
      { id: "onsite", name: "Onsite", kind: "interview" },
    ],
    events,
    clocks: [clock({})],
    rejectionEmailDueAt: null,
    surveyAnswered: false,
    daysAfterOutcome: 180,
    interviews: [],
    ...overrides,
  };
}

test("an active application: the stage in plain words and by name, what comes next, and the promised date", () => {
  const view = buildStatusView(record(), { token, now });
  expect(view.locale).toBe("en");
  expect(view.heading).toBe("Your application for Product Designer");
  expect(view.title).toBe("Your application · Product Designer · Acme");
  expect(view.now).toMatchObject({
    plain: "A short call to get to know you",
    stageName: "Step: Phone screen",
    next: STATUS_PAGE_TEXTS.en.stages.screen.next,
    duration: STATUS_PAGE_TEXTS.en.stages.screen.duration,
  });
  // Due 22:30 UTC on Friday the 12th is still Friday evening in New York.
  expect(view.promise).toEqual({
    heading: "When you will hear from us",
    tone: "by",
    lines: ["You will hear from us by Friday 12 June.", STATUS_PAGE_TEXTS.en.promiseByNote],
  });
  expect(view.outcome).toBe(null);
  expect(view.data).toBe(null);
  expect(view.contact).toMatchObject({ name: "Priya Raman" });
});

test("the promised date is the candidate's calendar date: the same instant is Saturday in Berlin", () => {
  const view = buildStatusView(record({ timeZone: "Europe/Berlin", locale: "de" }), { token, now });
  expect(view.promise?.lines[0]).toBe("Sie hören bis Samstag, 13. Juni von uns.");
});

test("the soonest of the update and stage-decision promises counts", () => {
  const stageDecision = clock({ metric: "stage_decision", dueAt: new Date("2026-06-11T15:00:00Z") });
  const view = buildStatusView(record({ clocks: [clock({}), stageDecision] }), { token, now });
  expect(view.promise?.lines[0]).toBe("You will hear from us by Thursday 11 June.");
});

test("a German candidate reads everything in German", () => {
  const view = buildStatusView(record({ locale: "de", timeZone: "Europe/Berlin" }), { token, now });
  expect(view.locale).toBe("de");
  expect(view.heading).toBe("Ihre Bewerbung als Product Designer");
  expect(view.now?.plain).toBe("Ein kurzes Gespräch zum Kennenlernen");
  expect(view.now?.stageName).toBe("Schritt: Phone screen");
  expect(view.contact.heading).toBe("Ihre Ansprechperson");
  expect(view.actions.links.map((link) => link.label)).toEqual([
    "Eine Frage stellen",
    "Bewerbung zurückziehen",
    "Festlegen, wie wir Sie erreichen",
    "Löschung Ihrer Daten beantragen",
  ]);
  expect(view.timeline.entries.map((entry) => entry.title)).toEqual([
    "Nächster Schritt: Ein kurzes Gespräch zum Kennenlernen (Phone screen)",
    "Wir haben Ihnen geschrieben",
    "Sie haben sich als Product Designer beworben",
  ]);
  expect(view.timeline.entries[0]!.when).toBe("Freitag, 5. Juni um 11:00");
});

test("an unsupported language falls back to English", () => {
  expect(buildStatusView(record({ locale: "fr" }), { token, now }).locale).toBe("en");
});

test("every stage kind is described in both languages, with what happens next and how long", () => {
  for (const locale of ["en", "de"] as const) {
    for (const kind of STAGE_KINDS) {
      const words = STATUS_PAGE_TEXTS[locale].stages[kind];
      for (const text of [words.plain, words.about, words.next, words.duration])
        expect(text.length).toBeGreaterThan(10);
    }
  }
  expect(STATUS_PAGE_TEXTS.de.stages.interview.plain).not.toBe(STATUS_PAGE_TEXTS.en.stages.interview.plain);
});

test("the timeline is newest first, with the message text behind a summary and dates in the candidate's zone", () => {
  const view = buildStatusView(record(), { token, now });
  expect(view.timeline.entries.map((entry) => entry.title)).toEqual([
    "Next step: A short call to get to know you (Phone screen)",
    "We wrote to you",
    "You applied for Product Designer",
  ]);
  expect(view.timeline.entries[1]).toMatchObject({
    dateTime: "2026-06-01T09:00:00.000Z",
    when: "Monday 1 June at 05:00",
    detail: "Subject: We got your application",
    body: { summary: "Read our message", text: "Hi Ana,\nthanks for applying." },
  });
});

test("a paused update clock means we are waiting for the candidate's answer", () => {
  const view = buildStatusView(record({ clocks: [clock({ state: "paused", dueAt: null })] }), { token, now });
  expect(view.promise).toMatchObject({ tone: "waiting", lines: [STATUS_PAGE_TEXTS.en.promiseWaiting] });
});

test("waiting on the candidate while a stage decision is still promised says both", () => {
  const clocks = [
    clock({ state: "paused", dueAt: null }),
    clock({ metric: "stage_decision", dueAt: new Date("2026-06-15T12:00:00Z") }),
  ];
  const view = buildStatusView(record({ clocks }), { token, now });
  expect(view.promise?.lines).toEqual([
    STATUS_PAGE_TEXTS.en.promiseWaiting,
    "You will hear from us by Monday 15 June.",
  ]);
});

test("a promise already missed is owned up to, not shown as a date in the past", () => {
  const view = buildStatusView(record({ clocks: [clock({ dueAt: new Date("2026-06-09T16:00:00Z") })] }), {
    token,
    now,
  });
  expect(view.promise).toEqual({
    heading: "When you will hear from us",
    tone: "late",
    lines: [
      "We promised to get back to you by Tuesday 9 June, and we are late. We are sorry. You will hear from us as soon as we can.",
    ],
  });
});

test("without a running promise the page says we will write when there is news", () => {
  const view = buildStatusView(record({ clocks: [] }), { token, now });
  expect(view.promise).toMatchObject({ tone: "none", lines: ["We will write to you as soon as there is news."] });
});

test("links to the candidate's actions: withdraw only while active, the survey only after an outcome", () => {
  const active = buildStatusView(record(), { token, now });
  expect(active.actions.links.map((link) => link.href)).toEqual([
    `/s/${token}/ask`,
    `/s/${token}/withdraw`,
    `/s/${token}/preferences`,
    `/s/${token}/delete-data`,
  ]);
  const closed = told("rejected");
  expect(closed.actions.links.map((link) => [link.href, link.label])).toEqual([
    [`/s/${token}/ask`, "Ask a question"],
    [`/s/${token}/preferences`, "Choose how we contact you"],
    [`/s/${token}/delete-data`, "Ask us to delete your data"],
    [`/s/${token}/survey`, "Tell us how we did (2 minutes)"],
  ]);
  const answered = buildStatusView(rejectedRecord({ surveyAnswered: true }), { token, now });
  expect(answered.actions.links.map((link) => link.key)).not.toContain("survey");
  expect(answered.actions.note).toBe("Thank you for answering our survey.");
});

const closedAt = new Date("2026-06-08T10:00:00Z");
function rejectedRecord(overrides: Partial<StatusPageRecord> = {}): StatusPageRecord {
  return record({
    status: "rejected",
    closedAt,
    clocks: [],
    events: [
      ...events,
      { id: "4", type: "outcome", occurredAt: closedAt, outcome: "rejected" },
      {
        id: "5",
        type: "message_out",
        occurredAt: new Date("2026-06-09T13:00:00Z"),
        subject: "Your application",
        body: "Hi Ana, we decided not to go ahead.",
      },
    ],
    ...overrides,
  });
}
function told(status: "rejected") {
  return buildStatusView(rejectedRecord({ status }), { token, now });
}

test("after a rejection: the decision first and kindly, no stage or promise, and how long the page stays", () => {
  const view = told("rejected");
  expect(view.outcome?.heading).toBe("Our decision");
  expect(view.outcome?.paragraphs[0]).toBe(
    "We have decided not to go ahead with your application for Product Designer.",
  );
  expect(view.outcome?.paragraphs.join(" ")).toContain("Thank you");
  expect(view.now).toBe(null);
  expect(view.promise).toBe(null);
  // 180 days after 8 June 2026 is 5 December 2026.
  expect(view.data).toMatchObject({
    heading: "Your data",
    until:
      "This page and its link work until Saturday 5 December. After that, the page is gone and the link no longer opens anything.",
    soonerLink: { href: `/s/${token}/delete-data`, label: "ask us to delete your data sooner" },
  });
  expect(view.timeline.entries.map((entry) => entry.title).slice(0, 2)).toEqual([
    "We wrote to you",
    "We decided not to go ahead with your application",
  ]);
});

test("a rejection whose email waits for the candidate's working hours is not broken by the page first", () => {
  const dueAt = new Date("2026-06-11T13:00:00Z");
  const view = buildStatusView(
    rejectedRecord({
      events: [...events, { id: "4", type: "outcome", occurredAt: closedAt, outcome: "rejected" }],
      rejectionEmailDueAt: dueAt,
    }),
    { token, now },
  );
  expect(view.outcome).toBe(null);
  expect(view.data).toBe(null);
  expect(view.now?.plain).toBe("A short call to get to know you");
  expect(view.promise?.lines[0]).toBe("You will hear from us by Thursday 11 June.");
  expect(view.timeline.entries.map((entry) => entry.id)).toEqual(["3", "2", "1"]);
  expect(view.actions.links.map((link) => link.key)).toEqual(["ask", "preferences", "delete-data"]);
});

test("an undone rejection leaves no trace on the page", () => {
  const view = buildStatusView(
    record({ events: [...events, { id: "4", type: "outcome", occurredAt: closedAt, outcome: "rejected" }] }),
    { token, now },
  );
  expect(view.timeline.entries.map((entry) => entry.id)).toEqual(["3", "2", "1"]);
  expect(view.outcome).toBe(null);
});

test("a hire welcomes the candidate and names who will be in touch; a withdrawal thanks them", () => {
  const hired = buildStatusView(
    record({
      status: "hired",
      closedAt,
      events: [...events, { id: "4", type: "outcome", occurredAt: closedAt, outcome: "hired" }],
    }),
    { token, now },
  );
  expect(hired.outcome).toEqual({
    heading: "Welcome to the team",
    paragraphs: [
      "You are joining us as Product Designer. We are delighted.",
      "Priya Raman will be in touch about your first days. If anything is unclear, ask us at any time.",
    ],
  });
  const withdrawn = buildStatusView(
    record({
      status: "withdrawn",
      closedAt,
      locale: "de",
      events: [...events, { id: "4", type: "outcome", occurredAt: closedAt, outcome: "withdrawn" }],
    }),
    { token, now },
  );
  expect(withdrawn.outcome?.heading).toBe("Sie haben Ihre Bewerbung zurückgezogen");
  expect(withdrawn.timeline.entries[0]!.title).toBe("Sie haben Ihre Bewerbung zurückgezogen");
  expect(withdrawn.data?.until).toContain("Samstag, 5. Dezember");
});

test("without a recruiter or hiring manager the team is the contact", () => {
  const view = buildStatusView(record({ contactName: null }), { token, now });
  expect(view.contact).toEqual({
    heading: "Your contact",
    name: "Our recruiting team",
    hint: STATUS_PAGE_TEXTS.en.noContactHint,
  });
});

test("interviews show when (in the candidate's zone) and where", () => {
  const interview: CandidateEvent = {
    id: "9",
    type: "interview",
    occurredAt: new Date("2026-06-06T09:00:00Z"),
    action: null,
    kind: null,
    when: new Date("2026-06-12T14:00:00Z"),
    where: "Video call (Zoom)",
    names: [],
    offered: null,
  };
  const view = buildStatusView(record({ events: [interview] }), { token, now });
  expect(view.timeline.entries[0]).toMatchObject({
    title: "Interview arranged",
    detail: "Friday 12 June at 10:00 · Video call (Zoom)",
  });
});

test("remembered dates are the candidate dates, also around New Year in the candidate's zone", () => {
  const instant = new Date("2026-12-31T23:30:00Z");
  // 23:50 UTC on New Year's Eve is already 2027 in Berlin, not yet in London: the year is written out accordingly.
  const beforeMidnight = new Date("2026-12-31T22:50:00Z");
  const afterMidnight = new Date("2026-12-31T23:05:00Z");
  for (const now of [beforeMidnight, afterMidnight, beforeMidnight]) {
    for (const zone of ["Europe/Berlin", "Europe/London", "Asia/Kathmandu"]) {
      expect(formatted("date", instant, "de", zone, now)).toBe(candidateDate(instant, "de", zone, now));
      expect(formatted("dateTime", instant, "en", zone, now)).toBe(candidateDateTime(instant, "en", zone, now));
    }
  }
  expect(formatted("date", instant, "en", "Europe/Berlin", afterMidnight)).toBe("Friday 1 January");
  expect(formatted("date", instant, "en", "Europe/Berlin", beforeMidnight)).toBe("Friday, 1 January 2027");
});

test("a stored page is good until the year ends in the candidate's zone when nothing is due sooner", () => {
  const nothingDue = record({ clocks: [] });
  const changesAt = statusViewChangesAt(nothingDue, now);
  expect(changesAt.toISOString()).toBe("2027-01-01T05:00:00.000Z"); // midnight in New York
  expect(buildStatusView(nothingDue, { token, now: new Date(changesAt.getTime() - 1) })).toEqual(
    buildStatusView(nothingDue, { token, now }),
  );
  expect(buildStatusView(nothingDue, { token, now: changesAt }).timeline.entries[0]?.when).toBe(
    "Friday, 5 June 2026 at 05:00",
  );
  // Not at each quarter hour, when every stored page would expire at once.
  expect(statusViewChangesAt(nothingDue, new Date("2026-06-10T12:14:59.999Z"))).toEqual(changesAt);
});

test("a stored page is good only until the promised date passes: then the page says we are late", () => {
  const due = new Date("2026-06-10T12:05:00Z");
  const soon = record({ clocks: [clock({ dueAt: due })] });
  expect(statusViewChangesAt(soon, now)).toEqual(due);
  const before = buildStatusView(soon, { token, now: new Date(due.getTime() - 1) });
  expect(before).toEqual(buildStatusView(soon, { token, now }));
  expect(buildStatusView(soon, { token, now: new Date(due.getTime() + 1) }).promise?.tone).toBe("late");
});

test("a held rejection email's send time and the link's expiry bound a stored page as well", () => {
  const sendAt = new Date("2026-06-10T12:10:00Z");
  expect(statusViewChangesAt(record({ status: "rejected", closedAt: now, rejectionEmailDueAt: sendAt }), now)).toEqual(
    sendAt,
  );
  const closedAt = new Date(now.getTime() - 180 * 24 * 60 * 60_000 + 60_000);
  expect(statusViewChangesAt(record({ status: "hired", closedAt }), now)).toEqual(new Date(now.getTime() + 60_000));
  // Dates already past move nothing: the page already says so.
  const late = record({ clocks: [clock({ dueAt: new Date("2026-06-10T11:00:00Z") })] });
  expect(statusViewChangesAt(late, now).toISOString()).toBe("2027-01-01T05:00:00.000Z");
});

const interviewEvent = (
  id: string,
  overrides: Partial<Extract<CandidateEvent, { type: "interview" }>>,
): CandidateEvent => ({
  id,
  type: "interview",
  occurredAt: new Date("2026-06-06T09:00:00Z"),
  action: "scheduled",
  kind: "interview",
  when: new Date("2026-06-12T14:00:00Z"),
  where: "https://meet.example.com/abc",
  names: ["Priya Raman"],
  offered: null,
  ...overrides,
});

test("interview touchpoints read as sentences on the candidate's clock, never as timestamps", () => {
  const events = [
    interviewEvent("a", { action: "offered", when: null, offered: 3, occurredAt: new Date("2026-06-05T09:00:00Z") }),
    interviewEvent("b", { action: "booked", occurredAt: new Date("2026-06-05T10:00:00Z") }),
    interviewEvent("c", {
      action: "rescheduled",
      when: new Date("2026-06-15T13:30:00Z"),
      where: "Torstraße 1, Berlin",
      kind: "onsite",
      occurredAt: new Date("2026-06-05T11:00:00Z"),
    }),
    interviewEvent("d", { action: "cancelled", occurredAt: new Date("2026-06-05T12:00:00Z") }),
    interviewEvent("e", { action: "declined", when: null, occurredAt: new Date("2026-06-05T13:00:00Z") }),
  ];
  const view = buildStatusView(record({ events }), { token, now });
  const lines = view.timeline.entries.map((entry) => [entry.title, entry.detail]);
  expect(lines).toEqual([
    ["You told us none of the times worked", null],
    ["Your interview was cancelled", "Video interview with Priya Raman, Friday 12 June, 10:00"],
    ["Your interview was moved", "On-site interview with Priya Raman, Monday 15 June, 09:30 · Torstraße 1, Berlin"],
    ["You chose a time for your interview", "Video interview with Priya Raman, Friday 12 June, 10:00"],
    ["We offered you 3 times for an interview", "Video interview with Priya Raman"],
  ]);
  expect(JSON.stringify(lines)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

  const german = buildStatusView(record({ locale: "de", timeZone: "Europe/Berlin", events: events.slice(1, 2) }), {
    token,
    now,
  });
  expect(german.timeline.entries[0]).toMatchObject({
    title: "Sie haben einen Termin für Ihr Gespräch gewählt",
    detail: "Video-Interview mit Priya Raman, Freitag, 12. Juni, 16:00",
  });
});

const offered = {
  id: "offer1",
  kind: "screen" as const,
  status: "offered" as const,
  startsAt: null,
  endsAt: null,
  timeZone: "Europe/Berlin",
  location: null,
  videoUrl: "https://meet.example.com/abc",
  names: ["Priya Raman"],
  slots: [
    { id: "s1", startsAt: new Date("2026-06-11T13:00:00Z"), endsAt: new Date("2026-06-11T13:30:00Z") },
    { id: "s2", startsAt: new Date("2026-06-12T13:00:00Z"), endsAt: new Date("2026-06-12T13:30:00Z") },
  ],
};
const scheduled = {
  ...offered,
  id: "int2",
  status: "scheduled" as const,
  kind: "interview" as const,
  startsAt: new Date("2026-06-16T14:00:00Z"),
  endsAt: new Date("2026-06-16T15:00:00Z"),
  slots: [],
};

test("an open offer is a call to choose a time; scheduled interviews are cards with a calendar link", () => {
  const view = buildStatusView(record({ interviews: [offered, scheduled] }), { token, now });
  expect(view.offer).toEqual({
    heading: "Choose a time for your interview",
    lead: "We would like to meet you: Video call with Priya Raman. There are 2 times to choose from.",
    choose: { href: `/s/${token}/interview`, label: "Choose a time" },
  });
  expect(view.interviews?.heading).toBe("Your interview");
  expect(view.interviews?.cards).toMatchObject([
    {
      headline: "Video interview with Priya Raman, Tuesday 16 June, 10:00 (New York time)",
      duration: "1 hour",
      calendar: { href: `/s/${token}/interviews/int2/calendar.ics`, label: "Add to calendar" },
    },
  ]);
  // After the outcome, neither shows.
  const closed = buildStatusView(record({ status: "withdrawn", closedAt: now, interviews: [offered, scheduled] }), {
    token,
    now,
  });
  expect(closed.offer).toBe(null);
  expect(closed.interviews).toBe(null);
});

test("a stored page lasts only until an offered time starts or an interview ends", () => {
  const inRecord = record({ clocks: [], interviews: [offered, scheduled] });
  expect(statusViewChangesAt(inRecord, now)).toEqual(new Date("2026-06-11T13:00:00Z"));
  expect(statusViewChangesAt(inRecord, new Date("2026-06-12T14:00:00Z"))).toEqual(new Date("2026-06-16T15:00:00Z"));
});
