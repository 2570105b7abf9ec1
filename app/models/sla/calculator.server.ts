// The /due and /elapsed calculators: business-time arithmetic on a stored schedule's compiled calendar (cached per
// schedule version by calendarFor, so repeated questions cost microseconds). Questions a schedule cannot answer in
// reasonable time (its open hours are too sparse for the minutes asked) are refused rather than computed for minutes.
import { NoOpenHoursError, type BusinessCalendar } from "~/domain/sla/calendar";
import { prisma } from "~/platform/db.server";
import { ConflictError, NotFoundError } from "~/platform/errors.server";
import { calendarFor } from "./config.server";

const MINUTE_MS = 60_000;
const YEAR_MS = 365 * 24 * 60 * MINUTE_MS;
/** How far ahead a due date may lie: beyond this nobody is waiting for it, and counting there costs real time. */
const MAX_DUE_YEARS = 100;
const LAST_ISO_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");

async function scheduleCalendar(scheduleId: string): Promise<{ name: string; calendar: BusinessCalendar }> {
  const schedule = await prisma.schedule.findUnique({
    where: { id: scheduleId },
    select: { id: true, name: true, timeZone: true, hours: true, holidays: true, isDefault: true, updatedAt: true },
  });
  if (!schedule) throw new NotFoundError("The schedule");
  const calendar = calendarFor(schedule);
  if (!calendar) throw noOpenHours(schedule.name);
  return { name: schedule.name, calendar };
}

function noOpenHours(name: string, detail = "has no open hours") {
  return new ConflictError(
    `The schedule “${name}” ${detail}, so business time cannot be counted on it. Add opening hours first.`,
  );
}

function counting<T>(name: string, count: () => T): T {
  try {
    return count();
  } catch (error) {
    // Holidays can close every open day for years: the calendar gives up instead of searching forever.
    if (error instanceof NoOpenHoursError) throw noOpenHours(name, "has no open hours for years after this instant");
    throw error;
  }
}

/** The instant when `minutes` business minutes have passed since `from`. */
export async function businessDueDate(scheduleId: string, from: Date, minutes: number): Promise<Date> {
  const { name, calendar } = await scheduleCalendar(scheduleId);
  const start = from.getTime();
  // Open time in the first year estimates how far the answer lies; sparse schedules would take ages to walk.
  const openPerYear = counting(name, () => calendar.minutesBetween(start, start + YEAR_MS));
  if (minutes > openPerYear * MAX_DUE_YEARS) {
    throw new ConflictError(
      `The schedule “${name}” is open ${Math.round(openPerYear).toLocaleString("en")} minutes a year, so ` +
        `${minutes.toLocaleString("en")} business minutes would take more than ${MAX_DUE_YEARS} years.`,
    );
  }
  const dueAt = counting(name, () => calendar.addMinutes(start, minutes));
  if (dueAt > LAST_ISO_INSTANT) throw new ConflictError("The due date would fall after the year 9999.");
  return new Date(dueAt);
}

/** Business minutes in [from, to). */
export async function businessMinutesBetween(scheduleId: string, from: Date, to: Date): Promise<number> {
  const { name, calendar } = await scheduleCalendar(scheduleId);
  return counting(name, () => calendar.minutesBetween(from.getTime(), to.getTime()));
}
