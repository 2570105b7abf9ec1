// Time zones with their countries and main cities (from @vvo/tzdb, bundled data), their UTC offset at an instant
// (from the platform's Intl data) and a rough order of how many people live in each, for ranking guesses.
import { getCountryCode, rawTimeZones } from "@vvo/tzdb";

/** Population in millions (UN estimates, rounded), for ranking zones shared by several countries. */
// prettier-ignore
const COUNTRY_POPULATION: Record<string, number> = {
  IN: 1450, CN: 1410, US: 340, ID: 283, PK: 251, NG: 232, BR: 212, BD: 173, RU: 144, ET: 132, MX: 131, JP: 124,
  EG: 116, PH: 116, CD: 109, VN: 101, IR: 91, TR: 87, DE: 84, TH: 72, TZ: 69, GB: 69, FR: 66, ZA: 64, IT: 59,
  KE: 56, MM: 54, CO: 53, KR: 52, SD: 50, UG: 50, ES: 48, DZ: 47, IQ: 46, AR: 46, AF: 43, YE: 40, CA: 40, PL: 38,
  MA: 38, AO: 38, UA: 38, UZ: 37, MY: 35, MZ: 35, GH: 35, PE: 34, SA: 34, MG: 32, CI: 32, NP: 31, CM: 29, VE: 28,
  NE: 27, AU: 27, KP: 26, SY: 24, ML: 24, TW: 23, BF: 23, LK: 23, MW: 22, ZM: 21, TD: 20, KZ: 20, CL: 20, RO: 19,
  SO: 19, SN: 18, GT: 18, NL: 18, EC: 18, KH: 17, ZW: 17, GN: 15, BJ: 14, RW: 14, BI: 14, BO: 12, TN: 12, SS: 12,
  HT: 12, BE: 12, JO: 11, DO: 11, CU: 11, CZ: 11, SE: 11, GR: 10, PT: 10, AZ: 10, HU: 10, TJ: 10, AE: 10, BY: 9,
  HN: 11, IL: 10, PG: 10, AT: 9, CH: 9, SL: 9, TG: 9, HK: 7, LA: 8, PY: 7, LY: 7, RS: 7, SV: 6, NI: 7, BG: 6,
  KG: 7, TM: 7, DK: 6, SG: 6, CG: 6, FI: 6, LB: 6, NO: 6, PS: 5, CF: 5, OM: 5, SK: 5, CR: 5, NZ: 5, IE: 5, LR: 5,
  KW: 5, PA: 4, MR: 5, HR: 4, GE: 4, ER: 4, UY: 3, MN: 3, BA: 3, PR: 3, AM: 3, AL: 3, LT: 3, QA: 3, JM: 3, MD: 2,
  NA: 3, GM: 3, BW: 3, GA: 2, LS: 2, SI: 2, MK: 2, LV: 2, XK: 2, GW: 2, GQ: 2, BH: 1.5, TT: 1.5, EE: 1.4, TL: 1.4,
  MU: 1.3, CY: 1.3, SZ: 1.2, DJ: 1.1, FJ: 0.9,
};

/**
 * The order of zones within countries that keep several, most populous first. Zones of other countries keep the
 * data's order, whose first zone per clock is the most populous.
 */
const ZONE_ORDER: Record<string, string[]> = {
  US: [
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Denver",
    "America/Phoenix",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Adak",
  ],
  CA: [
    "America/Toronto",
    "America/Vancouver",
    "America/Edmonton",
    "America/Winnipeg",
    "America/Halifax",
    "America/Regina",
    "America/St_Johns",
  ],
  AU: [
    "Australia/Sydney",
    "Australia/Brisbane",
    "Australia/Perth",
    "Australia/Adelaide",
    "Australia/Hobart",
    "Australia/Darwin",
  ],
  BR: ["America/Sao_Paulo", "America/Manaus", "America/Rio_Branco", "America/Noronha"],
  MX: ["America/Mexico_City", "America/Tijuana", "America/Hermosillo", "America/Mazatlan", "America/Cancun"],
  RU: [
    "Europe/Moscow",
    "Asia/Yekaterinburg",
    "Asia/Novosibirsk",
    "Europe/Samara",
    "Asia/Krasnoyarsk",
    "Asia/Omsk",
    "Asia/Irkutsk",
    "Europe/Kaliningrad",
    "Asia/Vladivostok",
    "Asia/Yakutsk",
  ],
  ID: ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"],
  KZ: ["Asia/Almaty"],
  ES: ["Europe/Madrid", "Atlantic/Canary"],
  PT: ["Europe/Lisbon", "Atlantic/Madeira", "Atlantic/Azores"],
  CL: ["America/Santiago", "America/Punta_Arenas", "Pacific/Easter"],
  EC: ["America/Guayaquil", "Pacific/Galapagos"],
  CD: ["Africa/Kinshasa", "Africa/Lubumbashi"],
  NZ: ["Pacific/Auckland", "Pacific/Chatham"],
  MN: ["Asia/Ulaanbaatar", "Asia/Hovd"],
  DE: ["Europe/Berlin"],
};

export type ZoneInfo = {
  name: string;
  countryCode: string;
  countryName: string;
  mainCities: string[];
  /** Every IANA name that keeps this zone's clock in its country, the zone itself first. */
  group: string[];
  /** A rough count of the people whose clocks it keeps, for ranking; not a census. */
  weight: number;
};

function weightOf(countryCode: string, rankInCountry: number): number {
  return (COUNTRY_POPULATION[countryCode] ?? 0.1) / (1 + rankInCountry);
}

/** One entry per country and clock, as @vvo/tzdb groups them. */
export const ZONES: ZoneInfo[] = (() => {
  const seen = new Map<string, number>();
  return rawTimeZones.map((zone) => {
    const order = ZONE_ORDER[zone.countryCode];
    const listed = order?.indexOf(zone.name) ?? -1;
    const rankInCountry = listed >= 0 ? listed : (order?.length ?? 0) + (seen.get(zone.countryCode) ?? 0);
    seen.set(zone.countryCode, (seen.get(zone.countryCode) ?? 0) + 1);
    return {
      name: zone.name,
      countryCode: zone.countryCode,
      countryName: zone.countryName,
      mainCities: zone.mainCities,
      group: zone.group.includes(zone.name) ? zone.group : [zone.name, ...zone.group],
      weight: weightOf(zone.countryCode, rankInCountry),
    };
  });
})();

const BY_NAME = new Map<string, ZoneInfo>(ZONES.flatMap((zone) => zone.group.map((name) => [name, zone] as const)));

/** The zone's entry, by any of its names (current or deprecated). */
export function zoneInfo(name: string): ZoneInfo | undefined {
  return BY_NAME.get(name);
}

/** The ISO 3166 country of a zone name, if it has one. */
export function zoneCountry(name: string): string | undefined {
  return zoneInfo(name)?.countryCode ?? getCountryCode(name);
}

/** The zones of a country, most populous first. */
export function zonesOfCountry(countryCode: string): string[] {
  return ZONES.filter((zone) => zone.countryCode === countryCode)
    .sort((a, b) => b.weight - a.weight)
    .map((zone) => zone.name);
}

const OFFSET_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC that clocks in `timeZone` show at `instant` (Berlin in December: 60; Kolkata: 330). */
export function offsetMinutesAt(timeZone: string, instant: Date): number {
  let format = OFFSET_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    OFFSET_FORMATS.set(timeZone, format);
  }
  const text = format.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** "+01:00", "-03:30", "+00:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}:${String(absolute % 60).padStart(2, "0")}`;
}

/** Zones whose clocks show `offset` minutes east of UTC at `instant`, most populous first. */
export function zonesWithOffsetAt(offset: number, instant: Date): string[] {
  return ZONES.filter((zone) => offsetMinutesAt(zone.name, instant) === offset)
    .sort((a, b) => b.weight - a.weight)
    .map((zone) => zone.name);
}
