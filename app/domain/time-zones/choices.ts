// The options of the time-zone picker: the likely zones first, then every zone the platform knows grouped by region,
// each labelled "Berlin, Germany (UTC+01:00)" with the offset in force at the given instant. Built on the server so
// the page renders the same with and without JavaScript.
import { INTL_LOCALES, type Locale, type Localized } from "~/domain/i18n";
import { formatOffset, offsetMinutesAt, zoneCountry, zoneInfo } from "./zones";

export type TimeZoneChoice = {
  value: string;
  label: string;
  /** Lower-case words the filter matches: the label, the IANA name and the zone's main cities. */
  search: string;
};

export type TimeZoneChoices = {
  likely: TimeZoneChoice[];
  regions: { label: string; choices: TimeZoneChoice[] }[];
};

export type TimeZonePickerTexts = {
  likely: string;
  filterLabel: string;
  filterHint: string;
  /** "12 time zones match." */
  matches: (count: number) => string;
  noMatch: string;
  regions: Record<string, string>;
  other: string;
};

export const TIME_ZONE_PICKER_TEXTS: Localized<TimeZonePickerTexts> = {
  en: {
    likely: "Likely",
    filterLabel: "Find a time zone",
    filterHint: "Type a city, country or offset; Enter picks the first match.",
    matches: (count) => (count === 1 ? "1 time zone matches." : `${count} time zones match.`),
    noMatch: "No time zone matches. The list shows the current choice.",
    regions: {
      Africa: "Africa",
      America: "Americas",
      Antarctica: "Antarctica",
      Arctic: "Arctic",
      Asia: "Asia",
      Atlantic: "Atlantic Ocean",
      Australia: "Australia",
      Europe: "Europe",
      Indian: "Indian Ocean",
      Pacific: "Pacific Ocean",
    },
    other: "Other",
  },
  de: {
    likely: "Wahrscheinlich",
    filterLabel: "Zeitzone suchen",
    filterHint: "Stadt, Land oder Abstand eingeben; die Eingabetaste wählt den ersten Treffer.",
    matches: (count) => (count === 1 ? "1 Zeitzone passt." : `${count} Zeitzonen passen.`),
    noMatch: "Keine Zeitzone passt. Die Liste zeigt die aktuelle Auswahl.",
    regions: {
      Africa: "Afrika",
      America: "Amerika",
      Antarctica: "Antarktis",
      Arctic: "Arktis",
      Asia: "Asien",
      Atlantic: "Atlantik",
      Australia: "Australien",
      Europe: "Europa",
      Indian: "Indischer Ozean",
      Pacific: "Pazifik",
    },
    other: "Sonstige",
  },
};

/** Lower case without accents, so "sao" finds São Paulo and "koln" Köln. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** True when every word of `query` appears in the choice's search text. */
export function choiceMatches(choice: TimeZoneChoice, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  return words.every((word) => choice.search.includes(word));
}

/**
 * Every zone the platform knows, once per country and clock: an alias or a zone that keeps the same time as its
 * country's main one (Asia/Calcutta, America/Detroit) is offered under the main name (Asia/Kolkata,
 * America/New_York), so the list stays short and guesses name zones that are in it.
 */
function allZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const main = zones.map((zone) => {
    const name = zoneInfo(zone)?.name;
    return name && name !== zone && isZone(name) ? name : zone;
  });
  return [...new Set(["UTC", ...main.filter((zone) => zone !== "UTC")])];
}

const REGION_NAMES = new Map<Locale, Intl.DisplayNames>();

function regionNames(locale: Locale): Intl.DisplayNames {
  let names = REGION_NAMES.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALES[locale]], { type: "region" });
    REGION_NAMES.set(locale, names);
  }
  return names;
}

function cityOf(zone: string): string {
  return (zone.split("/").pop() ?? zone).replaceAll("_", " ");
}

/** One option: "Berlin, Germany (UTC+01:00)"; zones without a country: "UTC (UTC+00:00)". */
export function timeZoneChoice(zone: string, at: Date, locale: Locale = "en"): TimeZoneChoice {
  const country = zoneCountry(zone);
  let countryName: string | undefined;
  if (country) {
    try {
      countryName = regionNames(locale).of(country);
    } catch {
      countryName = zoneInfo(zone)?.countryName;
    }
  }
  let offset = "";
  try {
    offset = ` (UTC${formatOffset(offsetMinutesAt(zone, at))})`;
  } catch {
    // A zone this platform cannot compute keeps its name alone.
  }
  const place = zone === "UTC" ? "UTC" : countryName ? `${cityOf(zone)}, ${countryName}` : cityOf(zone);
  const label = `${place}${offset}`;
  const cities = zoneInfo(zone)?.mainCities ?? [];
  return { value: zone, label, search: foldForSearch([label, zone, ...cities].join(" ")) };
}

/**
 * The picker's options at `at`. `likely` zones come first (unknown ones dropped, duplicates kept once); `current` is
 * always offered, even when the platform does not list it.
 */
export function timeZoneChoices(input: {
  at: Date;
  likely?: string[];
  current?: string | null;
  locale?: Locale;
}): TimeZoneChoices {
  const locale = input.locale ?? "en";
  const zones = allZones();
  const known = new Set(zones);
  const extra = [input.current ?? "", ...(input.likely ?? [])].filter(
    (zone) => zone && !known.has(zone) && isZone(zone),
  );
  const regions =
    extra.length === 0
      ? cachedRegions(zones, input.at, locale)
      : regionsOf([...zones, ...new Set(extra)], input.at, locale);
  const offered = new Set([...zones, ...extra]);
  const likely = [...new Set(input.likely ?? [])].filter((zone) => offered.has(zone));
  return { likely: likely.map((zone) => timeZoneChoice(zone, input.at, locale)), regions };
}

// Offsets change at most every quarter of an hour (DST changes happen on the hour or half hour), so the full list
// is kept per locale for the quarter hour it was built in.
const QUARTER_HOUR_MS = 15 * 60_000;
const REGIONS_CACHE = new Map<Locale, { quarter: number; regions: TimeZoneChoices["regions"] }>();

function cachedRegions(zones: string[], at: Date, locale: Locale): TimeZoneChoices["regions"] {
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const cached = REGIONS_CACHE.get(locale);
  if (cached?.quarter === quarter) return cached.regions;
  const regions = regionsOf(zones, at, locale);
  REGIONS_CACHE.set(locale, { quarter, regions });
  return regions;
}

function regionsOf(zones: string[], at: Date, locale: Locale): TimeZoneChoices["regions"] {
  const texts = TIME_ZONE_PICKER_TEXTS[locale];
  const byRegion = new Map<string, TimeZoneChoice[]>();
  for (const zone of zones) {
    const prefix = zone.includes("/") ? zone.split("/")[0]! : "";
    const region = texts.regions[prefix] ?? texts.other;
    const list = byRegion.get(region) ?? [];
    list.push(timeZoneChoice(zone, at, locale));
    byRegion.set(region, list);
  }
  const collator = new Intl.Collator(INTL_LOCALES[locale]);
  return [...byRegion.entries()]
    .map(([label, choices]) => ({ label, choices: choices.sort((a, b) => collator.compare(a.label, b.label)) }))
    .sort((a, b) => (a.label === texts.other ? 1 : b.label === texts.other ? -1 : collator.compare(a.label, b.label)));
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The same options with `likely` (zones already among them) as the first group: for a guess made in the browser. */
export function withLikely(choices: TimeZoneChoices, likely: string[]): TimeZoneChoices {
  const all = new Map(choices.regions.flatMap((region) => region.choices.map((choice) => [choice.value, choice])));
  const first = [...new Set(likely)].flatMap((zone) => {
    const choice = all.get(zone);
    return choice ? [choice] : [];
  });
  return { ...choices, likely: first };
}
