// The sentence the application page shows after a rejection: when the queued rejection email goes out, on the
// candidate's clock first (it is their evening or weekend that humane timing protects) and then on the viewer's. Pure.
import { DateTime } from "luxon";
import { zoneOrUtc } from "./messages/candidate-dates";

const DAY_AND_TIME = "ccc d LLL, HH:mm";
const WITH_YEAR = "ccc d LLL yyyy, HH:mm";

function reading(instant: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone: zoneOrUtc(timeZone) }).setLocale("en-GB");
}

/**
 * "The rejection email goes Mon 7 Dec, 09:00 in their time (Europe/Berlin) — 08:00 yours." The viewer's reading drops
 * the day when it is the same calendar day as the candidate's; a year appears only when it is not now's year.
 */
export function rejectionSendNotice(input: {
  scheduledFor: Date;
  candidateTimeZone: string;
  viewerTimeZone: string;
  now: Date;
}): string {
  const { scheduledFor, now } = input;
  const theirs = reading(scheduledFor, input.candidateTimeZone);
  const yours = reading(scheduledFor, input.viewerTimeZone);
  const format = (local: DateTime) =>
    local.toFormat(local.year === DateTime.fromJSDate(now, { zone: local.zone }).year ? DAY_AND_TIME : WITH_YEAR);
  const theirZone = zoneOrUtc(input.candidateTimeZone);
  const sameClock = theirs.toFormat("yyyy-MM-dd HH:mm") === yours.toFormat("yyyy-MM-dd HH:mm");
  const start = `The rejection email goes ${format(theirs)} in their time (${theirZone.replaceAll("_", " ")})`;
  if (sameClock) return `${start}, the same as yours.`;
  const sameDay = theirs.toISODate() === yours.toISODate();
  return `${start} — ${sameDay ? yours.toFormat("HH:mm") : format(yours)} yours.`;
}
