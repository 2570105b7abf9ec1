// Pure arithmetic behind the metrics report (docs/metrics.md): ratios that are null rather than 0/0, NPS, the
// Monday-UTC weeks of a window, and the short human texts the drill-down tables show.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** part ÷ whole, or null when there is nothing to divide (a 0 % would claim a verdict nobody earned). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Candidate NPS: % promoters (9–10) − % detractors (0–6), from -100 to 100; null without responses. */
export function netPromoterScore(promoters: number, detractors: number, responses: number): number | null {
  return responses > 0 ? ((promoters - detractors) * 100) / responses : null;
}

/** The window's end for verdicts: `to`, or now when the window reaches into the future. */
export function windowEnd(to: Date, now: Date): Date {
  return to.getTime() < now.getTime() ? to : now;
}

/** Monday 00:00 UTC of the week holding `at`. */
export function mondayUtc(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The Monday-UTC weeks overlapping [from, to), as YYYY-MM-DD of their Mondays, oldest first. */
export function weeksOverlapping(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  for (
    let monday = mondayUtc(from);
    monday.getTime() < to.getTime();
    monday = new Date(monday.getTime() + 7 * DAY_MS)
  ) {
    weeks.push(monday.toISOString().slice(0, 10));
  }
  return weeks;
}

/** A duration as people say it: "45 min", "3 h 20 min", "3 d 4 h" (whole minutes, rounded down). */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.floor(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A day as "2 Dec" (UTC), with the year when it differs from `now`'s. */
export function formatDay(at: Date, now: Date): string {
  const day = `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]}`;
  return at.getUTCFullYear() === now.getUTCFullYear() ? day : `${day} ${at.getUTCFullYear()}`;
}
