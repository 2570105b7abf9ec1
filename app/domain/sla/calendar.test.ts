// The business calendar against exact, hand-checked instants (docs/sla.md): split shifts, holidays, starts outside
// open hours, and DST in both hemispheres, in half-hour zones and with a half-hour DST shift.
import { describe, expect, test } from "vitest";
import { compileCalendar, NoOpenHoursError } from "./calendar";
import type { Holiday, OpeningHours, ScheduleDefinition, Weekday } from "./schedule";

const WEEKDAYS_ONLY: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
const EVERY_DAY: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function hours(days: Weekday[], ...intervals: Array<[string, string]>): OpeningHours[] {
  return days.flatMap((day) => intervals.map(([open, close]) => ({ day, open, close })));
}

function calendar(timeZone: string, openingHours: OpeningHours[], holidays: Holiday[] = []) {
  const schedule: ScheduleDefinition = { timeZone, hours: openingHours, holidays };
  return compileCalendar(schedule);
}

const at = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Bad instant ${iso}`);
  return ms;
};
const iso = (ms: number) => new Date(ms).toISOString();

/** Berlin office: Mon–Fri 09:00–12:00 and 13:00–17:00. */
const splitShift = (holidays: Holiday[] = []) =>
  calendar("Europe/Berlin", hours(WEEKDAYS_ONLY, ["09:00", "12:00"], ["13:00", "17:00"]), holidays);

describe("split shifts (Europe/Berlin, summer time +02:00)", () => {
  const berlin = splitShift();
  test.each([
    [
      "due exactly at the morning closing, not at the afternoon opening",
      "2026-06-09T09:00:00+02:00",
      180,
      "2026-06-09T10:00:00.000Z",
    ],
    ["one minute past the morning jumps the lunch break", "2026-06-09T09:00:00+02:00", 181, "2026-06-09T11:01:00.000Z"],
    ["a whole day", "2026-06-09T09:00:00+02:00", 420, "2026-06-09T15:00:00.000Z"],
    [
      "one minute past a whole day goes to the next morning",
      "2026-06-09T09:00:00+02:00",
      421,
      "2026-06-10T07:01:00.000Z",
    ],
    ["started inside the lunch break counts from 13:00", "2026-06-09T12:30:00+02:00", 30, "2026-06-09T11:30:00.000Z"],
    [
      "started exactly at the morning closing counts from 13:00",
      "2026-06-09T12:00:00+02:00",
      1,
      "2026-06-09T11:01:00.000Z",
    ],
    ["started exactly at opening", "2026-06-09T13:00:00+02:00", 60, "2026-06-09T12:00:00.000Z"],
    [
      "started exactly at the evening closing counts from the next morning",
      "2026-06-09T17:00:00+02:00",
      1,
      "2026-06-10T07:01:00.000Z",
    ],
    ["started on a Saturday counts from Monday 09:00", "2026-06-13T10:00:00+02:00", 60, "2026-06-15T08:00:00.000Z"],
    ["started on a Sunday night", "2026-06-14T23:59:00+02:00", 240, "2026-06-15T12:00:00.000Z"],
    ["Friday afternoon into Monday", "2026-06-12T16:00:00+02:00", 120, "2026-06-15T08:00:00.000Z"],
    ["fractional minutes", "2026-06-09T11:59:00+02:00", 1.5, "2026-06-09T11:00:30.000Z"],
    ["a week of open time (5 × 420 minutes)", "2026-06-08T09:00:00+02:00", 2100, "2026-06-12T15:00:00.000Z"],
  ])("%s", (_, from, minutes, due) => {
    expect(iso(berlin.addMinutes(at(from), minutes))).toBe(due);
    expect(berlin.minutesBetween(at(from), at(due))).toBe(minutes);
  });

  test("adding zero minutes is the start itself, even when closed", () => {
    for (const from of ["2026-06-09T10:00:00+02:00", "2026-06-13T10:00:00+02:00", "2026-06-09T12:30:00+02:00"]) {
      expect(berlin.addMinutes(at(from), 0)).toBe(at(from));
    }
  });

  test.each([
    ["a whole open day", "2026-06-09T00:00:00+02:00", "2026-06-10T00:00:00+02:00", 420],
    ["the lunch break", "2026-06-09T12:00:00+02:00", "2026-06-09T13:00:00+02:00", 0],
    ["across lunch", "2026-06-09T11:30:00+02:00", "2026-06-09T13:30:00+02:00", 60],
    ["a weekend", "2026-06-12T17:00:00+02:00", "2026-06-15T09:00:00+02:00", 0],
    ["Friday 16:00 to Monday 10:00", "2026-06-12T16:00:00+02:00", "2026-06-15T10:00:00+02:00", 120],
    ["a whole week", "2026-06-08T00:00:00+02:00", "2026-06-15T00:00:00+02:00", 2100],
    ["to before from", "2026-06-09T15:00:00+02:00", "2026-06-09T10:00:00+02:00", 0],
    ["to equal to from", "2026-06-09T10:00:00+02:00", "2026-06-09T10:00:00+02:00", 0],
  ])("minutesBetween over %s", (_, from, to, minutes) => {
    expect(berlin.minutesBetween(at(from), at(to))).toBe(minutes);
  });

  test("isOpenAt: open at opening, closed at closing, closed at lunch and weekends", () => {
    expect(berlin.isOpenAt(at("2026-06-09T09:00:00+02:00"))).toBe(true);
    expect(berlin.isOpenAt(at("2026-06-09T08:59:59.999+02:00"))).toBe(false);
    expect(berlin.isOpenAt(at("2026-06-09T11:59:59.999+02:00"))).toBe(true);
    expect(berlin.isOpenAt(at("2026-06-09T12:00:00+02:00"))).toBe(false);
    expect(berlin.isOpenAt(at("2026-06-09T12:30:00+02:00"))).toBe(false);
    expect(berlin.isOpenAt(at("2026-06-09T13:00:00+02:00"))).toBe(true);
    expect(berlin.isOpenAt(at("2026-06-09T17:00:00+02:00"))).toBe(false);
    expect(berlin.isOpenAt(at("2026-06-13T10:00:00+02:00"))).toBe(false);
  });

  test.each([
    ["an open instant is itself", "2026-06-09T10:15:00+02:00", "2026-06-09T08:15:00.000Z"],
    ["the opening instant is itself", "2026-06-09T09:00:00+02:00", "2026-06-09T07:00:00.000Z"],
    ["the morning closing gives the afternoon opening", "2026-06-09T12:00:00+02:00", "2026-06-09T11:00:00.000Z"],
    ["the evening closing gives the next morning", "2026-06-09T17:00:00+02:00", "2026-06-10T07:00:00.000Z"],
    ["a Saturday gives Monday morning", "2026-06-13T10:00:00+02:00", "2026-06-15T07:00:00.000Z"],
    ["early morning gives the same morning", "2026-06-09T03:00:00+02:00", "2026-06-09T07:00:00.000Z"],
  ])("nextOpening: %s", (_, from, opening) => {
    expect(iso(berlin.nextOpening(at(from)))).toBe(opening);
  });

  test("openIntervals lists the open spans in UTC, clipped to the window", () => {
    expect(
      berlin
        .openIntervals(at("2026-06-12T00:00:00+02:00"), at("2026-06-16T00:00:00+02:00"))
        .map(([a, b]) => [iso(a), iso(b)]),
    ).toEqual([
      ["2026-06-12T07:00:00.000Z", "2026-06-12T10:00:00.000Z"],
      ["2026-06-12T11:00:00.000Z", "2026-06-12T15:00:00.000Z"],
      ["2026-06-15T07:00:00.000Z", "2026-06-15T10:00:00.000Z"],
      ["2026-06-15T11:00:00.000Z", "2026-06-15T15:00:00.000Z"],
    ]);
    expect(
      berlin
        .openIntervals(at("2026-06-09T10:00:00+02:00"), at("2026-06-09T14:00:00+02:00"))
        .map(([a, b]) => [iso(a), iso(b)]),
    ).toEqual([
      ["2026-06-09T08:00:00.000Z", "2026-06-09T10:00:00.000Z"],
      ["2026-06-09T11:00:00.000Z", "2026-06-09T12:00:00.000Z"],
    ]);
    expect(berlin.openIntervals(at("2026-06-13T00:00:00Z"), at("2026-06-14T00:00:00Z"))).toEqual([]);
  });

  test("openIntervals across a 28-day span border are joined into whole intervals", () => {
    const open247 = calendar("UTC", hours(EVERY_DAY, ["00:00", "24:00"]));
    const from = at("2026-01-01T00:00:00Z");
    const to = at("2026-04-01T00:00:00Z");
    expect(open247.openIntervals(from, to)).toEqual([[from, to]]);
  });
});

describe("holidays", () => {
  test("a whole-day holiday closes the day", () => {
    const berlin = splitShift([{ date: "2026-06-10", name: "Closed" }]);
    expect(iso(berlin.addMinutes(at("2026-06-09T16:00:00+02:00"), 120))).toBe("2026-06-11T08:00:00.000Z");
    expect(berlin.minutesBetween(at("2026-06-10T00:00:00+02:00"), at("2026-06-11T00:00:00+02:00"))).toBe(0);
    expect(berlin.isOpenAt(at("2026-06-10T10:00:00+02:00"))).toBe(false);
    expect(iso(berlin.nextOpening(at("2026-06-10T10:00:00+02:00")))).toBe("2026-06-11T07:00:00.000Z");
  });

  test("a partial-day holiday covering the end of the morning and part of the afternoon", () => {
    const berlin = splitShift([{ date: "2026-06-09", closedFrom: "10:00", closedUntil: "14:00" }]);
    // Open 09:00–10:00 and 14:00–17:00 that day.
    expect(berlin.minutesBetween(at("2026-06-09T00:00:00+02:00"), at("2026-06-10T00:00:00+02:00"))).toBe(240);
    expect(iso(berlin.addMinutes(at("2026-06-09T09:00:00+02:00"), 60))).toBe("2026-06-09T08:00:00.000Z");
    expect(iso(berlin.addMinutes(at("2026-06-09T09:00:00+02:00"), 90))).toBe("2026-06-09T12:30:00.000Z");
    expect(iso(berlin.addMinutes(at("2026-06-09T11:00:00+02:00"), 1))).toBe("2026-06-09T12:01:00.000Z");
    expect(berlin.isOpenAt(at("2026-06-09T11:00:00+02:00"))).toBe(false);
    expect(berlin.isOpenAt(at("2026-06-09T13:30:00+02:00"))).toBe(false);
    expect(berlin.isOpenAt(at("2026-06-09T14:00:00+02:00"))).toBe(true);
    // The next day is untouched.
    expect(berlin.minutesBetween(at("2026-06-10T00:00:00+02:00"), at("2026-06-11T00:00:00+02:00"))).toBe(420);
  });

  test("a partial-day holiday inside one open interval splits it", () => {
    const berlin = splitShift([{ date: "2026-06-09", closedFrom: "14:00", closedUntil: "15:30" }]);
    expect(berlin.minutesBetween(at("2026-06-09T00:00:00+02:00"), at("2026-06-10T00:00:00+02:00"))).toBe(330);
    expect(iso(berlin.addMinutes(at("2026-06-09T13:00:00+02:00"), 61))).toBe("2026-06-09T13:31:00.000Z");
    expect(
      berlin
        .openIntervals(at("2026-06-09T12:00:00+02:00"), at("2026-06-09T18:00:00+02:00"))
        .map(([a, b]) => [iso(a), iso(b)]),
    ).toEqual([
      ["2026-06-09T11:00:00.000Z", "2026-06-09T12:00:00.000Z"],
      ["2026-06-09T13:30:00.000Z", "2026-06-09T15:00:00.000Z"],
    ]);
  });

  test("an afternoon closure until 24:00 (Christmas Eve style) and a whole day after it", () => {
    const berlin = splitShift([
      { date: "2026-12-24", closedFrom: "12:00", closedUntil: "24:00" },
      { date: "2026-12-25" },
    ]);
    // Thursday 24 December 11:00 CET: one hour left that day, Friday closed, then Monday 28 December.
    expect(iso(berlin.addMinutes(at("2026-12-24T11:00:00+01:00"), 90))).toBe("2026-12-28T08:30:00.000Z");
    expect(berlin.minutesBetween(at("2026-12-24T00:00:00+01:00"), at("2026-12-28T00:00:00+01:00"))).toBe(180);
  });

  test("two partial closures of the same date both apply", () => {
    const berlin = splitShift([
      { date: "2026-06-09", closedFrom: "09:00", closedUntil: "10:00" },
      { date: "2026-06-09", closedFrom: "16:00", closedUntil: "17:00" },
    ]);
    expect(berlin.minutesBetween(at("2026-06-09T00:00:00+02:00"), at("2026-06-10T00:00:00+02:00"))).toBe(300);
    expect(iso(berlin.nextOpening(at("2026-06-09T09:00:00+02:00")))).toBe("2026-06-09T08:00:00.000Z");
  });
});

describe("DST with weekday office hours", () => {
  test("Europe/Berlin spring forward (Sunday 2026-03-29): Friday CET into Monday CEST", () => {
    const berlin = splitShift();
    // Friday 27 March 16:00 CET = 15:00Z; 60 minutes that day, 60 more from Monday 09:00 CEST = 07:00Z.
    expect(iso(berlin.addMinutes(at("2026-03-27T15:00:00Z"), 120))).toBe("2026-03-30T08:00:00.000Z");
    expect(berlin.minutesBetween(at("2026-03-27T15:00:00Z"), at("2026-03-30T08:00:00Z"))).toBe(120);
    expect(iso(berlin.nextOpening(at("2026-03-29T12:00:00Z")))).toBe("2026-03-30T07:00:00.000Z");
  });

  test("Europe/Berlin fall back (Sunday 2026-10-25): Friday CEST into Monday CET", () => {
    const berlin = splitShift();
    expect(iso(berlin.addMinutes(at("2026-10-23T14:00:00Z"), 120))).toBe("2026-10-26T09:00:00.000Z");
    expect(berlin.minutesBetween(at("2026-10-23T00:00:00Z"), at("2026-10-27T00:00:00Z"))).toBe(840);
  });

  test.each([
    // [zone, from, minutes, due]: Mon–Fri 09:00–17:00 local.
    ["America/New_York", "2026-03-06T16:00:00-05:00", 120, "2026-03-09T14:00:00.000Z"],
    ["America/New_York", "2026-10-30T16:00:00-04:00", 120, "2026-11-02T15:00:00.000Z"],
    ["Australia/Sydney", "2026-04-03T16:00:00+11:00", 120, "2026-04-06T00:00:00.000Z"],
    ["Australia/Sydney", "2026-10-02T16:00:00+10:00", 120, "2026-10-04T23:00:00.000Z"],
    ["Asia/Kolkata", "2026-03-13T16:00:00+05:30", 120, "2026-03-16T04:30:00.000Z"],
    ["Asia/Kolkata", "2026-06-09T09:00:00+05:30", 480, "2026-06-09T11:30:00.000Z"],
    ["Australia/Lord_Howe", "2026-04-03T16:00:00+11:00", 120, "2026-04-05T23:30:00.000Z"],
    ["Australia/Lord_Howe", "2026-10-02T16:00:00+10:30", 120, "2026-10-04T23:00:00.000Z"],
  ])("%s: from %s plus %d minutes is %s", (zone, from, minutes, due) => {
    const office = calendar(zone, hours(WEEKDAYS_ONLY, ["09:00", "17:00"]));
    expect(iso(office.addMinutes(at(from), minutes))).toBe(due);
    expect(office.minutesBetween(at(from), at(due))).toBe(minutes);
  });
});

describe("00:00–24:00 every day: DST days have 23 or 25 real hours", () => {
  test.each([
    ["Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", 23 * 60],
    ["Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z", 25 * 60],
    ["America/New_York", "2026-03-08", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z", 23 * 60],
    ["America/New_York", "2026-11-01", "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z", 25 * 60],
    ["Australia/Sydney", "2026-04-05", "2026-04-04T13:00:00.000Z", "2026-04-05T14:00:00.000Z", 25 * 60],
    ["Australia/Sydney", "2026-10-04", "2026-10-03T14:00:00.000Z", "2026-10-04T13:00:00.000Z", 23 * 60],
    ["Australia/Lord_Howe", "2026-04-05", "2026-04-04T13:00:00.000Z", "2026-04-05T13:30:00.000Z", 24.5 * 60],
    ["Australia/Lord_Howe", "2026-10-04", "2026-10-03T13:30:00.000Z", "2026-10-04T13:00:00.000Z", 23.5 * 60],
    ["Asia/Kolkata", "2026-03-29", "2026-03-28T18:30:00.000Z", "2026-03-29T18:30:00.000Z", 24 * 60],
  ])("%s on %s", (zone, date, midnight, nextMidnight, minutes) => {
    // Only that date is open (a one-day schedule by holidays: every other day of the week is closed by the weekday).
    const weekday = EVERY_DAY[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    const oneDay = calendar(zone, hours([weekday], ["00:00", "24:00"]));
    expect(oneDay.openIntervals(at(midnight) - 86_400_000, at(nextMidnight) + 86_400_000)).toEqual([
      [at(midnight), at(nextMidnight)],
    ]);
    expect(oneDay.minutesBetween(at(midnight) - 3_600_000, at(nextMidnight) + 3_600_000)).toBe(minutes);
    expect(iso(oneDay.addMinutes(at(midnight) - 3_600_000, minutes))).toBe(nextMidnight);
    const always = calendar(zone, hours(EVERY_DAY, ["00:00", "24:00"]));
    expect(always.minutesBetween(at(midnight), at(nextMidnight))).toBe(minutes);
    expect(iso(always.addMinutes(at(midnight), 180))).toBe(iso(at(midnight) + 180 * 60_000));
  });
});

describe("intervals touching a DST change", () => {
  test("Berlin Sunday 02:30–04:00 on 2026-03-29 opens in the gap: 02:30 moves forward to 03:30 CEST, 30 minutes", () => {
    const sunday = calendar("Europe/Berlin", hours(["sun"], ["02:30", "04:00"]));
    expect(sunday.minutesBetween(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(30);
    expect(sunday.openIntervals(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toEqual([
      [at("2026-03-29T01:30:00Z"), at("2026-03-29T02:00:00Z")],
    ]);
    expect(sunday.isOpenAt(at("2026-03-29T01:15:00Z"))).toBe(false);
    expect(iso(sunday.nextOpening(at("2026-03-28T00:00:00Z")))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(sunday.addMinutes(at("2026-03-28T00:00:00Z"), 15))).toBe("2026-03-29T01:45:00.000Z");
    expect(iso(sunday.addMinutes(at("2026-03-28T00:00:00Z"), 30))).toBe("2026-03-29T02:00:00.000Z");
    // The next Sunday is an ordinary CEST one: 02:30–04:00 = 00:30Z–02:00Z, 90 minutes.
    expect(iso(sunday.addMinutes(at("2026-03-28T00:00:00Z"), 31))).toBe("2026-04-05T00:31:00.000Z");
    expect(iso(sunday.addMinutes(at("2026-03-28T00:00:00Z"), 120))).toBe("2026-04-05T02:00:00.000Z");
  });

  test("Berlin Sunday 02:30–04:00 on 2026-10-25 starts at the first 02:30 (CEST): 150 real minutes", () => {
    const sunday = calendar("Europe/Berlin", hours(["sun"], ["02:30", "04:00"]));
    expect(sunday.openIntervals(at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).toEqual([
      [at("2026-10-25T00:30:00Z"), at("2026-10-25T03:00:00Z")],
    ]);
    expect(sunday.minutesBetween(at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(150);
  });

  test("an interval closing inside the spring gap closes where Luxon puts that wall time (moved forward)", () => {
    const night = calendar("America/New_York", hours(["sun"], ["00:00", "02:30"]));
    // 00:00 EST = 05:00Z; 02:30 does not exist and moves forward to 03:30 EDT = 07:30Z: 150 real minutes.
    expect(night.openIntervals(at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z"))).toEqual([
      [at("2026-03-08T05:00:00Z"), at("2026-03-08T07:30:00Z")],
    ]);
    expect(night.minutesBetween(at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z"))).toBe(150);
  });

  test("an interval inside the spring gap moves with it; one reversed by the move has no open time", () => {
    // 02:10–02:50 moves to 03:10–03:50 EDT: still 40 minutes; 02:30–03:15 becomes 03:30 → 03:15 EDT: nothing.
    const inside = calendar("America/New_York", hours(["sun"], ["02:10", "02:50"]));
    expect(inside.minutesBetween(at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z"))).toBe(40);
    const reversed = calendar("America/New_York", hours(["sun"], ["02:30", "03:15"]));
    expect(reversed.minutesBetween(at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z"))).toBe(0);
    // The following Sunday (EDT): 02:30 = 06:30Z, 45 minutes to 07:15Z.
    expect(iso(reversed.addMinutes(at("2026-03-07T00:00:00Z"), 45))).toBe("2026-03-15T07:15:00.000Z");
  });

  test("Lord Howe's half-hour spring gap: 02:00–03:00 on 2026-10-04 has 30 real minutes", () => {
    const sunday = calendar("Australia/Lord_Howe", hours(["sun"], ["02:00", "03:00"]));
    // 02:00 +10:30 jumps to 02:30 +11:00 (= 15:30Z); 03:00 +11:00 = 16:00Z.
    expect(sunday.openIntervals(at("2026-10-03T00:00:00Z"), at("2026-10-05T00:00:00Z"))).toEqual([
      [at("2026-10-03T15:30:00Z"), at("2026-10-03T16:00:00Z")],
    ]);
  });

  test("Lord Howe: 02:15 in the half-hour gap moves forward to 02:45 +11:00", () => {
    const sunday = calendar("Australia/Lord_Howe", hours(["sun"], ["02:15", "03:00"]));
    expect(sunday.openIntervals(at("2026-10-03T00:00:00Z"), at("2026-10-05T00:00:00Z"))).toEqual([
      [at("2026-10-03T15:45:00Z"), at("2026-10-03T16:00:00Z")],
    ]);
  });

  test("Lord Howe's half-hour autumn repeat: 01:00–02:00 on 2026-04-05 has 90 real minutes", () => {
    const sunday = calendar("Australia/Lord_Howe", hours(["sun"], ["01:00", "02:00"]));
    // 01:00 +11:00 = 14:00Z; 02:00 falls back to 01:30, so 02:00 (+10:30) = 15:30Z.
    expect(sunday.minutesBetween(at("2026-04-04T00:00:00Z"), at("2026-04-05T00:00:00Z"))).toBe(90);
  });
});

describe("close 24:00 joined with the next day's 00:00", () => {
  const night = calendar("UTC", [
    { day: "fri", open: "20:00", close: "24:00" },
    { day: "sat", open: "00:00", close: "02:00" },
  ]);

  test("counts straight through midnight", () => {
    expect(iso(night.addMinutes(at("2026-03-06T23:00:00Z"), 120))).toBe("2026-03-07T01:00:00.000Z");
    expect(night.minutesBetween(at("2026-03-06T00:00:00Z"), at("2026-03-08T00:00:00Z"))).toBe(360);
    expect(night.isOpenAt(at("2026-03-07T00:00:00Z"))).toBe(true);
    expect(night.isOpenAt(at("2026-03-07T02:00:00Z"))).toBe(false);
  });

  test("is one open interval", () => {
    expect(night.openIntervals(at("2026-03-06T00:00:00Z"), at("2026-03-08T00:00:00Z"))).toEqual([
      [at("2026-03-06T20:00:00Z"), at("2026-03-07T02:00:00Z")],
    ]);
  });

  test("in a DST zone on the autumn night (Berlin, Saturday 24:00 → Sunday 2026-10-25)", () => {
    const weekend = calendar("Europe/Berlin", [
      { day: "sat", open: "22:00", close: "24:00" },
      { day: "sun", open: "00:00", close: "04:00" },
    ]);
    // 22:00 CEST = 20:00Z to 04:00 CET = 03:00Z: 7 real hours.
    expect(weekend.openIntervals(at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).toEqual([
      [at("2026-10-24T20:00:00Z"), at("2026-10-25T03:00:00Z")],
    ]);
    expect(iso(weekend.addMinutes(at("2026-10-24T12:00:00Z"), 7 * 60))).toBe("2026-10-25T03:00:00.000Z");
  });
});

describe("schedules that can never be met", () => {
  test("no weekly open hours is a NoOpenHoursError when compiling", () => {
    expect(() => calendar("Europe/Berlin", [])).toThrow(NoOpenHoursError);
    expect(() => calendar("Europe/Berlin", [{ day: "mon", open: "09:00", close: "09:00" }])).toThrow(NoOpenHoursError);
  });

  test("an invalid instant or minute count is a RangeError, not a search for open hours", () => {
    const berlin = splitShift();
    expect(() => berlin.addMinutes(Number.NaN, 60)).toThrow(RangeError);
    expect(() => berlin.addMinutes(at("2026-06-09T09:00:00+02:00"), Number.NaN)).toThrow(RangeError);
  });

  test("an unknown time zone is refused", () => {
    expect(() => calendar("Mars/Olympus_Mons", hours(WEEKDAYS_ONLY, ["09:00", "17:00"]))).toThrow(RangeError);
  });

  test("holidays closing every open day for years are a NoOpenHoursError from addMinutes and nextOpening", () => {
    const mondays: Holiday[] = [];
    for (let day = Date.UTC(2026, 0, 5); day < Date.UTC(2033, 0, 1); day += 7 * 86_400_000) {
      mondays.push({ date: new Date(day).toISOString().slice(0, 10) });
    }
    const closed = calendar("Europe/Berlin", hours(["mon"], ["09:00", "17:00"]), mondays);
    const from = at("2026-01-01T00:00:00Z");
    expect(() => closed.addMinutes(from, 60)).toThrow(NoOpenHoursError);
    expect(() => closed.nextOpening(from)).toThrow(NoOpenHoursError);
    expect(closed.minutesBetween(from, at("2027-01-01T00:00:00Z"))).toBe(0);
    expect(closed.addMinutes(from, 0)).toBe(from);
  });

  test("holidays closing a long stretch, then open again, still give the first open minute after it", () => {
    const mondays: Holiday[] = [];
    for (let day = Date.UTC(2026, 0, 5); day < Date.UTC(2028, 0, 1); day += 7 * 86_400_000) {
      mondays.push({ date: new Date(day).toISOString().slice(0, 10) });
    }
    const closed = calendar("UTC", hours(["mon"], ["09:00", "17:00"]), mondays);
    // The first Monday of 2028 is 3 January.
    expect(iso(closed.addMinutes(at("2026-01-01T00:00:00Z"), 60))).toBe("2028-01-03T10:00:00.000Z");
  });
});
