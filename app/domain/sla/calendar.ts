// Business-time arithmetic for one schedule: add N open minutes to an instant, count open minutes between two
// instants. Pure and fast: the schedule's open intervals are converted to UTC once per 28-day span (with prefix sums
// of open time), so a due date is a couple of binary searches. Time-zone rules come from Luxon (the platform's IANA
// data), never from the process time zone.
import { DateTime, IANAZone } from "luxon";
import { minutesOfDay, WEEKDAYS, type Holiday, type ScheduleDefinition, type Weekday } from "./schedule";
import type { TimeLine } from "./types";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Spans are fixed in UTC, so finding an instant's span needs no time-zone conversion. */
const SPAN_MS = 28 * DAY_MS;
/** How far addMinutes looks for open time before it gives up (holidays may close a schedule for a long time). */
const HORIZON_SPANS = 66; // about five years
const MAX_CACHED_SPANS = 4_000;

export class NoOpenHoursError extends Error {
  constructor(
    message = "This schedule has no open hours, so business-hours targets can never be met. Add opening hours to it, or use calendar time for the target.",
  ) {
    super(message);
    this.name = "NoOpenHoursError";
  }
}

export type BusinessCalendar = TimeLine & {
  timeZone: string;
  isOpenAt(at: number): boolean;
  /** `at` itself when open, else the start of the next open interval. */
  nextOpening(at: number): number;
  /** Open intervals [start, end) in UTC milliseconds, clipped to [from, to). */
  openIntervals(from: number, to: number): Array<[number, number]>;
};

/** Open local minutes [open, close) of a day, sorted and merged. */
type DayIntervals = Array<[number, number]>;

type Span = {
  starts: Float64Array;
  ends: Float64Array;
  /** Open milliseconds before interval i. */
  before: Float64Array;
  /** Open milliseconds up to the end of interval i. */
  through: Float64Array;
  total: number;
};

function mergeIntervals(intervals: DayIntervals): DayIntervals {
  const sorted = intervals.filter(([open, close]) => close > open).sort((a, b) => a[0] - b[0]);
  const merged: DayIntervals = [];
  for (const [open, close] of sorted) {
    const last = merged.at(-1);
    if (last && open <= last[1]) last[1] = Math.max(last[1], close);
    else merged.push([open, close]);
  }
  return merged;
}

function subtract(intervals: DayIntervals, [closedFrom, closedUntil]: [number, number]): DayIntervals {
  return intervals.flatMap(([open, close]): DayIntervals => {
    if (closedUntil <= open || closedFrom >= close) return [[open, close]];
    const pieces: DayIntervals = [];
    if (closedFrom > open) pieces.push([open, closedFrom]);
    if (closedUntil < close) pieces.push([closedUntil, close]);
    return pieces;
  });
}

/** Index of the first entry of `values` (ascending) greater than `value`. */
function firstGreater(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! > value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Index of the first entry of `values` (ascending) at least `value`. */
function firstAtLeast(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}

function offsetMs(instant: number, zone: IANAZone): number {
  return zone.offset(instant) * MINUTE_MS;
}

/**
 * The instant when clocks in `zone` show `wallClock` (local time written as if it were UTC).
 * - A time repeated by a DST change (autumn) takes its EARLIER instant, the first time the clocks show it: a
 *   00:00–24:00 day then has 25 real hours, and the answer never depends on when the code runs (Luxon's own choice
 *   there follows the current offset).
 * - A time skipped by a DST change (spring gap) moves forward by the length of the gap, as Luxon does: Berlin's
 *   02:30 on a spring-forward Sunday is 03:30 CEST. An interval opening in the gap thus opens 03:30, and one closing
 *   in it closes 03:30; minutes are then counted in real elapsed time between those instants.
 * Either way the boundaries of one day stay in order except inside a gap, and the compiled spans merge overlaps.
 */
function wallClockToInstant(wallClock: number, zone: IANAZone): number {
  // The offsets a day either side: a DST change lies between them (two changes within two days do not occur).
  const before = offsetMs(wallClock - DAY_MS, zone);
  const after = offsetMs(wallClock + DAY_MS, zone);
  const earlier = wallClock - Math.max(before, after);
  const later = wallClock - Math.min(before, after);
  if (earlier + offsetMs(earlier, zone) === wallClock) return earlier;
  if (later + offsetMs(later, zone) === wallClock) return later;
  // In a gap: read the wall clock with the smaller offset (the one before the jump), which lands past the change.
  return later;
}

export function compileCalendar(schedule: ScheduleDefinition): BusinessCalendar {
  if (!IANAZone.isValidZone(schedule.timeZone)) throw new RangeError(`Unknown time zone: ${schedule.timeZone}`);
  const zone = IANAZone.create(schedule.timeZone);
  const weekly = new Map<Weekday, DayIntervals>(
    WEEKDAYS.map((day) => [
      day,
      mergeIntervals(
        schedule.hours
          .filter((entry) => entry.day === day)
          .map((entry): [number, number] => [minutesOfDay(entry.open), minutesOfDay(entry.close)]),
      ),
    ]),
  );
  if ([...weekly.values()].every((intervals) => intervals.length === 0)) throw new NoOpenHoursError();
  const holidays = holidaysByDate(schedule.holidays);
  const spans = new Map<number, Span>();

  function openLocalMinutes(dateKey: string, weekday: Weekday): DayIntervals {
    const closures = holidays.get(dateKey);
    let intervals = weekly.get(weekday)!;
    if (!closures) return intervals;
    for (const closure of closures) intervals = subtract(intervals, closure);
    return intervals;
  }

  function buildSpan(index: number): Span {
    const spanStart = index * SPAN_MS;
    const spanEnd = spanStart + SPAN_MS;
    const first = DateTime.fromMillis(spanStart, { zone }).minus({ days: 1 });
    const firstDay = Date.UTC(first.year, first.month - 1, first.day);
    const pieces: Array<[number, number]> = [];
    for (let day = firstDay; day <= spanEnd + 2 * DAY_MS; day += DAY_MS) {
      const date = new Date(day);
      const dateKey = date.toISOString().slice(0, 10);
      const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7]!;
      for (const [open, close] of openLocalMinutes(dateKey, weekday)) {
        const start = Math.max(wallClockToInstant(day + open * MINUTE_MS, zone), spanStart);
        const end = Math.min(wallClockToInstant(day + close * MINUTE_MS, zone), spanEnd);
        if (end > start) pieces.push([start, end]);
      }
    }
    pieces.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const piece of pieces) {
      const last = merged.at(-1);
      if (last && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
      else merged.push([...piece]);
    }
    const span: Span = {
      starts: new Float64Array(merged.length),
      ends: new Float64Array(merged.length),
      before: new Float64Array(merged.length),
      through: new Float64Array(merged.length),
      total: 0,
    };
    let open = 0;
    merged.forEach(([start, end], i) => {
      span.starts[i] = start;
      span.ends[i] = end;
      span.before[i] = open;
      open += end - start;
      span.through[i] = open;
    });
    span.total = open;
    return span;
  }

  function spanAt(index: number): Span {
    let span = spans.get(index);
    if (!span) {
      if (spans.size >= MAX_CACHED_SPANS) spans.clear();
      span = buildSpan(index);
      spans.set(index, span);
    }
    return span;
  }

  /** Open milliseconds of `span` before `at` (which lies inside the span). */
  function openBefore(span: Span, at: number): number {
    const i = firstGreater(span.ends, at);
    if (i === span.starts.length) return span.total;
    const start = span.starts[i]!;
    return at <= start ? span.before[i]! : span.before[i]! + (at - start);
  }

  /** The earliest instant in `span` by which `openMs` (0 < openMs <= total) open milliseconds have passed. */
  function instantAfterOpen(span: Span, openMs: number): number {
    const j = firstAtLeast(span.through, openMs);
    return span.starts[j]! + (openMs - span.before[j]!);
  }

  const spanIndex = (at: number) => Math.floor(at / SPAN_MS);

  function addMinutes(from: number, minutes: number): number {
    if (!Number.isFinite(from) || Number.isNaN(minutes)) {
      throw new RangeError(`addMinutes needs a finite instant and a number of minutes (got ${from}, ${minutes}).`);
    }
    if (!(minutes > 0)) return from;
    let remaining = minutes * MINUTE_MS;
    let index = spanIndex(from);
    let span = spanAt(index);
    const available = span.total - openBefore(span, from);
    if (remaining <= available) return instantAfterOpen(span, openBefore(span, from) + remaining);
    remaining -= available;
    let emptySpans = 0;
    for (;;) {
      index += 1;
      span = spanAt(index);
      if (remaining <= span.total) return instantAfterOpen(span, remaining);
      remaining -= span.total;
      emptySpans = span.total === 0 ? emptySpans + 1 : 0;
      if (emptySpans > HORIZON_SPANS) {
        throw new NoOpenHoursError("This schedule has no open hours for five years (holidays close every open day).");
      }
    }
  }

  function minutesBetween(from: number, to: number): number {
    if (!(to > from)) return 0;
    const first = spanIndex(from);
    const last = spanIndex(to);
    if (first === last) {
      const span = spanAt(first);
      return (openBefore(span, to) - openBefore(span, from)) / MINUTE_MS;
    }
    const firstSpan = spanAt(first);
    let open = firstSpan.total - openBefore(firstSpan, from);
    for (let index = first + 1; index < last; index += 1) open += spanAt(index).total;
    open += openBefore(spanAt(last), to);
    return open / MINUTE_MS;
  }

  function isOpenAt(at: number): boolean {
    const span = spanAt(spanIndex(at));
    const i = firstGreater(span.ends, at);
    return i < span.starts.length && span.starts[i]! <= at;
  }

  function nextOpening(at: number): number {
    let index = spanIndex(at);
    let span = spanAt(index);
    const i = firstGreater(span.ends, at);
    if (i < span.starts.length) return Math.max(at, span.starts[i]!);
    for (let searched = 0; searched <= HORIZON_SPANS; searched += 1) {
      index += 1;
      span = spanAt(index);
      if (span.starts.length > 0) return span.starts[0]!;
    }
    throw new NoOpenHoursError("This schedule has no open hours for five years (holidays close every open day).");
  }

  function openIntervals(from: number, to: number): Array<[number, number]> {
    const intervals: Array<[number, number]> = [];
    for (let index = spanIndex(from); index <= spanIndex(to); index += 1) {
      const span = spanAt(index);
      for (let i = 0; i < span.starts.length; i += 1) {
        const start = Math.max(span.starts[i]!, from);
        const end = Math.min(span.ends[i]!, to);
        if (end <= start) continue;
        const last = intervals.at(-1);
        // Spans cut intervals at their borders; join the pieces again.
        if (last && last[1] === start) last[1] = end;
        else intervals.push([start, end]);
      }
    }
    return intervals;
  }

  return { timeZone: schedule.timeZone, addMinutes, minutesBetween, isOpenAt, nextOpening, openIntervals };
}

/** Closed local minute spans per date: a whole-day holiday closes 00:00–24:00. */
function holidaysByDate(holidays: Holiday[]): Map<string, Array<[number, number]>> {
  const byDate = new Map<string, Array<[number, number]>>();
  for (const holiday of holidays) {
    const span: [number, number] =
      holiday.closedFrom && holiday.closedUntil
        ? [minutesOfDay(holiday.closedFrom), minutesOfDay(holiday.closedUntil)]
        : [0, 24 * 60];
    byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), span]);
  }
  return byDate;
}
