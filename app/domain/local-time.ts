// Wall-clock times in a given IANA time zone, for forms that ask people for a local date and time
// (`<input type="datetime-local">` carries no zone). Uses the platform's Intl time-zone data.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day! && hour! < 24 && minute! < 60;
}

/**
 * The instant when clocks in `timeZone` show `local` ("YYYY-MM-DDTHH:mm"). A time skipped by a DST change is read
 * with the offset before the change (02:30 on a spring-forward night becomes 03:30); a repeated time takes its
 * first occurrence.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match || !isLocalDateTime(local)) throw new RangeError(`Not a local date-time: ${local}`);
  const [, year, month, day, hour, minute, second] = match.map((part) => Number(part ?? 0)) as number[];
  const wallClockAsUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const before = offsetMinutes(wallClockAsUtc - 24 * 60 * 60_000, timeZone);
  const after = offsetMinutes(wallClockAsUtc + 24 * 60 * 60_000, timeZone);
  // Try the offsets in force around that day; the earliest instant that shows this wall-clock time wins.
  const candidates = [before, after]
    .map((offset) => wallClockAsUtc - offset * 60_000)
    .filter((instant) => offsetMinutes(instant, timeZone) * 60_000 + instant === wallClockAsUtc)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wallClockAsUtc - before * 60_000);
}

/** "YYYY-MM-DDTHH:mm" as clocks in `timeZone` show `instant`: the value for a datetime-local input. */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Whole days from `from` to `now` (never negative), for "waiting 3 days". */
export function wholeDaysBetween(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / (24 * 60 * 60_000)));
}
