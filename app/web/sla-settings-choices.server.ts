// Choices for the schedule editor's selects: IANA time zones, and the countries and regions with holiday data.
import { holidayCountries, holidayRegions } from "~/domain/sla/holiday-import";
import { timeZoneOptions } from "~/domain/time-zones";

type Option = { code: string; name: string };

let cached: { countries: Option[]; regions: Record<string, Option[]> } | null = null;

export function scheduleEditorChoices() {
  if (!cached) {
    const countries = holidayCountries();
    const regions: Record<string, Option[]> = {};
    for (const country of countries) {
      const list = holidayRegions(country.code);
      if (list.length > 0) regions[country.code] = list;
    }
    cached = { countries, regions };
  }
  return { timeZones: timeZoneOptions(), ...cached };
}
