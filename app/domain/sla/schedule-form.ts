// The schedule editor's form: its values, the schema the browser and the server share (built from
// scheduleInputSchema), and the add/remove steps the server applies without JavaScript. The step notices are
// English like every other staff-facing message the domain's schemas give.
import { z } from "zod";
import { indexedToArray, postedObject, postedText } from "./form-posts";
import {
  scheduleInputSchema,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Holiday,
  type OpeningHours,
  type Weekday,
} from "./schedule";

export type IntervalFormValues = { day: Weekday; open: string; close: string };
export type HolidayFormValues = { date: string; name: string; closedFrom: string; closedUntil: string };
export type ScheduleFormValues = {
  name: string;
  timeZone: string;
  hours: IntervalFormValues[];
  holidays: HolidayFormValues[];
};

const weekdayOrder = (day: string) => WEEKDAYS.indexOf(day as Weekday);

/** Rows grouped by weekday (the editor shows one group per day), keeping their order within a day. */
function byWeekday(hours: IntervalFormValues[]): IntervalFormValues[] {
  return hours
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => weekdayOrder(a.entry.day) - weekdayOrder(b.entry.day) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function scheduleFormValues(schedule?: {
  name: string;
  timeZone: string;
  hours: OpeningHours[];
  holidays: Holiday[];
}): ScheduleFormValues {
  if (!schedule) {
    return {
      name: "",
      timeZone: "UTC",
      hours: (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({ day, open: "09:00", close: "17:00" })),
      holidays: [],
    };
  }
  return {
    name: schedule.name,
    timeZone: schedule.timeZone,
    hours: byWeekday(schedule.hours.map(({ day, open, close }) => ({ day, open, close }))),
    holidays: schedule.holidays.map(holidayFormValues),
  };
}

function holidayFormValues(holiday: Holiday): HolidayFormValues {
  return {
    date: holiday.date,
    name: holiday.name ?? "",
    closedFrom: holiday.closedFrom ?? "",
    closedUntil: holiday.closedUntil ?? "",
  };
}

/** Whatever was posted, as form values again (to re-render the form with the user's input). Row order is kept, so
 * the schema's error paths (hours.3.open) point at the same rows. */
export function scheduleFormValuesFromPost(posted: Record<string, unknown>): ScheduleFormValues {
  return {
    name: postedText(posted.name),
    timeZone: postedText(posted.timeZone),
    hours: indexedToArray(posted.hours).map((raw) => {
      const row = postedObject(raw);
      const day = postedText(row.day);
      return {
        day: (WEEKDAYS as readonly string[]).includes(day) ? (day as Weekday) : "mon",
        open: postedText(row.open),
        close: postedText(row.close),
      };
    }),
    holidays: indexedToArray(posted.holidays).map((raw) => {
      const row = postedObject(raw);
      return {
        date: postedText(row.date),
        name: postedText(row.name),
        closedFrom: postedText(row.closedFrom),
        closedUntil: postedText(row.closedUntil),
      };
    }),
  };
}

const blankToUndefined = (value: string) => (value.trim() === "" ? undefined : value);

function scheduleInputFromPost(raw: unknown): unknown {
  const values = scheduleFormValuesFromPost(postedObject(raw));
  return {
    name: values.name,
    timeZone: values.timeZone,
    hours: values.hours,
    holidays: values.holidays.map((holiday) => ({
      date: holiday.date,
      name: blankToUndefined(holiday.name),
      closedFrom: blankToUndefined(holiday.closedFrom),
      closedUntil: blankToUndefined(holiday.closedUntil),
    })),
  };
}

/** The schedule editor's schema: the posted fields in, a ScheduleInput out; error paths are the form's field names. */
export const scheduleFormSchema = z.preprocess(scheduleInputFromPost, scheduleInputSchema);

/** An editor step, the submit button that was pressed: "add-interval:mon", "remove-holiday:3", "add-holiday". */
export type ScheduleStep =
  | { type: "add-interval"; day: Weekday }
  | { type: "remove-interval"; index: number }
  | { type: "add-holiday" }
  | { type: "remove-holiday"; index: number };

/** The day after "add-interval:" in its button's intent. */
export const stepDaySchema = z.enum(WEEKDAYS);
/** The row after "remove-interval:" or "remove-holiday:" in its button's intent: one to four digits. */
export const stepIndexSchema = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number);

/** A new interval for a day: after the day's last one (an afternoon after a morning), else 09:00–17:00. */
function nextInterval(day: Weekday, sameDay: IntervalFormValues[]): IntervalFormValues {
  const last = sameDay.at(-1);
  if (!last || !/^\d\d:\d\d$/.test(last.close) || last.close >= "23:00") return { day, open: "09:00", close: "17:00" };
  const [hours, minutes] = last.close.split(":").map(Number) as [number, number];
  const open = `${String(Math.min(hours + 1, 23)).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  return { day, open, close: open < "17:00" ? "17:00" : "24:00" };
}

/** Applies one add/remove step to the schedule form; nothing is saved until the user presses Save. `focusId` is the
 * element keyboard focus belongs on afterwards (the new row, or the add button of the row that went). */
export function applyScheduleStep(
  values: ScheduleFormValues,
  intent: ScheduleStep,
): { values: ScheduleFormValues; notice: string; focusId: string } {
  switch (intent.type) {
    case "add-interval": {
      const hours = byWeekday(values.hours);
      const sameDay = hours.filter((entry) => entry.day === intent.day);
      const lastIndex = hours.findLastIndex((entry) => weekdayOrder(entry.day) <= weekdayOrder(intent.day));
      hours.splice(lastIndex + 1, 0, nextInterval(intent.day, sameDay));
      return {
        values: { ...values, hours },
        notice: `Added an interval on ${dayName(intent.day)}.`,
        focusId: `field-hours-${lastIndex + 1}-open`,
      };
    }
    case "remove-interval": {
      const removed = values.hours[intent.index];
      if (!removed) return { values, notice: "That interval is no longer in the list.", focusId: "hours-heading" };
      const hours = values.hours.filter((_, index) => index !== intent.index);
      return {
        values: { ...values, hours },
        notice: `Removed ${removed.open}–${removed.close} on ${dayName(removed.day)}. Save to keep this change.`,
        focusId: `add-interval-${removed.day}`,
      };
    }
    case "add-holiday": {
      const holidays = [...values.holidays, { date: "", name: "", closedFrom: "", closedUntil: "" }];
      return {
        values: { ...values, holidays },
        notice: `Added holiday row ${holidays.length}.`,
        focusId: `field-holidays-${holidays.length - 1}-date`,
      };
    }
    case "remove-holiday": {
      const removed = values.holidays[intent.index];
      if (!removed) return { values, notice: "That holiday is no longer in the list.", focusId: "add-holiday" };
      const holidays = values.holidays.filter((_, index) => index !== intent.index);
      const label = [removed.date, removed.name].filter(Boolean).join(" ") || `row ${intent.index + 1}`;
      return {
        values: { ...values, holidays },
        notice: `Removed holiday ${label}. Save to keep this change.`,
        focusId: "add-holiday",
      };
    }
  }
}

function dayName(day: Weekday): string {
  return WEEKDAY_LABELS[day];
}

/** Adds imported holidays to the form's list, skipping ones it already has; returns those that were added. */
export function mergeHolidays(
  values: ScheduleFormValues,
  imported: Holiday[],
): { values: ScheduleFormValues; added: HolidayFormValues[] } {
  const key = (holiday: HolidayFormValues) => `${holiday.date}|${holiday.closedFrom}|${holiday.closedUntil}`;
  const seen = new Set(values.holidays.map(key));
  const wholeDays = new Set(values.holidays.filter((holiday) => !holiday.closedFrom).map((holiday) => holiday.date));
  const added: HolidayFormValues[] = [];
  for (const holiday of imported.map(holidayFormValues)) {
    if (seen.has(key(holiday)) || wholeDays.has(holiday.date)) continue;
    seen.add(key(holiday));
    if (!holiday.closedFrom) wholeDays.add(holiday.date);
    added.push(holiday);
  }
  const holidays = [...values.holidays, ...added].sort((a, b) => a.date.localeCompare(b.date));
  return { values: { ...values, holidays }, added };
}

/** The import window: 1 January of this year to 31 December of next year, "this year" in the schedule's zone. */
export function importYears(now: Date, timeZone: string): { years: number[]; from: string; until: string } {
  let year: number;
  try {
    year = Number(new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(now));
  } catch {
    year = now.getUTCFullYear();
  }
  return { years: [year, year + 1], from: `${year}-01-01`, until: `${year + 1}-12-31` };
}
