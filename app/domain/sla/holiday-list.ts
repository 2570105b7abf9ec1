// What both holiday imports (.ics files and countries' public holidays) share: their error and how duplicate dates
// are merged. Pure.
import type { Holiday } from "./schedule";

export class HolidayImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HolidayImportError";
  }
}

/** One entry per date: a whole-day holiday wins over partial closures of the same date; partial ones stay apart. */
export function dedupeHolidays(holidays: Holiday[]): Holiday[] {
  const whole = new Map<string, Holiday>();
  for (const holiday of holidays) if (!holiday.closedFrom && !whole.has(holiday.date)) whole.set(holiday.date, holiday);
  const seen = new Set<string>();
  const partial = holidays.filter((holiday) => {
    if (!holiday.closedFrom || whole.has(holiday.date)) return false;
    const key = `${holiday.date} ${holiday.closedFrom} ${holiday.closedUntil}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...whole.values(), ...partial].sort((a, b) => a.date.localeCompare(b.date));
}
