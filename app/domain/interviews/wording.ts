// An interview in words, as a candidate or a timeline reads it: when (in the reader's time zone, naming it by its
// city), where, how long, with whom, and the one-line summary. Never a raw timestamp.
import { INTL_LOCALES, type Locale, type Localized } from "../i18n";
import { candidateDate, zoneOrUtc } from "../messages/candidate-dates";
import type { InterviewKind } from "./types";

/** "Kolkata" from "Asia/Kolkata", "Buenos Aires" from "America/Argentina/Buenos_Aires"; null for UTC and Etc zones. */
export function cityOf(timeZone: string): string | null {
  const zone = zoneOrUtc(timeZone);
  if (zone === "UTC" || zone.startsWith("Etc/") || !zone.includes("/")) return null;
  return zone.split("/").at(-1)!.replace(/_/g, " ");
}

/** German names a city's time by an adjective ("Berliner Zeit"); the cities German speakers meet most, by zone city.
 * Any other city reads "Ortszeit Kolkata", which is always correct German. */
const GERMAN_CITY_ADJECTIVES: Record<string, string> = {
  Amsterdam: "Amsterdamer",
  Berlin: "Berliner",
  Brussels: "Brüsseler",
  Copenhagen: "Kopenhagener",
  Dublin: "Dubliner",
  Lisbon: "Lissabonner",
  London: "Londoner",
  Luxembourg: "Luxemburger",
  Madrid: "Madrider",
  Oslo: "Osloer",
  Paris: "Pariser",
  Prague: "Prager",
  Rome: "Römer",
  Stockholm: "Stockholmer",
  Vienna: "Wiener",
  Warsaw: "Warschauer",
  Zurich: "Zürcher",
  "New York": "New Yorker",
  Chicago: "Chicagoer",
  Singapore: "Singapurer",
  Tokyo: "Tokioter",
};

const ZONE_NAME: Localized<(timeZone: string) => string> = {
  en: (timeZone) => {
    const city = cityOf(timeZone);
    return city ? `${city} time` : "UTC";
  },
  de: (timeZone) => {
    const city = cityOf(timeZone);
    if (!city) return "UTC";
    const adjective = GERMAN_CITY_ADJECTIVES[city];
    return adjective ? `${adjective} Zeit` : `Ortszeit ${city}`;
  },
};

function clockTime(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: zoneOrUtc(timeZone),
  }).format(instant);
}

/** "Tuesday 8 December, 14:00" (en) or "Dienstag, 8. Dezember, 14:00" (de), in `timeZone`. The year is written only
 * when it differs from the year of `now`; without `now`, never. */
function dateAndTime(start: Date, locale: Locale, timeZone: string, now?: Date): string {
  return `${candidateDate(start, locale, timeZone, now ?? start)}, ${clockTime(start, locale, timeZone)}`;
}

/** "Tuesday 8 December, 14:00 (Berlin time)" or "Dienstag, 8. Dezember, 14:00 (Berliner Zeit)": when the interview
 * starts, on the reader's clock, naming that clock. */
export function interviewWhen(start: Date, locale: Locale, timeZone: string, now?: Date): string {
  return `${dateAndTime(start, locale, timeZone, now)} (${ZONE_NAME[locale](timeZone)})`;
}

const WHERE: Localized<{ video: (url: string) => string; both: (place: string, url: string) => string }> = {
  en: { video: (url) => `Video call: ${url}`, both: (place, url) => `${place} (or by video: ${url})` },
  de: { video: (url) => `Videoanruf: ${url}`, both: (place, url) => `${place} (oder per Video: ${url})` },
};

/** The place, the video link, or both; empty when neither is known. */
export function interviewWhere(location: string | null, videoUrl: string | null, locale: Locale): string {
  const place = location?.trim() ?? "";
  const url = videoUrl?.trim() ?? "";
  if (place && url) return WHERE[locale].both(place, url);
  if (url) return WHERE[locale].video(url);
  return place;
}

const UNITS: Localized<{ hour: [string, string]; minute: [string, string] }> = {
  en: { hour: ["hour", "hours"], minute: ["minute", "minutes"] },
  de: { hour: ["Stunde", "Stunden"], minute: ["Minute", "Minuten"] },
};

/** "45 minutes", "1 hour", "1 hour 30 minutes" (en); "45 Minuten", "1 Stunde 30 Minuten" (de). */
export function interviewDuration(minutes: number, locale: Locale): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  const units = UNITS[locale];
  const part = (count: number, [one, many]: [string, string]) => `${count} ${count === 1 ? one : many}`;
  const parts = [hours > 0 ? part(hours, units.hour) : null, rest > 0 || hours === 0 ? part(rest, units.minute) : null];
  return parts.filter((text) => text !== null).join(" ");
}

/** "Priya Raman and Tom Becker", "Priya, Tom und Ana": the people they will meet; empty for nobody. */
export function interviewWith(names: readonly string[], locale: Locale): string {
  const named = names.map((name) => name.trim()).filter((name) => name !== "");
  return new Intl.ListFormat(INTL_LOCALES[locale], { style: "long", type: "conjunction" }).format(named);
}

const KIND_WORDS: Localized<Record<InterviewKind, { inPerson: string; byVideo: string }>> = {
  en: {
    screen: { inPerson: "Screening call", byVideo: "Video call" },
    interview: { inPerson: "Interview", byVideo: "Video interview" },
    assessment: { inPerson: "Assessment", byVideo: "Assessment" },
    onsite: { inPerson: "On-site interview", byVideo: "On-site interview" },
    other: { inPerson: "Meeting", byVideo: "Video call" },
  },
  de: {
    screen: { inPerson: "Kennenlerngespräch", byVideo: "Videoanruf" },
    interview: { inPerson: "Vorstellungsgespräch", byVideo: "Video-Interview" },
    assessment: { inPerson: "Fallstudie", byVideo: "Fallstudie" },
    onsite: { inPerson: "Gespräch vor Ort", byVideo: "Gespräch vor Ort" },
    other: { inPerson: "Termin", byVideo: "Videoanruf" },
  },
};

/** What the interview is, in a word or two: "Screening call", "Vorstellungsgespräch"; "Video call" when it is by
 * video only (a link and no place) and its kind allows. */
export function interviewTitle(
  interview: Pick<InterviewSummaryInput, "kind" | "location" | "videoUrl">,
  locale: Locale,
): string {
  const words = KIND_WORDS[locale][interview.kind];
  const byVideo = Boolean(interview.videoUrl?.trim()) && !interview.location?.trim();
  return byVideo ? words.byVideo : words.inPerson;
}

const SUMMARY_TEXTS: Localized<{ with: string; noTimeYet: string }> = {
  en: { with: "with", noTimeYet: "time not fixed yet" },
  de: { with: "mit", noTimeYet: "Termin noch offen" },
};

export type InterviewSummaryInput = {
  kind: InterviewKind;
  /** Null while times are offered and none is chosen. */
  startsAt: Date | null;
  location: string | null;
  videoUrl: string | null;
  /** Whom the reader meets, as they know them ("Priya", or full names). */
  names: readonly string[];
};

/** The timeline's line: "Video call with Priya, Tuesday 8 December, 14:00" — what, with whom, when on the reader's
 * clock. A video link with no place makes it a video call. */
export function interviewSummary(interview: InterviewSummaryInput, locale: Locale, timeZone: string): string {
  const texts = SUMMARY_TEXTS[locale];
  const people = interviewWith(interview.names, locale);
  const what = `${interviewTitle(interview, locale)}${people ? ` ${texts.with} ${people}` : ""}`;
  const when = interview.startsAt ? dateAndTime(interview.startsAt, locale, timeZone) : texts.noTimeYet;
  return `${what}, ${when}`;
}
