// Guessing a candidate's time zone from what we know when they arrive: the country calling code of their phone
// number, and the UTC offset in their email's Date header. Pure: the caller passes the data it has.
import { phoneCountry } from "./calling-codes";
import { formatOffset, zoneCountry, zonesOfCountry, zonesWithOffsetAt } from "./zones";

export type TimeZoneGuess = {
  /** The zone to preselect or record, or null when the evidence points at several zones equally. */
  zone: string | null;
  /** Zones worth offering first, most likely first (includes `zone`). */
  likely: string[];
  /** Why, in words staff read beside the field: "Guessed from the phone number's country code +49." */
  reason: string;
};

const MAX_LIKELY = 8;

/** The zone guessed from a phone number, or null when it has no international country code. */
export function guessFromPhone(phone: string | null | undefined): TimeZoneGuess | null {
  if (!phone) return null;
  const country = phoneCountry(phone);
  if (!country) return null;
  if (country.areaZone) {
    return {
      zone: country.areaZone,
      likely: unique([country.areaZone, ...country.countries.flatMap(zonesOfCountry)]).slice(0, MAX_LIKELY),
      reason: `Guessed from the phone number's area code ${country.callingCode} ${country.areaCode}.`,
    };
  }
  const likely = unique(country.countries.flatMap(zonesOfCountry)).slice(0, MAX_LIKELY);
  if (likely.length === 0) return null;
  // One country with one clock (+49 → Germany) is a guess; a country spread over several clocks (+1, +7, +61)
  // is only a short list.
  const countryZones = zonesOfCountry(country.countries[0]!);
  if (countryZones.length === 1) {
    return {
      zone: countryZones[0]!,
      likely,
      reason: `Guessed from the phone number's country code ${country.callingCode}.`,
    };
  }
  return {
    zone: null,
    likely,
    reason: `The phone number's country code ${country.callingCode} spans several time zones: the likely ones are listed first.`,
  };
}

export type DateHeaderOffset = { instant: Date; offsetMinutes: number };

// RFC 5322 obsolete zone names, which older mailers still write.
const NAMED_OFFSETS: Record<string, number> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/**
 * The instant and UTC offset of an email's Date header ("Tue, 1 Dec 2026 09:12:00 +0100"), or null when there is
 * none to read. "-0000" means the sender's zone is unknown (RFC 5322), so it gives none.
 */
export function dateHeaderOffset(header: string | null | undefined): DateHeaderOffset | null {
  if (!header) return null;
  const text = header.replace(/\([^)]*\)\s*$/, "").trim();
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return null;
  const numeric = /\s([+-])(\d{2})(\d{2})$/.exec(text);
  if (numeric) {
    if (numeric[0].trim() === "-0000") return null;
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[3]) >= 60 || minutes > 14 * 60) return null;
    return { instant, offsetMinutes: numeric[1] === "-" ? -minutes : minutes };
  }
  const named = /\s([A-Za-z]{1,3})$/.exec(text)?.[1]?.toUpperCase();
  if (named && named in NAMED_OFFSETS) return { instant, offsetMinutes: NAMED_OFFSETS[named]! };
  return null;
}

/** The zone guessed from the offset an email was written in: the most populous zone with that offset then. */
export function guessFromDateHeader(header: string | null | undefined): TimeZoneGuess | null {
  const parsed = dateHeaderOffset(header);
  if (!parsed) return null;
  const likely = zonesWithOffsetAt(parsed.offsetMinutes, parsed.instant).slice(0, MAX_LIKELY);
  if (likely.length === 0) return null;
  return {
    zone: likely[0]!,
    likely,
    reason: `Guessed from their email's time offset UTC${formatOffset(parsed.offsetMinutes)}.`,
  };
}

/**
 * Phone and email together: the phone's country narrows the zones that kept the email's offset (+1 and -0800 →
 * Los Angeles). When they disagree the email wins, as it says where the candidate's clock was when they wrote.
 */
export function guessTimeZone(input: { phone?: string | null; dateHeader?: string | null }): TimeZoneGuess | null {
  const byPhone = guessFromPhone(input.phone);
  const parsed = dateHeaderOffset(input.dateHeader);
  const byDate = guessFromDateHeader(input.dateHeader);
  if (!byPhone || !byDate || !parsed) return byPhone ?? byDate;
  const country = phoneCountry(input.phone!)!;
  const inCountry = zonesWithOffsetAt(parsed.offsetMinutes, parsed.instant).filter((zone) =>
    country.countries.includes(zoneCountry(zone) ?? ""),
  );
  // An area code's own zone comes first when it kept that offset.
  const both = byPhone.zone && inCountry.includes(byPhone.zone) ? unique([byPhone.zone, ...inCountry]) : inCountry;
  if (both.length === 0) {
    return {
      ...byDate,
      likely: unique([...byDate.likely.slice(0, MAX_LIKELY / 2), ...byPhone.likely]).slice(0, MAX_LIKELY),
    };
  }
  return {
    zone: both[0]!,
    likely: unique([...both, ...byPhone.likely]).slice(0, MAX_LIKELY),
    reason: `Guessed from the phone number's country code ${country.callingCode} and their email's time offset UTC${formatOffset(parsed.offsetMinutes)}.`,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
