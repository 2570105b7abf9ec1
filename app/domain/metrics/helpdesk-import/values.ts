// Reading the dates and durations helpdesk exports write. Pure.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function offsetMinutes(text: string | undefined): number | undefined {
  if (text === undefined || text === "" || /^(z|utc|gmt)$/i.test(text)) return 0;
  const match = /^(?:utc|gmt)?([+-])(\d{2}):?(\d{2})?$/i.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

function utcDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(time - offset * 60_000);
  // 31 February rolls over into March in Date.UTC: refuse it instead.
  if (new Date(time).getUTCDate() !== d) return null;
  return date;
}

/**
 * A ticket time as exports write it: ISO 8601 ("2026-09-01T09:15:00Z", "2026-09-01T09:15:00.000+02:00"), the
 * spreadsheet form "2026-09-01 09:15[:00]" with an optional offset or zone ("+0000", "+02:00", "UTC"), or the
 * month-name form "Sep 1, 2026 9:15 AM". A time without an offset or zone is read as UTC. "" → null; undefined when
 * the text is not a date.
 */
export function readTimestamp(text: string): Date | null | undefined {
  const value = text.trim();
  if (value === "") return null;
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{2}:?\d{2})?)?$/i.exec(
      value,
    );
  if (iso) {
    const offset = offsetMinutes(iso[8]);
    if (offset === undefined) return undefined;
    const ms = iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0;
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((index) => Number(iso[index] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return utcDate(y, mo, d, h, mi, s, ms, offset) ?? undefined;
  }
  const named =
    /^([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i.exec(value);
  if (named) {
    const month = MONTHS[named[1]!.toLowerCase()];
    if (!month) return undefined;
    let hour = Number(named[4] ?? 0);
    const meridiem = named[7]?.toLowerCase().replace(/\./g, "");
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
    }
    return (
      utcDate(Number(named[3]), month, Number(named[2]), hour, Number(named[5] ?? 0), Number(named[6] ?? 0), 0, 0) ??
      undefined
    );
  }
  return undefined;
}

export type DurationUnit = "seconds" | "minutes" | "hours";
const UNIT_MINUTES: Record<DurationUnit, number> = { seconds: 1 / 60, minutes: 1, hours: 60 };

const WORD_MINUTES: [RegExp, number][] = [
  [/^(d|days?)$/, 1440],
  [/^(h|hrs?|hours?)$/, 60],
  [/^(m|mins?|minutes?)$/, 1],
  [/^(s|secs?|seconds?)$/, 1 / 60],
];

/**
 * A duration in minutes: a bare number in the column's unit ("42", "1.5"), a clock ("01:30:00", "1:30" as hours and
 * minutes) or words ("1d 2h 3m", "2 hours 5 mins", "45s"). "" or "-" → null (no reply yet); undefined when unreadable.
 */
export function readDuration(text: string, unit: DurationUnit): number | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === "" || value === "-" || value === "—") return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * UNIT_MINUTES[unit];
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60;
  const parts = value.replace(/,/g, " ").match(/\d+(?:\.\d+)?\s*[a-z]+/g);
  if (!parts || parts.join("").replace(/\s/g, "") !== value.replace(/[\s,]/g, "")) return undefined;
  let minutes = 0;
  for (const part of parts) {
    const [, amount, word] = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(part)!;
    const factor = WORD_MINUTES.find(([pattern]) => pattern.test(word!))?.[1];
    if (factor === undefined) return undefined;
    minutes += Number(amount) * factor;
  }
  return minutes;
}

/** "2026-09-01" → that day at 00:00 UTC; undefined when not a real calendar date. */
export function readDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  return utcDate(Number(match[1]), Number(match[2]), Number(match[3]), 0, 0, 0, 0, 0) ?? undefined;
}

/** A day as "2026-09-01" (UTC). */
export function dayText(date: Date): string {
  return date.toISOString().slice(0, 10);
}
