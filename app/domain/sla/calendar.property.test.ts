// Properties of the business calendar over random schedules (split intervals, 24:00 closes, whole and partial
// holidays) in zones with DST in both hemispheres, half-hour and 45-minute offsets, and instants biased to DST days.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { compileCalendar, type BusinessCalendar } from "./calendar";
import { WEEKDAYS, type Holiday, type OpeningHours, type ScheduleDefinition } from "./schedule";

const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "Pacific/Chatham",
  "UTC",
] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIRST = Date.UTC(2024, 0, 1);
const LAST = Date.UTC(2030, 11, 31);

/** Instants (to the minute) when a zone's UTC offset changes, 2024–2030 (at most one change a day). */
function transitions(zone: string): number[] {
  const offset = (at: number) => DateTime.fromMillis(at, { zone }).offset;
  const found: number[] = [];
  let previous = offset(FIRST);
  for (let day = FIRST + DAY; day <= LAST; day += DAY) {
    const current = offset(day);
    if (current === previous) continue;
    let low = day - DAY;
    let high = day;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offset(middle) === previous) low = middle;
      else high = middle;
    }
    found.push(high);
    previous = current;
  }
  return found;
}
const TRANSITIONS_BY_ZONE = new Map(ZONES.map((zone) => [zone, transitions(zone)] as const));
const TRANSITIONS = [...new Set([...TRANSITIONS_BY_ZONE.values()].flat())].sort((a, b) => a - b);

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Up to three disjoint intervals of a day, on 5-minute steps; the last may close at 24:00. */
const dayIntervals = fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 6 }).map((points) => {
  const sorted = points.map((point) => point * 5).sort((a, b) => a - b);
  const intervals: Array<[number, number]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push([sorted[i]!, sorted[i + 1]!]);
  return intervals;
});

const weeklyHours: fc.Arbitrary<OpeningHours[]> = fc
  .tuple(
    ...WEEKDAYS.map(() => fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: dayIntervals })),
  )
  .map((days) =>
    days.flatMap((intervals, index) =>
      intervals.map(([open, close]) => ({ day: WEEKDAYS[index]!, open: clock(open), close: clock(close) })),
    ),
  )
  .filter((entries) => entries.some((entry) => entry.close > entry.open));

/** Holidays placed relative to the start instant (days after it), so they actually fall where the counting happens. */
const holidayOffsets = fc.array(
  fc.record({
    daysAfter: fc.integer({ min: -1, max: 20 }),
    closed: fc.option(
      fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 2, maxLength: 2 }).map((points) => {
        const [from, until] = points.map((point) => point * 5).sort((a, b) => a - b) as [number, number];
        return [from, until] as const;
      }),
      { nil: undefined },
    ),
  }),
  { maxLength: 8 },
);

const instant = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: FIRST, max: LAST }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
      .map(([change, offset]) => change + offset),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -36 * 60, max: 36 * 60 }))
      .map(([change, offset]) => change + offset * MINUTE),
  },
);

/**
 * Minutes to add, as thousandths of the schedule's open minutes in a week: sparse schedules get small targets so a
 * run does not count through centuries of 5-minute openings.
 */
const weekShares = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
);

type HolidayOffsets = typeof holidayOffsets extends fc.Arbitrary<infer T> ? T : never;

type Case = { schedule: ScheduleDefinition; calendar: BusinessCalendar; from: number; weeklyMinutes: number };

const minutesOfClock = (time: string) =>
  time === "24:00" ? 1440 : Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Whole minutes for a share (in thousandths) of a week's open time. */
const minutesFor = ({ weeklyMinutes }: Case, share: number) => Math.round((share * weeklyMinutes) / 1000);

function holidaysFrom(from: number, zone: string, offsets: HolidayOffsets): Holiday[] {
  const start = DateTime.fromMillis(from, { zone }).startOf("day");
  return offsets.map(({ daysAfter, closed }) => {
    const date = start.plus({ days: daysAfter }).toISODate()!;
    return closed ? { date, closedFrom: clock(closed[0]), closedUntil: clock(closed[1]) } : { date };
  });
}

const cases: fc.Arbitrary<Case> = fc
  .record({ timeZone: fc.constantFrom(...ZONES), hours: weeklyHours, offsets: holidayOffsets, from: instant })
  .map(({ timeZone, hours, offsets, from }) => {
    const schedule: ScheduleDefinition = { timeZone, hours, holidays: holidaysFrom(from, timeZone, offsets) };
    const weeklyMinutes = hours.reduce(
      (sum, entry) => sum + minutesOfClock(entry.close) - minutesOfClock(entry.open),
      0,
    );
    return { schedule, calendar: compileCalendar(schedule), from, weeklyMinutes };
  });

const RUNS = { numRuns: 200 };

describe("business calendar properties", () => {
  test("minutesBetween(from, addMinutes(from, m)) is m", () => {
    fc.assert(
      fc.property(cases, weekShares, (testCase, share) => {
        const { calendar, from } = testCase;
        const m = minutesFor(testCase, share);
        const due = calendar.addMinutes(from, m);
        expect(calendar.minutesBetween(from, due)).toBe(m);
        if (m === 0) expect(due).toBe(from);
        else expect(due).toBeGreaterThan(from);
      }),
      RUNS,
    );
  });

  test("addMinutes grows strictly with the minutes", () => {
    fc.assert(
      fc.property(cases, weekShares, weekShares, (testCase, first, second) => {
        const { calendar, from } = testCase;
        const [a, b] = [minutesFor(testCase, first), minutesFor(testCase, second)];
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = calendar.addMinutes(from, low);
        const late = calendar.addMinutes(from, high);
        if (low === high) expect(late).toBe(early);
        else expect(late).toBeGreaterThan(early);
      }),
      RUNS,
    );
  });

  test("minutesBetween is additive over a ≤ b ≤ c, and 0 when to ≤ from", () => {
    fc.assert(
      fc.property(
        cases,
        fc.integer({ min: 0, max: 30 * DAY }),
        fc.integer({ min: 0, max: 30 * DAY }),
        ({ calendar, from }, first, second) => {
          const a = from;
          const b = a + first;
          const c = b + second;
          const whole = calendar.minutesBetween(a, c);
          expect(calendar.minutesBetween(a, b) + calendar.minutesBetween(b, c)).toBeCloseTo(whole, 9);
          expect(calendar.minutesBetween(c, a)).toBe(0);
          expect(whole).toBeLessThanOrEqual((c - a) / MINUTE);
        },
      ),
      RUNS,
    );
  });

  test("a due date is the end of open time: the millisecond before it is open", () => {
    fc.assert(
      fc.property(cases, weekShares, (testCase, share) => {
        const { calendar, from } = testCase;
        const m = minutesFor(testCase, share);
        fc.pre(m > 0);
        const due = calendar.addMinutes(from, m);
        expect(calendar.isOpenAt(due - 1)).toBe(true);
        // Counting starts at the next opening.
        expect(due).toBeGreaterThan(calendar.nextOpening(from));
        expect(calendar.minutesBetween(from, calendar.nextOpening(from))).toBe(0);
      }),
      RUNS,
    );
  });

  test("openIntervals agree with isOpenAt and minutesBetween", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 10 * DAY }), ({ calendar, from }, length) => {
        const to = from + length;
        const intervals = calendar.openIntervals(from, to);
        let open = 0;
        let previousEnd = -Infinity;
        for (const [start, end] of intervals) {
          expect(start).toBeGreaterThan(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(calendar.isOpenAt(start)).toBe(true);
          expect(calendar.isOpenAt(end - 1)).toBe(true);
          if (end < to) expect(calendar.isOpenAt(end)).toBe(false);
          open += end - start;
          previousEnd = end;
        }
        expect(open / MINUTE).toBeCloseTo(calendar.minutesBetween(from, to), 9);
      }),
      RUNS,
    );
  });

  test("away from DST changes, an instant is open exactly when its local wall time is in an open interval", () => {
    fc.assert(
      fc.property(cases, ({ schedule, calendar, from }) => {
        const local = DateTime.fromMillis(from, { zone: schedule.timeZone });
        fc.pre(TRANSITIONS.every((change) => Math.abs(change - from) > 2 * DAY));
        const date = local.toISODate()!;
        const weekday = WEEKDAYS[local.weekday - 1]!;
        const minute = local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / MINUTE;
        const inHours = schedule.hours.some(
          (entry) =>
            entry.day === weekday && minutesOfClock(entry.open) <= minute && minute < minutesOfClock(entry.close),
        );
        const onHoliday = schedule.holidays.some(
          (holiday) =>
            holiday.date === date &&
            (!holiday.closedFrom ||
              (minutesOfClock(holiday.closedFrom) <= minute && minute < minutesOfClock(holiday.closedUntil!))),
        );
        expect(calendar.isOpenAt(from)).toBe(inHours && !onHoliday);
      }),
      { numRuns: 500 },
    );
  });

  test("interval boundaries near DST changes are where Luxon puts those wall times (the earlier one if repeated)", () => {
    const nearChange = fc.record({
      zone: fc.constantFrom(...ZONES.filter((zone) => zone !== "UTC" && zone !== "Asia/Kolkata")),
      change: fc.nat(),
      // Wall times on 5-minute steps within four hours either side of the change's local time.
      shift: fc.integer({ min: -48, max: 48 }),
    });
    fc.assert(
      fc.property(nearChange, ({ zone, change, shift }) => {
        const changes = TRANSITIONS_BY_ZONE.get(zone)!;
        const instantOfChange = changes[change % changes.length]!;
        const local = DateTime.fromMillis(instantOfChange, { zone });
        // Wall-clock arithmetic (in UTC, which has no gaps), so that wall times inside the gap come up too.
        const wall = DateTime.fromObject(
          { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute },
          { zone: "UTC" },
        )
          .minus({ minutes: local.minute % 5 })
          .plus({ minutes: shift * 5 });
        const wallMinutes = wall.hour * 60 + wall.minute;
        fc.pre(wallMinutes > 0);
        const asWritten = { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute };
        const expected = Math.min(
          ...DateTime.fromObject(asWritten, { zone })
            .getPossibleOffsets()
            .map((candidate) => candidate.toMillis()),
        );
        const day = WEEKDAYS[wall.weekday - 1]!;
        const window: [number, number] = [expected - 3 * DAY, expected + 3 * DAY];
        const opening = compileCalendar({
          timeZone: zone,
          hours: [{ day, open: clock(wallMinutes), close: "24:00" }],
          holidays: [],
        });
        expect(opening.openIntervals(...window)[0]![0]).toBe(expected);
        const closing = compileCalendar({
          timeZone: zone,
          hours: [{ day, open: "00:00", close: clock(wallMinutes) }],
          holidays: [],
        });
        expect(closing.openIntervals(...window)[0]![1]).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("results do not depend on the process time zone", () => {
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(cases, weekShares, (testCase, share) => {
          const { schedule, from } = testCase;
          const m = minutesFor(testCase, share);
          const answers = (processZone: string) => {
            process.env.TZ = processZone;
            const calendar = compileCalendar(schedule);
            const due = calendar.addMinutes(from, m);
            return [
              due,
              calendar.minutesBetween(from, due + 7 * HOUR),
              calendar.nextOpening(from),
              calendar.isOpenAt(from),
            ];
          };
          expect(answers("Pacific/Auckland")).toEqual(answers("America/Los_Angeles"));
          expect(answers("UTC")).toEqual(answers("Asia/Kathmandu"));
        }),
        { numRuns: 100 },
      );
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
