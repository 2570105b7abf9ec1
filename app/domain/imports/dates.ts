// Dates as spreadsheets and ATS exports write them: ISO, German day-first with dots, US and European slashes, month
// names, an optional time, and Excel serial numbers. A date without a time is taken at noon in the workspace's zone,
// so it stays on its calendar day in every zone a reader may be in.
import type { DateOrder, ReadOptions } from "./types";

const TIME = String.raw`(?:[T ]|,? )(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?: ?([ap])\.?m\.?)?`;
const OFFSET = String.raw` ?(Z|[+-]\d{2}(?::?\d{2})?)`;

const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:${TIME}(?:${OFFSET})?)?$`, "i");
const YEAR_FIRST_SLASHES = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})(?:${TIME})?$`, "i");
const DOTS = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:${TIME})?$`, "i");
const SLASHES = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?:${TIME})?$`, "i");
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})\.?[ -]([a-zäé]+)\.?,?[ -](\d{4}|\d{2})(?:${TIME})?$`, "i");
const MONTH_NAME_DAY = new RegExp(String.raw`^([a-zäé]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:${TIME})?$`, "i");
const EXCEL_SERIAL = /^(\d{5})(\.\d+)?$/;

/** Excel serial numbers of 1990-01-01 and 2099-12-31: a five-digit number outside them is not taken for a date. */
const FIRST_PLAUSIBLE_SERIAL = 32_874;
const LAST_PLAUSIBLE_SERIAL = 73_050;

/** English and German month names and their abbreviations, by their first letters. */
const MONTHS: Record<string, number> = {};
for (const [month, names] of [
  ["january januar jan jän"],
  ["february februar feb"],
  ["march märz maerz mar mär mrz"],
  ["april apr"],
  ["may mai"],
  ["june juni jun"],
  ["july juli jul"],
  ["august aug"],
  ["september sep sept"],
  ["october oktober oct okt"],
  ["november nov"],
  ["december dezember dec dez"],
].entries()) {
  for (const name of names[0]!.split(" ")) MONTHS[name] = month + 1;
}

type Parts = {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second: number };
  /** Minutes east of UTC, when the text names its offset. */
  offsetMinutes?: number;
};

/**
 * The instant a cell's text names, or "unreadable". Returns null for an empty cell (the caller decides whether the
 * date is required). A date alone is taken at 12:00, and a date with a time but no offset at that time, in
 * `options.timeZone`. Day-first dots (31.12.2026) are always day first; 03/04/2026 follows `options.dateOrder` unless
 * one of its numbers is above 12. Two-digit years are 20xx.
 */
export function readDate(
  text: string,
  options: Pick<ReadOptions, "dateOrder" | "timeZone">,
): Date | null | "unreadable" {
  const cleaned = text.trim().replace(/\s+/g, " ");
  if (cleaned === "") return null;
  const parts = dateParts(cleaned, options.dateOrder);
  if (!parts) return "unreadable";
  const { year, month, day, time } = parts;
  const wallClock = Date.UTC(year, month - 1, day, time?.hour ?? 12, time?.minute ?? 0, time?.second ?? 0);
  const shown = new Date(wallClock);
  // Date.UTC rolls 31 September over to 1 October; a date that rolled over does not exist.
  if (shown.getUTCFullYear() !== year || shown.getUTCMonth() !== month - 1 || shown.getUTCDate() !== day) {
    return "unreadable";
  }
  if (parts.offsetMinutes !== undefined) return new Date(wallClock - parts.offsetMinutes * 60_000);
  return new Date(zonedWallClockToInstant(wallClock, options.timeZone));
}

/** The calendar day (YYYY-MM-DD) clocks in `timeZone` show at `instant`. */
export function zonedDay(instant: Date, timeZone: string): string {
  const time = instant.getTime();
  return new Date(time + offsetInZone(time, timeZone) * 60_000).toISOString().slice(0, 10);
}

/**
 * The instant when clocks in `timeZone` show `wallClock` (its UTC fields). A time skipped by a DST change is read
 * with the offset before the change (02:30 on a spring-forward night is 03:30); a repeated time takes its first
 * occurrence. Done here rather than with Luxon, which takes some 30 µs a date: an import reads tens of thousands.
 */
function zonedWallClockToInstant(wallClock: number, timeZone: string): number {
  const before = offsetInZone(wallClock - 86_400_000, timeZone);
  const after = offsetInZone(wallClock + 86_400_000, timeZone);
  if (before === after) return wallClock - before * 60_000;
  const candidates = [before, after]
    .map((offset) => wallClock - offset * 60_000)
    .filter((instant) => instant + offsetInZone(instant, timeZone) * 60_000 === wallClock)
    .sort((a, b) => a - b);
  return candidates[0] ?? wallClock - before * 60_000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets by zone and quarter hour: every zone's changes fall on a quarter hour, and imports repeat their days. */
const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

/** Minutes east of UTC that `timeZone` is at `instant`. */
function offsetInZone(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  const key = `${timeZone} ${quarter}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const start = quarter * QUARTER_HOUR;
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(start)) fields[part.type] = Number(part.value);
  const shown = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!);
  const offset = Math.round((shown - start) / 60_000);
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function dateParts(text: string, dateOrder: DateOrder): Parts | null {
  let match = ISO.exec(text);
  if (match) {
    const time = timeParts(match, 4);
    if (time === "invalid") return null;
    const offset = match[8];
    return {
      ...calendar(match[1]!, match[2]!, match[3]!),
      time,
      offsetMinutes: offset && time ? offsetMinutes(offset) : undefined,
    };
  }
  match = YEAR_FIRST_SLASHES.exec(text);
  if (match) return withTime(calendar(match[1]!, match[2]!, match[3]!), match, 4);
  match = DOTS.exec(text);
  if (match) return withTime(calendar(match[3]!, match[2]!, match[1]!), match, 4);
  match = SLASHES.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const dayFirst = first > 12 ? true : second > 12 ? false : dateOrder === "dmy";
    const [day, month] = dayFirst ? [match[1]!, match[3]!] : [match[3]!, match[1]!];
    return withTime(calendar(match[4]!, month, day), match, 5);
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    return month ? withTime(calendar(match[3]!, String(month), match[1]!), match, 4) : null;
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = MONTHS[match[1]!.toLowerCase()];
    return month ? withTime(calendar(match[3]!, String(month), match[2]!), match, 4) : null;
  }
  match = EXCEL_SERIAL.exec(text);
  if (match) return excelSerial(Number(text));
  return null;
}

function calendar(year: string, month: string, day: string): Pick<Parts, "year" | "month" | "day"> {
  const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
  return { year: fullYear, month: Number(month), day: Number(day) };
}

function withTime(date: Pick<Parts, "year" | "month" | "day">, match: RegExpExecArray, from: number): Parts | null {
  const time = timeParts(match, from);
  return time === "invalid" ? null : { ...date, time };
}

/** The time in groups from, from+1, from+2 (hour, minute, second) and from+3 (a or p); undefined when there is none. */
function timeParts(match: RegExpExecArray, from: number): Parts["time"] | "invalid" {
  if (match[from] === undefined) return undefined;
  let hour = Number(match[from]);
  const minute = Number(match[from + 1]);
  const second = Number(match[from + 2] ?? 0);
  const meridiem = match[from + 3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return "invalid";
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return "invalid";
  return { hour, minute, second };
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return offset.startsWith("-") ? -minutes : minutes;
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug is behind every plausible serial); a fraction is the time. */
function excelSerial(serial: number): Parts | null {
  if (serial < FIRST_PLAUSIBLE_SERIAL || serial > LAST_PLAUSIBLE_SERIAL) return null;
  const days = Math.floor(serial);
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const minutes = Math.round((serial - days) * 24 * 60);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    time:
      minutes > 0 && minutes < 24 * 60
        ? { hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 }
        : undefined,
  };
}

const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/;

/**
 * The order the file's numeric dates use, from the values of its date columns: a first number above 12 means day
 * first, a second number above 12 month first, dots mean day first. Null when nothing tells (or the values disagree):
 * then the person importing chooses.
 */
export function guessDateOrder(values: string[]): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const match = NUMERIC_DATE.exec(value.trim());
    if (!match) continue;
    if (match[2] === ".") dayFirst = true;
    else if (Number(match[1]) > 12) dayFirst = true;
    else if (Number(match[3]) > 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return null;
  return dayFirst ? "dmy" : "mdy";
}
