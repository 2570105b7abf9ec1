import { expect, test } from "vitest";
import { compileCalendar } from "~/domain/sla/calendar";
import { DEFAULT_OPENING_HOURS, type Holiday, type OpeningHours } from "~/domain/sla/schedule";
import { perSlaMetric } from "~/domain/sla/types";
import {
  composeDigestEmail,
  digestFigures,
  digestWeekAt,
  formatMinutes,
  isDigestDue,
  type DigestContent,
  type DigestFigures,
} from "./digest";
import type { MetricsReport, SlaMetricFigures } from "./report";

/** The business-hours rule staff emails use: the workspace's weekly hours read in the person's time zone. */
function openingIn(timeZone: string, holidays: Holiday[] = [], hours: OpeningHours[] = DEFAULT_OPENING_HOURS) {
  const calendar = compileCalendar({ timeZone, hours, holidays });
  return (at: Date) => new Date(calendar.nextOpening(at.getTime()));
}

test("Los Angeles: Monday 09:00 local, before and after the spring change to daylight time", () => {
  const la = "America/Los_Angeles";
  // 2 March 2026: PST (UTC−8).
  expect(digestWeekAt(new Date("2026-03-04T12:00:00Z"), la, openingIn(la))).toEqual({
    week: "2026-W10",
    dueAt: new Date("2026-03-02T17:00:00Z"),
  });
  // Clocks went forward on Sunday 8 March: Monday 9 March 09:00 is PDT (UTC−7).
  expect(digestWeekAt(new Date("2026-03-09T16:30:00Z"), la, openingIn(la))).toEqual({
    week: "2026-W11",
    dueAt: new Date("2026-03-09T16:00:00Z"),
  });
  // Sunday 23:00 in Los Angeles is already Monday in UTC, but still the week before there.
  expect(digestWeekAt(new Date("2026-03-09T06:00:00Z"), la, openingIn(la))?.week).toBe("2026-W10");
});

test("Auckland: the autumn change back to standard time, and a closed Easter Monday moves it to Tuesday", () => {
  const auckland = "Pacific/Auckland";
  // Monday 30 March 2026 09:00 NZDT (UTC+13).
  expect(digestWeekAt(new Date("2026-03-30T01:00:00Z"), auckland, openingIn(auckland))).toEqual({
    week: "2026-W14",
    dueAt: new Date("2026-03-29T20:00:00Z"),
  });
  // Clocks went back on Sunday 5 April: Monday 6 April 09:00 is NZST (UTC+12).
  expect(digestWeekAt(new Date("2026-04-06T03:00:00Z"), auckland, openingIn(auckland))).toEqual({
    week: "2026-W15",
    dueAt: new Date("2026-04-05T21:00:00Z"),
  });
  // Easter Monday closed: the first open minute is Tuesday 7 April 09:00 NZST.
  const easter = [{ date: "2026-04-06", name: "Easter Monday" }];
  expect(digestWeekAt(new Date("2026-04-06T03:00:00Z"), auckland, openingIn(auckland, easter))).toEqual({
    week: "2026-W15",
    dueAt: new Date("2026-04-06T21:00:00Z"),
  });
});

test("at one instant Auckland and Los Angeles are in different weeks", () => {
  const instant = new Date("2026-04-06T20:00:00Z"); // Tuesday 08:00 in Auckland, Monday 13:00 in Los Angeles
  const auckland = digestWeekAt(instant, "Pacific/Auckland", openingIn("Pacific/Auckland"));
  const la = digestWeekAt(instant, "America/Los_Angeles", openingIn("America/Los_Angeles"));
  expect(auckland).toEqual({ week: "2026-W15", dueAt: new Date("2026-04-05T21:00:00Z") });
  expect(la).toEqual({ week: "2026-W15", dueAt: new Date("2026-04-06T16:00:00Z") });
  // Sunday 22:00 UTC is already Monday 10:00 in Auckland (W16) but still Sunday 15:00 in Los Angeles (W15).
  const sunday = new Date("2026-04-12T22:00:00Z");
  expect(digestWeekAt(sunday, "Pacific/Auckland", openingIn("Pacific/Auckland"))?.week).toBe("2026-W16");
  expect(digestWeekAt(sunday, "America/Los_Angeles", openingIn("America/Los_Angeles"))?.week).toBe("2026-W15");
});

test("hours that open before 08:00, or no hours rule at all, give Monday 08:00 itself", () => {
  const early = [{ day: "mon" as const, open: "07:00", close: "15:00" }];
  const berlin = "Europe/Berlin";
  expect(digestWeekAt(new Date("2026-03-11T12:00:00Z"), berlin, openingIn(berlin, [], early))?.dueAt).toEqual(
    new Date("2026-03-09T07:00:00Z"),
  );
  expect(digestWeekAt(new Date("2026-03-11T12:00:00Z"), berlin, (at) => at)?.dueAt).toEqual(
    new Date("2026-03-09T07:00:00Z"),
  );
});

test("a week closed from Monday to Sunday has no digest of its own; the next week's comes on its Monday", () => {
  const london = "Europe/London";
  const closed = ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"].map((date) => ({ date }));
  expect(digestWeekAt(new Date("2026-12-30T12:00:00Z"), london, openingIn(london, closed))).toBeNull();
  expect(digestWeekAt(new Date("2027-01-04T12:00:00Z"), london, openingIn(london, closed))).toEqual({
    week: "2027-W01",
    dueAt: new Date("2027-01-04T09:00:00Z"),
  });
});

test("a digest goes out from its time until a day later, never before and never late in the week", () => {
  const week = { week: "2026-W11", dueAt: new Date("2026-03-09T16:00:00Z") };
  expect(isDigestDue(week, new Date("2026-03-09T15:59:59Z"))).toBe(false);
  expect(isDigestDue(week, new Date("2026-03-09T16:00:00Z"))).toBe(true);
  expect(isDigestDue(week, new Date("2026-03-10T15:59:00Z"))).toBe(true);
  expect(isDigestDue(week, new Date("2026-03-10T16:00:00Z"))).toBe(false);
  expect(isDigestDue(null, new Date("2026-03-09T16:00:00Z"))).toBe(false);
});

test("an unknown time zone is an error, not a digest at a random hour", () => {
  expect(() => digestWeekAt(new Date("2027-01-12T10:00:00Z"), "Mars/Olympus", (at) => at)).toThrow(RangeError);
});

test("durations read as minutes, hours, or days and hours", () => {
  expect([0, 45, 60, 270, 24 * 60, 1770, 6 * 24 * 60 + 20].map(formatMinutes)).toEqual([
    "0 min",
    "45 min",
    "1 h",
    "4 h 30 min",
    "1 day",
    "1 day 6 h",
    "6 days",
  ]);
});

function slaFigures(metric: SlaMetricFigures["metric"], overrides: Partial<SlaMetricFigures> = {}): SlaMetricFigures {
  return {
    metric,
    met: 0,
    breached: 0,
    attainment: null,
    count: 0,
    medianMinutes: null,
    p90Minutes: null,
    breachedNow: 0,
    ...overrides,
  };
}

function report(overrides: Partial<MetricsReport>): MetricsReport {
  return {
    filters: { from: new Date("2026-03-02T16:00:00Z"), to: new Date("2026-03-09T16:00:00Z") },
    applications: 0,
    sla: perSlaMetric((metric) => slaFigures(metric)),
    silentCandidates: 0,
    timeInStage: [],
    decisionsOwed: [],
    closureRate: { told: 0, rejected: 0, rate: null },
    promiseKept: { kept: 0, shown: 0, rate: null },
    timeToHire: { count: 0, medianMinutes: null, p90Minutes: null },
    candidateNps: { score: null, responses: 0, promoters: 0, detractors: 0 },
    friction: { per100: null, responses: 0, byTag: {} },
    weekly: [],
    funnel: [],
    ...overrides,
  };
}

test("the digest's figures come from the report: breaches of every metric, and only the decisions this person owes", () => {
  const figures = digestFigures(
    report({
      applications: 12,
      sla: {
        ...perSlaMetric((metric) => slaFigures(metric)),
        first_response: slaFigures("first_response", { medianMinutes: 270, attainment: 0.9, breachedNow: 1 }),
        next_response: slaFigures("next_response", { breachedNow: 2 }),
        stage_decision: slaFigures("stage_decision", { breachedNow: 4 }),
      },
      promiseKept: { kept: 3, shown: 4, rate: 0.75 },
      decisionsOwed: [
        { ownerId: "me", ownerName: "Me", count: 3, oldestWaitingMinutes: 100 },
        { ownerId: null, ownerName: null, count: 5, oldestWaitingMinutes: 50 },
      ],
    }),
    "me",
  );
  expect(figures).toEqual({
    applications: 12,
    firstResponseMedianMinutes: 270,
    firstResponseAttainment: 0.9,
    promiseKeptRate: 0.75,
    breachesNow: 7,
    decisionsOwed: 3,
  });
});

const thisWeek: DigestFigures = {
  applications: 12,
  firstResponseMedianMinutes: 270,
  firstResponseAttainment: 0.9,
  promiseKeptRate: 0.75,
  breachesNow: 2,
  decisionsOwed: 3,
};
const weekBefore: DigestFigures = {
  applications: 9,
  firstResponseMedianMinutes: 300,
  firstResponseAttainment: 0.85,
  promiseKeptRate: 0.75,
  breachesNow: 3,
  decisionsOwed: 3,
};

function content(overrides: Partial<DigestContent> = {}): DigestContent {
  return {
    recipientName: "Dana Whitfield",
    timeZone: "America/Los_Angeles",
    now: new Date("2026-03-09T16:00:00Z"),
    current: thisWeek,
    previous: weekBefore,
    waiting: [
      {
        applicationId: "app1",
        candidateName: "Priya Raman",
        jobTitle: "Backend Engineer",
        stageName: "Interview",
        waitingSince: new Date("2026-03-03T16:00:00Z"),
      },
      {
        applicationId: "app2",
        candidateName: "Tom <Tiny> O'Neil",
        jobTitle: "Designer",
        stageName: "Screen",
        waitingSince: new Date("2026-03-08T10:30:00Z"),
      },
    ],
    waitingTotal: 7,
    baseUrl: "https://hearback.example",
    ...overrides,
  };
}

test("the digest for known figures: changes as signs and arrows with words, the longest waiting with links", () => {
  const email = composeDigestEmail(content());
  expect(email.subject).toBe("Your Hearback week: 7 candidates waiting on you");
  expect(email.text).toBe(
    [
      "Hello Dana Whitfield,",
      "",
      "Here is how your jobs treated candidates in the last 7 days (since Monday 2 March), compared with the 7 days before.",
      "",
      "- Applications: 12 (+3, 3 more than the week before)",
      "- Time to first response (median): 4 h 30 min (↓ 10%, faster than the week before)",
      "- First responses on time: 90% (↑ 5 points, better than the week before)",
      "- Promises kept (“hear back by” dates met): 75% (no change from the week before)",
      "- Response times overdue now: 2 (−1, 1 fewer than a week ago)",
      "- Decisions you owe: 3 (no change from a week ago)",
      "",
      "These candidates are waiting on your decision, longest first:",
      "1. Priya Raman, Backend Engineer (Interview), waiting 6 days: https://hearback.example/applications/app1",
      "2. Tom <Tiny> O'Neil, Designer (Screen), waiting 1 day 6 h: https://hearback.example/applications/app2",
      "…and 5 more: https://hearback.example/decisions",
      "",
      "All your figures: https://hearback.example/metrics",
      "Decisions you owe: https://hearback.example/decisions",
      "",
      "You get this email on Monday mornings in your working hours, for the jobs you are the hiring manager of.",
      "",
    ].join("\n"),
  );
  expect(email.html).toContain('<a href="https://hearback.example/applications/app2">Tom &lt;Tiny&gt; O&#39;Neil</a>');
  expect(email.html).not.toContain("<Tiny>");
  expect(email.html).toContain(
    'Time to first response (median): <strong>4 h 30 min</strong> <span style="color:#52606d;">(<span aria-hidden="true">↓</span> 10%, faster than the week before)</span>',
  );
  expect(email.html).toContain(
    '<strong>12</strong> <span style="color:#52606d;">(+3, 3 more than the week before)</span>',
  );
  expect(email.html).toContain('<a href="https://hearback.example/decisions">5 more</a>');
  expect(email.html).toContain("<title>Your Hearback week: 7 candidates waiting on you</title>");
});

test("with nothing to report the digest still reads well and thanks them", () => {
  const zero: DigestFigures = {
    applications: 0,
    firstResponseMedianMinutes: null,
    firstResponseAttainment: null,
    promiseKeptRate: null,
    breachesNow: 0,
    decisionsOwed: 0,
  };
  const email = composeDigestEmail(content({ current: zero, previous: zero, waiting: [], waitingTotal: 0 }));
  expect(email.subject).toBe("Your Hearback week: nobody waiting on you");
  expect(email.text).toContain(
    [
      "- Applications: 0 (no change from the week before)",
      "- Time to first response (median): no first responses yet",
      "- First responses on time: none due yet",
      "- Promises kept (“hear back by” dates met): none due yet",
      "- Response times overdue now: 0 (no change from a week ago)",
      "- Decisions you owe: 0 (no change from a week ago)",
      "",
      "Nobody is waiting on you. Thank you!",
      "",
      "All your figures: https://hearback.example/metrics",
    ].join("\n"),
  );
  expect(email.html).toContain("<p>Nobody is waiting on you. Thank you!</p>");
  expect(email.html).not.toContain("<ol");
});

test("one waiting candidate, and changes that go the other way", () => {
  const email = composeDigestEmail(
    content({
      current: { ...thisWeek, applications: 4, firstResponseMedianMinutes: 330, firstResponseAttainment: 0.5 },
      previous: { ...weekBefore, firstResponseAttainment: 0.51, promiseKeptRate: null },
      waiting: content().waiting.slice(0, 1),
      waitingTotal: 1,
    }),
  );
  expect(email.subject).toBe("Your Hearback week: 1 candidate waiting on you");
  expect(email.text).toContain("- Applications: 4 (−5, 5 fewer than the week before)");
  expect(email.text).toContain("- Time to first response (median): 5 h 30 min (↑ 10%, slower than the week before)");
  expect(email.text).toContain("- First responses on time: 50% (↓ 1 point, worse than the week before)");
  expect(email.text).toContain("- Promises kept (“hear back by” dates met): 75%\n");
  expect(email.text).toContain("This candidate is waiting on your decision, longest first:");
  expect(email.text).not.toContain("more:");
});
