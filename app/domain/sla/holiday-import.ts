// Holidays for a schedule from a country's public holidays (date-holidays). Pure: a country code in, holidays in the
// shape of app/domain/sla/schedule.ts out. Holidays from .ics files: ics-import.ts.
import Holidays from "date-holidays";
import { dedupeHolidays, HolidayImportError } from "./holiday-list";
import type { Holiday } from "./schedule";

export function holidayCountries(): { code: string; name: string }[] {
  const countries = new Holidays().getCountries("en") as Record<string, string>;
  return Object.entries(countries)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function holidayRegions(country: string): { code: string; name: string }[] {
  const regions = (new Holidays().getStates(country, "en") ?? {}) as Record<string, string>;
  return Object.entries(regions)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Public holidays of a country (and region) for the given years, named in English. */
export function holidaysFromCountry(options: { country: string; region?: string; years: number[] }): Holiday[] {
  const country = options.country.trim().toUpperCase();
  if (!holidayCountries().some((entry) => entry.code === country)) {
    throw new HolidayImportError(`We have no holiday data for the country code “${options.country}”.`);
  }
  const region = options.region?.trim() || undefined;
  if (region && !holidayRegions(country).some((entry) => entry.code.toLowerCase() === region.toLowerCase())) {
    throw new HolidayImportError(`We have no holiday data for the region “${region}” of ${country}.`);
  }
  const calendar = region
    ? new Holidays(country, region, { languages: ["en"] })
    : new Holidays(country, { languages: ["en"] });
  const holidays = options.years.flatMap((year) =>
    (calendar.getHolidays(year, "en") ?? [])
      .filter((holiday) => holiday.type === "public")
      .map((holiday): Holiday => {
        const date = holiday.date.slice(0, 10);
        const time = holiday.date.slice(11, 16);
        // Some public holidays start in the afternoon (e.g. Christmas Eve from 14:00): close the rest of that day.
        return time && time !== "00:00"
          ? { date, name: holiday.name, closedFrom: time, closedUntil: "24:00" }
          : { date, name: holiday.name };
      }),
  );
  return dedupeHolidays(holidays);
}
