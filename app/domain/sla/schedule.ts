// Business schedules: the input schema (shared by the admin form and POST /api/v1/schedules) and its types.
// A schedule is an IANA time zone, weekly opening intervals (several a day; close "24:00" = end of day) and holidays
// (a whole date, or a closed span of a date). See docs/sla.md.
import { z } from "zod";
import { isValidTimeZone, trimmedText } from "../validation";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** "HH:MM" on a 24-hour clock; "24:00" only where a time may mean the end of the day. */
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function minutesOfDay(time: string): number {
  if (time === "24:00") return 24 * 60;
  const match = CLOCK_TIME.exec(time);
  if (!match) throw new RangeError(`Not a time of day: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const timeOfDay = (label: string, allowEndOfDay: boolean) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .refine(
      (value) => CLOCK_TIME.test(value) || (allowEndOfDay && value === "24:00"),
      allowEndOfDay
        ? `${label} must be a time like 09:00 or 17:30 (24:00 for the end of the day).`
        : `${label} must be a time like 09:00 or 17:30.`,
    );

export const openingHoursSchema = z.object({
  day: z.enum(WEEKDAYS, { error: "Day must be one of mon, tue, wed, thu, fri, sat, sun." }),
  open: timeOfDay("Opening time", false),
  close: timeOfDay("Closing time", true),
});
export type OpeningHours = z.output<typeof openingHoursSchema>;

export const holidaySchema = z
  .object({
    date: z
      .string({ error: "Date is required." })
      .trim()
      .refine(isCalendarDate, "Date must be a real calendar date like 2026-12-25."),
    name: z.string().trim().max(120, "Holiday name must be at most 120 characters.").optional(),
    closedFrom: timeOfDay("Closed from", false).optional(),
    closedUntil: timeOfDay("Closed until", true).optional(),
  })
  .superRefine((holiday, context) => {
    const { closedFrom, closedUntil } = holiday;
    if ((closedFrom === undefined) !== (closedUntil === undefined)) {
      context.addIssue({
        code: "custom",
        path: [closedFrom === undefined ? "closedFrom" : "closedUntil"],
        message: "Give both closed from and closed until for a partial-day closure, or neither for the whole day.",
      });
      return;
    }
    if (closedFrom === undefined || closedUntil === undefined) return;
    if (!CLOCK_TIME.test(closedFrom) || !(CLOCK_TIME.test(closedUntil) || closedUntil === "24:00")) return;
    if (minutesOfDay(closedUntil) <= minutesOfDay(closedFrom)) {
      context.addIssue({ code: "custom", path: ["closedUntil"], message: "Closed until must be after closed from." });
    }
  });
export type Holiday = z.output<typeof holidaySchema>;

/** Reversed, empty and overlapping intervals are refused with the path of the offending entry. */
function checkHours(hours: OpeningHours[], context: z.RefinementCtx) {
  const valid = hours.map((entry, index) => ({ entry, index })).filter(({ entry }) => isWellFormed(entry));
  for (const { entry, index } of valid) {
    if (minutesOfDay(entry.close) <= minutesOfDay(entry.open)) {
      context.addIssue({
        code: "custom",
        path: ["hours", index, "close"],
        message: `Closing time must be after opening time (${entry.open}–${entry.close} on ${WEEKDAY_LABELS[entry.day]}). For a night shift, split it at midnight (close 24:00, open 00:00 the next day).`,
      });
    }
  }
  for (const day of WEEKDAYS) {
    const sameDay = valid
      .filter(({ entry }) => entry.day === day && minutesOfDay(entry.close) > minutesOfDay(entry.open))
      .sort((a, b) => minutesOfDay(a.entry.open) - minutesOfDay(b.entry.open));
    for (let i = 1; i < sameDay.length; i += 1) {
      const previous = sameDay[i - 1]!;
      const current = sameDay[i]!;
      if (minutesOfDay(current.entry.open) < minutesOfDay(previous.entry.close)) {
        context.addIssue({
          code: "custom",
          path: ["hours", current.index, "open"],
          message: `${current.entry.open}–${current.entry.close} overlaps ${previous.entry.open}–${previous.entry.close} on ${WEEKDAY_LABELS[day]}.`,
        });
      }
    }
  }
}

function isWellFormed(entry: OpeningHours): boolean {
  return CLOCK_TIME.test(entry.open) && (CLOCK_TIME.test(entry.close) || entry.close === "24:00");
}

function checkHolidays(holidays: Holiday[], context: z.RefinementCtx) {
  const wholeDays = new Map<string, number>();
  holidays.forEach((holiday, index) => {
    if (holiday.closedFrom !== undefined) return;
    const earlier = wholeDays.get(holiday.date);
    if (earlier !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["holidays", index, "date"],
        message: `${holiday.date} is listed twice as a whole-day holiday.`,
      });
    } else wholeDays.set(holiday.date, index);
  });
}

export const scheduleDefinitionSchema = z
  .object({
    timeZone: z
      .string({ error: "Time zone is required." })
      .trim()
      .min(1, "Time zone is required.")
      .refine(isValidTimeZone, "Choose a time zone from the IANA list, like Europe/Berlin."),
    hours: z.array(openingHoursSchema, { error: "hours must be a list." }).max(200, "At most 200 opening intervals."),
    holidays: z
      .array(holidaySchema, { error: "holidays must be a list." })
      .max(2000, "At most 2,000 holidays.")
      .default([]),
  })
  .superRefine((schedule, context) => {
    checkHours(schedule.hours, context);
    checkHolidays(schedule.holidays, context);
  });
export type ScheduleDefinition = z.output<typeof scheduleDefinitionSchema>;

export const scheduleInputSchema = z
  .object({ name: trimmedText("Name", 120) })
  .and(scheduleDefinitionSchema)
  .transform((value) => value);
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

/** Mon–Fri 09:00–17:00: the hours a new workspace starts with. */
export const DEFAULT_OPENING_HOURS: OpeningHours[] = (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({
  day,
  open: "09:00",
  close: "17:00",
}));
