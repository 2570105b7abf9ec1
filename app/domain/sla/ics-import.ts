// Holidays for a schedule from an iCalendar (.ics) file, read with ical.js. Pure: text in, holidays in the shape of
// app/domain/sla/schedule.ts out.
import ICAL from "ical.js";
import { DateTime, IANAZone } from "luxon";
import { findIana } from "windows-iana";
import { dedupeHolidays, HolidayImportError } from "./holiday-list";
import type { Holiday } from "./schedule";

/**
 * Bounds on the work one file may cause, checked before ical.js is asked to compute anything from the values: ical.js
 * loops for good (or for minutes) on durations of millions of weeks, huge repeat intervals and long walks through a
 * series. An event past a bound is skipped and named; a file past the file-wide bounds is read up to there.
 */
const MAX_SPAN_DAYS = 366;
const MAX_INTERVAL = 1_000;
/** Dates of one series inside the window, and repeats walked through (from its start) to get there. */
const MAX_SERIES_DATES = 1_000;
const MAX_SERIES_WALK = 20_000;
/** Dates of all events inside the window, and repeats walked through by all series. */
const MAX_FILE_DATES = 5_000;
const MAX_FILE_WALK = 50_000;

/** Why an event is left out, in words for the person importing. */
class SkippedError extends Error {}
/** The file-wide bounds are reached: the events from this one on are left out. */
class FileLimitError extends Error {}

type Budget = { dates: number; walked: number };

/** One file's reading: the window, the options, the work done so far, and the time zones nothing defines. */
type Reading = { window: IcsWindow; options: IcsImportOptions; budget: Budget; unknownTimeZones: Set<string> };

export type IcsWindow = { from: string; until: string; timeZone: string };

function clockTime(dateTime: DateTime): string {
  return dateTime.toFormat("HH:mm");
}

/**
 * A local date-time of an .ics time in the schedule's zone. UTC times are converted; a TZID is read as the IANA zone
 * of that name, else as the Windows zone of that name (Outlook and Exchange write "W. Europe Standard Time"), else with
 * the file's own VTIMEZONE of that name; a zone none of these define is read in the schedule's zone and noted in
 * `unknownTimeZones`. Floating times (no zone) are the schedule's local time. ical.js turns a TZID without a
 * VTIMEZONE into a floating time, so the property's TZID parameter is passed along.
 */
function inScheduleZone(time: ICAL.Time, reading: Reading, tzidParameter: string | undefined): DateTime {
  const { timeZone } = reading.window;
  const wall = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  const zone = time.zone;
  const tzid = !zone || zone.tzid === "floating" ? tzidParameter : zone.tzid;
  if (!tzid) return DateTime.fromObject(wall, { zone: timeZone });
  const named = tzid === "UTC" || tzid === "Z" || tzid === "GMT" ? "UTC" : ianaZone(tzid);
  if (named) return DateTime.fromObject(wall, { zone: named }).setZone(timeZone);
  if (zone?.component && followableTimezone(zone.component)) {
    return DateTime.fromSeconds(time.toUnixTime(), { zone: timeZone });
  }
  reading.unknownTimeZones.add(tzid);
  return DateTime.fromObject(wall, { zone: timeZone });
}

/** The IANA zone a TZID names: itself when it is one, else the Windows zone's main IANA zone (CLDR's table). */
function ianaZone(tzid: string): string | undefined {
  if (IANAZone.isValidZone(tzid)) return tzid;
  const windows = findIana(tzid.trim(), "001")[0];
  return windows && IANAZone.isValidZone(windows) ? windows : undefined;
}

/**
 * Whether ical.js can compute offsets from a VTIMEZONE: it has observances with offsets, and they repeat yearly at
 * most (real zones change a few times a year; ical.js would walk a rule that changes every second for good).
 */
function followableTimezone(vtimezone: ICAL.Component): boolean {
  const observances = vtimezone
    .getAllSubcomponents()
    .filter((component) => component.name === "standard" || component.name === "daylight");
  return (
    observances.length > 0 &&
    observances.every((observance) => {
      if (!observance.hasProperty("tzoffsetto") || !observance.hasProperty("dtstart")) return false;
      return observance.getAllProperties("rrule").every((property) => {
        const rule: unknown = property.getFirstValue();
        return rule instanceof ICAL.Recur && rule.freq === "YEARLY";
      });
    })
  );
}

function wholeDays(start: ICAL.Time, end: ICAL.Time | null, name: string | undefined): Holiday[] {
  const first = DateTime.fromObject({ year: start.year, month: start.month, day: start.day }, { zone: "UTC" });
  const last = end
    ? DateTime.fromObject({ year: end.year, month: end.month, day: end.day }, { zone: "UTC" })
    : first.plus({ days: 1 });
  const days: Holiday[] = [];
  for (let day = first; day < last || day.equals(first); day = day.plus({ days: 1 })) {
    days.push({ date: day.toISODate()!, ...(name ? { name } : {}) });
    if (days.length > 366) break;
  }
  return days;
}

function timedClosures(start: DateTime, end: DateTime, name: string | undefined): Holiday[] {
  const closures: Holiday[] = [];
  for (let dayStart = start.startOf("day"); dayStart < end; dayStart = dayStart.plus({ days: 1 })) {
    const from = start > dayStart ? start : dayStart;
    const nextDay = dayStart.plus({ days: 1 });
    const until = end < nextDay ? end : nextDay;
    if (until <= from) continue;
    // Closures cover whole minutes: the start rounds down, the end up (a closure ending 16:59:30 closes until 17:00).
    const untilMinute = until.equals(until.startOf("minute")) ? until : until.startOf("minute").plus({ minutes: 1 });
    const closedUntil = untilMinute >= nextDay ? "24:00" : clockTime(untilMinute);
    const closedFrom = clockTime(from);
    if (closedUntil !== "24:00" && closedUntil <= closedFrom) continue;
    const holiday: Holiday =
      closedFrom === "00:00" && closedUntil === "24:00"
        ? { date: dayStart.toISODate()! }
        : { date: dayStart.toISODate()!, closedFrom, closedUntil };
    closures.push(name ? { ...holiday, name } : holiday);
  }
  return closures;
}

/** An event left out of an import, and why, in words for the person importing. */
export type SkippedEvent = { name: string; reason: string };

/** What an .ics file gives. */
export type IcsImport = {
  /** The holidays inside the window. */
  holidays: Holiday[];
  /** Events that could not be read, or were too much to read. */
  skipped: SkippedEvent[];
  /** Time zones the file names but nothing defines: their times were read in the schedule's zone. */
  unknownTimeZones: string[];
  /** Events read (a repeating series once, with its moved occurrences), and how many of them touch the window. */
  events: number;
  eventsInWindow: number;
  /** Timed events in the window left out because they are neither all-day nor marked out of office. */
  timedLeftOut: number;
};

export type IcsImportOptions = {
  /**
   * Import timed events that are busy time rather than time away (meetings) as closures too. Off by default: only
   * all-day events and events marked out of office (Outlook's busy status, a category or title saying holiday or
   * out of office) are imported.
   */
  includeTimedEvents?: boolean;
};

const UNTITLED = "An event without a title";

/**
 * Holidays from an .ics file's events between `from` and `until` (inclusive dates), recurrences expanded. A file may
 * hold several calendars one after another (concatenated exports); an event that cannot be read is skipped and named
 * in `skipped`, the rest are imported.
 */
export function readIcsHolidays(text: string, window: IcsWindow, options: IcsImportOptions = {}): IcsImport {
  const { calendars, skipped } = parseCalendars(text.replace(/^\uFEFF/, ""));
  if (!isDate(window.from) || !isDate(window.until) || window.until < window.from) {
    throw new HolidayImportError(
      "Give the import window as two dates like 2026-01-01, the first one not after the second.",
    );
  }
  if (!IANAZone.isValidZone(window.timeZone)) {
    throw new HolidayImportError("Choose a time zone from the IANA list, like Europe/Berlin.");
  }
  const holidays: Holiday[] = [];
  const { events, unreadable } = eventsWithExceptions(
    calendars.flatMap((calendar) => calendar.getAllSubcomponents("vevent")),
  );
  skipped.push(...unreadable);
  const reading: Reading = { window, options, budget: { dates: 0, walked: 0 }, unknownTimeZones: new Set() };
  const inWindow = (holiday: Holiday) => holiday.date >= window.from && holiday.date <= window.until;
  let eventsInWindow = 0;
  let timedLeftOut = 0;
  for (const [index, event] of events.entries()) {
    // ical.js parses property values lazily: a malformed date or rule surfaces here, not in ICAL.parse. Its messages
    // are internal, so the event is listed with a plain reason.
    try {
      if (!options.includeTimedEvents && !isAllDay(event) && !isOutOfOffice(event.component)) {
        if (touchesWindow(event, reading)) {
          eventsInWindow += 1;
          timedLeftOut += 1;
        }
        continue;
      }
      const own = eventHolidays(event, reading).filter(inWindow);
      if (own.length > 0) eventsInWindow += 1;
      holidays.push(...own);
    } catch (error) {
      if (error instanceof FileLimitError) {
        const left = events.length - index;
        skipped.push({ name: left === 1 ? "1 more event" : `${left} more events`, reason: error.message });
        break;
      }
      skipped.push({
        name: titleOf(event.component),
        reason: error instanceof SkippedError ? error.message : UNREADABLE,
      });
    }
  }
  return {
    holidays: dedupeHolidays(holidays),
    skipped,
    unknownTimeZones: [...reading.unknownTimeZones],
    events: events.length,
    eventsInWindow,
    timedLeftOut,
  };
}

const UNREADABLE = "its date or repeat rule cannot be read";
const BROKEN_LINE = "it has a line that cannot be read";

/**
 * The file's calendars. ical.js rejects a whole file for one malformed line, so when it does, the file is read again
 * calendar by calendar and event by event: the events that parse are kept, the others are listed as skipped.
 */
function parseCalendars(text: string): { calendars: ICAL.Component[]; skipped: SkippedEvent[] } {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    return parseLeniently(text);
  }
  // One top-level component comes back as itself, several as a list of them.
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const calendars = roots
    .map((root) => new ICAL.Component(root as unknown[]))
    .filter((component) => component.name === "vcalendar");
  if (calendars.length === 0) throw new HolidayImportError("This file holds no calendar (no VCALENDAR).");
  return { calendars, skipped: [] };
}

type CalendarBlock = { header: string[]; timezones: string[][]; events: string[][] };

function parseLeniently(text: string): { calendars: ICAL.Component[]; skipped: SkippedEvent[] } {
  const blocks = calendarBlocks(text);
  if (blocks.length === 0) throw new HolidayImportError("This file is not a valid iCalendar (.ics) file.");
  const skipped: SkippedEvent[] = [];
  const parses = (lines: string[]) => {
    try {
      ICAL.parse(["BEGIN:VCALENDAR", ...lines, "END:VCALENDAR"].join("\r\n"));
      return true;
    } catch {
      return false;
    }
  };
  const calendars = blocks.map((block) => {
    const header = parses(block.header) ? block.header : [];
    const timezones = block.timezones.filter(parses);
    const events = block.events.filter((event) => {
      if (parses(event)) return true;
      skipped.push({ name: summaryLine(event) ?? UNTITLED, reason: BROKEN_LINE });
      return false;
    });
    const lines = ["BEGIN:VCALENDAR", ...header, ...timezones.flat(), ...events.flat(), "END:VCALENDAR"];
    try {
      return new ICAL.Component(ICAL.parse(lines.join("\r\n")) as unknown[]);
    } catch {
      throw new HolidayImportError("This file is not a valid iCalendar (.ics) file.");
    }
  });
  return { calendars, skipped };
}

/**
 * The VCALENDAR blocks of a text split by lines: each calendar's own properties, its VTIMEZONEs and its VEVENTs (with
 * their VALARMs). Folded lines stay with the line they continue; other components and lines outside a calendar are
 * left out. A calendar or event cut off at the end of the file ends there.
 */
function calendarBlocks(text: string): CalendarBlock[] {
  const blocks: CalendarBlock[] = [];
  let block: CalendarBlock | null = null;
  let component: string[] | null = null;
  let depth = 0;
  for (const line of logicalLines(text)) {
    const marker = /^(BEGIN|END):([A-Za-z-]+)\s*$/.exec(line.split("\r\n")[0]!);
    const begins = marker?.[1]!.toUpperCase() === "BEGIN";
    const name = marker?.[2]!.toUpperCase();
    if (!block) {
      if (begins && name === "VCALENDAR") {
        block = { header: [], timezones: [], events: [] };
        blocks.push(block);
      }
      continue;
    }
    if (component) {
      component.push(line);
      if (marker) depth += begins ? 1 : -1;
      if (depth === 0) component = null;
      continue;
    }
    if (marker && !begins && name === "VCALENDAR") {
      block = null;
    } else if (begins) {
      component = [line];
      depth = 1;
      if (name === "VEVENT") block.events.push(component);
      else if (name === "VTIMEZONE") block.timezones.push(component);
    } else {
      block.header.push(line);
    }
  }
  return blocks;
}

/** Content lines with their folded continuation lines attached (joined by line breaks, as they were). */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  for (const physical of text.split(/\r\n|\n|\r/)) {
    if ((physical.startsWith(" ") || physical.startsWith("\t")) && lines.length > 0) {
      lines[lines.length - 1] += `\r\n${physical}`;
    } else if (physical.trim() !== "") {
      lines.push(physical);
    }
  }
  return lines;
}

/** An event's SUMMARY read from its raw lines, for naming an event ical.js could not parse. */
function summaryLine(lines: string[]): string | undefined {
  const line = lines.find((candidate) => /^SUMMARY[;:]/i.test(candidate));
  const value = line
    ?.replace(/\r\n[ \t]/g, "")
    .replace(/^[^:]*:/, "")
    .replace(/\\([,;\\])/g, "$1")
    .replace(/\\n/gi, " ")
    .trim();
  return value ? value.slice(0, 120) : undefined;
}

function titleOf(component: ICAL.Component): string {
  try {
    const summary = component.getFirstPropertyValue("summary");
    return (typeof summary === "string" && summary.trim().slice(0, 120)) || UNTITLED;
  } catch {
    return UNTITLED;
  }
}

/** The closures of one event (every occurrence of a series), not yet cut to the window. */
function eventHolidays(event: ICAL.Event, reading: Reading): Holiday[] {
  const { budget } = reading;
  const holidays: Holiday[] = [];
  if (isCancelled(event.component)) return holidays;
  const name = event.summary?.trim().slice(0, 120) || undefined;
  const occurrences = event.isRecurring() ? expand(event, reading) : [event.startDate];
  if (budget.dates + occurrences.length > MAX_FILE_DATES) {
    throw new FileLimitError(
      `the file has more than ${MAX_FILE_DATES.toLocaleString("en")} dates in the import window, so the rest was not read`,
    );
  }
  budget.dates += occurrences.length;
  for (const occurrenceStart of occurrences) {
    const details = event.isRecurring() ? event.getOccurrenceDetails(occurrenceStart) : null;
    // A moved or cancelled single occurrence (RECURRENCE-ID) is its own component with its own times.
    const component = details?.item.component ?? event.component;
    if (details && isCancelled(component)) continue;
    const start = details?.startDate ?? event.startDate;
    const end = details?.endDate ?? event.endDate ?? null;
    const occurrenceName = details?.item.summary?.trim().slice(0, 120) || name;
    if (start.isDate) {
      holidays.push(...wholeDays(start, end, occurrenceName));
    } else {
      const localStart = inScheduleZone(start, reading, tzidOf(component, "dtstart"));
      const localEnd = end ? inScheduleZone(end, reading, tzidOf(component, "dtend")) : localStart;
      holidays.push(...timedClosures(localStart, localEnd, occurrenceName));
    }
  }
  return holidays;
}

/** An ical.js time's wall clock read as UTC, in epoch milliseconds, without ical.js arithmetic. */
function wallMillis(time: ICAL.Time): number {
  const date = new Date(Date.UTC(2000, time.month - 1, time.day, time.hour, time.minute, time.second));
  date.setUTCFullYear(time.year);
  return date.getTime();
}

/**
 * How long an event lasts in days (from DURATION, or DTEND less DTSTART), read before ical.js computes its end; why
 * the event is skipped when it lasts too long or repeats at an interval ical.js cannot follow.
 */
function spanDays(component: ICAL.Component, start: ICAL.Time): number {
  let days = start.isDate ? 1 : 0;
  const duration: unknown = component.getFirstPropertyValue("duration");
  const end: unknown = component.getFirstPropertyValue("dtend");
  if (duration instanceof ICAL.Duration) days = Math.abs(duration.toSeconds()) / 86_400;
  else if (end instanceof ICAL.Time) days = (wallMillis(end) - wallMillis(start)) / 86_400_000;
  if (!(days <= MAX_SPAN_DAYS)) throw new SkippedError("it lasts longer than a year");
  const rule: unknown = component.getFirstPropertyValue("rrule");
  if (rule instanceof ICAL.Recur && !(rule.interval <= MAX_INTERVAL)) {
    throw new SkippedError("its repeat rule cannot be followed");
  }
  return days;
}

/** All-day: a date without a time, or Outlook's all-day flag on midnight-to-midnight times. */
function isAllDay(event: ICAL.Event): boolean {
  if (event.startDate.isDate) return true;
  const flag: unknown = event.component.getFirstPropertyValue("x-microsoft-cdo-alldayevent");
  return typeof flag === "string" && flag.toUpperCase() === "TRUE";
}

/** Words in a category or title that mark time away rather than busy time. */
const TIME_AWAY = /\b(holidays?|vacation|out of (the )?office|ooo|time off|days? off|leave|closed|closure)\b/i;

/**
 * Marked out of office: Outlook's busy status (or intended status) OOF, a category like "Holiday" or "Out of office",
 * or a title that is nothing but "Out of office" (Google Calendar's out-of-office events).
 */
function isOutOfOffice(component: ICAL.Component): boolean {
  for (const name of ["x-microsoft-cdo-busystatus", "x-microsoft-cdo-intendedstatus"]) {
    const status: unknown = component.getFirstPropertyValue(name);
    if (typeof status === "string" && status.trim().toUpperCase() === "OOF") return true;
  }
  const categories = component
    .getAllProperties("categories")
    .flatMap((property) => property.getValues())
    .filter((value): value is string => typeof value === "string");
  if (categories.some((category) => TIME_AWAY.test(category))) return true;
  const summary: unknown = component.getFirstPropertyValue("summary");
  return typeof summary === "string" && /^\s*(out of (the )?office|ooo)\s*$/i.test(summary);
}

/**
 * Whether an event left out has a date in the window: its first occurrence there is enough, so a series is walked
 * only until it reaches the window and nothing counts toward the file's dates.
 */
function touchesWindow(event: ICAL.Event, reading: Reading): boolean {
  if (isCancelled(event.component)) return false;
  const starts = event.isRecurring() ? expand(event, reading, { firstOnly: true }) : [event.startDate];
  const { first, last } = windowDates(reading.window, spanDays(event.component, event.startDate));
  return starts.some((start) => {
    const date = dateNumber(start.year, start.month, start.day);
    return date >= first && date <= last;
  });
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: "UTC" }).isValid;
}

function isCancelled(component: ICAL.Component): boolean {
  const status = component.getFirstPropertyValue("status");
  return typeof status === "string" && status.toUpperCase() === "CANCELLED";
}

/**
 * Series masters with their moved or cancelled occurrences attached; exceptions without a series stand alone. Events
 * whose start cannot be read, or that last too long, are returned apart as skipped.
 */
function eventsWithExceptions(components: ICAL.Component[]): { events: ICAL.Event[]; unreadable: SkippedEvent[] } {
  const series = new Map<string, ICAL.Event>();
  const events: ICAL.Event[] = [];
  const unreadable: SkippedEvent[] = [];
  const read = (component: ICAL.Component): ICAL.Event | null => {
    try {
      const event = new ICAL.Event(component);
      if (!event.startDate) throw new Error("no start");
      spanDays(component, event.startDate);
      return event;
    } catch (error) {
      unreadable.push({
        name: titleOf(component),
        reason: error instanceof SkippedError ? error.message : UNREADABLE,
      });
      return null;
    }
  };
  for (const component of components) {
    if (component.hasProperty("recurrence-id")) continue;
    const event = read(component);
    if (!event) continue;
    events.push(event);
    try {
      if (event.uid && event.isRecurring()) series.set(event.uid, event);
    } catch {
      // An unreadable rule fails again, and is reported, when the event is expanded.
    }
  }
  for (const component of components) {
    if (!component.hasProperty("recurrence-id")) continue;
    const exception = read(component);
    if (!exception) continue;
    const master = series.get(exception.uid);
    if (master) master.relateException(exception);
    else events.push(exception);
  }
  return { events, unreadable };
}

function tzidOf(component: ICAL.Component, property: "dtstart" | "dtend"): string | undefined {
  const tzid = component.getFirstProperty(property)?.getParameter("tzid");
  return typeof tzid === "string" ? tzid : undefined;
}

/** Local calendar dates as numbers (20260131), for comparing ical.js times with the window without time zones. */
const dateNumber = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;

/**
 * The window as date numbers, widened for an event lasting `spanDays`: it may start before the window and last into
 * it, and a timed event's date may shift by a day in the schedule's zone.
 */
function windowDates(window: IcsWindow, spanDays: number): { first: number; last: number } {
  const earliest = DateTime.fromISO(window.from, { zone: "UTC" }).minus({ days: Math.ceil(spanDays) + 1 });
  const latest = DateTime.fromISO(window.until, { zone: "UTC" }).plus({ days: 1 });
  return {
    first: dateNumber(earliest.year, earliest.month, earliest.day),
    last: dateNumber(latest.year, latest.month, latest.day),
  };
}

/**
 * Occurrence starts that may touch the window. Starts long before it are walked through without counting (a daily
 * series from 2005 still reaches 2026), within the bounds above.
 */
function expand(event: ICAL.Event, { window, budget }: Reading, options?: { firstOnly: boolean }): ICAL.Time[] {
  const { first, last } = windowDates(window, spanDays(event.component, event.startDate));
  const iterator = event.iterator();
  const times: ICAL.Time[] = [];
  let walked = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    const date = dateNumber(next.year, next.month, next.day);
    if (date > last) break;
    walked += 1;
    budget.walked += 1;
    if (date >= first) times.push(next);
    if (options?.firstOnly && times.length > 0) break;
    if (times.length > MAX_SERIES_DATES) {
      throw new SkippedError(
        `it repeats more than ${MAX_SERIES_DATES.toLocaleString("en")} times in the import window`,
      );
    }
    if (walked >= MAX_SERIES_WALK) {
      throw new SkippedError("it began too long before the import window to follow its repeats");
    }
    if (budget.walked >= MAX_FILE_WALK) {
      throw new FileLimitError("the file has too many repeating events to follow, so the rest was not read");
    }
  }
  return times;
}
