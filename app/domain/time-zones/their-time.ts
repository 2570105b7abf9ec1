// The candidate's wall-clock time at an instant, for staff reading a due date in their own zone: "09:00 their time",
// with a hint when it falls at night where the candidate is.

/** Night where the candidate is: from 22:00 until 07:00. */
export const NIGHT_STARTS_HOUR = 22;
export const NIGHT_ENDS_HOUR = 7;

export type TheirTime = {
  /** "09:00", or "Wed 02:00" when the candidate's calendar day differs from the viewer's. */
  text: string;
  night: boolean;
};

function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    weekday: "short",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "";
  return {
    day: `${get("year")}-${get("month")}-${get("day")}`,
    weekday: get("weekday"),
    hour: Number(get("hour")),
    time: `${get("hour")}:${get("minute")}`,
  };
}

function isZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The candidate's local time at `instant` when it reads differently from the viewer's, else null (same zone, or a
 * zone that shows the same wall-clock time then, or a zone the platform does not know).
 */
export function theirTime(
  instant: Date,
  viewerTimeZone: string,
  candidateTimeZone: string | null | undefined,
): TheirTime | null {
  if (!candidateTimeZone || candidateTimeZone === viewerTimeZone) return null;
  if (Number.isNaN(instant.getTime()) || !isZone(candidateTimeZone) || !isZone(viewerTimeZone)) return null;
  const theirs = wallClock(instant, candidateTimeZone);
  const ours = wallClock(instant, viewerTimeZone);
  if (theirs.day === ours.day && theirs.time === ours.time) return null;
  const text = theirs.day === ours.day ? theirs.time : `${theirs.weekday} ${theirs.time}`;
  return { text, night: theirs.hour >= NIGHT_STARTS_HOUR || theirs.hour < NIGHT_ENDS_HOUR };
}

/** "09:00 their time", "Wed 02:00 their time, at night". */
export function theirTimeLabel(their: TheirTime): string {
  return `${their.text} their time${their.night ? ", at night" : ""}`;
}
