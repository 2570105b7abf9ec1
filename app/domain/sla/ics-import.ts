// Holidays for a schedule from an iCalendar (.ics) file, read with ical.js. Pure: text in, holidays in the shape of
// app/domain/sla/schedule.ts out.
import ICAL from "ical.js";
import { DateTime, IANAZone } from "luxon";
import { dedupeHolidays, HolidayImportError } from "./holiday-list";
import type { Holiday } from "./schedule";

/** At most this many occurrences of one series inside the window, and this many walked through to reach it. */
const MAX_OCCURRENCES = 5_000;
const MAX_WALK = 200_000;

type IcsWindow = { from: string; until: string; timeZone: string };

function clockTime(dateTime: DateTime): string {
  return dateTime.toFormat("HH:mm");
}

/**
 * A local date-time of an .ics time in the schedule's zone: UTC and TZID times are converted, floating ones kept.
 * ical.js turns a TZID without a VTIMEZONE into a floating time, so the property's TZID parameter is passed along.
 */
function inScheduleZone(time: ICAL.Time, timeZone: string, tzidParameter: string | undefined): DateTime {
  const wall = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  const tzid = !time.zone || time.zone.tzid === "floating" ? tzidParameter : time.zone.tzid;
  const sourceZone = tzid === "UTC" || tzid === "Z" ? "UTC" : tzid && IANAZone.isValidZone(tzid) ? tzid : timeZone;
  return DateTime.fromObject(wall, { zone: sourceZone }).setZone(timeZone);
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

/** Holidays from an .ics file's events between `from` and `until` (inclusive dates), recurrences expanded. */
export function holidaysFromIcs(text: string, window: IcsWindow): Holiday[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new HolidayImportError("This file is not a valid iCalendar (.ics) file.");
  }
  if (calendar.name !== "vcalendar") throw new HolidayImportError("This file holds no calendar (no VCALENDAR).");
  if (!isDate(window.from) || !isDate(window.until) || window.until < window.from) {
    throw new HolidayImportError(
      "Give the import window as two dates like 2026-01-01, the first one not after the second.",
    );
  }
  if (!IANAZone.isValidZone(window.timeZone)) {
    throw new HolidayImportError("Choose a time zone from the IANA list, like Europe/Berlin.");
  }
  const holidays: Holiday[] = [];
  // ical.js parses property values lazily: a malformed date or rule surfaces here, not in ICAL.parse. Its messages
  // are internal, so the user gets a plain one.
  try {
    for (const event of eventsWithExceptions(calendar)) {
      if (isCancelled(event.component)) continue;
      const name = event.summary?.trim().slice(0, 120) || undefined;
      const occurrences = event.isRecurring() ? expand(event, window) : [event.startDate];
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
          const localStart = inScheduleZone(start, window.timeZone, tzidOf(component, "dtstart"));
          const localEnd = end ? inScheduleZone(end, window.timeZone, tzidOf(component, "dtend")) : localStart;
          holidays.push(...timedClosures(localStart, localEnd, occurrenceName));
        }
      }
    }
  } catch (error) {
    if (error instanceof HolidayImportError) throw error;
    throw new HolidayImportError("This file has an event whose date or repeat rule cannot be read.");
  }
  return dedupeHolidays(holidays.filter((holiday) => holiday.date >= window.from && holiday.date <= window.until));
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: "UTC" }).isValid;
}

function isCancelled(component: ICAL.Component): boolean {
  const status = component.getFirstPropertyValue("status");
  return typeof status === "string" && status.toUpperCase() === "CANCELLED";
}

/** Series masters with their moved or cancelled occurrences attached; exceptions without a series stand alone. */
function eventsWithExceptions(calendar: ICAL.Component): ICAL.Event[] {
  const components = calendar.getAllSubcomponents("vevent");
  const series = new Map<string, ICAL.Event>();
  const events: ICAL.Event[] = [];
  for (const component of components) {
    if (component.hasProperty("recurrence-id")) continue;
    const event = new ICAL.Event(component);
    if (!event.startDate) continue;
    events.push(event);
    if (event.uid && event.isRecurring()) series.set(event.uid, event);
  }
  for (const component of components) {
    if (!component.hasProperty("recurrence-id")) continue;
    const exception = new ICAL.Event(component);
    if (!exception.startDate) continue;
    const master = series.get(exception.uid);
    if (master) master.relateException(exception);
    else events.push(exception);
  }
  return events;
}

function tzidOf(component: ICAL.Component, property: "dtstart" | "dtend"): string | undefined {
  const tzid = component.getFirstProperty(property)?.getParameter("tzid");
  return typeof tzid === "string" ? tzid : undefined;
}

/** Local calendar dates as numbers (20260131), for comparing ical.js times with the window without time zones. */
const dateNumber = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;

/**
 * Occurrence starts that may touch the window. Starts long before it are skipped without counting (a daily series
 * from 2005 still reaches 2026), but the walk is bounded so an endless rule cannot run forever.
 */
function expand(event: ICAL.Event, window: IcsWindow): ICAL.Time[] {
  const from = DateTime.fromISO(window.from, { zone: "UTC" });
  const until = DateTime.fromISO(window.until, { zone: "UTC" });
  // Margins: a multi-day event starting before the window, and time-zone shifts of a timed event's date.
  const earliest = from.minus({ days: 366 });
  const latest = until.plus({ days: 1 });
  const first = dateNumber(earliest.year, earliest.month, earliest.day);
  const last = dateNumber(latest.year, latest.month, latest.day);
  const iterator = event.iterator();
  const times: ICAL.Time[] = [];
  let walked = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    const date = dateNumber(next.year, next.month, next.day);
    if (date > last || times.length >= MAX_OCCURRENCES || walked >= MAX_WALK) break;
    walked += 1;
    if (date >= first) times.push(next);
  }
  return times;
}
