// Dates as a candidate reads them: in their own time zone and language, written out ("Friday, 4 December").
import { DateTime, IANAZone } from "luxon";
import { INTL_LOCALES, type Locale, type Localized } from "../i18n";

/** The word between a date and its time: "Tuesday, 8 December at 10:00". */
const DATE_TIME_JOINER: Localized<string> = { en: "at", de: "um" };

/** The zone itself when it is a valid IANA zone, else UTC: a stored zone never breaks a date. */
export function zoneOrUtc(timeZone: string): string {
  return IANAZone.isValidZone(timeZone) ? timeZone : "UTC";
}

/** "Friday, 4 December" (en) or "Freitag, 4. Dezember" (de); the year only when it is not the year of `now`. */
export function candidateDate(instant: Date, locale: Locale, timeZone: string, now: Date = new Date()): string {
  const zone = zoneOrUtc(timeZone);
  const year = (date: Date) => new Intl.DateTimeFormat("en", { year: "numeric", timeZone: zone }).format(date);
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(year(instant) === year(now) ? {} : { year: "numeric" }),
    timeZone: zone,
  }).format(instant);
}

/** "Tuesday, 8 December at 10:00" (en) or "Dienstag, 8. Dezember um 10:00" (de), in the candidate's zone. */
export function candidateDateTime(instant: Date, locale: Locale, timeZone: string, now: Date = new Date()): string {
  const time = new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: zoneOrUtc(timeZone),
  }).format(instant);
  return `${candidateDate(instant, locale, timeZone, now)} ${DATE_TIME_JOINER[locale]} ${time}`;
}

/** When the year of `now` ends in the candidate's zone: from then on candidateDate writes dates of that year with the
 * year and those of the next without. It is the only way a written date depends on `now`. */
export function candidateYearEndsAt(now: Date, timeZone: string): Date {
  return DateTime.fromJSDate(now, { zone: zoneOrUtc(timeZone) })
    .startOf("year")
    .plus({ years: 1 })
    .toJSDate();
}
